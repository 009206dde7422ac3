/* atlas-platform.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-platform.h"

static const char *platform_ids[ATLAS_N_PLATFORMS] = { "local", "github", "kaggle" };

const char *
atlas_platform_to_string (AtlasPlatform platform)
{
  g_return_val_if_fail (platform < ATLAS_N_PLATFORMS, "local");

  return platform_ids[platform];
}

gboolean
atlas_platform_from_string (const char    *str,
                            AtlasPlatform *platform)
{
  for (guint i = 0; i < ATLAS_N_PLATFORMS; i++)
    {
      if (g_strcmp0 (str, platform_ids[i]) == 0)
        {
          *platform = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
atlas_platform_display_name (AtlasPlatform platform)
{
  switch (platform)
    {
    case ATLAS_PLATFORM_GITHUB:
      return _("GitHub");
    case ATLAS_PLATFORM_KAGGLE:
      return _("Kaggle");
    case ATLAS_PLATFORM_LOCAL:
    case ATLAS_N_PLATFORMS:
    default:
      return _("Local");
    }
}
