/* atlas-chart-page.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-chart-page.h"

struct _AtlasChartPage
{
  GtkWidget    parent_instance;

  GListModel  *crashes;
  AtlasCorpus *corpus;
};

enum {
  MARK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasChartPage, atlas_chart_page, GTK_TYPE_WIDGET)

static void
atlas_chart_page_dispose (GObject *object)
{
  AtlasChartPage *self = (AtlasChartPage *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->crashes);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (atlas_chart_page_parent_class)->dispose (object);
}

static void
atlas_chart_page_class_init (AtlasChartPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_chart_page_dispose;

  signals[MARK_ACTIVATED] =
    g_signal_new ("mark-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_UINT, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_chart_page_init (AtlasChartPage *self)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Charts"));
  gtk_widget_set_parent (status, GTK_WIDGET (self));
}

GtkWidget *
atlas_chart_page_new (void)
{
  return g_object_new (ATLAS_TYPE_CHART_PAGE, NULL);
}

void
atlas_chart_page_set_crashes (AtlasChartPage *self,
                              GListModel     *crashes,
                              AtlasCorpus    *corpus)
{
  g_return_if_fail (ATLAS_IS_CHART_PAGE (self));

  g_set_object (&self->crashes, crashes);
  g_set_object (&self->corpus, corpus);
}

void
atlas_chart_page_refresh (AtlasChartPage *self)
{
  g_return_if_fail (ATLAS_IS_CHART_PAGE (self));
}
