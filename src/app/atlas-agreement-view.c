/* atlas-agreement-view.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-agreement-view"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-agreement-view.h"
#include "atlas-store-labels.h"

struct _AtlasAgreementView
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkDropDown    *first_drop;
  GtkDropDown    *second_drop;
  GtkStringList  *first_names;
  GtkStringList  *second_names;   /* [0] is "automatic labels" */
  GtkGrid        *table;
  GtkDropDown    *dimension_drop;
  GtkGrid        *confusion;
  GtkLabel       *confusion_caption;
  GtkListBox     *disagreements;
  GtkLabel       *disagreement_title;

  AtlasCorpus    *corpus;
  AtlasStore     *store;
  AtlasAgreement *agreement;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (AtlasAgreementView, atlas_agreement_view, GTK_TYPE_WIDGET)

static guint signal_crash_activated;

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
cell_label (const char *text,
            gboolean    numeric,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
format_share (double value)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.1f %%", 100.0 * value);
}

static char *
format_kappa (double value)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.2f", value);
}

static void
fill_table (AtlasAgreementView *self)
{
  const char *headings[] = { N_("Dimension"), N_("Crashes"), N_("Agreement"), N_("Kappa"), N_("95% CI") };

  clear_grid (self->table);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (self->table, cell_label (_(headings[c]), c > 0, "heading"), (int)c, 0, 1, 1);
  for (guint d = 0; self->agreement != NULL && d < ATLAS_N_DIMENSIONS; d++)
    {
      const AtlasKappa *kappa = self->agreement->dimensions[d];
      g_autofree char *n = g_strdup_printf ("%u", kappa->n);
      g_autofree char *share = format_share (kappa->agreement);
      g_autofree char *k = format_kappa (kappa->kappa);
      g_autofree char *low = format_kappa (kappa->kappa_low);
      g_autofree char *high = format_kappa (kappa->kappa_high);
      /* Translators: a confidence interval, "[0.61, 0.88]". */
      g_autofree char *ci = isnan (kappa->kappa) ? g_strdup ("—") : g_strdup_printf (_("[%s, %s]"), low, high);

      gtk_grid_attach (self->table, cell_label (atlas_dimension_display_name (d), FALSE, NULL), 0, (int)d + 1, 1, 1);
      gtk_grid_attach (self->table, cell_label (n, TRUE, NULL), 1, (int)d + 1, 1, 1);
      gtk_grid_attach (self->table, cell_label (share, TRUE, NULL), 2, (int)d + 1, 1, 1);
      gtk_grid_attach (self->table, cell_label (k, TRUE, "heading"), 3, (int)d + 1, 1, 1);
      gtk_grid_attach (self->table, cell_label (ci, TRUE, NULL), 4, (int)d + 1, 1, 1);
    }
}

static void
fill_confusion (AtlasAgreementView *self)
{
  AtlasDimension dimension = gtk_drop_down_get_selected (self->dimension_drop);
  const AtlasKappa *kappa;
  g_autofree char *caption = NULL;

  clear_grid (self->confusion);
  if (self->agreement == NULL || dimension >= ATLAS_N_DIMENSIONS)
    return;
  kappa = self->agreement->dimensions[dimension];
  /* Translators: rows are the first rater's labels, columns the second's. */
  caption = g_strdup_printf (_("Rows: %s · columns: %s"), self->agreement->first_rater,
                             self->agreement->second_rater);
  gtk_label_set_text (self->confusion_caption, caption);
  for (guint j = 0; j < kappa->n_categories; j++)
    gtk_grid_attach (self->confusion, cell_label (kappa->categories[j], TRUE, "caption-heading"),
                     (int)j + 1, 0, 1, 1);
  for (guint i = 0; i < kappa->n_categories; i++)
    {
      gtk_grid_attach (self->confusion, cell_label (kappa->categories[i], FALSE, "caption-heading"),
                       0, (int)i + 1, 1, 1);
      for (guint j = 0; j < kappa->n_categories; j++)
        {
          guint count = atlas_kappa_get_count (kappa, i, j);
          g_autofree char *text = count > 0 ? g_strdup_printf ("%u", count) : g_strdup ("·");
          GtkWidget *label = cell_label (text, TRUE, i == j ? "confusion-agree"
                                                    : count > 0 ? "confusion-disagree" : "dim-label");

          gtk_grid_attach (self->confusion, label, (int)j + 1, (int)i + 1, 1, 1);
        }
    }
}

