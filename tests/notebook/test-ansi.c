/* test-ansi.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-ansi.h"

static const AtlasAnsiRun *
run_at (GArray *runs,
        guint   i)
{
  g_assert_cmpuint (i, <, runs->len);
  return &g_array_index (runs, AtlasAnsiRun, i);
}

static void
assert_run (GArray         *runs,
            guint           i,
            guint           start,
            guint           end,
            int             fg,
            int             bg,
            AtlasAnsiFlags  flags)
{
  const AtlasAnsiRun *run = run_at (runs, i);

  g_assert_cmpuint (run->start, ==, start);
  g_assert_cmpuint (run->end, ==, end);
  g_assert_cmpint (run->fg, ==, fg);
  g_assert_cmpint (run->bg, ==, bg);
  g_assert_cmpint (run->flags, ==, flags);
}

static void
test_strip_plain (void)
{
  g_autofree char *a = atlas_ansi_strip ("no escapes here\n");
  g_autofree char *b = atlas_ansi_strip ("");
  g_autofree char *c = atlas_ansi_strip (NULL);

  g_assert_cmpstr (a, ==, "no escapes here\n");
  g_assert_cmpstr (b, ==, "");
  g_assert_cmpstr (c, ==, "");
}

static void
test_strip_ipython_header (void)
{
  const char *header =
    "\033[0;31m---------------------------------------------------------------------------\033[0m\n"
    "\033[0;31mKeyError\033[0m                                  Traceback (most recent call last)";
  g_autofree char *text = atlas_ansi_strip (header);

  g_assert_cmpstr (text, ==,
                   "---------------------------------------------------------------------------\n"
                   "KeyError                                  Traceback (most recent call last)");
}

static void
test_strip_other_sequences (void)
{
  /* Cursor movement, erase line, OSC title with BEL and with ST, OSC 8
   * hyperlink, a charset designation and a keypad mode escape. */
  g_autofree char *a = atlas_ansi_strip ("a\033[2Kb\033[1;5Hc\033[?25ld");
  g_autofree char *b = atlas_ansi_strip ("\033]0;title\007x\033]2;t\033\\y");
  g_autofree char *c = atlas_ansi_strip ("\033]8;;http://e.org\033\\link\033]8;;\033\\ end");
  g_autofree char *d = atlas_ansi_strip ("\033(Bx\033=y\033>z\033Mw");

  g_assert_cmpstr (a, ==, "abcd");
  g_assert_cmpstr (b, ==, "xy");
  g_assert_cmpstr (c, ==, "link end");
  g_assert_cmpstr (d, ==, "xyzw");
}

static void
test_strip_truncated (void)
{
  g_autofree char *a = atlas_ansi_strip ("abc\033");
  g_autofree char *b = atlas_ansi_strip ("abc\033[");
  g_autofree char *c = atlas_ansi_strip ("abc\033[0;3");
  g_autofree char *d = atlas_ansi_strip ("abc\033]0;never ends");
  g_autofree char *e = atlas_ansi_strip ("a\033[12\nb");
  g_autofree char *f = atlas_ansi_strip ("\033\033\033[[m");

  g_assert_cmpstr (a, ==, "abc");
  g_assert_cmpstr (b, ==, "abc");
  g_assert_cmpstr (c, ==, "abc");
  g_assert_cmpstr (d, ==, "abc");
  /* A CSI broken by a newline keeps the newline. */
  g_assert_cmpstr (e, ==, "a\nb");
  /* An ESC followed by ESC drops alone; then "ESC [ [" is a whole CSI (the
   * second "[" is a final byte), leaving "m". */
  g_assert_cmpstr (f, ==, "m");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text = atlas_ansi_parse ("\033[31mab\xff\xfe" "c\033[0m\xc3", &runs);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, "ab\xef\xbf\xbd\xef\xbf\xbd" "c\xef\xbf\xbd");
  g_assert_cmpuint (runs->len, ==, 1);
  assert_run (runs, 0, 0, 9, 1, -1, 0);
}

