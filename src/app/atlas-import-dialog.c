/* atlas-import-dialog.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-import-dialog.h"

struct _AtlasImportDialog
{
  AdwWindow              parent_instance;

  AdwEntryRow           *source_row;
  GtkLabel              *recognised_label;
  GtkProgressBar        *progress_bar;
  GtkLabel              *status_label;
  GtkListBox            *items_list;
  GtkButton             *import_button;
  GtkButton             *cancel_button;

  AtlasCorpus           *corpus;
  AtlasRemoteWorkerFunc  worker_func;
  gpointer               worker_data;
  GDestroyNotify         worker_data_destroy;
  GCancellable          *cancellable;   /* of the running import, or NULL */
  guint                  n_items;
  guint                  n_failed;
};

enum { NOTEBOOK_IMPORTED, FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasImportDialog, atlas_import_dialog, ADW_TYPE_WINDOW)

static void
set_status (AtlasImportDialog *self,
            const char        *text)
{
  gtk_label_set_text (self->status_label, text);
}

static void
text_changed_cb (AtlasImportDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_row))));
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRemoteSpec) spec = NULL;
  g_autofree char *description = NULL;

  if (*text == '\0')
    {
      gtk_label_set_text (self->recognised_label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }
  spec = atlas_remote_spec_parse (text, &error);
  description = spec ? atlas_remote_spec_describe (spec) : NULL;
  gtk_label_set_text (self->recognised_label, spec ? description : error->message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), spec != NULL && self->cancellable == NULL);
}

static void
add_row (AtlasImportDialog     *self,
         const AtlasRemoteItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* titles come from servers: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->location);
  if (item->notebook == NULL)
    subtitle = g_strdup (item->error ? item->error->message : item->message);
  else if (item->status != ATLAS_NOTEBOOK_STATUS_OK && item->message != NULL)
    subtitle = g_strdup (item->message);
  else
    {
      guint n = atlas_notebook_get_crashes (item->notebook)->len;

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u crash (%s)", "%u crashes (%s)", n), n,
                                  atlas_remote_provenance_to_string (item->provenance));
      /* read although Jupyter would refuse it: the report says what is wrong */
      if (atlas_notebook_get_issues (item->notebook) != 0)
        {
          g_auto(GStrv) warnings = atlas_notebook_dup_warnings (item->notebook);
          g_autofree char *joined = g_strjoinv ("; ", warnings);
          char *with_warnings = g_strdup_printf (_("%s; warning: %s"), subtitle, joined);

          g_free (subtitle);
          subtitle = with_warnings;
        }
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (self->items_list, row);
}

static void
item_cb (AtlasRemoteItem *item,
         gpointer         user_data)
{
  AtlasImportDialog *self = user_data;

  self->n_items++;
  if (item->notebook == NULL)
    self->n_failed++;
  add_row (self, item);
  if (self->corpus != NULL)
    {
      GPtrArray *crashes = item->notebook ? atlas_notebook_get_crashes (item->notebook) : NULL;
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      atlas_corpus_add (self->corpus, atlas_remote_item_to_info (item), crashes ? crashes : none);
    }
  g_signal_emit (self, signals[NOTEBOOK_IMPORTED], 0, item);
  atlas_remote_item_free (item);
}

static void
progress_cb (const AtlasRemoteProgress *progress,
             gpointer                   user_data)
{
  AtlasImportDialog *self = user_data;
  g_autofree char *text = NULL;

  switch (progress->phase)
    {
    case ATLAS_REMOTE_PHASE_LISTING:
      gtk_progress_bar_pulse (self->progress_bar);
      text = g_strdup_printf (_("Listing %s…"), progress->message);
      break;
    case ATLAS_REMOTE_PHASE_WAITING:
      text = g_strdup (progress->message);
      break;
    case ATLAS_REMOTE_PHASE_FETCHING:
    default:
      if (progress->n_found > 0)
        gtk_progress_bar_set_fraction (self->progress_bar, progress->n_done / (double)progress->n_found);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u notebook", "%u of %u notebooks",
                                           progress->n_found),
                              progress->n_done, progress->n_found);
      break;
    }
  set_status (self, text);
}

/* Two counts, two plurals: each phrase is translated on its own. */
static char *
imported_text (guint n_imported,
               guint n_failed)
{
  g_autofree char *imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u notebook",
                                                            "Imported %u notebooks", n_imported),
                                               n_imported);
  g_autofree char *failed = NULL;

  if (n_failed == 0)
    return g_steal_pointer (&imported);
  failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u could not be read", "%u could not be read",
                                         n_failed),
                            n_failed);
  /* TRANSLATORS: "Imported 12 notebooks" and "3 could not be read" */
  return g_strdup_printf (_("%s, %s"), imported, failed);
}

