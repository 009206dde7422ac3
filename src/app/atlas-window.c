/* atlas-window.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-chart-model.h"
#include "atlas-corpus-save.h"
#include "atlas-demo.h"
#include "atlas-settings.h"
#include "atlas-user-rules.h"
#include "atlas-window-private.h"

/* Charts and the groups view follow the filtered set at most this often:
 * re-aggregating per notebook would waste frames. While a scan streams in,
 * less often, so the scan and the window share the machine. */
#define REFRESH_INTERVAL_MS 150
#define REFRESH_INTERVAL_SCANNING_MS 500

/* The progress bar and the subtitle follow a scan at most this often: each
 * change repaints the window, and on a software renderer those frames took
 * CPU time from the scan. */
#define STATUS_INTERVAL_MS 250

#define MAX_RECENT 8

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

void
_atlas_window_show_error (AtlasWindow *self,
                          const char  *message)
{
  /* libadwaita 1.2 always reads a toast's title as markup, and error text
   * may quote a file name or a notebook's content: escape it. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_clusters (AtlasWindow *self)
{
  if (!self->clusters_stale || atlas_corpus_loader_get_running (self->loader) ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "clusters") != 0)
    return;
  self->clusters_stale = FALSE;
  atlas_cluster_list_set_crashes (self->cluster_list, G_LIST_MODEL (self->filtered));
}

static gboolean
refresh_cb (gpointer user_data)
{
  AtlasWindow *self = user_data;

  gint64 start = g_get_monotonic_time ();

  self->refresh_id = 0;
  atlas_chart_page_refresh (self->chart_page);
  self->refresh_cost_ms = (g_get_monotonic_time () - start) / 1000;
  /* Regrouping is the costliest part (~10 ms at the study's scale): only
   * for the groups page in view, else once it comes into view. */
  self->clusters_stale = TRUE;
  update_clusters (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AtlasWindow *self)
{
  guint interval = REFRESH_INTERVAL_MS;

  /* While a scan streams in, keep recounting to a fifth of the main
   * thread's time at most. */
  if (atlas_corpus_loader_get_running (self->loader))
    interval = MAX (REFRESH_INTERVAL_SCANNING_MS, 5 * self->refresh_cost_ms);
  if (self->refresh_id == 0)
    {
      self->refresh_soon = FALSE;
      self->refresh_id = g_timeout_add (interval, refresh_cb, self);
    }
}

/* What the user asked for (a filter, a finished load) is drawn in the very
 * next frame: the recount takes a millisecond or two, so it runs before
 * the frame clock's layout and paint rather than after a delay. */
static void
queue_refresh_soon (AtlasWindow *self)
{
  if (self->refresh_id != 0 && self->refresh_soon)
    return;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_soon = TRUE;
  self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, refresh_cb, self, NULL);
}

static void
update_progress (AtlasWindow *self)
{
  guint done = atlas_corpus_loader_get_n_done (self->loader);
  guint total = atlas_corpus_loader_get_n_total (self->loader);
  guint crashes = atlas_corpus_loader_get_n_crashes (self->loader);
  g_autofree char *notebooks = NULL;
  g_autofree char *text = NULL;

  notebooks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u notebook", "%u of %u notebooks", total),
                               done, total);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u crash", "%s, %u crashes", crashes),
                          notebooks, crashes);
  gtk_label_set_text (self->progress_label, text);
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double)done / total);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  gtk_revealer_set_reveal_child (self->progress_revealer, atlas_corpus_loader_get_running (self->loader));
}

static void
update_subtitle (AtlasWindow *self)
{
  g_autofree char *text = NULL;
  guint n_notebooks = atlas_corpus_get_n_notebooks (self->corpus);
  guint n_crashes = atlas_corpus_get_n_crashes (self->corpus);
  g_autofree char *notebooks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u notebook", "%u notebooks",
                                                             n_notebooks), n_notebooks);

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u crash", "%s, %u crashes", n_crashes),
                          notebooks, n_crashes);
  adw_view_switcher_title_set_subtitle (self->switcher_title, text);
}

/* Nothing to show once a load has finished with no notebook (or before any):
 * the way to open some instead of empty charts. */
