/* atlas-application.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-application"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "atlas-application.h"
#include "atlas-preferences-window.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Crash Atlas authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Crash Atlas"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Crash Atlas authors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/crashatlas/crash-atlas",
                        "issue-url", "https://github.com/crashatlas/crash-atlas/issues",
                        "comments", _("Find where Jupyter notebooks crash and why: "
                                      "classify every crash of a corpus and chart them."),
                        "copyright", "© 2026 The Crash Atlas authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* TRANSLATORS: your names, one a line, e.g. "Ana Lima <ana@example.org>" */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The Mallard pages of help/C/, installed by gnome.yelp and shown by Yelp
 * (through the OpenURI portal in a sandbox). */
static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri (window, "help:crash-atlas", GDK_CURRENT_TIME);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Close rather than quit: windows cancel their scans on close. */
  while (windows != NULL)
    {
      gtk_window_close (windows->data);
      windows = gtk_application_get_windows (app);
      if (windows != NULL && !gtk_widget_get_visible (windows->data))
        break;
    }
  g_application_quit (G_APPLICATION (app));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (atlas_preferences_window_new (parent)));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "help", help_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
atlas_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (app);

  gtk_source_init ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
}

static AtlasWindow *
get_window (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (atlas_window_new (ATLAS_APPLICATION (app)));
  return ATLAS_WINDOW (window);
}

static void
atlas_application_activate (GApplication *app)
{
  gboolean fresh = gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL;
  AtlasWindow *window = get_window (app);

  /* Nothing else is open: show the bundled demo corpus. */
  if (fresh)
    atlas_window_open_demo (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
atlas_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  AtlasWindow *window = get_window (app);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  if (paths->len > 1)
    atlas_window_open_paths (window, (const char * const *)paths->pdata);
  else
    atlas_window_open_demo (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = atlas_application_startup;
  app_class->activate = atlas_application_activate;
  app_class->open = atlas_application_open;
}

static void
atlas_application_init (AtlasApplication *self)
{
}

AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

int
atlas_application_run (int    argc,
                       char **argv)
{
  g_autoptr(AtlasApplication) app = atlas_application_new ();

  g_set_application_name (_("Crash Atlas"));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