static void
test_esc_before_utf8 (void)
{
  /* A lone ESC before a multi-byte character must not eat half of it. */
  g_autofree char *a = atlas_ansi_strip ("x\033é\033[é");

  g_assert_true (g_utf8_validate (a, -1, NULL));
  g_assert_cmpstr (a, ==, "xéé");
}

static void
test_sgr_basic (void)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text = atlas_ansi_parse ("\033[0;31mKeyError\033[0m: 'x'", &runs);

  g_assert_cmpstr (text, ==, "KeyError: 'x'");
  g_assert_cmpuint (runs->len, ==, 1);
  assert_run (runs, 0, 0, 8, 1, -1, 0);
}

static void
test_sgr_ipython8_arrow (void)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text =
    atlas_ansi_parse ("\033[0;32m----> 1\033[0m \033[43mdf\033[49m\033[43m[\033[49m\033[43m'"
                      "x\033[49m\033[43m'\033[49m\033[43m]\033[49m", &runs);

  g_assert_cmpstr (text, ==, "----> 1 df['x']");
  /* The green arrow, then the highlighted expression: the yellow background
   * spans are adjacent and merge into one. */
  g_assert_cmpuint (runs->len, ==, 2);
  assert_run (runs, 0, 0, 7, 2, -1, 0);
  assert_run (runs, 1, 8, 15, -1, 3, 0);
}

static void
test_sgr_flags (void)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text =
    atlas_ansi_parse ("\033[1mb\033[3mbi\033[4mbiu\033[22miu\033[23mu\033[24mn", &runs);

  g_assert_cmpstr (text, ==, "bbibiuiuun");
  g_assert_cmpuint (runs->len, ==, 5);
  assert_run (runs, 0, 0, 1, -1, -1, ATLAS_ANSI_BOLD);
  assert_run (runs, 1, 1, 3, -1, -1, ATLAS_ANSI_BOLD | ATLAS_ANSI_ITALIC);
  assert_run (runs, 2, 3, 6, -1, -1, ATLAS_ANSI_BOLD | ATLAS_ANSI_ITALIC | ATLAS_ANSI_UNDERLINE);
  assert_run (runs, 3, 6, 8, -1, -1, ATLAS_ANSI_ITALIC | ATLAS_ANSI_UNDERLINE);
  assert_run (runs, 4, 8, 9, -1, -1, ATLAS_ANSI_UNDERLINE);
}

static void
test_sgr_colors (void)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text =
    atlas_ansi_parse ("\033[91ma\033[104mb\033[39mc\033[49md\033[37;40me\033[m", &runs);

  g_assert_cmpstr (text, ==, "abcde");
  g_assert_cmpuint (runs->len, ==, 4);
  assert_run (runs, 0, 0, 1, 9, -1, 0);
  assert_run (runs, 1, 1, 2, 9, 12, 0);
  assert_run (runs, 2, 2, 3, -1, 12, 0);
  assert_run (runs, 3, 4, 5, 7, 0, 0);
}

static void
test_sgr_extended (void)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text =
    atlas_ansi_parse ("\033[38;5;208ma\033[48;5;17mb\033[0m"
                      "\033[38;2;255;0;0mc\033[38;2;128;128;128md\033[38:2::0:0:255me"
                      "\033[0;38;5;999mf\033[38;5mg", &runs);

  g_assert_cmpstr (text, ==, "abcdefg");
  g_assert_cmpuint (runs->len, ==, 5);
  assert_run (runs, 0, 0, 1, 208, -1, 0);
  assert_run (runs, 1, 1, 2, 208, 17, 0);
  assert_run (runs, 2, 2, 3, 196, -1, 0);   /* pure red is cube (5,0,0) */
  assert_run (runs, 3, 3, 4, 244, -1, 0);   /* mid grey is on the grey ramp */
  assert_run (runs, 4, 4, 5, 21, -1, 0);    /* pure blue, colon form */
  /* An out-of-range index and a truncated 38;5 leave the colour as it was
   * (default, after the reset). */
}

