/* atlas-chart-view.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-view"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-chart-view.h"
#include "atlas-widget-style.h"

struct _AtlasChartView
{
  GtkWidget         parent_instance;

  AtlasChartModel  *model;
  AtlasChartLayout *layout;      /* of the cached drawing */
  GskRenderNode    *cached;      /* the chart without hover/focus outlines */
  AtlasChartStyle   style;
  char             *font_family;

  guint             hover;       /* mark under the pointer, G_MAXUINT for none */
  guint             focused;     /* keyboard focus, G_MAXUINT for none */
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

enum {
  MARK_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasChartView, atlas_chart_view, GTK_TYPE_WIDGET)

static void
invalidate (AtlasChartView *self)
{
  g_clear_pointer (&self->cached, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (AtlasChartView *self)
{
  const AtlasChartMark *mark = NULL;
  g_autofree char *description = NULL;

  if (self->model == NULL)
    return;
  if (self->layout != NULL && self->focused < atlas_chart_layout_get_n_marks (self->layout))
    mark = atlas_chart_layout_get_mark (self->layout, self->focused);
  /* A focused mark says its own numbers; the chart as a whole says how
   * many crashes it counts, in one sentence translators can reorder. */
  if (mark != NULL)
    description = g_strdup (mark->description);
  else
    /* TRANSLATORS: %s is the chart's subtitle, e.g. "n = 73 crashes in 53 notebooks" */
    description = g_strdup_printf (_("%s. Use the arrow keys to move between marks and Enter to list their "
                                     "crashes; the table view holds the same numbers."),
                                   atlas_chart_model_get_subtitle (self->model));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, atlas_chart_model_get_title (self->model),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* The chart follows the theme (atlas-widget-style.h). */
static void
update_style (AtlasChartView *self)
{
  atlas_widget_style_init (&self->style, GTK_WIDGET (self), &self->font_family);
  self->style.pixel_align = TRUE;
  self->style.patterns = TRUE;
  /* On screen the text follows the widget's size; exports set points. */
  self->style.text_size = 0;
}

static void
atlas_chart_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (atlas_chart_view_parent_class)->css_changed (widget, change);
  update_style (self);
  invalidate (self);
}

static void
atlas_chart_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);

  if (self->layout == NULL ||
      (int)atlas_chart_layout_get_width (self->layout) != width ||
      (int)atlas_chart_layout_get_height (self->layout) != height)
    {
      g_clear_object (&self->layout);
      invalidate (self);
    }
}

static void
render_cached (AtlasChartView *self,
               int             width,
               int             height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

  g_clear_object (&self->layout);
  self->layout = atlas_chart_render (self->model, &self->style, cr, width, height);
  cairo_destroy (cr);
  self->cached = gtk_snapshot_free_to_node (snapshot);
  if (self->focused != G_MAXUINT && self->focused >= atlas_chart_layout_get_n_marks (self->layout))
    self->focused = G_MAXUINT;
  if (self->hover != G_MAXUINT && self->hover >= atlas_chart_layout_get_n_marks (self->layout))
    self->hover = G_MAXUINT;
  update_accessible (self);
}

static void
atlas_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_t *cr;

  if (self->model == NULL || width <= 0 || height <= 0)
    return;
  if (self->cached == NULL)
    render_cached (self, width, height);
  if (self->cached != NULL)
    gtk_snapshot_append_node (snapshot, self->cached);

  /* Hover and focus outlines are drawn fresh over the cached chart. */
  if (self->hover == G_MAXUINT && (self->focused == G_MAXUINT || !gtk_widget_has_focus (widget)))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  if (self->hover != G_MAXUINT)
    atlas_chart_layout_draw_highlight (self->layout, cr, self->hover);
  if (self->focused != G_MAXUINT && self->focused != self->hover && gtk_widget_has_focus (widget))
    atlas_chart_layout_draw_highlight (self->layout, cr, self->focused);
  cairo_destroy (cr);
}

/* Lays the chart out without drawing, so marks can be hit before the first
 * frame (a click racing a redraw, or a test). */