static void
update_empty_state (AtlasWindow *self)
{
  gboolean empty = !atlas_corpus_loader_get_running (self->loader) &&
                   atlas_corpus_get_n_notebooks (self->corpus) == 0;

  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "corpus");
  /* No views to switch to and no chart to export. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->switcher_title), !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", !empty);
}

/* What is open, by the name of its file or folder, as the window's title. */
static char *
dup_corpus_name (AtlasWindow *self)
{
  guint n_paths;
  g_autofree char *base = NULL;

  if (self->paths == NULL || self->paths[0] == NULL)
    return g_strdup (_("Crash Atlas"));
  if (self->showing_demo)
    return g_strdup (_("Demo Corpus"));
  n_paths = g_strv_length (self->paths);
  base = g_path_get_basename (self->paths[0]);
  if (n_paths == 1)
    return g_steal_pointer (&base);
  /* TRANSLATORS: a window title for several files opened at once, e.g. "titanic.ipynb and 2 more" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", n_paths - 1),
                          base, n_paths - 1);
}

static void
update_title (AtlasWindow *self)
{
  g_autofree char *name = dup_corpus_name (self);

  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_view_switcher_title_set_title (self->switcher_title, name);
}

static gboolean
status_cb (gpointer user_data)
{
  AtlasWindow *self = user_data;

  self->status_id = 0;
  update_progress (self);
  update_subtitle (self);
  update_empty_state (self);
  return G_SOURCE_REMOVE;
}

static void
queue_status (AtlasWindow *self)
{
  if (!atlas_corpus_loader_get_running (self->loader))
    {
      g_clear_handle_id (&self->status_id, g_source_remove);
      status_cb (self);
    }
  else if (self->status_id == 0)
    self->status_id = g_timeout_add (STATUS_INTERVAL_MS, status_cb, self);
}

static void
corpus_changed_cb (AtlasWindow *self)
{
  queue_status (self);
  queue_refresh (self);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_corpus_loader_load_finish (ATLAS_CORPUS_LOADER (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _atlas_window_show_error (self, error->message);
    }
  else if (atlas_corpus_loader_get_n_failed (self->loader) > 0)
    {
      guint n = atlas_corpus_loader_get_n_failed (self->loader);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u notebook could not be read",
                                                            "%u notebooks could not be read", n), n);
      _atlas_window_show_error (self, text);
    }
  if (atlas_corpus_loader_get_rules_problem (self->loader) != NULL)
    {
      /* Translators: %s says what is wrong with the user's rules file, naming it. */
      g_autofree char *text = g_strdup_printf (_("Classified with the built-in rules only: %s"),
                                               atlas_corpus_loader_get_rules_problem (self->loader));
      _atlas_window_show_error (self, text);
    }
  /* The cell view reads fetched or moved notebooks from the corpus file. */
  atlas_cell_view_set_store (self->cell_view, atlas_corpus_loader_get_store (self->loader));
  /* Hand labels and the sample live there too. */
  atlas_research_page_set_corpus (self->research_page, self->corpus,
                                  atlas_corpus_loader_get_store (self->loader));
  atlas_agreement_view_set_corpus (self->agreement_view, self->corpus,
                                   atlas_corpus_loader_get_store (self->loader));
  update_progress (self);
  _atlas_window_actions_update (self);
  queue_refresh_soon (self);
}

static void
remember_recent (AtlasWindow        *self,
                 const char * const *paths)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) old = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *key = NULL;
  guint n = 1;

  if (self->settings == NULL || paths[0] == NULL)
    return;
  /* A corpus is remembered by its first path; several files open as one. */
  key = g_strjoinv ("\n", (char **)paths);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, key);
  old = g_settings_get_strv (self->settings, "recent-corpora");
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], key) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-corpora", (const char * const *)recent);
  _atlas_window_update_recent_menu (self);
}

static void
open_paths (AtlasWindow        *self,
            const char * const *paths,
            gboolean            demo)
{
  g_strfreev (self->paths);
  self->paths = g_strdupv ((char **)paths);
  self->showing_demo = demo;
  update_title (self);
  atlas_cell_view_set_crash (self->cell_view, NULL);
  atlas_cell_view_set_store (self->cell_view, NULL);
  atlas_research_page_set_corpus (self->research_page, NULL, NULL);
  atlas_agreement_view_set_corpus (self->agreement_view, NULL, NULL);
  g_ptr_array_set_size (self->imported, 0);
  atlas_filter_clear (self->filter);
  {
    g_autofree char *rules_file = atlas_settings_dup_rules_file (self->settings);

    atlas_corpus_loader_set_rules_file (self->loader, rules_file);
  }
  atlas_corpus_loader_load_async (self->loader, paths, self->cancellable, load_cb, g_object_ref (self));
  update_progress (self);
  _atlas_window_actions_update (self);
}

