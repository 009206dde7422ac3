/* atlas-agreement.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "atlas-corpus.h"
#include "atlas-store-labels.h"

G_BEGIN_DECLS

/* Agreement of two raters on one dimension.
 *
 * Cohen's kappa κ = (p_o − p_e) / (1 − p_e) with p_o the share of crashes
 * both gave the same value and p_e = Σ_i p_i. p_.i the agreement expected
 * from the two raters' marginals. Its 95% interval is κ ± 1.96·SE with the
 * large-sample variance of Fleiss, Cohen & Everitt (1969):
 *
 *   Var(κ) = [ Σ_i p_ii (1 − (p_i. + p_.i)(1 − κ))²
 *            + (1 − κ)² Σ_{i≠j} p_ij (p_.i + p_j.)²
 *            − (κ − p_e (1 − κ))² ] / (n (1 − p_e)²)
 *
 * clipped to [−1, 1]. κ is NAN (undefined) when p_e = 1, i.e. both raters
 * used one and the same value for every crash. */
typedef struct
{
  guint    n;              /* crashes both raters labeled on this dimension */
  double   agreement;      /* p_o; NAN when n = 0 */
  double   kappa;
  double   kappa_se;
  double   kappa_low;
  double   kappa_high;
  guint    n_categories;
  char   **categories;     /* sorted identifiers the two used */
  guint   *confusion;      /* n_categories²: [first's value][second's value] */
} AtlasKappa;

/* From @n pairs of identifiers; pairs where either is NULL are left out. */
AtlasKappa *atlas_kappa_new             (const char * const *first,
                                         const char * const *second,
                                         guint               n);
/* From a k × k table of counts (rows: first rater); categories "0" … "k−1". */
AtlasKappa *atlas_kappa_new_from_table  (const guint        *table,
                                         guint               k);
guint       atlas_kappa_get_count       (const AtlasKappa   *kappa,
                                         guint               row,
                                         guint               column);
void        atlas_kappa_free            (AtlasKappa         *kappa);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasKappa, atlas_kappa_free)

/* A crash on which the two disagree, on one dimension. */
typedef struct
{
  char           *location;
  guint           cell;
  AtlasDimension  dimension;
  char           *first;
  char           *second;
} AtlasDisagreement;

typedef struct
{
  char       *first_rater;
  char       *second_rater;
  guint       n_crashes;                        /* crashes both labeled */
  AtlasKappa *dimensions[ATLAS_N_DIMENSIONS];
  GPtrArray  *disagreements;                    /* (element-type AtlasDisagreement) */
} AtlasAgreement;

/* Compares two sets of labels (element-type AtlasHandLabel), matched by
 * notebook and cell; crashes only one set holds are left out. */
AtlasAgreement *atlas_agreement_compare (GPtrArray  *first,
                                         GPtrArray  *second,
                                         const char *first_rater,
                                         const char *second_rater);
void            atlas_agreement_free    (AtlasAgreement *agreement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasAgreement, atlas_agreement_free)

/* The automatic labels of @corpus as labels of the rater "automatic", one per
 * notebook and cell (the first crash of a cell). (element-type AtlasHandLabel) */
GPtrArray  *atlas_automatic_labels       (AtlasCorpus     *corpus);

/* { "first": …, "second": …, "n_crashes": …,
 *   "crash_type": { "n", "agreement", "kappa", "kappa_ci": [low, high],
 *                   "categories": [...], "confusion": [[...], ...] },
 *   … one member per dimension …, "disagreements": [...] }
 * confusion[i][j] counts the crashes the first rater put in categories[i]
 * and the second in categories[j]. NAN prints as null. */
JsonNode   *atlas_agreement_to_json      (const AtlasAgreement *agreement);

G_END_DECLS