static void
fill_disagreements (AtlasAgreementView *self)
{
  GtkWidget *child;
  guint n = self->agreement != NULL ? self->agreement->disagreements->len : 0;
  g_autofree char *title = g_strdup_printf (ngettext ("%u disagreement to resolve",
                                                      "%u disagreements to resolve", n), n);

  gtk_label_set_text (self->disagreement_title, title);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->disagreements))) != NULL)
    gtk_list_box_remove (self->disagreements, child);
  for (guint i = 0; i < n; i++)
    {
      const AtlasDisagreement *d = g_ptr_array_index (self->agreement->disagreements, i);
      g_autofree char *basename = g_path_get_basename (d->location);
      /* Translators: notebook file name and 0-based cell index. */
      g_autofree char *where = g_strdup_printf (_("%s, cell %u"), basename, d->cell);
      /* Translators: dimension, first rater, value, second rater, value. */
      g_autofree char *what = g_strdup_printf (_("%s: %s says %s, %s says %s"),
                                               atlas_dimension_display_name (d->dimension),
                                               self->agreement->first_rater, d->first,
                                               self->agreement->second_rater, d->second);
      GtkWidget *label = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *heading = gtk_label_new (where);
      GtkWidget *subtitle = gtk_label_new (what);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_box_append (GTK_BOX (label), heading);
      gtk_box_append (GTK_BOX (label), subtitle);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->disagreements, label);
    }
}

static void
compute (AtlasAgreementView *self)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;
  guint a = gtk_drop_down_get_selected (self->first_drop);
  guint b = gtk_drop_down_get_selected (self->second_drop);
  const char *first_name;
  const char *second_name;

  g_clear_pointer (&self->agreement, atlas_agreement_free);
  if (self->store != NULL && self->corpus != NULL && a != GTK_INVALID_LIST_POSITION &&
      b != GTK_INVALID_LIST_POSITION)
    {
      first_name = gtk_string_list_get_string (self->first_names, a);
      first = atlas_store_dup_hand_labels (self->store, first_name, &error);
      if (b == 0)
        {
          second = atlas_automatic_labels (self->corpus);
          second_name = _("automatic");
        }
      else
        {
          second_name = gtk_string_list_get_string (self->second_names, b);
          if (first != NULL)
            second = atlas_store_dup_hand_labels (self->store, second_name, &error);
        }
      if (error != NULL)
        g_warning ("%s", error->message);
      if (first != NULL && second != NULL)
        self->agreement = atlas_agreement_compare (first, second, first_name, second_name);
    }
  fill_table (self);
  fill_confusion (self);
  fill_disagreements (self);
}

static void
selection_changed_cb (AtlasAgreementView *self)
{
  if (!self->filling)
    compute (self);
}

static void
replace_strings (GtkStringList      *list,
                 const char * const *strings,
                 guint               keep)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  gtk_string_list_splice (list, keep, n - keep, strings);
}

