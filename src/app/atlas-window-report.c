/* atlas-window-report.c — Export Report…: the study's report for what is open
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-report.h"
#include "atlas-store-labels.h"
#include "atlas-window-private.h"

typedef struct
{
  AtlasReport *report;
  char        *directory;
  AdwToast    *progress;   /* "Writing the report…", dismissed when done */
} ReportJob;

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_clear_object (&job->report);
  g_clear_object (&job->progress);
  g_free (job->directory);
  g_free (job);
}

/* Drawing every figure and writing some forty files takes a second or two
 * on a large corpus: off the UI thread. The report touches no corpus. */
static void
write_report_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (atlas_report_write (job->report, job->directory, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
show_report_error (AtlasWindow *self,
                   const char  *message)
{
  /* The body is plain text (no markup): the message quotes file names. */
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Report Not Written"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_report_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (object);
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->report_dir, g_free);
  _atlas_window_actions_update (self);
  adw_toast_dismiss (job->progress);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_report_error (self, error->message);
      return;
    }
  {
    g_autofree char *page = g_build_filename (job->directory, "report.html", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (page);
    g_autofree char *uri = g_file_get_uri (file);
    g_autofree char *shown = g_filename_display_name (job->directory);
    g_autofree char *title = g_strdup_printf (_("Report written to %s"), shown);
    /* libadwaita 1.2 reads a toast's title as markup. */
    g_autofree char *escaped = g_markup_escape_text (title, -1);
    AdwToast *toast = adw_toast_new (escaped);

    adw_toast_set_button_label (toast, _("_Open"));
    adw_toast_set_action_name (toast, "win.open-report");
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    adw_toast_set_timeout (toast, 8);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
  g_signal_emit_by_name (self, "report-written", job->directory);
}

/* The rater whose labels the Hand Labels page shows. */
static char *
dup_rater (AtlasWindow *self)
{
  g_autofree char *rater = self->settings != NULL ? g_settings_get_string (self->settings, "rater-name") : NULL;

  return rater != NULL && *rater != '\0' ? g_steal_pointer (&rater) : g_strdup (g_get_real_name ());
}

gboolean
atlas_window_export_report (AtlasWindow *self,
                            const char  *directory)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(AtlasFilter) filter = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_hand_label_free);
  g_autofree char *rater = dup_rater (self);
  GHashTable *table = atlas_research_page_get_labels (self->research_page);
  GPtrArray *sample = atlas_research_page_get_sample (self->research_page);
  AtlasReport *report;
  ReportJob *job;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);

  if (self->report_dir != NULL || self->corpus == NULL || atlas_corpus_get_n_crashes (self->corpus) == 0 ||
      atlas_corpus_loader_get_running (self->loader))
    return FALSE;
  if (table != NULL)
    {
      GHashTableIter iter;
      gpointer label;

      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, NULL, &label))
        g_ptr_array_add (labels, atlas_hand_label_copy (label));
    }
  /* Counted here, where the corpus lives; the filter the window shows is
   * the report's, copied so that changing it meanwhile changes nothing. */
  filter = atlas_filter_copy (self->filter);
  report = atlas_report_new (&(AtlasReportInput) {
                               .corpus = self->corpus,
                               .filter = filter,
                               .sample = sample,
                               .labels = labels->len > 0 ? labels : NULL,
                               .rater = rater,
                               .source = gtk_window_get_title (GTK_WINDOW (self)),
                             }, &error);
  if (report == NULL)
    {
      show_report_error (self, error->message);
      return FALSE;
    }
  job = g_new0 (ReportJob, 1);
  job->report = report;
  job->directory = g_strdup (directory);
  self->report_dir = g_strdup (directory);
  _atlas_window_actions_update (self);
  /* Until it is written (a large corpus takes some seconds): no timeout. */
  job->progress = adw_toast_new (_("Writing the report…"));
  adw_toast_set_timeout (job->progress, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (job->progress));
  task = g_task_new (self, self->cancellable, write_report_cb, NULL);
  g_task_set_source_tag (task, atlas_window_export_report);
  g_task_set_task_data (task, job, report_job_free);
  g_task_run_in_thread (task, write_report_thread);
  return TRUE;
}

gboolean
atlas_window_get_exporting_report (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return self->report_dir != NULL;
}

static void
report_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            AtlasWindow     *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (folder)) != NULL)
    atlas_window_export_report (self, path);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  /* GTK 4.8 has no GtkFileDialog; the native chooser is the portal's in a sandbox. */
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export Report to a Folder"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (report_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  /* gtk_show_uri() is GTK 4.8's way (GtkUriLauncher came in 4.10). */
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

void
_atlas_window_report_class_init (AtlasWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.open-report", "s", open_report_action);
  /* Emitted on the main thread when a report is whole in its folder (tests wait for it). */
  g_signal_new ("report-written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
_atlas_window_report_actions_update (AtlasWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report",
                                 self->report_dir == NULL && self->corpus != NULL &&
                                 atlas_corpus_get_n_crashes (self->corpus) > 0 &&
                                 !atlas_corpus_loader_get_running (self->loader));
}
