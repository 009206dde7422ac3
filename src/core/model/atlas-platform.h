/* atlas-platform.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a notebook came from; the study compares Kaggle with GitHub. */
typedef enum
{
  ATLAS_PLATFORM_LOCAL,
  ATLAS_PLATFORM_GITHUB,
  ATLAS_PLATFORM_KAGGLE,
  ATLAS_N_PLATFORMS
} AtlasPlatform;

const char *atlas_platform_to_string   (AtlasPlatform  platform);
gboolean    atlas_platform_from_string (const char    *str,
                                        AtlasPlatform *platform);
const char *atlas_platform_display_name (AtlasPlatform platform);

G_END_DECLS
