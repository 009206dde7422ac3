/* atlas-chart-layout-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "atlas-chart-layout.h"
#include "atlas-chart-private.h"

G_BEGIN_DECLS

/* The layout is a display list (filled by the bar or heatmap builder) plus
 * the marks; drawing replays the list, hit-testing reads the marks. */
typedef enum
{
  ITEM_RECT,
  ITEM_LINE,
  ITEM_TEXT,
} ItemKind;

typedef enum
{
  PATTERN_NONE,
  PATTERN_DIAGONAL,
  PATTERN_CROSS,
  PATTERN_DOTS,
  PATTERN_BACK_DIAGONAL,
} Pattern;

typedef struct
{
  ItemKind    kind;
  double      x, y, w, h;      /* rect; line from (x, y) to (x + w, y + h); text box */
  AtlasColor  fill;            /* rect fill (alpha 0: none); text colour */
  AtlasColor  stroke;          /* rect outline / line colour (alpha 0: none) */
  double      line_width;
  Pattern     pattern;
  AtlasColor  pattern_color;
  char       *text;
  double      size;
  gboolean    bold;
  double      max_width;       /* ellipsize beyond (0: no limit) */
  gboolean    vertical;        /* text read bottom to top */
  gboolean    gradient;        /* rect filled with the heatmap scale, left to right */
  gboolean    wrap;            /* text wrapped at word boundaries to max_width, centred */
  gboolean    halo;            /* text outlined in the background colour (over grid lines) */
  gboolean    ellipsize_middle; /* cut in the middle, keeping how it ends */
  gboolean    paragraph;       /* wrapped text aligned by @align (else centred) */
  PangoAlignment align;
} Item;

typedef struct
{
  double x, y, w, h;
} Box;

/* What a text is, for its size: in points when the style fixes the text
 * size (exports), else derived from the chart's size. */
typedef enum
{
  TEXT_TITLE,
  TEXT_SUBTITLE,
  TEXT_LABEL,     /* row and column labels, legend, axis titles, panel headers */
  TEXT_TICK,
  TEXT_VALUE,     /* beside a bar */
  TEXT_INSIDE,    /* inside a bar segment or a heatmap cell */
} TextRole;

struct _AtlasChartLayout
{
  GObject          parent_instance;

  AtlasChartModel *model;
  AtlasChartStyle  style;
  char            *font_family;
  double           width;
  double           height;
  double           font_size;   /* base size of spacing, derived from the chart's size
                                 * or from the style's text size */
  gboolean         fixed_text;  /* the style's text sizes rule (exports) */
  double           natural_height; /* the height at which nothing shrinks */
  cairo_t         *measure_cr;  /* only during layout */
  /* While set, texts go to it instead of being drawn (SVG export). */
  void           (*text_sink) (AtlasChartLayout *self,
                               cairo_t          *cr,
                               const Item       *item,
                               gpointer          data);
  gpointer         text_sink_data;
  GArray          *items;       /* Item */
  GArray          *marks;       /* AtlasChartMark */
};

/* The size of a text of @role, and the smallest any text may get. */
AtlasChartLayout *_atlas_chart_layout_begin (AtlasChartModel       *model,
                                             const AtlasChartStyle *style,
                                             cairo_t               *cr,
                                             double                 width,
                                             double                 height);

double _atlas_chart_layout_text_size (AtlasChartLayout *self,
                                      TextRole          role);
double _atlas_chart_layout_min_size  (AtlasChartLayout *self);
/* Records that the chart needs @height to draw without shrinking. */
void   _atlas_chart_layout_need_height (AtlasChartLayout *self,
                                        double            height);

/* The Pango layout an item's text is drawn with, for @text (the item's,
 * or a shortened one): ellipsized at @max_width (0: not) unless @item
 * wraps. */
PangoLayout *_atlas_chart_layout_item_layout (AtlasChartLayout *self,
                                              cairo_t          *cr,
                                              const Item       *item,
                                              const char       *text,
                                              double            max_width);

/* Text measured the way it is drawn; width and height may be NULL. */
void  _atlas_chart_layout_measure   (AtlasChartLayout *self,
                                     const char       *text,
                                     double            size,
                                     gboolean          bold,
                                     double            max_width,
                                     double           *width,
                                     double           *height);
