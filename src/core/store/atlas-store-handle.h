/* atlas-store-handle.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "atlas-store.h"

G_BEGIN_DECLS

/* What the store's object (atlas-store.c) lends the files above it: the
 * parts below it (atlas-store-private.h) never see the object. */

/* The caller's-thread connection (labels and the sample use it). */
sqlite3       *_atlas_store_get_db        (AtlasStore    *self);

/* Tests. */
void           _atlas_store_set_max_page_count (AtlasStore *self,
                                                guint       n_pages);

G_END_DECLS
