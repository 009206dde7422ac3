/* test-crash-writer.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "atlas-crash-writer.h"

/* Crashes with every kind of field a record escapes or leaves empty:
 * commas, quotes, newlines and non-ASCII text, no execution count, no
 * cluster, no labels. */
static GPtrArray *
make_crashes (guint n)
{
  GPtrArray *crashes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *location = g_strdup_printf ("nb/%04u, “x”.ipynb", i / 3);
      g_autofree char *evalue = g_strdup_printf ("value %u: \"q\"\nline two, é", i);
      AtlasClassification c = { 0 };
      AtlasCrash *crash = atlas_crash_new (location, i % 3, i % 7, i % 5 == 0 ? -1 : (int)i,
                                           i % 2 ? "KeyError" : "ValueError", evalue, NULL);

      c.crash_type = i % ATLAS_N_CRASH_TYPES;
      c.root_cause = i % ATLAS_N_ROOT_CAUSES;
      c.root_cause_detail = i % 4 ? NULL : (char *)"execution order";
      c.library = i % 6 ? (char *)"pandas" : NULL;
      c.evidence[0] = (char *)"rule “x”: exception “KeyError”";
      atlas_crash_set_classification (crash, &c);
      if (i % 9 != 0)
        atlas_crash_set_cluster (crash, (int)(i % 40));
      g_ptr_array_add (crashes, crash);
    }
  return crashes;
}

static char *
write_records (GPtrArray        *crashes,
               AtlasCrashFormat  format,
               guint             n_threads)
{
  g_autoptr(AtlasCrashWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  size_t len = 0;
  FILE *stream = open_memstream (&text, &len);

  writer = atlas_crash_writer_new (stream, format);
  if (n_threads == 0)
    for (guint i = 0; i < crashes->len; i++)
      atlas_crash_writer_add_crash (writer, g_ptr_array_index (crashes, i));
  else
    atlas_crash_writer_add_crashes (writer, (AtlasCrash * const *)crashes->pdata, crashes->len, n_threads);
  g_assert_true (atlas_crash_writer_finish (writer, &error));
  g_assert_no_error (error);
  fclose (stream);
  return text;
}

static void
test_threads_write_what_one_writes (void)
{
  static const AtlasCrashFormat formats[] = {
    ATLAS_CRASH_FORMAT_JSONL, ATLAS_CRASH_FORMAT_CSV, ATLAS_CRASH_FORMAT_SUMMARY,
  };
  /* Fewer crashes than a chunk, a chunk and a bit, and many chunks, more
   * than the threads may format ahead of the writer. */
  static const guint sizes[] = { 0, 5, 130, 2500 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) crashes = make_crashes (sizes[s]);

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *one = write_records (crashes, formats[f], 0);

          for (guint threads = 1; threads <= 4; threads++)
            {
              g_autofree char *many = write_records (crashes, formats[f], threads);

              g_assert_cmpstr (many, ==, one);
            }
        }
    }
}

static void
test_records_in_order (void)
{
  g_autoptr(GPtrArray) crashes = make_crashes (1000);
  g_autofree char *text = write_records (crashes, ATLAS_CRASH_FORMAT_JSONL, 3);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 1001);
  g_assert_cmpstr (lines[1000], ==, "");
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(JsonNode) record = json_from_string (lines[i], NULL);
      JsonObject *object;
      g_autofree char *evalue = g_strdup_printf ("value %u: \"q\"\nline two, é", i);

      g_assert_nonnull (record);
      object = json_node_get_object (record);
      g_assert_cmpstr (json_object_get_string_member (object, "evalue"), ==, evalue);
      if (i % 9 == 0)
        g_assert_true (json_object_get_null_member (object, "cluster"));
      else
        g_assert_cmpint (json_object_get_int_member (object, "cluster"), ==, i % 40);
    }
}

static void
test_csv_header_once (void)
{
  g_autoptr(GPtrArray) none = make_crashes (0);
  g_autoptr(GPtrArray) crashes = make_crashes (300);
  g_autofree char *empty = write_records (none, ATLAS_CRASH_FORMAT_CSV, 2);
  g_autofree char *text = write_records (crashes, ATLAS_CRASH_FORMAT_CSV, 2);

  g_assert_true (g_str_has_prefix (empty, "notebook,platform,url,cell,"));
  g_assert_true (g_str_has_suffix (empty, "cluster\r\n"));
  g_assert_true (g_str_has_prefix (text, empty));
  g_assert_null (strstr (text + strlen (empty), "notebook,platform"));
  /* The first record: a quoted location, an empty execution count and
   * cluster, the message's quotes doubled. */
  g_assert_true (g_str_has_prefix (text + strlen (empty),
                                   "\"nb/0000, “x”.ipynb\",local,,0,,ValueError,"
                                   "\"value 0: \"\"q\"\"\nline two, é\","));
  /* The last (299): pandas, cluster 299 % 40. */
  g_assert_true (g_str_has_suffix (text, ",pandas,19\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/CrashWriter/threads-write-what-one-writes", test_threads_write_what_one_writes);
  g_test_add_func ("/Atlas/CrashWriter/records-in-order", test_records_in_order);
  g_test_add_func ("/Atlas/CrashWriter/csv-header-once", test_csv_header_once);

  return g_test_run ();
}
