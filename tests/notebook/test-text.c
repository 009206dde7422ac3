/* test-text.c: text made inert for terminals and JSON.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-text.h"

static void
test_terminal (void)
{
  static const struct { const char *in; AtlasTextFlags flags; const char *out; } cases[] = {
    { "plain ‘text’ é", ATLAS_TEXT_DEFAULT, "plain ‘text’ é" },
    { "\033]0;PWNED\007 \033[2J", ATLAS_TEXT_DEFAULT, "\\x1b]0;PWNED\\x07 \\x1b[2J" },
    { "\033]8;;http://x\033\\link", ATLAS_TEXT_DEFAULT, "\\x1b]8;;http://x\\x1b\\link" },
    { "a\nb\tc\rd", ATLAS_TEXT_DEFAULT, "a\\x0ab\\x09c\\x0dd" },
    { "a\nb\tc\rd", ATLAS_TEXT_KEEP_NEWLINES, "a\nb\tc\\x0dd" },
    { "c1 \xc2\x9b" "31m del \x7f", ATLAS_TEXT_DEFAULT, "c1 \\x9b31m del \\x7f" },
    { "bidi \xe2\x80\xae" "evil", ATLAS_TEXT_DEFAULT, "bidi \\u{202e}evil" },
    { "bad \xff\xfe byte", ATLAS_TEXT_DEFAULT, "bad \\xff\\xfe byte" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = atlas_text_for_terminal (cases[i].in, -1, cases[i].flags);

      g_assert_cmpstr (got, ==, cases[i].out);
      g_assert_true (g_utf8_validate (got, -1, NULL));
      g_assert_cmpint (atlas_text_is_inert (cases[i].in, cases[i].flags), ==, g_strcmp0 (got, cases[i].in) == 0);
    }
  {
    g_autofree char *empty = atlas_text_for_terminal (NULL, -1, ATLAS_TEXT_DEFAULT);
    g_autofree char *nul = atlas_text_for_terminal ("a\0b", 3, ATLAS_TEXT_DEFAULT);

    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (nul, ==, "a\\x00b");
  }
}

static void
test_escape_invalid (void)
{
  gboolean changed = TRUE;
  g_autofree char *same = atlas_text_escape_invalid ("ok \033 é", -1, &changed);
  g_autofree char *fixed = NULL;

  g_assert_cmpstr (same, ==, "ok \033 é");
  g_assert_false (changed);
  fixed = atlas_text_escape_invalid ("n\xff\xc3.ipynb", -1, &changed);
  g_assert_cmpstr (fixed, ==, "n\\xff\\xc3.ipynb");
  g_assert_true (changed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Text/terminal", test_terminal);
  g_test_add_func ("/Atlas/Text/escape-invalid", test_escape_invalid);

  return g_test_run ();
}
