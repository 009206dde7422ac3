/* atlas-demo.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder of the bundled demo corpus: $CRASH_ATLAS_DEMO_DIR, else the
 * installed copy, else the source tree's (for a build run in place). */
char *atlas_demo_find_dir (void);

G_END_DECLS
