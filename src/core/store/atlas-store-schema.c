/* atlas-store-schema.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-store-private.h"

/* Version 1: notebooks (with what the cell view needs: their cells), crashes
 * with their tracebacks, labels, evidence and clusters. A notebook is unique
 * by its content hash; a crash by its notebook and its place among the
 * notebook's crashes, so a repeated import cannot add it twice. */
const char *const _atlas_store_schema_v1 =
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ");"
  "CREATE TABLE notebook ("
  "  id INTEGER PRIMARY KEY,"
  "  location TEXT NOT NULL,"
  "  url TEXT,"
  "  platform TEXT NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  message TEXT,"
  "  content_hash TEXT UNIQUE,"
  "  size INTEGER NOT NULL,"
  "  imported_at INTEGER NOT NULL,"
  "  nbformat INTEGER NOT NULL,"
  "  nbformat_minor INTEGER NOT NULL,"
  "  language TEXT,"
  "  papermill INTEGER NOT NULL,"
  "  packages TEXT NOT NULL,"
  "  n_cells INTEGER NOT NULL,"
  "  n_crashes INTEGER NOT NULL"
  ");"
  "CREATE TABLE cell ("
  "  notebook_id INTEGER NOT NULL REFERENCES notebook (id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  source TEXT NOT NULL,"
  "  execution_count INTEGER NOT NULL,"
  "  n_outputs INTEGER NOT NULL,"
  "  flags INTEGER NOT NULL,"
  "  PRIMARY KEY (notebook_id, idx)"
  ") WITHOUT ROWID;"
  "CREATE TABLE crash ("
  "  id INTEGER PRIMARY KEY,"
  "  notebook_id INTEGER NOT NULL REFERENCES notebook (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  cell INTEGER NOT NULL,"
  "  execution_count INTEGER NOT NULL,"
  "  ename TEXT NOT NULL,"
  "  evalue TEXT NOT NULL,"
  "  line INTEGER NOT NULL,"
  "  crash_type TEXT,"
  "  root_cause TEXT,"
  "  root_cause_detail TEXT,"
  "  ml_bug TEXT,"
  "  stage TEXT,"
  "  library TEXT,"
  "  evidence_crash_type TEXT,"
  "  evidence_root_cause TEXT,"
  "  evidence_ml_bug TEXT,"
  "  evidence_stage TEXT,"
  "  evidence_library TEXT,"
  "  cluster INTEGER,"
  "  UNIQUE (notebook_id, seq)"
  ");"
  /* Tracebacks are long and only the cell view and re-classification read
   * them: apart, they keep the crash table small to load. */
  "CREATE TABLE crash_traceback ("
  "  crash_id INTEGER PRIMARY KEY REFERENCES crash (id) ON DELETE CASCADE,"
  "  raw TEXT NOT NULL"
  ");";

/* Version 2: each crash records the rules version that labelled it (so a
 * partly re-classified corpus says which labels are stale), and notebooks
 * are found by location for the cell view. */
static const char *const schema_v2 =
  "ALTER TABLE crash ADD COLUMN rules_version TEXT;"
  "CREATE INDEX notebook_location ON notebook (location);";

/* Version 3: every notebook is kept. A notebook whose content equals one
 * already stored gets a row of its own (its location, URL, platform) with
 * no content hash, pointing at the first one with that content, whose cells
 * and crashes it shares: the content is stored once. Additive, so older
 * code's readers of the other columns are unaffected. */
static const char *const schema_v3 =
  "ALTER TABLE notebook ADD COLUMN duplicate_of INTEGER REFERENCES notebook (id);"
  "CREATE INDEX notebook_duplicate_of ON notebook (duplicate_of) WHERE duplicate_of IS NOT NULL;";

/* Version 4: each crash keeps its labels' confidence and deciding rules
 * ("SCORE RULE;…" in dimension order, see atlas_classification_confidence_to_text()). */
static const char *const schema_v4 =
  "ALTER TABLE crash ADD COLUMN confidence TEXT;";

/* Version 5 (issue 18, the research workbench), additive only: the
 * labeling sample and the hand labels. Both name a crash by its notebook's
 * location and its 0-based cell, as label files do, so that they survive a
 * re-import of the notebook and can be brought in from another corpus. */
static const char *const schema_v5 =
  "CREATE TABLE research_sample ("
  "  position INTEGER PRIMARY KEY,"      /* order of the draw: the labeling order */
  "  location TEXT NOT NULL,"
  "  cell INTEGER NOT NULL,"
  "  stratum TEXT NOT NULL,"
  "  weight REAL NOT NULL,"             /* crashes of the corpus each one stands for */
  "  UNIQUE (location, cell)"
  ");"
  "CREATE TABLE hand_label ("
  "  location TEXT NOT NULL,"
  "  cell INTEGER NOT NULL,"
  "  rater TEXT NOT NULL,"
  "  crash_type TEXT,"
  "  root_cause TEXT,"
  "  root_cause_detail TEXT,"
  "  ml_bug TEXT,"
  "  stage TEXT,"
  "  library TEXT,"
  "  note TEXT,"
  "  labeled_at INTEGER NOT NULL,"
  "  PRIMARY KEY (location, cell, rater)"
  ") WITHOUT ROWID;";

/* migrations[v] brings version v to v + 1. */
static const char *const *const migrations[] = {
  &_atlas_store_schema_v1,
  &schema_v2,
  &schema_v3,
  &schema_v4,
  &schema_v5,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ATLAS_STORE_SCHEMA_VERSION);

static gboolean
read_version (sqlite3     *db,
              const char  *path,
              guint       *version,
              GError     **error)
{
  gint64 value = 0;

  if (!_atlas_store_db_read_version (db, path, &value, error))
    return FALSE;
  *version = (guint)value;
  return TRUE;
}

static gboolean
migrate_in_transaction (sqlite3     *db,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *set_version = NULL;
  guint version = 0;

  /* Another connection may have migrated while this one waited for the lock. */
  if (!read_version (db, path, &version, error))
    return FALSE;
  if (version >= ATLAS_STORE_SCHEMA_VERSION)
    return TRUE;

  for (guint v = version; v < ATLAS_STORE_SCHEMA_VERSION; v++)
    {
      g_debug ("%s: migrating schema %u to %u", path, v, v + 1);
      if (!_atlas_store_db_exec (db, *migrations[v], path, error))
        return FALSE;
    }

  /* A new file gets an identity of its own, which a merge remembers its
   * shards by. */
  if (version == 0)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *sql = g_strdup_printf ("INSERT OR IGNORE INTO meta (key, value)"
                                              " VALUES ('corpus_id', '%s')", uuid);

      if (!_atlas_store_db_exec (db, sql, path, error))
        return FALSE;
    }

  set_version = g_strdup_printf ("PRAGMA application_id=%d; PRAGMA user_version=%d;",
                                 (int)ATLAS_STORE_APPLICATION_ID, ATLAS_STORE_SCHEMA_VERSION);
  return _atlas_store_db_exec (db, set_version, path, error);
}

gboolean
_atlas_store_schema_upgrade (sqlite3     *db,
                             guint        from_version,
                             const char  *path,
                             GError     **error)
{
  g_return_val_if_fail (from_version < ATLAS_STORE_SCHEMA_VERSION, FALSE);

  if (!_atlas_store_db_exec (db, "BEGIN IMMEDIATE", path, error))
    return FALSE;
  if (!migrate_in_transaction (db, path, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return _atlas_store_db_exec (db, "COMMIT", path, error);
}