void
atlas_agreement_view_refresh (AtlasAgreementView *self)
{
  g_auto(GStrv) raters = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint a, b;

  g_return_if_fail (ATLAS_IS_AGREEMENT_VIEW (self));

  a = gtk_drop_down_get_selected (self->first_drop);
  b = gtk_drop_down_get_selected (self->second_drop);
  if (a != GTK_INVALID_LIST_POSITION)
    first = g_strdup (gtk_string_list_get_string (self->first_names, a));
  if (b != GTK_INVALID_LIST_POSITION && b > 0)
    second = g_strdup (gtk_string_list_get_string (self->second_names, b));
  if (self->store != NULL && (raters = atlas_store_dup_raters (self->store, &error)) == NULL)
    g_warning ("%s", error->message);

  self->filling = TRUE;
  replace_strings (self->first_names, (const char * const *)raters, 0);
  replace_strings (self->second_names, (const char * const *)raters, 1);
  self->filling = FALSE;
  atlas_agreement_view_compare (self, first, second);
}

static guint
find_string (GtkStringList *list,
             const char    *string,
             guint          from)
{
  for (guint i = from; string != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    if (g_str_equal (gtk_string_list_get_string (list, i), string))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

void
atlas_agreement_view_compare (AtlasAgreementView *self,
                              const char         *first,
                              const char         *second)
{
  guint a, b;

  g_return_if_fail (ATLAS_IS_AGREEMENT_VIEW (self));

  a = find_string (self->first_names, first, 0);
  b = second != NULL ? find_string (self->second_names, second, 1) : 0;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->first_drop, a != GTK_INVALID_LIST_POSITION ? a : 0);
  gtk_drop_down_set_selected (self->second_drop, b != GTK_INVALID_LIST_POSITION ? b : 0);
  self->filling = FALSE;
  compute (self);
}

static void
row_activated_cb (GtkListBox         *box,
                  GtkListBoxRow      *row,
                  AtlasAgreementView *self)
{
  const AtlasDisagreement *d;
  guint index = (guint)gtk_list_box_row_get_index (row);

  if (self->agreement == NULL || index >= self->agreement->disagreements->len)
    return;
  d = g_ptr_array_index (self->agreement->disagreements, index);
  g_signal_emit (self, signal_crash_activated, 0, d->location, d->cell);
}

static GtkWidget *
titled (const char *title,
        GtkWidget  *child)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), child);
  return box;
}

