/* test-labeling.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "atlas-label-view.h"
#include "atlas-store-labels.h"
#include "atlas-window-private.h"

/* The labeling view in the real window, driven by keys: a dimension's
 * shortcut, type-ahead, a number key, Enter to confirm (committed to the
 * corpus file at once), Back. */

typedef struct
{
  char        *dir;
  char        *db;
  AtlasWindow *window;
} Fixture;

static void
run_cli (const char *cwd,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("CRASH_ATLAS"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (cwd, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", (char *)argv->pdata[1], err);
}

static gboolean
wait_for (gboolean (*done) (gpointer), gpointer data, guint seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  for (gint64 until = g_get_monotonic_time () + 300 * 1000; g_get_monotonic_time () < until;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
loaded (gpointer data)
{
  AtlasWindow *window = data;

  return !atlas_window_get_busy (window) && atlas_corpus_get_n_crashes (atlas_window_get_corpus (window)) > 0 &&
         atlas_label_view_get_crash (atlas_research_page_get_label_view (window->research_page)) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *paths[2] = { NULL, NULL };

  fixture->dir = g_dir_make_tmp ("atlas-labeling-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "demo.crashatlas", NULL);
  run_cli (g_getenv ("CRASH_ATLAS_DEMO_DIR"), "scan", "--db", fixture->db, "kaggle", "github", NULL);
  run_cli (NULL, "sample", "--db", fixture->db, "--size", "5", "--seed", "3", NULL);

  fixture->window = g_object_ref_sink (g_object_new (ATLAS_TYPE_WINDOW, NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1300, 850);
  gtk_window_present (GTK_WINDOW (fixture->window));
  paths[0] = fixture->db;
  atlas_window_open_paths (fixture->window, paths);
  g_assert_true (wait_for (loaded, fixture->window, 120));
  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "labels");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }
  g_assert_not_reached ();
}

/* The Alt shortcuts of the view, looked up by their trigger as GTK does. */
static void
press_alt (AtlasLabelView *view,
           guint           keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, GDK_ALT_MASK);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (view),
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }
  g_error ("no Alt shortcut for %s", gdk_keyval_name (keyval));
}

static void
press (AtlasLabelView *view,
       guint           keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_key_controller (GTK_WIDGET (view)), "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const AtlasHandLabel *
find_stored (GPtrArray  *labels,
             AtlasCrash *crash)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const AtlasHandLabel *label = g_ptr_array_index (labels, i);

      if (g_str_equal (label->location, atlas_crash_get_location (crash)) &&
          label->cell == atlas_crash_get_cell (crash))
        return label;
    }
  return NULL;
}

static GPtrArray *
stored_labels (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open_existing (fixture->db, &error);
  GPtrArray *labels;

  g_assert_no_error (error);
  labels = atlas_store_dup_hand_labels (store, "Ann Rater", &error);
  g_assert_no_error (error);
  return labels;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  AtlasLabelView *view = atlas_research_page_get_label_view (fixture->window->research_page);
  g_autoptr(AtlasCrash) first = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  const AtlasHandLabel *stored;

  atlas_research_page_set_rater (fixture->window->research_page, "Ann Rater");
  g_assert_cmpuint (atlas_label_view_get_position (view), ==, 0);
  g_assert_cmpuint (atlas_label_view_count_labeled (view), ==, 0);
  first = g_object_ref (atlas_label_view_get_crash (view));
  /* Preset to the automatic labels. */
  g_assert_cmpstr (atlas_hand_label_get_id (atlas_label_view_get_editing (view), ATLAS_DIMENSION_STAGE), ==,
                   atlas_crash_get_label_id (first, ATLAS_DIMENSION_STAGE));

  /* Alt+T, then "ty": type-ahead to TYPE. */
  press_alt (view, GDK_KEY_t);
  press (view, GDK_KEY_t);
  press (view, GDK_KEY_y);
  g_assert_cmpint (atlas_label_view_get_editing (view)->labels.crash_type, ==, ATLAS_CRASH_TYPE_TYPE);
  /* Alt+S, then 2: the second stage, data preparation. */
  press_alt (view, GDK_KEY_s);
  press (view, GDK_KEY_2);
  g_assert_cmpint (atlas_label_view_get_editing (view)->labels.stage, ==, ATLAS_STAGE_DATAP);
  /* Alt+U, then 0: the tenth root cause does not exist (nine), nothing changes;
   * 3 is notebook-specific. */
  press_alt (view, GDK_KEY_u);
  press (view, GDK_KEY_3);
  g_assert_cmpint (atlas_label_view_get_editing (view)->labels.root_cause, ==, ATLAS_ROOT_CAUSE_NB);

  /* Enter: committed at once, and on to the next crash. */
  press (view, GDK_KEY_Return);
  g_assert_cmpuint (atlas_label_view_get_position (view), ==, 1);
  g_assert_cmpuint (atlas_label_view_count_labeled (view), ==, 1);
  labels = stored_labels (fixture);
  g_assert_cmpuint (labels->len, ==, 1);
  stored = find_stored (labels, first);
  g_assert_nonnull (stored);
  g_assert_cmpint (stored->labels.crash_type, ==, ATLAS_CRASH_TYPE_TYPE);
  g_assert_cmpint (stored->labels.stage, ==, ATLAS_STAGE_DATAP);
  g_assert_cmpint (stored->labels.root_cause, ==, ATLAS_ROOT_CAUSE_NB);
  g_assert_cmpstr (stored->rater, ==, "Ann Rater");

  /* Alt+Left: back to the first, showing what was confirmed. */
  press_alt (view, GDK_KEY_Left);
  g_assert_cmpuint (atlas_label_view_get_position (view), ==, 0);
  g_assert_cmpint (atlas_label_view_get_editing (view)->labels.crash_type, ==, ATLAS_CRASH_TYPE_TYPE);

  /* Enter through the rest: five of five. */
  for (guint i = 0; i < 5; i++)
    press (view, GDK_KEY_Return);
  g_assert_cmpuint (atlas_label_view_count_labeled (view), ==, 5);
  g_clear_pointer (&labels, g_ptr_array_unref);
  labels = stored_labels (fixture);
  g_assert_cmpuint (labels->len, ==, 5);
}

static gboolean
list_ready (gpointer data)
{
  AtlasWindow *window = data;

  return !atlas_crash_list_get_busy (window->crash_list) &&
         g_list_model_get_n_items (atlas_crash_list_get_shown (window->crash_list)) > 3;
}

static gboolean
has_selection (gpointer data)
{
  AtlasWindow *window = data;

  return atlas_crash_list_get_selected_crash (window->crash_list) != NULL;
}

/* Any crash of the crash list can be labeled: Ctrl+L. */
static void
test_label_any_crash (Fixture       *fixture,
                      gconstpointer  user_data)
{
  AtlasLabelView *view = atlas_research_page_get_label_view (fixture->window->research_page);
  AtlasCrash *selected;

  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "crashes");
  g_assert_true (wait_for (list_ready, fixture->window, 30));
  atlas_crash_list_select (fixture->window->crash_list, 3);
  g_assert_true (wait_for (has_selection, fixture->window, 10));
  selected = atlas_crash_list_get_selected_crash (fixture->window->crash_list);
  g_assert_nonnull (selected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.label-crash", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->window->view_stack), ==, "labels");
  g_assert_true (atlas_label_view_get_crash (view) == selected);
}

static GtkDropDown *
find_drop_down (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_drop_down (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
list_settled (gpointer data)
{
  AtlasWindow *window = data;

  return !atlas_crash_list_get_busy (window->crash_list);
}

static gboolean
list_holds (GListModel *shown,
            AtlasCrash *crash)
{
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(AtlasCrash) item = g_list_model_get_item (shown, i);

      if (item == crash)
        return TRUE;
    }
  return FALSE;
}

/* The crash list tells hand labels from automatic ones and filters by them:
 * one crash relabeled, one confirmed as it was. */
static void
test_crash_list_marks (Fixture       *fixture,
                       gconstpointer  user_data)
{
  AtlasLabelView *view = atlas_research_page_get_label_view (fixture->window->research_page);
  GListModel *shown = atlas_crash_list_get_shown (fixture->window->crash_list);
  GtkDropDown *drop = find_drop_down (GTK_WIDGET (fixture->window->crash_list));
  g_autoptr(AtlasCrash) changed = NULL;
  g_autoptr(AtlasCrash) confirmed = NULL;
  guint n_all;

  g_assert_nonnull (drop);
  atlas_research_page_set_rater (fixture->window->research_page, "Ann Rater");
  changed = g_object_ref (atlas_label_view_get_crash (view));
  press_alt (view, GDK_KEY_t);
  if (atlas_crash_get_classification (changed)->crash_type == ATLAS_CRASH_TYPE_TYPE)
    {
      press (view, GDK_KEY_k);
      press (view, GDK_KEY_e);
    }
  else
    {
      press (view, GDK_KEY_t);
      press (view, GDK_KEY_y);
    }
  press (view, GDK_KEY_Return);
  confirmed = g_object_ref (atlas_label_view_get_crash (view));
  g_assert_true (confirmed != changed);
  press (view, GDK_KEY_Return);

  adw_view_stack_set_visible_child_name (fixture->window->view_stack, "crashes");
  g_assert_true (wait_for (list_settled, fixture->window, 30));
  n_all = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n_all, ==, atlas_corpus_get_n_crashes (atlas_window_get_corpus (fixture->window)));

  gtk_drop_down_set_selected (drop, 1);  /* hand-labeled */
  g_assert_true (wait_for (list_settled, fixture->window, 30));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_true (list_holds (shown, changed));
  g_assert_true (list_holds (shown, confirmed));

  gtk_drop_down_set_selected (drop, 3);  /* hand and automatic differ */
  g_assert_true (wait_for (list_settled, fixture->window, 30));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (list_holds (shown, changed));

  gtk_drop_down_set_selected (drop, 2);  /* automatic only */
  g_assert_true (wait_for (list_settled, fixture->window, 30));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_all - 2);
  g_assert_false (list_holds (shown, changed));

  gtk_drop_down_set_selected (drop, 0);
  g_assert_true (wait_for (list_settled, fixture->window, 30));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_all);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gtk_source_init ();

  g_test_add ("/Atlas/Labeling/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/Atlas/Labeling/any-crash", Fixture, NULL, fixture_set_up, test_label_any_crash,
              fixture_tear_down);
  g_test_add ("/Atlas/Labeling/crash-list-marks", Fixture, NULL, fixture_set_up, test_crash_list_marks,
              fixture_tear_down);
  return g_test_run ();
}