static void
ensure_layout (AtlasChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_surface_t *surface;
  cairo_t *cr;

  if (self->layout != NULL || self->model == NULL || width <= 0 || height <= 0)
    return;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  self->layout = atlas_chart_layout_new (self->model, &self->style, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint
mark_at (AtlasChartView *self,
         double          x,
         double          y)
{
  guint index;

  ensure_layout (self);
  if (self->layout == NULL || atlas_chart_layout_hit_test (self->layout, x, y, &index) == NULL)
    return G_MAXUINT;
  return index;
}

static void
motion_cb (AtlasChartView           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  guint hover = mark_at (self, x, y);

  if (hover == self->hover)
    return;
  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover != G_MAXUINT ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (AtlasChartView *self)
{
  if (self->hover == G_MAXUINT)
    return;
  self->hover = G_MAXUINT;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
atlas_chart_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);
  guint index = keyboard ? self->focused : mark_at (self, x, y);
  const AtlasChartMark *mark;

  if (self->layout == NULL || index >= atlas_chart_layout_get_n_marks (self->layout))
    return FALSE;
  mark = atlas_chart_layout_get_mark (self->layout, index);
  /* Plain text: labels can hold library names from notebooks. */
  gtk_tooltip_set_text (tooltip, mark->description);
  return TRUE;
}

void
atlas_chart_view_activate_mark (AtlasChartView *self,
                                guint           index)
{
  const AtlasChartMark *mark;

  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));

  ensure_layout (self);
  if (self->layout == NULL || index >= atlas_chart_layout_get_n_marks (self->layout))
    return;
  mark = atlas_chart_layout_get_mark (self->layout, index);
  self->focused = index;
  g_signal_emit (self, signals[MARK_ACTIVATED], 0, mark->filter);
}

static void
pressed_cb (AtlasChartView  *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  guint index = mark_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index == G_MAXUINT)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  atlas_chart_view_activate_mark (self, index);
}

void
atlas_chart_view_focus_mark (AtlasChartView *self,
                             guint           index)
{
  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));

  ensure_layout (self);
  if (self->layout == NULL || index >= atlas_chart_layout_get_n_marks (self->layout))
    return;
  self->focused = index;
  update_accessible (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (AtlasChartView        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  guint n;
  int direction = -1;

  ensure_layout (self);
  n = self->layout != NULL ? atlas_chart_layout_get_n_marks (self->layout) : 0;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      direction = ATLAS_CHART_DIRECTION_LEFT;
      break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      direction = ATLAS_CHART_DIRECTION_RIGHT;
      break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      direction = ATLAS_CHART_DIRECTION_UP;
      break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      direction = ATLAS_CHART_DIRECTION_DOWN;
      break;
    case GDK_KEY_Home:
      atlas_chart_view_focus_mark (self, 0);
      return TRUE;
    case GDK_KEY_End:
      atlas_chart_view_focus_mark (self, n - 1);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter: case GDK_KEY_space:
      if (self->focused == G_MAXUINT)
        return FALSE;
      atlas_chart_view_activate_mark (self, self->focused);
      return TRUE;
    default:
      return FALSE;
    }
  atlas_chart_view_focus_mark (self, atlas_chart_layout_navigate (self->layout, self->focused, direction));
  return TRUE;
}

static void
focus_changed_cb (AtlasChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 500;
}

static void
atlas_chart_view_dispose (GObject *object)
{
  AtlasChartView *self = (AtlasChartView *)object;

  g_clear_pointer (&self->cached, gsk_render_node_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (atlas_chart_view_parent_class)->dispose (object);
}

static void
atlas_chart_view_finalize (GObject *object)
{
  AtlasChartView *self = (AtlasChartView *)object;

  g_free (self->font_family);

  G_OBJECT_CLASS (atlas_chart_view_parent_class)->finalize (object);
}

static void
atlas_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      atlas_chart_view_set_model (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_chart_view_class_init (AtlasChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_chart_view_dispose;
  object_class->finalize = atlas_chart_view_finalize;
  object_class->get_property = atlas_chart_view_get_property;
  object_class->set_property = atlas_chart_view_set_property;

  widget_class->snapshot = atlas_chart_view_snapshot;
  widget_class->measure = atlas_chart_view_measure;
  widget_class->size_allocate = atlas_chart_view_size_allocate;
  widget_class->css_changed = atlas_chart_view_css_changed;
  widget_class->query_tooltip = atlas_chart_view_query_tooltip;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, ATLAS_TYPE_CHART_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MARK_ACTIVATED] =
    g_signal_new ("mark-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ATLAS_TYPE_FILTER);

  gtk_widget_class_set_css_name (widget_class, "atlaschartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_chart_view_init (AtlasChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->hover = G_MAXUINT;
  self->focused = G_MAXUINT;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  update_style (self);
}

GtkWidget *
atlas_chart_view_new (void)
{
  return g_object_new (ATLAS_TYPE_CHART_VIEW, NULL);
}

AtlasChartModel *
atlas_chart_view_get_model (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), NULL);
  return self->model;
}

void
atlas_chart_view_set_model (AtlasChartView  *self,
                            AtlasChartModel *model)
{
  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));
  g_return_if_fail (model == NULL || ATLAS_IS_CHART_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;
  g_clear_object (&self->layout);
  self->hover = G_MAXUINT;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

AtlasChartLayout *
atlas_chart_view_get_layout (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), NULL);

  ensure_layout (self);
  return self->layout;
}

guint
atlas_chart_view_get_focused_mark (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), G_MAXUINT);
  return self->focused;
}