void
atlas_window_open_paths (AtlasWindow        *self,
                         const char * const *paths)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (paths != NULL && paths[0] != NULL);

  open_paths (self, paths, FALSE);
  remember_recent (self, paths);
}

void
atlas_window_open_demo (AtlasWindow *self)
{
  g_autofree char *dir = atlas_demo_find_dir ();
  const char *paths[] = { dir, NULL };

  g_return_if_fail (ATLAS_IS_WINDOW (self));

  /* The demo is always at hand in the menu: not a recent corpus. */
  open_paths (self, paths, TRUE);
}

static void
forget_recent (AtlasWindow *self,
               const char  *key)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-corpora");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;

  for (guint i = 0; old[i] != NULL; i++)
    if (!g_str_equal (old[i], key))
      g_strv_builder_add (builder, old[i]);
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-corpora", (const char * const *)recent);
  _atlas_window_update_recent_menu (self);
}

void
_atlas_window_open_recent (AtlasWindow *self,
                           const char  *key)
{
  g_auto(GStrv) paths = g_strsplit (key, "\n", -1);

  /* A file or folder that has gone since is named, and what is open stays:
   * opening it would only trade the corpus shown for an error. One stat per
   * path; local paths only (remote sources are not checked here). */
  for (guint i = 0; paths[i] != NULL; i++)
    if (g_path_is_absolute (paths[i]) && !g_file_test (paths[i], G_FILE_TEST_EXISTS))
      {
        g_autofree char *display = g_filename_display_name (paths[i]);
        g_autofree char *text = g_strdup_printf (_("“%s” is gone; it is no longer listed in Recent"), display);

        if (self->settings != NULL)
          forget_recent (self, key);
        _atlas_window_show_error (self, text);
        return;
      }
  atlas_window_open_paths (self, (const char * const *)paths);
}

void
_atlas_window_take_imported (AtlasWindow   *self,
                             AtlasNotebook *notebook,
                             const char    *rules_version)
{
  AtlasStore *store = atlas_corpus_loader_get_store (self->loader);

  /* An open corpus file keeps what is fetched at once, so a failure later
   * loses none of it; a scanned corpus keeps it for Save As. */
  if (store != NULL)
    atlas_store_add_notebook (store, notebook, rules_version);
  else
    g_ptr_array_add (self->imported, g_object_ref (notebook));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->save_path);
  g_autofree char *summary = NULL;

  _atlas_window_actions_update (self);
  if (!atlas_corpus_file_save_finish (result, &summary, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _atlas_window_show_error (self, error->message);
      return;
    }
  /* What was written, copies included: nothing is dropped silently. */
  if (summary != NULL)
    _atlas_window_show_error (self, summary);
  /* From now on the window works on the file: imports go into it, and the
   * cell view can read notebooks that are no longer on disk. */
  {
    const char *paths[] = { path, NULL };

    atlas_window_open_paths (self, paths);
  }
}

void
atlas_window_save_as (AtlasWindow *self,
                      const char  *path)
{
  AtlasStore *store;
  g_autofree char *rules_file = NULL;
  g_autoptr(AtlasClassifier) classifier = NULL;

  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->save_path != NULL || self->paths == NULL || atlas_corpus_loader_get_running (self->loader))
    return;

  store = atlas_corpus_loader_get_store (self->loader);
  /* Everything added to a corpus file is already in it. */
  if (store != NULL && g_strcmp0 (atlas_store_get_path (store), path) == 0)
    return;

  rules_file = atlas_settings_dup_rules_file (self->settings);
  classifier = atlas_classifier_new_with_user_rules (rules_file, NULL);
  self->save_path = g_strdup (path);
  _atlas_window_actions_update (self);
  atlas_corpus_file_save_async (path, store, store != NULL ? NULL : (const char * const *)self->paths,
                                self->imported, classifier, self->cancellable,
                                save_cb, g_object_ref (self));
}

gboolean
atlas_window_get_saving (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return self->save_path != NULL;
}

AtlasCorpus *
atlas_window_get_corpus (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->corpus;
}

