/* test-labels.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "atlas-label-io.h"
#include "atlas-store-labels.h"

/* Hand labels and the sample in the corpus file (they survive a kill of the
 * process between two confirmations), and label files in and out. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("atlas-labels-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "corpus.crashatlas", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static AtlasHandLabel *
make_label (const char *location,
            guint       cell,
            const char *rater)
{
  AtlasHandLabel *label = atlas_hand_label_new (location, cell, rater);

  label->labels.crash_type = ATLAS_CRASH_TYPE_KEY;
  label->labels.root_cause = ATLAS_ROOT_CAUSE_DATA;
  label->labels.root_cause_detail = g_strdup ("misunderstanding of the data's structure");
  label->labels.ml_bug = ATLAS_ML_BUG_ML;
  label->labels.stage = ATLAS_STAGE_DATAP;
  label->labels.library = g_strdup ("pandas");
  label->note = g_strdup_printf ("column missing, \"cell\" %u", cell);
  label->labeled_at = 1700000000 + cell;
  return label;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open (f->db, &error);
  g_autoptr(AtlasHandLabel) label = make_label ("a.ipynb", 3, "ann");
  g_autoptr(AtlasHandLabel) other = make_label ("a.ipynb", 3, "bob");
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_sample_item_free);
  g_autoptr(GPtrArray) sample = NULL;
  g_auto(GStrv) raters = NULL;
  g_autofree char *design = NULL;
  const AtlasHandLabel *back;
  guint32 seed = 0;

  g_assert_no_error (error);
  g_assert_true (atlas_store_put_hand_label (store, label, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_store_put_hand_label (store, other, &error));
  /* A second confirmation of the same crash replaces the first. */
  label->labels.stage = ATLAS_STAGE_TRAIN;
  g_assert_true (atlas_store_put_hand_label (store, label, &error));

  read = atlas_store_dup_hand_labels (store, "ann", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 1);
  back = g_ptr_array_index (read, 0);
  g_assert_cmpstr (back->location, ==, "a.ipynb");
  g_assert_cmpuint (back->cell, ==, 3);
  g_assert_cmpint (back->labels.stage, ==, ATLAS_STAGE_TRAIN);
  g_assert_cmpint (back->labels.crash_type, ==, ATLAS_CRASH_TYPE_KEY);
  g_assert_cmpstr (back->labels.library, ==, "pandas");
  g_assert_cmpstr (back->labels.root_cause_detail, ==, "misunderstanding of the data's structure");
  g_assert_cmpstr (back->note, ==, "column missing, \"cell\" 3");
  g_assert_cmpint (back->labeled_at, ==, 1700000003);

  raters = atlas_store_dup_raters (store, &error);
  g_assert_cmpstrv (raters, ((const char *[]) { "ann", "bob", NULL }));

  g_ptr_array_add (items, atlas_sample_item_new ("b.ipynb", 0, "cluster 2", 3.5));
  g_ptr_array_add (items, atlas_sample_item_new ("a.ipynb", 3, "cluster 1", 1.0));
  g_assert_true (atlas_store_replace_sample (store, "cluster", 77, items, &error));
  g_assert_no_error (error);
  sample = atlas_store_dup_sample (store, &design, &seed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sample->len, ==, 2);
  g_assert_cmpstr (((AtlasSampleItem *)g_ptr_array_index (sample, 0))->location, ==, "b.ipynb");
  g_assert_cmpfloat (((AtlasSampleItem *)g_ptr_array_index (sample, 0))->weight, ==, 3.5);
  g_assert_cmpstr (design, ==, "cluster");
  g_assert_cmpuint (seed, ==, 77);
}

/* A labeling process confirms label after label, saying so on a pipe after
 * each commit; it is killed (SIGKILL) after the fifth. Every confirmed
 * label is in the file, whole. */
