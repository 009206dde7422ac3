/* atlas-folder-walk.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-folder-walk"
#define _GNU_SOURCE /* getdents64() */

#include "config.h"

#include <glib/gstdio.h>
#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-folder-walk.h"

gboolean
atlas_is_notebook_name (const char *name)
{
  gsize len = strlen (name);

  return name[0] != '.' && len > 6 && g_ascii_strcasecmp (name + len - 6, ".ipynb") == 0;
}

typedef struct
{
  char     *name;
  gboolean  is_dir;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (((const Entry *)a)->name, ((const Entry *)b)->name);
}

static void
entry_clear (gpointer data)
{
  g_free (((Entry *)data)->name);
}

#define DIRENT_BUFFER_SIZE (64 * 1024)

typedef struct
{
  AtlasFolderWalkFunc  func;
  gpointer             user_data;
  guint                n_found;
  gboolean             stopped;
  char                *buffer;  /* DIRENT_BUFFER_SIZE bytes for getdents64() */
} Walk;

/* The entries of the folder @dir_fd, sorted by name; a corpus folder holds
 * tens of thousands, so the kind the kernel reports is trusted and only
 * entries of unknown kind cost a stat. getdents64() rather than readdir():
 * fdopendir() costs three more system calls a folder, and a corpus is as
 * many folders as notebooks. */
static GArray *
read_entries (Walk *walk,
              int   dir_fd)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  ssize_t n;

  g_array_set_clear_func (entries, entry_clear);
  while ((n = getdents64 (dir_fd, walk->buffer, DIRENT_BUFFER_SIZE)) > 0)
    {
      for (ssize_t offset = 0; offset < n; )
        {
          const struct dirent64 *d = (const struct dirent64 *)(walk->buffer + offset);
          Entry entry = { NULL, d->d_type == DT_DIR };
          struct stat st;

          offset += d->d_reclen;
          if (strcmp (d->d_name, ".") == 0 || strcmp (d->d_name, "..") == 0)
            continue;
          if (d->d_type == DT_UNKNOWN)
            {
              if (fstatat (dir_fd, d->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
                continue;
              entry.is_dir = S_ISDIR (st.st_mode);
            }
          entry.name = g_strdup (d->d_name);
          g_array_append_val (entries, entry);
        }
    }

  g_array_sort (entries, compare_entries);
  return entries;
}

/* Each folder is opened relative to its parent, so no path is resolved
 * twice: a corpus is tens of thousands of folders. Takes @dir_fd. */
static void
walk_folder (Walk       *walk,
             int         dir_fd,
             const char *path,
             const char *location)
{
  g_autoptr(GArray) entries = read_entries (walk, dir_fd);

  for (guint i = 0; i < entries->len && !walk->stopped; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      g_autofree char *child = NULL;
      g_autofree char *child_location = NULL;
      int child_fd;

      if (entry->is_dir ? entry->name[0] == '.' : !atlas_is_notebook_name (entry->name))
        continue;

      child = g_build_filename (path, entry->name, NULL);
      child_location = g_build_filename (location, entry->name, NULL);
      if (!entry->is_dir)
        {
          walk->n_found++;
          walk->stopped = !walk->func (child, child_location, walk->user_data);
          continue;
        }

      child_fd = openat (dir_fd, entry->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child_fd >= 0)
        walk_folder (walk, child_fd, child, child_location);
    }

  close (dir_fd);
}

guint
atlas_folder_walk (const char          *path,
                   const char          *location,
                   AtlasFolderWalkFunc  func,
                   gpointer             user_data)
{
  g_autofree char *buffer = g_malloc (DIRENT_BUFFER_SIZE);
  Walk walk = { func, user_data, 0, FALSE, buffer };
  int dir_fd;

  g_return_val_if_fail (path != NULL, 0);
  g_return_val_if_fail (func != NULL, 0);

  dir_fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    walk_folder (&walk, dir_fd, path, location != NULL ? location : path);
  return walk.n_found;
}
