/* atlas-remote-error.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-remote-error.h"

G_DEFINE_QUARK (atlas-remote-error-quark, atlas_remote_error)
