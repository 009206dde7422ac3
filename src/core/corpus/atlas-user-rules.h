/* atlas-user-rules.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-classifier.h"

G_BEGIN_DECLS

/* A classifier with the built-in rules plus @rules_file (may be NULL). A
 * broken file never costs the built-in rules: the classifier comes back
 * without it and *@warning says what is wrong, naming the file. */
AtlasClassifier *atlas_classifier_new_with_user_rules (const char *rules_file,
                                                       char      **warning);

G_END_DECLS
