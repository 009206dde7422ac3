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

  /* No source path is compiled in: a build run in place is told where the
   * source tree's copy is (run-app.sh, meson devenv and the tests set it). */
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_steal_pointer (&installed);
}
