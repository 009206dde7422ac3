/* atlas-window.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-demo.h"
#include "atlas-scanner.h"
#include "atlas-window.h"

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  AdwStatusPage        *status_page;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  guint n_notebooks;
  guint n_crashes;
} DemoCount;

static void
count_result_cb (AtlasScanResult *result,
                 gpointer         user_data)
{
  DemoCount *count = user_data;

  if (result->notebook == NULL)
    return;
  count->n_notebooks++;
  count->n_crashes += atlas_notebook_get_crashes (result->notebook)->len;
}

static void
count_demo_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autofree char *dir = atlas_demo_find_dir ();
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (0);
  g_autoptr(GError) error = NULL;
  DemoCount *count = g_new0 (DemoCount, 1);

  if (!atlas_scanner_add_path (scanner, dir, &error) ||
      !atlas_scanner_run (scanner, count_result_cb, count, cancellable, &error))
    {
      g_free (count);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, count, g_free);
}

static void
count_demo_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AtlasWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree DemoCount *count = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (count == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_status_page_set_description (self->status_page, error->message);
      return;
    }

  text = g_strdup_printf (_("The demo corpus holds %u crashes in %u notebooks."),
                          count->n_crashes, count->n_notebooks);
  adw_status_page_set_description (self->status_page, text);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = (AtlasWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, status_page);
}

static void
atlas_window_init (AtlasWindow *self)
{
  g_autoptr(GTask) task = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, count_demo_cb, g_object_ref (self));
  g_task_set_source_tag (task, atlas_window_init);
  g_task_run_in_thread (task, count_demo_worker);
}

AtlasWindow *
atlas_window_new (AtlasApplication *application)
{
  return g_object_new (ATLAS_TYPE_WINDOW, "application", application, NULL);
}