/* Adds text anchored at (x, y): @ax, @ay are 0 (left/top), 0.5 or 1
 * (right/bottom). Returns the box it occupies. */
Box   _atlas_chart_layout_add_text  (AtlasChartLayout *self,
                                     const char       *text,
                                     double            size,
                                     gboolean          bold,
                                     const AtlasColor *color,
                                     double            x,
                                     double            y,
                                     double            ax,
                                     double            ay,
                                     double            max_width,
                                     gboolean          vertical);
/* Text wrapped at spaces within @width, lines centred, top centre at (cx, y).
 * *n_lines receives the line count and *word_fits whether every word fits. */
void  _atlas_chart_layout_measure_wrapped (AtlasChartLayout *self,
                                           const char       *text,
                                           double            size,
                                           double            width,
                                           double           *height,
                                           int              *n_lines,
                                           gboolean         *words_fit);
Box   _atlas_chart_layout_add_wrapped_text (AtlasChartLayout *self,
                                            const char       *text,
                                            double            size,
                                            const AtlasColor *color,
                                            double            cx,
                                            double            y,
                                            double            width);
/* Text wrapped at spaces within @width, lines aligned by @align in the box
 * whose top left is (x, y); its height (and line count) measured alike. */
Box    _atlas_chart_layout_add_paragraph     (AtlasChartLayout *self,
                                              const char       *text,
                                              double            size,
                                              const AtlasColor *color,
                                              double            x,
                                              double            y,
                                              double            width,
                                              PangoAlignment    align);
double _atlas_chart_layout_measure_paragraph (AtlasChartLayout *self,
                                              const char       *text,
                                              double            size,
                                              double            width,
                                              int              *n_lines);
/* Marks the last added text item to get a halo. */
void  _atlas_chart_layout_halo_last (AtlasChartLayout *self);
/* Makes the last added text item, when too long, lose its middle rather
 * than its end. */
void  _atlas_chart_layout_ellipsize_middle_last (AtlasChartLayout *self);
Item *_atlas_chart_layout_add_rect  (AtlasChartLayout *self,
                                     double            x,
                                     double            y,
                                     double            w,
                                     double            h,
                                     const AtlasColor *fill);
void  _atlas_chart_layout_add_line  (AtlasChartLayout *self,
                                     double            x0,
                                     double            y0,
                                     double            x1,
                                     double            y1,
                                     const AtlasColor *color,
                                     double            width);
/* Adds a mark; takes @filter and @description. */
void  _atlas_chart_layout_add_mark  (AtlasChartLayout  *self,
                                     AtlasChartMarkKind kind,
                                     double             x,
                                     double             y,
                                     double             w,
                                     double             h,
                                     guint              panel,
                                     guint              row,
                                     guint              series,
                                     guint              count,
                                     double             percent,
                                     AtlasFilter       *filter,
                                     char              *description);

/* Fill and hatching of a series, consistent between bars and legend. */
void  _atlas_chart_layout_series_look (AtlasChartLayout *self,
                                       guint             series,
                                       AtlasColor       *fill,
                                       Pattern          *pattern);
/* A filled, hatched, outlined swatch or bar. */
Item *_atlas_chart_layout_add_series_rect (AtlasChartLayout *self,
                                           guint             series,
                                           double            x,
                                           double            y,
                                           double            w,
                                           double            h);

/* Title, subtitle: returns the y below them. */
double _atlas_chart_layout_header   (AtlasChartLayout *self,
                                     double            margin);
/* Legend entries (swatch + label) flowing left to right from (x, y) within
 * @width; returns the height used. */
double _atlas_chart_layout_legend   (AtlasChartLayout *self,
                                     double            x,
                                     double            y,
                                     double            width);

/* "Kaggle · training / validation · ML library bug" for descriptions. */
char *_atlas_chart_layout_describe  (AtlasChartLayout *self,
                                     guint             panel,
                                     guint             row,
                                     guint             series,
                                     const char       *numbers);

/* A colour with its alpha scaled. */
AtlasColor _atlas_color_fade        (const AtlasColor *color,
                                     double            alpha);

G_END_DECLS
