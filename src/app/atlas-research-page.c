/* atlas-research-page.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-research-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-research-page.h"
#include "atlas-sample.h"
#include "atlas-store-labels.h"

struct _AtlasResearchPage
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *summary;
  GtkSpinButton  *size_spin;
  GtkDropDown    *design_drop;
  GtkSpinButton  *seed_spin;
  GtkButton      *draw_button;
  GtkButton      *sample_button;
  GtkStack       *stack;
  AdwStatusPage  *status;
  AtlasLabelView *label_view;

  AtlasCorpus    *corpus;
  AtlasStore     *store;
  char           *rater;
  GHashTable     *labels;    /* key → AtlasHandLabel */
  GPtrArray      *sample;    /* AtlasSampleItem */
  char           *design;
  guint32         seed;
};

G_DEFINE_FINAL_TYPE (AtlasResearchPage, atlas_research_page, GTK_TYPE_WIDGET)

static guint signal_labels_changed;

/* The sample's crashes in labeling order (those the corpus still holds). */
static GPtrArray *
sample_crashes (AtlasResearchPage *self)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *crashes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->corpus != NULL && i < atlas_corpus_get_n_crashes (self->corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (self->corpus, i);
      char *key = atlas_label_key (atlas_crash_get_location (crash), atlas_crash_get_cell (crash));

      if (g_hash_table_contains (by_key, key))
        g_free (key);
      else
        g_hash_table_insert (by_key, key, crash);
    }
  for (guint i = 0; self->sample != NULL && i < self->sample->len; i++)
    {
      const AtlasSampleItem *item = g_ptr_array_index (self->sample, i);
      g_autofree char *key = atlas_label_key (item->location, item->cell);
      AtlasCrash *crash = g_hash_table_lookup (by_key, key);

      if (crash != NULL)
        g_ptr_array_add (crashes, g_object_ref (crash));
    }
  return crashes;
}

static void
update_summary (AtlasResearchPage *self)
{
  g_autofree char *text = NULL;

  if (self->store == NULL)
    {
      adw_status_page_set_title (self->status, _("Hand labels need a corpus file"));
      adw_status_page_set_description (self->status,
        _("Labels and the labeling sample are kept in the corpus file. Save the corpus as a "
          "file (Save Corpus As…) or open one made by “crash-atlas scan --db”."));
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->status));
      text = g_strdup (_("No corpus file"));
    }
  else if (self->sample == NULL || self->sample->len == 0)
    {
      adw_status_page_set_title (self->status, _("No labeling sample yet"));
      adw_status_page_set_description (self->status,
        _("Draw a sample above, or choose “Label This Crash” in the crash list."));
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->status));
      text = g_strdup (_("No sample"));
    }
  else
    {
      /* Translators: size of the sample, its strata ("cluster", "platform", "none") and seed. */
      text = g_strdup_printf (ngettext ("Sample of %u crash, by %s, seed %u",
                                        "Sample of %u crashes, by %s, seed %u", self->sample->len),
                              self->sample->len, self->design ? self->design : "?", (guint)self->seed);
    }
  gtk_label_set_text (self->summary, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->draw_button), self->store != NULL);
}

static void
show_sample (AtlasResearchPage *self)
{
  g_autoptr(GPtrArray) crashes = sample_crashes (self);

  update_summary (self);
  atlas_label_view_set_queue (self->label_view, crashes);
  if (self->store != NULL && crashes->len > 0)
    gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->label_view));
}

static void
reload (AtlasResearchPage *self)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->labels);
  g_clear_pointer (&self->sample, g_ptr_array_unref);
  g_clear_pointer (&self->design, g_free);
  if (self->store != NULL)
    {
      self->sample = atlas_store_dup_sample (self->store, &self->design, &self->seed, &error);
      if (self->sample != NULL)
        labels = atlas_store_dup_hand_labels (self->store, self->rater, &error);
      if (error != NULL)
        g_warning ("%s", error->message);
    }
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    {
      AtlasHandLabel *label = g_ptr_array_index (labels, i);

      g_hash_table_replace (self->labels, atlas_label_key (label->location, label->cell),
                            atlas_hand_label_copy (label));
    }
  show_sample (self);
  g_signal_emit (self, signal_labels_changed, 0);
}

gboolean
atlas_research_page_draw_sample (AtlasResearchPage  *self,
                                 guint               size,
                                 guint               design,
                                 guint32             seed,
                                 GError            **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (ATLAS_IS_RESEARCH_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL && self->corpus != NULL, FALSE);

  items = atlas_sample_draw (self->corpus, design, size, seed);
  if (!atlas_store_replace_sample (self->store, atlas_sample_design_to_string (design), seed, items, error))
    return FALSE;
  reload (self);
  return TRUE;
}

static void
draw_clicked_cb (AtlasResearchPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!atlas_research_page_draw_sample (self, (guint)gtk_spin_button_get_value_as_int (self->size_spin),
                                        gtk_drop_down_get_selected (self->design_drop) == 0
                                          ? ATLAS_SAMPLE_BY_CLUSTER
                                          : gtk_drop_down_get_selected (self->design_drop) == 1
                                          ? ATLAS_SAMPLE_BY_PLATFORM : ATLAS_SAMPLE_BY_NONE,
                                        (guint32)gtk_spin_button_get_value (self->seed_spin), &error))
    gtk_label_set_text (self->summary, error->message);
}

static void
label_confirmed_cb (AtlasResearchPage *self)
{
  g_signal_emit (self, signal_labels_changed, 0);
}

