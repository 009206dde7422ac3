/* atlas-chart-compose.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-chart-bars.h"
#include "atlas-chart-heatmap.h"
#include "atlas-chart-layout-private.h"

/* A chart laid out whole: the empty chart, or the bars or the heatmap
 * drawn with the layout's pieces (atlas-chart-layout.c). Above both, so
 * the pieces never call the shapes that use them. */

static gboolean
is_empty (AtlasChartModel *model)
{
  guint total = 0;

  for (guint p = 0; p < atlas_chart_model_get_n_panels (model); p++)
    for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
      total += atlas_chart_model_get_row_total (model, p, r);
  return total == 0;
}

/* Title and a sentence instead of empty axes. */
static void
layout_empty (AtlasChartLayout *self)
{
  double margin = self->font_size * 0.9;
  double y = _atlas_chart_layout_header (self, margin);
  AtlasColor muted = _atlas_color_fade (&self->style.foreground, 0.72);

  _atlas_chart_layout_add_text (self, _("No crashes to show"), _atlas_chart_layout_text_size (self, TEXT_TITLE),
                                FALSE, &muted,
                                self->width / 2, (y + self->height) / 2, 0.5, 0.5,
                                self->width - 2 * margin, FALSE);
}

AtlasChartLayout *
atlas_chart_layout_new (AtlasChartModel       *model,
                        const AtlasChartStyle *style,
                        cairo_t               *cr,
                        double                 width,
                        double                 height)
{
  AtlasChartLayout *self;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (model), NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);

  self = _atlas_chart_layout_begin (model, style, cr, width, height);
  if (is_empty (model))
    {
      layout_empty (self);
      _atlas_chart_layout_need_height (self, self->font_size * 12);
    }
  else if (atlas_chart_model_get_shape (model) == ATLAS_CHART_SHAPE_HEATMAP)
    _atlas_chart_layout_heatmap (self);
  else
    _atlas_chart_layout_bars (self);
  self->measure_cr = NULL;
  return self;
}

AtlasChartLayout *
atlas_chart_render (AtlasChartModel       *model,
                    const AtlasChartStyle *style,
                    cairo_t               *cr,
                    double                 width,
                    double                 height)
{
  AtlasChartLayout *self = atlas_chart_layout_new (model, style, cr, width, height);

  if (self != NULL)
    atlas_chart_layout_draw (self, cr);
  return self;
}
