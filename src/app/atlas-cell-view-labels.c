/* atlas-cell-view-labels.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cell-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "atlas-cell-view-private.h"

static const AtlasDimension shown_dimensions[] = {
  ATLAS_DIMENSION_CRASH_TYPE,
  ATLAS_DIMENSION_ROOT_CAUSE,
  ATLAS_DIMENSION_ML_BUG,
  ATLAS_DIMENSION_STAGE,
  ATLAS_DIMENSION_LIBRARY,
};

static guint
label_value (const AtlasClassification *c,
             AtlasDimension             dimension)
{
  switch (dimension)
    {
    case ATLAS_DIMENSION_CRASH_TYPE:
      return c->crash_type;
    case ATLAS_DIMENSION_ROOT_CAUSE:
      return c->root_cause;
    case ATLAS_DIMENSION_ML_BUG:
      return c->ml_bug;
    case ATLAS_DIMENSION_STAGE:
      return c->stage;
    case ATLAS_DIMENSION_LIBRARY:
    case ATLAS_N_DIMENSIONS:
    default:
      return 0;
    }
}

/* "variable not found (VNF)"; the library as it is imported. */
static char *
describe_label (AtlasCrash     *crash,
                AtlasDimension  dimension)
{
  const AtlasClassification *c = atlas_crash_get_classification (crash);
  const char *id = atlas_crash_get_label_id (crash, dimension);
  const char *name;

  if (id == NULL)
    return g_strdup (_("not classified"));
  if (dimension == ATLAS_DIMENSION_LIBRARY)
    return g_strcmp0 (id, ATLAS_LIBRARY_NONE) == 0 ? g_strdup (_("none (plain Python)")) : g_strdup (id);
  name = atlas_dimension_value_name (dimension, label_value (c, dimension));
  if (dimension == ATLAS_DIMENSION_ROOT_CAUSE && c->root_cause_detail != NULL)
    return g_strdup_printf ("%s (%s): %s", name, id, c->root_cause_detail);
  return g_strdup_printf ("%s (%s)", name, id);
}

static GtkWidget *
grid_label (const char *text,
            const char *css_class,
            gboolean    expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), expand);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Evidence reads "rule …: facts — explanation". The explanation is for
 * people and comes first; the rule and its facts follow, smaller, for
 * whoever wants to disagree with the label. */
static GtkWidget *
evidence_box (const char *evidence)
{
  const char *dash = strstr (evidence, " \u2014 ");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *rule = NULL;

  if (dash == NULL)
    {
      gtk_box_append (GTK_BOX (box), grid_label (evidence, NULL, TRUE));
      return box;
    }
  rule = g_strndup (evidence, dash - evidence);
  gtk_box_append (GTK_BOX (box), grid_label (dash + strlen (" \u2014 "), NULL, TRUE));
  gtk_box_append (GTK_BOX (box), grid_label (rule, "caption", TRUE));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "dim-label");
  return box;
}

void
_atlas_cell_view_show_labels (GtkGrid    *grid,
                              AtlasCrash *crash)
{
  const AtlasClassification *c = atlas_crash_get_classification (crash);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))))
    gtk_grid_remove (grid, child);

  for (guint i = 0; i < G_N_ELEMENTS (shown_dimensions); i++)
    {
      AtlasDimension dimension = shown_dimensions[i];
      g_autofree char *value = describe_label (crash, dimension);
      const char *evidence = c->evidence[dimension];

      gtk_grid_attach (grid, grid_label (atlas_dimension_display_name (dimension), "dim-label", FALSE),
                       0, (int)i * 2, 1, 1);
      if (c->confidence[dimension] != ATLAS_CONFIDENCE_UNSET)
        {
          /* Translators: a label, then how far to trust it: "variable not found (VNF) · low confidence" */
          g_autofree char *with = g_strdup_printf (_("%s · %s"), value,
                                                   atlas_confidence_display_name (c->confidence[dimension]));

          g_free (value);
          value = g_steal_pointer (&with);
        }
      gtk_grid_attach (grid, grid_label (value, "heading", TRUE), 1, (int)i * 2, 1, 1);
      if (c->confidence[dimension] == ATLAS_CONFIDENCE_LOW)
        gtk_widget_add_css_class (gtk_grid_get_child_at (grid, 1, (int)i * 2), "warning");
      if (evidence != NULL)
        gtk_grid_attach (grid, evidence_box (evidence), 1, (int)i * 2 + 1, 1, 1);
    }
}