gboolean
atlas_window_get_busy (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return atlas_corpus_loader_get_running (self->loader);
}

void
_atlas_window_activate_mark (AtlasWindow *self,
                             AtlasFilter *mark_filter)
{
  atlas_filter_intersect (self->filter, mark_filter);
  adw_view_stack_set_visible_child_name (self->view_stack, "crashes");
  /* The chart that had the focus is hidden now: the crashes take it. */
  atlas_crash_list_focus_rows (self->crash_list);
}

static void
selected_crash_cb (AtlasWindow *self)
{
  AtlasCrash *crash = atlas_crash_list_get_selected_crash (self->crash_list);

  atlas_cell_view_set_crash (self->cell_view, crash);
  /* Only a folded leaflet needs to move; unfolded, moving would take the
   * focus away from the list. */
  if (crash != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->cell_view));
  _atlas_window_actions_update (self);
}

static void
cluster_activated_cb (AtlasWindow *self,
                      int          cluster)
{
  g_autoptr(AtlasFilter) mark_filter = atlas_filter_new ();

  /* A group replaces the group asked for before, not narrows it to nothing. */
  atlas_filter_clear_field (self->filter, ATLAS_FILTER_FIELD_CLUSTER);
  atlas_filter_add_value (mark_filter, ATLAS_FILTER_FIELD_CLUSTER, cluster);
  _atlas_window_activate_mark (self, mark_filter);
}

static void
chart_mark_activated_cb (AtlasWindow    *self,
                         AtlasFilter    *mark_filter,
                         AtlasChartPage *page)
{
  _atlas_window_activate_mark (self, mark_filter);
}

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  AtlasWindow *self = ATLAS_WINDOW (window);

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = (AtlasWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->status_id, g_source_remove);
  if (self->loader != NULL)
    atlas_corpus_loader_cancel (self->loader);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->loader);
  g_clear_object (&self->corpus);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_finalize (GObject *object)
{
  AtlasWindow *self = (AtlasWindow *)object;

  g_strfreev (self->paths);
  g_ptr_array_unref (self->imported);
  g_free (self->save_path);
  g_free (self->report_dir);

  G_OBJECT_CLASS (atlas_window_parent_class)->finalize (object);
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_window_dispose;
  object_class->finalize = atlas_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = atlas_window_close_request;

  g_type_ensure (ATLAS_TYPE_FILTER_BAR);
  g_type_ensure (ATLAS_TYPE_CRASH_LIST);
  g_type_ensure (ATLAS_TYPE_CELL_VIEW);
  g_type_ensure (ATLAS_TYPE_CLUSTER_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, charts_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, crash_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, cell_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, cluster_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, selected_crash_cb);
  gtk_widget_class_bind_template_callback (widget_class, cluster_activated_cb);

  _atlas_window_class_actions_init (klass);
}


/* Shown, the labeling page takes the keys: digits and letters pick values. */
static void
page_changed_cb (AtlasWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "labels") == 0)
    atlas_label_view_focus (atlas_research_page_get_label_view (self->research_page));
}

/* A disagreement: the crash, in the labeling view, to resolve it. */
static void
disagreement_activated_cb (AtlasWindow *self,
                           const char  *location,
                           guint        cell)
{
  for (guint i = 0; i < atlas_corpus_get_n_crashes (self->corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (self->corpus, i);

      if (atlas_crash_get_cell (crash) == cell && g_str_equal (atlas_crash_get_location (crash), location))
        {
          atlas_research_page_label_crash (self->research_page, crash);
          adw_view_stack_set_visible_child_name (self->view_stack, "labels");
          return;
        }
    }
}

static void
labels_changed_cb (AtlasWindow *self)
{
  GHashTable *table = atlas_research_page_get_labels (self->research_page);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_hand_label_free);
  GHashTableIter iter;
  gpointer label;

  /* Copies: the page's table replaces its labels as the rater confirms. */
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &label))
    g_ptr_array_add (labels, atlas_hand_label_copy (label));
  atlas_chart_page_set_hand_labels (self->chart_page, atlas_research_page_get_sample (self->research_page),
                                    labels);
  atlas_crash_list_set_hand_labels (self->crash_list, table);
  atlas_agreement_view_refresh (self->agreement_view);
}

static void
rater_changed_cb (AtlasWindow *self)
{
  g_autofree char *rater = self->settings != NULL ? g_settings_get_string (self->settings, "rater-name") : NULL;

  atlas_research_page_set_rater (self->research_page, rater);
}

