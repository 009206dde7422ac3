/* atlas-chart-model-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-chart-model.h"

G_BEGIN_DECLS

AtlasFilter            *_atlas_chart_model_dup_series_filter (AtlasChartModel *self,
                                                              guint            series);


G_END_DECLS
