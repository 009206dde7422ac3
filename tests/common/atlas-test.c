/* atlas-test.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>
#include <glib/gstdio.h>

#include "atlas-test.h"

char *
atlas_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
atlas_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        atlas_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
atlas_test_run_cli (const char * const  *args,
                    const char * const  *envp,
                    char               **out,
                    char               **err)
{
  return atlas_test_run_cli_in (NULL, args, envp, out, err);
}

int
atlas_test_run_cli_in (const char          *cwd,
                       const char * const  *args,
                       const char * const  *envp,
                       char               **out,
                       char               **err)
{
  const char *exe = g_getenv ("CRASH_ATLAS");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer)exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cwd, (char **)argv->pdata, (char **)envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

int
atlas_test_run_cli_args (char       **out,
                         char       **err,
                         const char  *first_arg,
                         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return atlas_test_run_cli ((const char * const *)args->pdata, NULL, out, err);
}
