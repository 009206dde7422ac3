/* test-store-trust.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

#include "atlas-store.h"
#include "store-test-util.h"

/* Issue 17, part 1: a corpus file is untrusted input. Each test edits a
 * valid file as a careless colleague or an attacker could, then runs the
 * commands a user would: never a crash or an assertion, a clear error
 * naming file, table and row, the intact rows rescued by `export` with exit
 * status 3, nothing written into a file that is damaged or is no corpus. */

#define EXIT_PARTIAL 1
#define EXIT_DAMAGED 3

typedef struct
{
  char *dir;
  char *corpus;
  char *db;
  char *clean_export;  /* `export` of the undamaged file */
  guint n_crashes;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("atlas-store-trust-XXXXXX", &error);
  g_assert_no_error (error);
  f->corpus = g_build_filename (f->dir, "corpus", NULL);
  f->db = g_build_filename (f->dir, "corpus.crashatlas", NULL);
  f->n_crashes = store_test_write_corpus (f->corpus, 40, 0);
  g_free (store_test_run (0, "scan", "--db", f->db, f->corpus, NULL));
  f->clean_export = store_test_run (0, "export", "--db", f->db, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  store_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->corpus);
  g_free (f->db);
  g_free (f->clean_export);
}

static void
edit (const char *path,
      const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Every line is valid UTF-8 and a JSON object. */
static void
assert_json_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (lines[i][0] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
    }
}

/* `export` of a file with one bad row: exit 3, the row named, every other
 * notebook's records printed. */
static void
assert_rescued (Fixture    *f,
                const char *table,
                const char *column,
                guint       max_lost)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = store_test_run_full (&out, &err, 0, "export", "--db", f->db, NULL);

  g_test_message ("export: %s", err);
  g_assert_cmpint (status, ==, EXIT_DAMAGED);
  g_assert_nonnull (strstr (err, f->db));
  g_assert_nonnull (strstr (err, table));
  g_assert_nonnull (strstr (err, column));
  g_assert_nonnull (strstr (err, "row "));
  assert_json_lines (out);
  g_assert_cmpuint (count_lines (out), <, f->n_crashes);
  g_assert_cmpuint (count_lines (out), >=, f->n_crashes - max_lost);
}

static void
test_status_out_of_range (Fixture       *f,
                          gconstpointer  data)
{
  /* Was an out-of-bounds write indexed by the file (a segfault). */
  edit (f->db, "UPDATE notebook SET status = 99 WHERE id = 2");
  assert_rescued (f, "notebook", "status", 4);
  /* Any format: the summary counted statuses in an array. */
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (store_test_run_full (&out, NULL, 0, "export", "--db", f->db,
                                          "--format", "summary", NULL), ==, EXIT_DAMAGED);
  }
}

static void
test_location_null (Fixture       *f,
                    gconstpointer  data)
{
  /* NOT NULL is only the declared schema: a file made otherwise has none. */
  edit (f->db, "PRAGMA writable_schema=ON;"
               "UPDATE sqlite_master SET sql = replace (sql, 'location TEXT NOT NULL', 'location TEXT')"
               " WHERE name = 'notebook';");
  edit (f->db, "UPDATE notebook SET location = NULL WHERE id = 2");
  assert_rescued (f, "notebook", "location", 4);
}

static void
test_not_utf8 (Fixture       *f,
               gconstpointer  data)
{
  edit (f->db, "UPDATE crash SET evalue = CAST (x'4e616d65ff20e2' AS TEXT) WHERE id = 3");
  assert_rescued (f, "crash", "evalue", 1);
}

static void
test_wrong_types (Fixture       *f,
                  gconstpointer  data)
{
  edit (f->db, "UPDATE crash SET cell = 'seven', cluster = x'00ff' WHERE id = 1;"
               "UPDATE notebook SET n_crashes = -5 WHERE id = 4;"
               "UPDATE crash SET crash_type = 'NO-SUCH-LABEL' WHERE id = 5;");
  assert_rescued (f, "crash", "cell", 12);
}

static void
test_missing_table (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *more = g_build_filename (f->dir, "more", NULL);

  /* `scan --db` aborted on an assertion when its statements did not
   * prepare. */
  store_test_write_corpus (more, 3, 0);
  edit (f->db, "DROP TABLE crash_traceback");
  g_assert_cmpint (store_test_run_full (NULL, &err, 0, "scan", "--db", f->db, more, NULL), ==, EXIT_DAMAGED);
  g_assert_nonnull (strstr (err, "crash_traceback"));
  g_assert_nonnull (strstr (err, f->db));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (store_test_run_full (NULL, &err, 0, "export", "--db", f->db, NULL), ==, EXIT_DAMAGED);
  g_assert_nonnull (strstr (err, "crash_traceback"));
}