static void
atlas_agreement_view_dispose (GObject *object)
{
  AtlasAgreementView *self = (AtlasAgreementView *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (atlas_agreement_view_parent_class)->dispose (object);
}

static void
atlas_agreement_view_finalize (GObject *object)
{
  AtlasAgreementView *self = (AtlasAgreementView *)object;

  g_clear_object (&self->corpus);
  g_clear_object (&self->store);
  g_clear_pointer (&self->agreement, atlas_agreement_free);
  G_OBJECT_CLASS (atlas_agreement_view_parent_class)->finalize (object);
}

static void
atlas_agreement_view_class_init (AtlasAgreementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_agreement_view_dispose;
  object_class->finalize = atlas_agreement_view_finalize;

  signal_crash_activated = g_signal_new ("crash-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agreementview");
}

static void
atlas_agreement_view_init (AtlasAgreementView *self)
{
  const char *automatic[] = { N_("the automatic labels"), NULL };
  const char *dimensions[ATLAS_N_DIMENSIONS + 1] = { NULL };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list_scroller = gtk_scrolled_window_new ();
  GtkWidget *matrix_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *matrix_head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *matrix_title = gtk_label_new (_("Confusion matrix"));

  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    dimensions[d] = atlas_dimension_display_name (d);
  automatic[0] = _(automatic[0]);

  self->first_names = gtk_string_list_new (NULL);
  self->second_names = gtk_string_list_new (automatic);
  self->first_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->first_names), NULL));
  self->second_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->second_names), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->first_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("First rater"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->second_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Second rater"), -1);
  g_signal_connect_swapped (self->first_drop, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->second_drop, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), gtk_label_new (_("Agreement of")));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->first_drop));
  gtk_box_append (GTK_BOX (bar), gtk_label_new (_("with")));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->second_drop));

  self->table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->table, 18);
  gtk_grid_set_row_spacing (self->table, 6);
  gtk_box_append (GTK_BOX (left), bar);
  gtk_box_append (GTK_BOX (left), titled (_("Per dimension"), GTK_WIDGET (self->table)));
  {
    GtkWidget *note = gtk_label_new (_("Cohen's kappa with a 95% interval from the large-sample variance "
                                       "of Fleiss, Cohen & Everitt (1969). Crashes one side left unlabeled "
                                       "on a dimension are not compared there."));

    gtk_label_set_wrap (GTK_LABEL (note), TRUE);
    gtk_label_set_xalign (GTK_LABEL (note), 0);
    gtk_label_set_max_width_chars (GTK_LABEL (note), 60);
    gtk_widget_add_css_class (note, "dim-label");
    gtk_widget_add_css_class (note, "caption");
    gtk_box_append (GTK_BOX (left), note);
  }

  self->dimension_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (dimensions));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dimension_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dimension of the confusion matrix"), -1);
  g_signal_connect_swapped (self->dimension_drop, "notify::selected", G_CALLBACK (fill_confusion), self);
  gtk_widget_add_css_class (matrix_title, "heading");
  gtk_box_append (GTK_BOX (matrix_head), matrix_title);
  gtk_box_append (GTK_BOX (matrix_head), GTK_WIDGET (self->dimension_drop));
  self->confusion_caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->confusion_caption, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->confusion_caption), "dim-label");
  self->confusion = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->confusion, 10);
  gtk_grid_set_row_spacing (self->confusion, 4);
  gtk_widget_add_css_class (GTK_WIDGET (self->confusion), "confusion-matrix");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->confusion));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (matrix_box), matrix_head);
  gtk_box_append (GTK_BOX (matrix_box), GTK_WIDGET (self->confusion_caption));
  gtk_box_append (GTK_BOX (matrix_box), scroller);
  gtk_widget_set_vexpand (matrix_box, TRUE);
  gtk_box_append (GTK_BOX (left), matrix_box);

  self->disagreements = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->disagreements), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->disagreements), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Disagreements"), -1);
  g_signal_connect (self->disagreements, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroller), GTK_WIDGET (self->disagreements));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (list_scroller, TRUE);
  gtk_widget_set_hexpand (list_scroller, TRUE);
  self->disagreement_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->disagreement_title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->disagreement_title), "heading");
  {
    GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *hint = gtk_label_new (_("Activate one to see the crash and label it again."));

    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->disagreement_title));
    gtk_box_append (GTK_BOX (right), hint);
    gtk_box_append (GTK_BOX (right), list_scroller);
    gtk_widget_set_hexpand (right, TRUE);
    gtk_box_append (GTK_BOX (columns), left);
    gtk_box_append (GTK_BOX (columns), right);
  }
  gtk_widget_set_margin_start (columns, 18);
  gtk_widget_set_margin_end (columns, 18);
  gtk_widget_set_margin_top (columns, 12);
  gtk_widget_set_margin_bottom (columns, 12);

  self->box = columns;
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  fill_table (self);
  fill_disagreements (self);
}

GtkWidget *
atlas_agreement_view_new (void)
{
  return g_object_new (ATLAS_TYPE_AGREEMENT_VIEW, NULL);
}

void
atlas_agreement_view_set_corpus (AtlasAgreementView *self,
                                 AtlasCorpus        *corpus,
                                 AtlasStore         *store)
{
  g_return_if_fail (ATLAS_IS_AGREEMENT_VIEW (self));

  g_set_object (&self->corpus, corpus);
  g_set_object (&self->store, store);
  atlas_agreement_view_refresh (self);
}

const AtlasAgreement *
atlas_agreement_view_get_agreement (AtlasAgreementView *self)
{
  g_return_val_if_fail (ATLAS_IS_AGREEMENT_VIEW (self), NULL);
  return self->agreement;
}
