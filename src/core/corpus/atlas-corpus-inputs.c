/* atlas-corpus-inputs.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-corpus-inputs"

#include "config.h"

#include <string.h>

#include "atlas-corpus-inputs.h"
#include "atlas-demo.h"

/* The demo corpus's folders and the platform of the notebooks in each. */
static const struct
{
  const char    *folder;
  AtlasPlatform  platform;
} demo_folders[] = {
  { "github", ATLAS_PLATFORM_GITHUB },
  { "kaggle", ATLAS_PLATFORM_KAGGLE },
};

/* Whether @path is @dir or below it (both canonical). */
static gboolean
is_within (const char *path,
           const char *dir)
{
  gsize len = strlen (dir);

  return g_str_has_prefix (path, dir) && (path[len] == '\0' || path[len] == G_DIR_SEPARATOR);
}

gboolean
atlas_corpus_add_path (AtlasScanner         *scanner,
                       const char           *path,
                       const AtlasPlatform  *platform,
                       GError              **error)
{
  g_autofree char *found = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (ATLAS_IS_SCANNER (scanner), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (platform != NULL)
    return atlas_scanner_add_path_as (scanner, path, *platform, ATLAS_READ_DEFAULT, error);

  found = atlas_demo_find_dir ();
  demo = g_canonicalize_filename (found, NULL);
  canonical = g_canonicalize_filename (path, NULL);
  if (g_strcmp0 (canonical, demo) == 0)
    {
      /* Its folders in the order a walk of the whole would find them. */
      for (guint i = 0; i < G_N_ELEMENTS (demo_folders); i++)
        {
          g_autofree char *folder = g_build_filename (path, demo_folders[i].folder, NULL);

          if (!atlas_scanner_add_path_as (scanner, folder, demo_folders[i].platform,
                                          ATLAS_READ_DEFAULT, error))
            return FALSE;
        }
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_folders); i++)
    {
      g_autofree char *folder = g_build_filename (demo, demo_folders[i].folder, NULL);

      if (is_within (canonical, folder))
        return atlas_scanner_add_path_as (scanner, path, demo_folders[i].platform,
                                          ATLAS_READ_DEFAULT, error);
    }
  return atlas_scanner_add_path_as (scanner, path, ATLAS_PLATFORM_LOCAL,
                                    ATLAS_READ_PLATFORM_FROM_METADATA, error);
}
