/* atlas-regex.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A rule's regular expression: the pattern as GRegex reads it (UTF-8,
 * Unicode properties, any newline, compiled for PCRE2's JIT), matched with
 * PCRE2 directly so that a test that fails allocates nothing. */
typedef struct _AtlasRegex AtlasRegex;

AtlasRegex  *atlas_regex_new         (const char        *pattern,
                                      GError           **error);
void         atlas_regex_free        (AtlasRegex        *self);
const char  *atlas_regex_get_pattern (const AtlasRegex  *self);
gboolean     atlas_regex_test        (const AtlasRegex  *self,
                                      const char        *subject);
gboolean     atlas_regex_test_valid  (const AtlasRegex  *self,
                                      const char        *subject);
gboolean     atlas_regex_match       (const AtlasRegex  *self,
                                      const char        *subject,
                                      char             **found,
                                      char             **group_1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasRegex, atlas_regex_free)

G_END_DECLS
