/* atlas-classifier-error.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Its own header so that the rules parser can report errors without
 * depending on the classifier that uses it. */

#define ATLAS_CLASSIFIER_ERROR (atlas_classifier_error_quark ())

typedef enum
{
  ATLAS_CLASSIFIER_ERROR_RULES_SYNTAX = 1,  /* the rules file cannot be read as a rules file */
  ATLAS_CLASSIFIER_ERROR_RULES_INVALID,     /* a rule names an unknown field, label or a bad pattern */
} AtlasClassifierError;

GQuark atlas_classifier_error_quark (void);

G_END_DECLS
