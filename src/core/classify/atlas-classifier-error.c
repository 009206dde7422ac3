/* atlas-classifier-error.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-classifier-error.h"

G_DEFINE_QUARK (atlas-classifier-error-quark, atlas_classifier_error)
