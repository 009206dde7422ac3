/* atlas-store-base.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include "atlas-store-base.h"

G_DEFINE_QUARK (atlas-store-error-quark, atlas_store_error)