static GtkWidget *
build_toolbar (AtlasResearchPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *designs[] = { N_("by message cluster"), N_("by platform"), N_("simple random"), NULL };
  const char *translated[4];
  GtkWidget *size_label = gtk_label_new_with_mnemonic (_("Sample si_ze"));
  GtkWidget *seed_label = gtk_label_new_with_mnemonic (_("S_eed"));

  for (guint i = 0; i < 4; i++)
    translated[i] = designs[i] ? _(designs[i]) : NULL;
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_ellipsize (self->summary, PANGO_ELLIPSIZE_END);
  self->size_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 100000, 10));
  gtk_spin_button_set_value (self->size_spin, 200);
  gtk_label_set_mnemonic_widget (GTK_LABEL (size_label), GTK_WIDGET (self->size_spin));
  self->design_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->design_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Strata of the sample"), -1);
  self->seed_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, G_MAXUINT32, 1));
  gtk_spin_button_set_value (self->seed_spin, 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (seed_label), GTK_WIDGET (self->seed_spin));
  self->draw_button = GTK_BUTTON (gtk_button_new_with_label (_("Draw Sample")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->draw_button),
                               _("Draw a new labeling sample; hand labels already made stay"));
  g_signal_connect_swapped (self->draw_button, "clicked", G_CALLBACK (draw_clicked_cb), self);
  self->sample_button = GTK_BUTTON (gtk_button_new_with_label (_("Label the Sample")));
  g_signal_connect_swapped (self->sample_button, "clicked", G_CALLBACK (atlas_research_page_label_sample), self);

  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->sample_button));
  gtk_box_append (GTK_BOX (bar), size_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->size_spin));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->design_drop));
  gtk_box_append (GTK_BOX (bar), seed_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->seed_spin));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->draw_button));
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  return bar;
}

static void
atlas_research_page_dispose (GObject *object)
{
  AtlasResearchPage *self = (AtlasResearchPage *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (atlas_research_page_parent_class)->dispose (object);
}

static void
atlas_research_page_finalize (GObject *object)
{
  AtlasResearchPage *self = (AtlasResearchPage *)object;

  g_clear_object (&self->corpus);
  g_clear_object (&self->store);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->sample, g_ptr_array_unref);
  g_free (self->design);
  g_free (self->rater);
  G_OBJECT_CLASS (atlas_research_page_parent_class)->finalize (object);
}

static void
atlas_research_page_class_init (AtlasResearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_research_page_dispose;
  object_class->finalize = atlas_research_page_finalize;

  /* The rater's labels changed (reloaded or one confirmed). */
  signal_labels_changed = g_signal_new ("labels-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_research_page_init (AtlasResearchPage *self)
{
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)atlas_hand_label_free);
  self->rater = g_strdup (g_get_real_name ());
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), build_toolbar (self));
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "document-edit-symbolic");
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->status));
  self->label_view = ATLAS_LABEL_VIEW (atlas_label_view_new ());
  atlas_label_view_set_labels (self->label_view, self->labels);
  g_signal_connect_object (self->label_view, "label-confirmed",
                           G_CALLBACK (label_confirmed_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->label_view));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  update_summary (self);
}

GtkWidget *
atlas_research_page_new (void)
{
  return g_object_new (ATLAS_TYPE_RESEARCH_PAGE, NULL);
}

void
atlas_research_page_set_corpus (AtlasResearchPage *self,
                                AtlasCorpus       *corpus,
                                AtlasStore        *store)
{
  g_return_if_fail (ATLAS_IS_RESEARCH_PAGE (self));

  g_set_object (&self->corpus, corpus);
  g_set_object (&self->store, store);
  atlas_label_view_set_store (self->label_view, store);
  reload (self);
}

void
atlas_research_page_set_rater (AtlasResearchPage *self,
                               const char        *rater)
{
  g_return_if_fail (ATLAS_IS_RESEARCH_PAGE (self));

  g_free (self->rater);
  self->rater = g_strdup (rater != NULL && *rater != '\0' ? rater : g_get_real_name ());
  atlas_label_view_set_rater (self->label_view, self->rater);
  reload (self);
}

void
atlas_research_page_label_crash (AtlasResearchPage *self,
                                 AtlasCrash        *crash)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (ATLAS_IS_RESEARCH_PAGE (self));
  g_return_if_fail (ATLAS_IS_CRASH (crash));

  g_ptr_array_add (one, g_object_ref (crash));
  atlas_label_view_set_queue (self->label_view, one);
  /* Show it even when it was labeled before: the rater asked for it. */
  if (self->store != NULL)
    gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->label_view));
  gtk_label_set_text (self->summary, _("Labeling one crash from the crash list"));
}

void
atlas_research_page_label_sample (AtlasResearchPage *self)
{
  g_return_if_fail (ATLAS_IS_RESEARCH_PAGE (self));
  show_sample (self);
}

GHashTable *
atlas_research_page_get_labels (AtlasResearchPage *self)
{
  g_return_val_if_fail (ATLAS_IS_RESEARCH_PAGE (self), NULL);
  return self->labels;
}

GPtrArray *
atlas_research_page_get_sample (AtlasResearchPage *self)
{
  g_return_val_if_fail (ATLAS_IS_RESEARCH_PAGE (self), NULL);
  return self->sample;
}

AtlasLabelView *
atlas_research_page_get_label_view (AtlasResearchPage *self)
{
  g_return_val_if_fail (ATLAS_IS_RESEARCH_PAGE (self), NULL);
  return self->label_view;
}
