/* atlas-demo.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-demo.h"

char *
atlas_demo_find_dir (void)
{
  const char *env = g_getenv ("CRASH_ATLAS_DEMO_DIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "demo", NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);
  return g_build_filename (SOURCE_DIR, "data", "demo", NULL);
}