/* The pages of the research workbench: labeling by hand and agreement. */
static void
add_research_pages (AtlasWindow *self)
{
  AdwViewStackPage *page;

  self->research_page = ATLAS_RESEARCH_PAGE (atlas_research_page_new ());
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->research_page), "labels",
                                    _("_Hand Labels"));
  adw_view_stack_page_set_use_underline (page, TRUE);
  adw_view_stack_page_set_icon_name (page, "document-edit-symbolic");
  self->agreement_view = ATLAS_AGREEMENT_VIEW (atlas_agreement_view_new ());
  page = adw_view_stack_add_titled (self->view_stack, GTK_WIDGET (self->agreement_view), "agreement",
                                    _("_Agreement"));
  adw_view_stack_page_set_use_underline (page, TRUE);
  adw_view_stack_page_set_icon_name (page, "emblem-ok-symbolic");
  g_signal_connect_object (self->agreement_view, "crash-activated",
                           G_CALLBACK (disagreement_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->research_page, "labels-changed",
                           G_CALLBACK (labels_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (page_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::rater-name",
                             G_CALLBACK (rater_changed_cb), self, G_CONNECT_SWAPPED);
  rater_changed_cb (self);
}

static void
setup_models (AtlasWindow *self)
{
  self->corpus = atlas_corpus_new ();
  self->loader = atlas_corpus_loader_new (self->corpus);
  atlas_corpus_loader_set_prepare_funcs (self->loader, atlas_chart_stats_prepare_corpus,
                                         atlas_chart_stats_adopt_prepared);
  self->filter = atlas_filter_new ();
  self->filtered = atlas_filtered_corpus_new (self->corpus, self->filter);
  atlas_filter_bar_set_filter (self->filter_bar, self->filter);
  atlas_crash_list_set_model (self->crash_list, G_LIST_MODEL (self->filtered));

  self->chart_page = ATLAS_CHART_PAGE (atlas_chart_page_new ());
  atlas_chart_page_set_corpus (self->chart_page, self->corpus, self->filter);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart_page), TRUE);
  gtk_box_append (self->charts_box, GTK_WIDGET (self->chart_page));
  g_signal_connect_object (self->chart_page, "mark-activated",
                           G_CALLBACK (chart_mark_activated_cb), self, G_CONNECT_SWAPPED);

  add_research_pages (self);

  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (corpus_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->corpus, "notify::n-notebooks",
                           G_CALLBACK (queue_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "notify",
                           G_CALLBACK (queue_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed",
                           G_CALLBACK (_atlas_window_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed",
                           G_CALLBACK (queue_refresh_soon), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (update_clusters), self, G_CONNECT_SWAPPED);
}

static void
rules_changed_cb (AtlasWindow *self)
{
  g_auto(GStrv) paths = g_strdupv (self->paths);

  if (paths != NULL)
    open_paths (self, (const char * const *)paths, self->showing_demo);
}

static void
leaflet_folded_cb (AtlasWindow *self)
{
  atlas_cell_view_set_show_back (self->cell_view, adw_leaflet_get_folded (self->leaflet));
}

static void
cell_view_back_cb (AtlasWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
atlas_window_init (AtlasWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->imported = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = atlas_settings_try_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      /* New rules relabel what is open: the labels must follow the rules. */
      g_signal_connect_object (self->settings, "changed::rules-file",
                               G_CALLBACK (rules_changed_cb), self, G_CONNECT_SWAPPED);
    }
  setup_models (self);
  /* Folded, the leaflet shows the crash alone: its back button leads to
   * the list (Alt+Left too). */
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cell_view, "go-back", G_CALLBACK (cell_view_back_cb), self,
                           G_CONNECT_SWAPPED);
  leaflet_folded_cb (self);
  /* Keyboard users start on the chart: arrows move between its marks. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (atlas_chart_page_get_chart_view (self->chart_page)));
  _atlas_window_dnd_init (self);
  _atlas_window_update_recent_menu (self);
  _atlas_window_actions_update (self);
  update_subtitle (self);
  update_title (self);
  update_empty_state (self);
}

AtlasWindow *
atlas_window_new (AtlasApplication *application)
{
  return g_object_new (ATLAS_TYPE_WINDOW, "application", application, NULL);
}
