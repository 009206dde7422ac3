/* atlas-window-dnd.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-window-private.h"

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AtlasWindow   *self)
{
  GSList *files;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_slist_free (files);
  if (paths->len == 0)
    {
      _atlas_window_show_error (self, _("Only local files and folders can be dropped"));
      return FALSE;
    }
  g_ptr_array_add (paths, NULL);
  atlas_window_open_paths (self, (const char * const *)paths->pdata);
  return TRUE;
}

void
_atlas_window_dnd_init (AtlasWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
