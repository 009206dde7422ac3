/* atlas-order-view.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-order-view"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-order-chart.h"
#include "atlas-order-view.h"
#include "atlas-widget-style.h"

struct _AtlasOrderView
{
  GtkWidget        parent_instance;

  AtlasOrderChart *chart;
  int              focused;    /* mark chosen with the keyboard, -1 none */
  AtlasChartStyle  style;
  char            *font_family;
};

G_DEFINE_FINAL_TYPE (AtlasOrderView, atlas_order_view, GTK_TYPE_WIDGET)

enum
{
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The theme's colours, as the charts take them, on the widget's own
 * background (not filled), text a little smaller than the interface's. */
static void
update_style (AtlasOrderView *self)
{
  double size = atlas_widget_style_init (&self->style, GTK_WIDGET (self), &self->font_family);

  self->style.text_size = size > 0 ? size * 0.85 : 12;
}

static void
atlas_order_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AtlasOrderView *self = ATLAS_ORDER_VIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  atlas_order_chart_draw (self->chart, cr, &self->style, width, height);
  if (self->focused >= 0 && gtk_widget_has_focus (widget))
    {
      const AtlasOrderMark *mark = atlas_order_chart_get_mark (self->chart, self->focused);

      cairo_set_source_rgba (cr, self->style.accent.red, self->style.accent.green, self->style.accent.blue, 1);
      cairo_set_line_width (cr, 2);
      cairo_arc (cr, mark->x, mark->y, 8, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
activate_mark (AtlasOrderView *self,
               int             index)
{
  if (self->chart == NULL || index < 0)
    return;
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, atlas_order_chart_get_mark (self->chart, index)->cell);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            AtlasOrderView  *self)
{
  int index = self->chart ? atlas_order_chart_hit_test (self->chart, x, y, 10) : -1;

  if (index < 0)
    return;
  self->focused = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  activate_mark (self, index);
}

static gboolean
query_tooltip_cb (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip,
                  AtlasOrderView *self)
{
  int index;
  g_autofree char *text = NULL;

  if (self->chart == NULL)
    return FALSE;
  index = keyboard ? self->focused : atlas_order_chart_hit_test (self->chart, x, y, 10);
  if (index < 0)
    return FALSE;
  text = atlas_order_chart_describe (self->chart, index);
  /* Our own words and numbers, but never markup. */
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AtlasOrderView        *self)
{
  guint n = self->chart ? atlas_order_chart_get_n_marks (self->chart) : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
      self->focused = MAX (self->focused - 1, 0);
      break;
    case GDK_KEY_Right:
      self->focused = MIN (self->focused + 1, (int)n - 1);
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_mark (self, self->focused);
      return TRUE;
    default:
      return FALSE;
    }
  text = atlas_order_chart_describe (self->chart, self->focused);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
atlas_order_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (atlas_order_view_parent_class)->css_changed (widget, change);
  update_style (ATLAS_ORDER_VIEW (widget));
  gtk_widget_queue_draw (widget);
}

static void
atlas_order_view_finalize (GObject *object)
{
  AtlasOrderView *self = ATLAS_ORDER_VIEW (object);

  g_clear_pointer (&self->chart, atlas_order_chart_free);
  g_clear_pointer (&self->font_family, g_free);
  G_OBJECT_CLASS (atlas_order_view_parent_class)->finalize (object);
}

static void
atlas_order_view_class_init (AtlasOrderViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = atlas_order_view_finalize;
  widget_class->snapshot = atlas_order_view_snapshot;
  widget_class->css_changed = atlas_order_view_css_changed;

  /**
   * AtlasOrderView::cell-activated:
   * @cell: the index of the mark's cell in the notebook
   */
  signals[CELL_ACTIVATED] = g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_set_css_name (widget_class, "order-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_order_view_init (AtlasOrderView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->focused = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  update_style (self);
}

GtkWidget *
atlas_order_view_new (void)
{
  return g_object_new (ATLAS_TYPE_ORDER_VIEW, NULL);
}

void
atlas_order_view_set_notebook (AtlasOrderView *self,
                               AtlasNotebook  *notebook,
                               guint           crash_cell)
{
  g_return_if_fail (ATLAS_IS_ORDER_VIEW (self));
  g_return_if_fail (notebook == NULL || ATLAS_IS_NOTEBOOK (notebook));

  g_clear_pointer (&self->chart, atlas_order_chart_free);
  self->focused = -1;
  if (notebook != NULL)
    {
      self->chart = atlas_order_chart_new (notebook, crash_cell);
      /* The keyboard starts at the crash shown. */
      for (guint i = 0; i < atlas_order_chart_get_n_marks (self->chart); i++)
        if (atlas_order_chart_get_mark (self->chart, i)->kind == ATLAS_ORDER_MARK_THIS_CRASH)
          self->focused = i;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

char *
atlas_order_view_dup_summary (AtlasOrderView *self)
{
  g_return_val_if_fail (ATLAS_IS_ORDER_VIEW (self), NULL);
  return self->chart ? atlas_order_chart_summary (self->chart) : NULL;
}

gboolean
atlas_order_view_get_mark_position (AtlasOrderView *self,
                                    guint           index,
                                    guint          *cell,
                                    double         *x,
                                    double         *y)
{
  const AtlasOrderMark *mark;

  g_return_val_if_fail (ATLAS_IS_ORDER_VIEW (self), FALSE);

  if (self->chart == NULL || index >= atlas_order_chart_get_n_marks (self->chart))
    return FALSE;
  mark = atlas_order_chart_get_mark (self->chart, index);
  *cell = mark->cell;
  *x = mark->x;
  *y = mark->y;
  return TRUE;
}
