/* atlas-window-actions.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-corpus-clusters.h"
#include "atlas-corpus-file.h"
#include "atlas-export-dialog.h"
#include "atlas-import-dialog.h"
#include "atlas-settings.h"
#include "atlas-user-rules.h"
#include "atlas-window-private.h"

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     AtlasWindow     *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  if (paths->len > 1)
    atlas_window_open_paths (self, (const char * const *)paths->pdata);

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
run_chooser (AtlasWindow          *self,
             GtkFileChooserAction  action,
             const char           *title)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Open"), _("_Cancel"));

  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      g_autoptr(GtkFileFilter) corpus_filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Notebooks and corpus files"));
      gtk_file_filter_add_pattern (filter, "*.ipynb");
      gtk_file_filter_add_pattern (filter, "*" ATLAS_CORPUS_FILE_SUFFIX);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_filter_set_name (corpus_filter, _("Corpus files"));
      gtk_file_filter_add_pattern (corpus_filter, "*" ATLAS_CORPUS_FILE_SUFFIX);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), corpus_filter);
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_files_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  run_chooser (ATLAS_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Notebooks"));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  run_chooser (ATLAS_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Open a Folder of Notebooks"));
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          AtlasWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      /* The suffix is how the file manager and the open dialog know it. */
      if (!g_str_has_suffix (path, ATLAS_CORPUS_FILE_SUFFIX))
        {
          char *with_suffix = g_strconcat (path, ATLAS_CORPUS_FILE_SUFFIX, NULL);

          g_free (path);
          path = with_suffix;
        }
      atlas_window_save_as (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Save Corpus As"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Save"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Corpus files"));
  gtk_file_filter_add_pattern (filter, "*" ATLAS_CORPUS_FILE_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name Save As suggests; keep the suffix. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Crashes.crashatlas"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  atlas_window_open_demo (ATLAS_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _atlas_window_open_recent (ATLAS_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
cancel_scan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  atlas_corpus_loader_cancel (ATLAS_WINDOW (widget)->loader);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  atlas_filter_clear (ATLAS_WINDOW (widget)->filter);
}

/* Charts, counts and lists count a notebook whose content equals an
 * earlier one's once; the filter bar's chip undoes it. */
static void
count_copies_once_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  atlas_filter_set_distinct_content (ATLAS_WINDOW (widget)->filter, TRUE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkWidget *dialog = atlas_export_dialog_new (GTK_WINDOW (self), self->chart_page);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
classify_imported (AtlasNotebook *notebook,
                   gpointer       classifier)
{
  atlas_classifier_classify_notebook (classifier, notebook);
}

static void
notebook_imported_cb (AtlasWindow       *self,
                      AtlasRemoteItem   *item,
                      AtlasImportDialog *dialog)
{
  AtlasClassifier *classifier = g_object_get_data (G_OBJECT (dialog), "atlas-classifier");

  if (item->notebook != NULL)
    _atlas_window_take_imported (self, item->notebook, atlas_classifier_get_rules_version (classifier));
}

static void
import_finished_cb (AtlasWindow *self)
{
  /* Message groups need every message, the imported ones too. */
  atlas_corpus_update_clusters (self->corpus);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autofree char *rules_file = atlas_settings_dup_rules_file (self->settings);
  AtlasClassifier *classifier = atlas_classifier_new_with_user_rules (rules_file, NULL);
  GtkWidget *dialog = atlas_import_dialog_new (GTK_WINDOW (self));

  /* Imported notebooks join the corpus on view, labelled like the others. */
  atlas_import_dialog_set_corpus (ATLAS_IMPORT_DIALOG (dialog), self->corpus);
  g_object_set_data_full (G_OBJECT (dialog), "atlas-classifier", g_object_ref (classifier), g_object_unref);
  atlas_import_dialog_set_worker_func (ATLAS_IMPORT_DIALOG (dialog),
                                       classify_imported,
                                       classifier, g_object_unref);
  g_signal_connect_object (dialog, "notebook-imported", G_CALLBACK (notebook_imported_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "crashes");
  atlas_crash_list_focus_search (self->crash_list);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  adw_view_stack_set_visible_child_name (ATLAS_WINDOW (widget)->view_stack,
                                         g_variant_get_string (param, NULL));
}

/* Labels the crash selected in the crash list by hand. */
static void
label_crash_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasCrash *crash = atlas_crash_list_get_selected_crash (self->crash_list);

  if (crash == NULL)
    return;
  atlas_research_page_label_crash (self->research_page, crash);
  adw_view_stack_set_visible_child_name (self->view_stack, "labels");
}

static void
chart_kind_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasChartKind kind;

  if (!atlas_chart_kind_from_string (g_variant_get_string (param, NULL), &kind))
    return;
  atlas_chart_page_set_kind (self->chart_page, kind);
  adw_view_stack_set_visible_child_name (self->view_stack, "charts");
}

void
_atlas_window_update_recent_menu (AtlasWindow *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_section);
  if (self->settings == NULL)
    return;
  recent = g_settings_get_strv (self->settings, "recent-corpora");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_auto(GStrv) paths = g_strsplit (recent[i], "\n", 2);
      g_autofree char *base = g_path_get_basename (paths[0]);
      g_auto(GStrv) parts = g_strsplit (base, "_", -1);
      g_autofree char *escaped = g_strjoinv ("__", parts);
      g_autofree char *label = paths[1] != NULL ? g_strdup_printf (_("%s and more"), escaped) : g_strdup (escaped);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      /* Menu labels are not markup, but an underscore would be a mnemonic:
       * doubled, it shows as itself. */
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }
}

void
_atlas_window_actions_update (AtlasWindow *self)
{
  gboolean busy = atlas_corpus_loader_get_running (self->loader);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-scan", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as",
                                 !busy && self->save_path == NULL && self->paths != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters",
                                 !atlas_filter_is_empty (self->filter));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.count-copies-once",
                                 !atlas_filter_get_distinct_content (self->filter));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.label-crash",
                                 atlas_crash_list_get_selected_crash (self->crash_list) != NULL);
  _atlas_window_report_actions_update (self);
}

void
_atlas_window_class_actions_init (AtlasWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open-files", NULL, open_files_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-scan", NULL, cancel_scan_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.count-copies-once", NULL, count_copies_once_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  _atlas_window_report_class_init (klass);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.chart-kind", "s", chart_kind_action);
  gtk_widget_class_install_action (widget_class, "win.label-crash", NULL, label_crash_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-files", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, GDK_CONTROL_MASK,
                                       "win.clear-filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "charts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "crashes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "clusters");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "labels");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-page", "s", "agreement");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.label-crash", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-scan", NULL);
  for (guint k = 0; k < ATLAS_N_CHART_KINDS; k++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + k, GDK_CONTROL_MASK, "win.chart-kind", "s",
                                         atlas_chart_kind_to_string (k));
}
