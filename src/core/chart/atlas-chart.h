/* atlas-chart.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Everything of the charts: filter, counts and models, tables, style,
 * layout/rendering/hit-testing and export. GTK-free (Cairo, PangoCairo). */
#include "atlas-filter.h"
#include "atlas-chart-model.h"
#include "atlas-chart-table.h"
#include "atlas-chart-style.h"
#include "atlas-chart-layout.h"
#include "atlas-chart-export.h"