static void
test_sgr_subparams (void)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text =
    atlas_ansi_parse ("\033[4:3ma\033[4:0mb\033[38:5:208;1mc\033[38:2:0:0:255md\033[0;48:2::255:0:0me",
                      &runs);

  g_assert_cmpstr (text, ==, "abcde");
  g_assert_cmpuint (runs->len, ==, 4);
  /* "4:3" is a curly underline, not underline then italic. */
  assert_run (runs, 0, 0, 1, -1, -1, ATLAS_ANSI_UNDERLINE);
  assert_run (runs, 1, 2, 3, 208, -1, ATLAS_ANSI_BOLD);
  assert_run (runs, 2, 3, 4, 21, -1, ATLAS_ANSI_BOLD);
  assert_run (runs, 3, 4, 5, -1, 196, 0);
}

static void
test_sgr_private_ignored (void)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text = atlas_ansi_parse ("\033[>4;1mx", &runs);

  g_assert_cmpstr (text, ==, "x");
  g_assert_cmpuint (runs->len, ==, 0);
}

static void
test_runs_offsets_utf8 (void)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text = atlas_ansi_parse ("é\033[1mλx\033[0mü", &runs);

  g_assert_cmpstr (text, ==, "éλxü");
  g_assert_cmpuint (runs->len, ==, 1);
  assert_run (runs, 0, 2, 5, -1, -1, ATLAS_ANSI_BOLD);
}

static void
test_runs_no_overlap_garbage (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text = NULL;
  guint32 seed = 12345;
  guint prev_end = 0;

  for (guint i = 0; i < 200000; i++)
    {
      seed = seed * 1103515245 + 12345;
      if ((seed >> 16) % 7 == 0)
        g_string_append (s, "\033[");
      else
        g_string_append_c (s, (char) (1 + (seed >> 8) % 255));
    }
  text = atlas_ansi_parse (s->str, &runs);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strchr (text, '\033'));
  for (guint i = 0; i < runs->len; i++)
    {
      const AtlasAnsiRun *run = run_at (runs, i);

      g_assert_cmpuint (run->start, >=, prev_end);
      g_assert_cmpuint (run->start, <, run->end);
      g_assert_cmpuint (run->end, <=, strlen (text));
      prev_end = run->end;
    }
  g_string_free (s, TRUE);
}

static void
test_many_params (void)
{
  GString *s = g_string_new ("\033[");
  g_autoptr(GArray) runs = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "1;99999999999999;");
  g_string_append (s, "mx");
  text = atlas_ansi_parse (s->str, &runs);

  g_assert_cmpstr (text, ==, "x");
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (run_at (runs, 0)->flags, ==, ATLAS_ANSI_BOLD);
  g_string_free (s, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Ansi/strip-plain", test_strip_plain);
  g_test_add_func ("/Atlas/Ansi/strip-ipython-header", test_strip_ipython_header);
  g_test_add_func ("/Atlas/Ansi/strip-other-sequences", test_strip_other_sequences);
  g_test_add_func ("/Atlas/Ansi/strip-truncated", test_strip_truncated);
  g_test_add_func ("/Atlas/Ansi/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/Atlas/Ansi/esc-before-utf8", test_esc_before_utf8);
  g_test_add_func ("/Atlas/Ansi/sgr-basic", test_sgr_basic);
  g_test_add_func ("/Atlas/Ansi/sgr-ipython8-arrow", test_sgr_ipython8_arrow);
  g_test_add_func ("/Atlas/Ansi/sgr-flags", test_sgr_flags);
  g_test_add_func ("/Atlas/Ansi/sgr-colors", test_sgr_colors);
  g_test_add_func ("/Atlas/Ansi/sgr-extended", test_sgr_extended);
  g_test_add_func ("/Atlas/Ansi/sgr-subparams", test_sgr_subparams);
  g_test_add_func ("/Atlas/Ansi/sgr-private-ignored", test_sgr_private_ignored);
  g_test_add_func ("/Atlas/Ansi/runs-offsets-utf8", test_runs_offsets_utf8);
  g_test_add_func ("/Atlas/Ansi/runs-no-overlap-garbage", test_runs_no_overlap_garbage);
  g_test_add_func ("/Atlas/Ansi/many-params", test_many_params);

  return g_test_run ();
}
