/* fuzz-rules.c: a rules file of any content is loaded or refused with an
 * error; loading it never crashes or leaks.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-rules.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  AtlasRuleSet *rules;
  guint before;
  gboolean ok;

  fuzz_init ();
  text = fuzz_string (data, size);
  rules = atlas_rule_set_new ();
  before = atlas_rule_set_get_n_rules (rules);
  ok = atlas_rule_set_add_text (rules, text, "fuzz.rules", &error);
  FUZZ_CHECK (ok == (error == NULL));
  if (!ok)
    FUZZ_CHECK (atlas_rule_set_get_n_rules (rules) == before);   /* nothing changes on error */
  for (guint i = 0; i < atlas_rule_set_get_n_rules (rules); i++)
    FUZZ_CHECK (atlas_rule_set_get_rule (rules, i) != NULL);
  atlas_rule_set_get_version (rules);
  atlas_rule_set_free (rules);
  return 0;
}
