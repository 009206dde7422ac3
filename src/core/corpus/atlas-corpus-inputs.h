/* atlas-corpus-inputs.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-scanner.h"

G_BEGIN_DECLS

/* Where the notebooks a load reads come from, decided here once for the
 * app and every command alike:
 *
 *  1. the platform the user gave (`--platform`), when there is one;
 *  2. else what the notebook says of itself: Kaggle's metadata (see
 *     ATLAS_READ_PLATFORM_FROM_METADATA), or for a remote source its address
 *     (GitHub's or Kaggle's, atlas-remote-spec.h);
 *  3. else local.
 *
 * Folder names are not evidence: a folder called "kaggle" is local. The one
 * exception is declared, not guessed: the demo corpus (atlas-demo.h) is made
 * of GitHub's and Kaggle's notebooks, filed in its github/ and kaggle/
 * folders, so those of its folders get those platforms. */

/* Adds @path to @scanner with the platform of its notebooks decided as
 * above; @platform is the user's explicit choice, or NULL. The demo
 * corpus's own folder is added as its github/ and kaggle/ folders. Fails as
 * atlas_scanner_add_path() does. */
gboolean      atlas_corpus_add_path     (AtlasScanner         *scanner,
                                         const char           *path,
                                         const AtlasPlatform  *platform,
                                         GError              **error);

G_END_DECLS
