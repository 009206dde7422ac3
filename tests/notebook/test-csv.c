/* test-csv.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-csv.h"

/* The one CSV field writer that the crash records and the chart tables use. */
static void
check (const char *value,
       const char *want)
{
  g_autoptr(GString) line = g_string_new ("x,");

  atlas_csv_append_field (line, value);
  g_assert_cmpstr (line->str + 2, ==, want);
}

static void
test_fields (void)
{
  check (NULL, "");
  check ("", "");
  check ("pandas", "pandas");
  check ("=SUM(A1)", "=SUM(A1)");
  check ("a,b", "\"a,b\"");
  check ("say \"hi\"", "\"say \"\"hi\"\"\"");
  check ("two\nlines", "\"two\nlines\"");
  check ("cr\r", "\"cr\r\"");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Atlas/Base/csv/fields", test_fields);
  return g_test_run ();
}
