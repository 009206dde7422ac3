/* atlas-chart-table-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-chart-table.h"

G_BEGIN_DECLS

/* A table filled column by column, row by row. */

AtlasChartTable        *_atlas_chart_table_new           (void);
void                    _atlas_chart_table_add_column    (AtlasChartTable      *self,
                                                          const char           *id,
                                                          const char           *title,
                                                          AtlasChartColumnKind  kind);
/* Takes @texts (n_columns strings) and @values (n_columns doubles). */
void                    _atlas_chart_table_add_row       (AtlasChartTable      *self,
                                                          char                **texts,
                                                          double               *values,
                                                          AtlasFilter          *filter,
                                                          guint                 panel,
                                                          guint                 index);

/* "12,345" with the locale's grouping. */

G_END_DECLS
