/* atlas-agreement-view.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-agreement.h"
#include "atlas-corpus.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_AGREEMENT_VIEW (atlas_agreement_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasAgreementView, atlas_agreement_view, ATLAS, AGREEMENT_VIEW, GtkWidget)

/* The "Agreement" page: two raters, or a rater and the automatic labels,
 * per dimension (crashes compared, raw agreement, Cohen's kappa with its 95%
 * interval), the confusion matrix of one dimension, and the disagreements;
 * activating one emits ::crash-activated (notebook location, cell). */
GtkWidget            *atlas_agreement_view_new           (void);
void                  atlas_agreement_view_set_corpus    (AtlasAgreementView *self,
                                                          AtlasCorpus        *corpus,
                                                          AtlasStore         *store);
/* Reads the labels again (after a confirmation or an import). */
void                  atlas_agreement_view_refresh       (AtlasAgreementView *self);
/* Chooses the raters compared; @second NULL for the automatic labels. */
void                  atlas_agreement_view_compare       (AtlasAgreementView *self,
                                                          const char         *first,
                                                          const char         *second);
const AtlasAgreement *atlas_agreement_view_get_agreement (AtlasAgreementView *self);

G_END_DECLS
