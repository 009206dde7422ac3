/* atlas-chart-heatmap.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-chart-layout.h"

G_BEGIN_DECLS

/* The heatmap, laid out into @self with the layout's pieces
 * (atlas-chart-layout-private.h); called by atlas-chart-compose.c. */
void _atlas_chart_layout_heatmap (AtlasChartLayout *self);

G_END_DECLS