static void
finish (AtlasImportDialog *self,
        GError            *error)
{
  g_autofree char *text = NULL;

  g_clear_object (&self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_row), TRUE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  text_changed_cb (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cancelled after %u notebook; importing again resumes",
                                         "Cancelled after %u notebooks; importing again resumes", self->n_items),
                            self->n_items);
  else if (error != NULL)
    text = g_strdup (error->message);
  else
    text = imported_text (self->n_items, self->n_failed);
  set_status (self, text);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(AtlasImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  atlas_remote_source_run_finish (ATLAS_REMOTE_SOURCE (object), result, &error);
  finish (self, error);
}

/* Credentials: the keyring (set in Preferences), else the environment and
 * the Kaggle CLI's files; looked up off the main thread. */
static void
credentials_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AtlasCredentials *credentials = atlas_credentials_new ();
  g_autoptr(GError) error = NULL;

  if (g_getenv ("CRASH_ATLAS_NO_KEYRING") == NULL &&
      !atlas_credentials_add_from_keyring (credentials, cancellable, &error))
    g_debug ("keyring: %s", error->message);
  atlas_credentials_add_from_env (credentials);
  atlas_credentials_add_from_kaggle_files (credentials);
  g_task_return_pointer (task, credentials, (GDestroyNotify)atlas_credentials_free);
}

static void
credentials_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtlasImportDialog) self = user_data;
  g_autoptr(AtlasCredentials) credentials = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(AtlasRemoteSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_row))));

  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "");

      return finish (self, cancelled);
    }
  if ((source = atlas_remote_source_new (text, credentials, &error)) == NULL)
    return finish (self, error);
  if (self->worker_func != NULL)
    atlas_remote_source_set_worker_func (source, self->worker_func, self->worker_data, NULL);
  atlas_remote_source_run_async (source, item_cb, progress_cb, g_object_ref (self), g_object_unref,
                                 self->cancellable, run_cb, g_object_ref (self));
}

void
atlas_import_dialog_start (AtlasImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATLAS_IS_IMPORT_DIALOG (self));

  if (self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->n_items = self->n_failed = 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_button_set_label (self->cancel_button, _("_Cancel"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_status (self, _("Starting…"));
  task = g_task_new (NULL, self->cancellable, credentials_cb, g_object_ref (self));
  g_task_set_source_tag (task, atlas_import_dialog_start);
  g_task_run_in_thread (task, credentials_worker);
}

static void
cancel_cb (AtlasImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
atlas_import_dialog_close_request (GtkWindow *window)
{
  AtlasImportDialog *self = ATLAS_IMPORT_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (atlas_import_dialog_parent_class)->close_request (window);
}

static void
atlas_import_dialog_dispose (GObject *object)
{
  AtlasImportDialog *self = ATLAS_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->corpus);
  if (self->worker_data_destroy != NULL)
    g_clear_pointer (&self->worker_data, self->worker_data_destroy);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (atlas_import_dialog_parent_class)->dispose (object);
}

static void
atlas_import_dialog_class_init (AtlasImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_import_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = atlas_import_dialog_close_request;

  /**
   * AtlasImportDialog::notebook-imported:
   * @item: (type gpointer): the AtlasRemoteItem, valid during the emission
   */
  signals[NOTEBOOK_IMPORTED] =
    g_signal_new ("notebook-imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, recognised_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, items_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, atlas_import_dialog_start);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_import_dialog_init (AtlasImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_import_dialog_new (GtkWindow *parent)
{
  return g_object_new (ATLAS_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

void
atlas_import_dialog_set_corpus (AtlasImportDialog *self,
                                AtlasCorpus       *corpus)
{
  g_return_if_fail (ATLAS_IS_IMPORT_DIALOG (self));
  g_set_object (&self->corpus, corpus);
}

void
atlas_import_dialog_set_worker_func (AtlasImportDialog     *self,
                                     AtlasRemoteWorkerFunc  func,
                                     gpointer               user_data,
                                     GDestroyNotify         user_data_destroy)
{
  g_return_if_fail (ATLAS_IS_IMPORT_DIALOG (self));

  if (self->worker_data_destroy != NULL)
    self->worker_data_destroy (self->worker_data);
  self->worker_func = func;
  self->worker_data = user_data;
  self->worker_data_destroy = user_data_destroy;
}

void
atlas_import_dialog_set_text (AtlasImportDialog *self,
                              const char        *text)
{
  g_return_if_fail (ATLAS_IS_IMPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), text);
}

gboolean
atlas_import_dialog_is_running (AtlasImportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}
