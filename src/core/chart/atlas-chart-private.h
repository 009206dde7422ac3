/* atlas-chart-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-chart-format.h"
#include "atlas-chart-model-private.h"
#include "atlas-chart-stats-private.h"
#include "atlas-chart-table-private.h"

G_BEGIN_DECLS

/* The chart layer's private headers at once, for its own files and its
 * tests; each is its file's, so none of them calls another back. */

G_END_DECLS
