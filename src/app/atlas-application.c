/* atlas-application.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-application"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

static void
atlas_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (atlas_window_new (ATLAS_APPLICATION (app)));

  gtk_window_present (window);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = atlas_application_activate;
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