static void
test_survives_kill (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) reopened = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  int pipe_fds[2];
  pid_t pid;
  int status;

  /* The file exists before the fork; no connection crosses it. */
  g_clear_object (&reopened);
  reopened = atlas_store_open (f->db, &error);
  g_assert_no_error (error);
  g_clear_object (&reopened);

  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(AtlasStore) store = NULL;

      close (pipe_fds[0]);
      store = atlas_store_open (f->db, NULL);
      for (guint cell = 0; store != NULL; cell++)
        {
          g_autoptr(AtlasHandLabel) label = make_label ("nb.ipynb", cell, "ann");

          if (!atlas_store_put_hand_label (store, label, NULL) ||
              write (pipe_fds[1], "x", 1) != 1)
            break;
        }
      _exit (1);
    }

  close (pipe_fds[1]);
  for (guint confirmed = 0; confirmed < 5; confirmed++)
    {
      char byte;

      g_assert_cmpint (read (pipe_fds[0], &byte, 1), ==, 1);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  close (pipe_fds[0]);

  reopened = atlas_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_store_check (reopened, &error));
  labels = atlas_store_dup_hand_labels (reopened, "ann", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, >=, 5);
  for (guint i = 0; i < labels->len; i++)
    {
      const AtlasHandLabel *label = g_ptr_array_index (labels, i);

      g_assert_cmpint (label->labels.stage, ==, ATLAS_STAGE_DATAP);
      g_assert_cmpstr (label->labels.library, ==, "pandas");
    }
}

static AtlasCorpus *
make_corpus (void)
{
  AtlasCorpus *corpus = atlas_corpus_new ();

  for (guint nb = 0; nb < 3; nb++)
    {
      g_autofree char *location = g_strdup_printf ("/corpus/nb%u.ipynb", nb);
      g_autoptr(GPtrArray) crashes = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint cell = 0; cell < 4; cell++)
        {
          AtlasCrash *crash = atlas_crash_new (location, ATLAS_PLATFORM_KAGGLE, cell * 2, 1,
                                               "KeyError", "'x'", NULL);

          if (nb == 2)
            atlas_crash_set_url (crash, "https://www.kaggle.com/code/ann/nb2");
          g_ptr_array_add (crashes, crash);
        }
      atlas_corpus_add (corpus, atlas_notebook_info_new_failed (location, ATLAS_PLATFORM_KAGGLE,
                                                                ATLAS_NOTEBOOK_STATUS_OK, NULL),
                        crashes);
    }
  return corpus;
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AtlasCorpus) corpus = make_corpus ();
  g_autoptr(GHashTable) targets = atlas_label_targets_new (corpus);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "labels.csv", NULL);
  const AtlasHandLabel *label;
  const char *csv =
    "notebook,cell,crash_type,root_cause,root_cause_detail,ml_bug,stage,library,rater,note\r\n"
    "/corpus/nb0.ipynb,2,KEY,DATA,,ML,DATAP,pandas,someone,\"a note, with a comma\r\nand a line\"\r\n"          /* lines 2–3 */
    "https://www.kaggle.com/code/ann/nb2,6,VNF,NB,execution order,PY,EVAL,none,,\r\n"
    "/corpus/nb0.ipynb,3,KEY,DATA,,ML,DATAP,pandas,,\r\n"           /* odd cell: no crash */
    "/corpus/elsewhere.ipynb,0,KEY,DATA,,ML,DATAP,pandas,,\r\n"     /* no such notebook */
    "/corpus/nb1.ipynb,0,KEYS,DATA,,ML,TRAINING,pandas,,\r\n"       /* two invalid values */
    "/corpus/nb1.ipynb,two,KEY,DATA,,ML,DATAP,pandas,,\r\n"
    "\r\n"
    "/corpus/nb1.ipynb,4,,,,PY,,,,\r\n";

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  labels = atlas_labels_read (path, "ann", targets, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, 3);
  label = g_ptr_array_index (labels, 0);
  g_assert_cmpstr (label->location, ==, "/corpus/nb0.ipynb");
  g_assert_cmpuint (label->cell, ==, 2);
  g_assert_cmpstr (label->rater, ==, "ann");
  g_assert_cmpstr (label->note, ==, "a note, with a comma\r\nand a line");
  g_assert_null (label->labels.root_cause_detail);
  /* Named by URL, stored by location. */
  label = g_ptr_array_index (labels, 1);
  g_assert_cmpstr (label->location, ==, "/corpus/nb2.ipynb");
  g_assert_cmpint (label->labels.root_cause, ==, ATLAS_ROOT_CAUSE_NB);
  g_assert_cmpstr (label->labels.root_cause_detail, ==, "execution order");
  /* Only one dimension labeled. */
  label = g_ptr_array_index (labels, 2);
  g_assert_cmpint (label->labels.ml_bug, ==, ATLAS_ML_BUG_PY);
  g_assert_cmpint (label->labels.crash_type, ==, ATLAS_CRASH_TYPE_UNSET);
  g_assert_null (label->labels.library);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *)g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_true (has_problem (problems, "labels.csv:5: /corpus/nb0.ipynb cell 3 matches no crash"));
  g_assert_true (has_problem (problems, "labels.csv:6: /corpus/elsewhere.ipynb cell 0 matches no crash"));
  g_assert_true (has_problem (problems, "labels.csv:7: /corpus/nb1.ipynb cell 0: “KEYS” is not a valid crash_type"));
  g_assert_true (has_problem (problems, "“TRAINING” is not a valid stage"));
  g_assert_true (has_problem (problems, "labels.csv:8: cell “two” of /corpus/nb1.ipynb"));
}