static GBytes *
file_bytes (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static gint64
root_page (const char *path,
           const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_master WHERE name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return page;
}

static void
test_damaged_page (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *more = g_build_filename (f->dir, "more", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  gint64 page = root_page (f->db, "notebook_location");

  /* Damage SQLite can detect, in a b-tree `export` does not read: the page
   * type of an index's root. Exported as if intact, with exit 0, and
   * `scan --db` wrote on into it. */
  g_assert_true (g_file_get_contents (f->db, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, (gsize)page * 4096);
  contents[(page - 1) * 4096] = 0x07;
  g_assert_true (g_file_set_contents (f->db, contents, len, NULL));

  g_assert_cmpint (store_test_run_full (&out, &err, 0, "export", "--db", f->db, NULL), ==, EXIT_DAMAGED);
  g_assert_nonnull (strstr (err, "damaged"));
  g_assert_nonnull (strstr (err, f->db));
  /* What is intact is all there. */
  g_assert_cmpstr (out, ==, f->clean_export);

  store_test_write_corpus (more, 3, 0);
  before = file_bytes (f->db);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (store_test_run_full (NULL, &err, 0, "scan", "--db", f->db, more, NULL), ==, EXIT_DAMAGED);
  g_assert_nonnull (strstr (err, "damaged"));
  after = file_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
}

static void
assert_export_refuses (const char *path)
{
  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_cmpint (store_test_run_full (&out, &err, 0, "export", "--db", path, NULL), ==, EXIT_DAMAGED);
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, "not a Crash Atlas corpus"));
  g_assert_cmpstr (out, ==, "");
  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));  /* no schema written into it */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_empty_and_cut (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (f->dir, "empty.crashatlas", NULL);
  g_autofree char *one = g_build_filename (f->dir, "one.crashatlas", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.crashatlas", NULL);
  g_autofree char *sqlite_empty = g_build_filename (f->dir, "empty.sqlite", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  gsize len;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_get_contents (f->db, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (one, contents, 1, NULL));
  g_assert_true (g_file_set_contents (cut, contents, 60, NULL));
  /* A SQLite file with nothing in it (sqlite3 x.db "VACUUM"). */
  g_assert_cmpint (sqlite3_open (sqlite_empty, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA page_size=4096; VACUUM;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_export_refuses (empty);
  assert_export_refuses (one);
  assert_export_refuses (cut);
  assert_export_refuses (sqlite_empty);

  /* `scan --db` refuses the cut ones too; an empty file (mktemp's) it was
   * asked to fill becomes a corpus. */
  g_assert_cmpint (store_test_run_full (NULL, &err, 0, "scan", "--db", one, f->corpus, NULL), ==, EXIT_DAMAGED);
  g_assert_nonnull (strstr (err, one));
  g_assert_cmpint (store_test_run_full (&out, NULL, 0, "scan", "--db", empty, f->corpus, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  out = store_test_run (0, "export", "--db", empty, NULL);
  g_assert_cmpstr (out, ==, f->clean_export);
}

static void
test_read_only_mount (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *mount_dir = g_build_filename (f->dir, "ro", NULL);
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  g_autoptr(GError) error = NULL;

  /* A user namespace lets an unprivileged test mount a tmpfs and make it
   * read-only; where that is not allowed the test is skipped. */
  g_assert_cmpint (g_mkdir (mount_dir, 0755), ==, 0);
  script = g_strdup_printf ("mount -t tmpfs none '%s' && cp '%s' '%s/c.crashatlas' &&"
                            " mount -o remount,ro '%s' && ! touch '%s/probe' 2>/dev/null &&"
                            " exec '%s' export --db '%s/c.crashatlas'",
                            mount_dir, f->db, mount_dir, mount_dir, mount_dir,
                            g_getenv ("CRASH_ATLAS"), mount_dir);
  {
    const char *argv[] = { "unshare", "-rm", "sh", "-c", "true", NULL };

    if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) ||
        !g_spawn_check_wait_status (status, NULL))
      {
        g_test_skip ("no user namespaces here (unshare -rm)");
        return;
      }
  }
  {
    const char *argv[] = { "unshare", "-rm", "sh", "-c", script, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
  }
  g_test_message ("%s", err);
  /* Was "attempt to write a readonly database". */
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, f->clean_export);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("CRASH_ATLAS") == NULL)
    return 77;

#define ADD(name, func) g_test_add ("/Atlas/StoreTrust/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("status-out-of-range", test_status_out_of_range);
  ADD ("location-null", test_location_null);
  ADD ("not-utf8", test_not_utf8);
  ADD ("wrong-types", test_wrong_types);
  ADD ("missing-table", test_missing_table);
  ADD ("damaged-page", test_damaged_page);
  ADD ("empty-and-cut", test_empty_and_cut);
  ADD ("read-only-mount", test_read_only_mount);
#undef ADD

  return g_test_run ();
}