static void
test_export_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AtlasCorpus) corpus = make_corpus ();
  g_autoptr(GHashTable) targets = atlas_label_targets_new (corpus);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_hand_label_free);
  const AtlasLabelFormat formats[] = { ATLAS_LABEL_FORMAT_CSV, ATLAS_LABEL_FORMAT_JSONL };
  const char *const names[] = { "out.csv", "out.jsonl" };

  g_ptr_array_add (labels, make_label ("/corpus/nb0.ipynb", 0, "ann"));
  g_ptr_array_add (labels, make_label ("/corpus/nb1.ipynb", 6, "ann"));
  g_ptr_array_add (labels, atlas_hand_label_new ("/corpus/nb2.ipynb", 4, "ann"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      FILE *stream = g_fopen (path, "w");

      atlas_labels_write (stream, labels, formats[i]);
      fclose (stream);
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      if (formats[i] == ATLAS_LABEL_FORMAT_CSV)
        g_assert_true (g_str_has_prefix (text, "notebook,cell,crash_type,root_cause,root_cause_detail,"
                                               "ml_bug,stage,library,rater,note\n"));
      else
        g_assert_nonnull (strstr (text, "\"cell\":6,"));

      back = atlas_labels_read (path, "bob", targets, problems, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpuint (back->len, ==, 3);
      for (guint j = 0; j < back->len; j++)
        {
          const AtlasHandLabel *a = g_ptr_array_index (labels, j);
          const AtlasHandLabel *b = g_ptr_array_index (back, j);

          g_assert_cmpstr (a->location, ==, b->location);
          g_assert_cmpuint (a->cell, ==, b->cell);
          g_assert_cmpstr (b->rater, ==, "bob");
          g_assert_cmpstr (a->note, ==, b->note);
          g_assert_cmpstr (a->labels.root_cause_detail, ==, b->labels.root_cause_detail);
          for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
            g_assert_cmpstr (atlas_hand_label_get_id (a, d), ==, atlas_hand_label_get_id (b, d));
        }
    }
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *no_header = g_build_filename (f->dir, "x.csv", NULL);
  g_autofree char *jsonl = g_build_filename (f->dir, "x.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = NULL;

  g_assert_true (g_file_set_contents (no_header, "a,b\n1,2\n", -1, NULL));
  g_assert_null (atlas_labels_read (no_header, "ann", NULL, problems, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (atlas_labels_read ("labels.txt", "ann", NULL, problems, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* One bad line stops nothing. */
  g_assert_true (g_file_set_contents (jsonl,
    "{\"notebook\": \"a.ipynb\", \"cell\": 1, \"stage\": \"TRAIN\"}\n"
    "{not json\n"
    "[1, 2]\n"
    "{\"notebook\": \"b.ipynb\", \"cell\": \"3\", \"ml_bug\": null}\n", -1, NULL));
  labels = atlas_labels_read (jsonl, "ann", NULL, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (has_problem (problems, "x.jsonl:2: not a JSON object"));
  g_assert_true (has_problem (problems, "x.jsonl:3: not a JSON object"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/labels/store-round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/labels/survive-kill", Fixture, NULL, fixture_setup, test_survives_kill, fixture_teardown);
  g_test_add ("/labels/import-csv", Fixture, NULL, fixture_setup, test_import_csv, fixture_teardown);
  g_test_add ("/labels/export-import", Fixture, NULL, fixture_setup, test_export_import, fixture_teardown);
  g_test_add ("/labels/bad-files", Fixture, NULL, fixture_setup, test_bad_files, fixture_teardown);
  return g_test_run ();
}
