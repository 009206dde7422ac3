/* atlas-corpus-load.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-classifier.h"
#include "atlas-corpus.h"
#include "atlas-remote-source.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* One load: files and folders, remote sources (atlas-remote-spec.h) and
 * corpus files in, classified notebooks out, for every front end. Blocking
 * and GTK-free: a command runs it on its own thread, the app's
 * AtlasCorpusLoader on a GTask's. Each notebook is handed to the item
 * function as soon as it is read (streaming), in a fixed order whatever the
 * number of jobs: the files and folders in the order added, then the remote
 * sources, then the corpus files. The platform of every notebook is decided
 * as atlas-corpus-inputs.h says. */

typedef enum
{
  ATLAS_CORPUS_LOAD_DEFAULT        = 0,
  /* Folders are walked when added, so the total is known before the first
   * notebook is read (a progress bar) and a folder without notebooks fails
   * atlas_corpus_load_add_input(). Otherwise they are walked while the
   * first notebooks are already being read (a corpus is tens of thousands
   * of folders) and dup_empty_folders() names the empty ones after the run. */
  ATLAS_CORPUS_LOAD_WALK_FIRST     = 1 << 0,
  /* Keep every notebook's record and crashes in the corpus of
   * atlas_corpus_load_get_corpus(). */
  ATLAS_CORPUS_LOAD_COLLECT        = 1 << 1,
  /* With COLLECT: a notebook whose content equals one collected already (a
   * fork, a mirror) is handed over marked as a copy and not collected; a
   * corpus file's copies are left out too. Needs the content hash, which
   * this flag has the reader compute. */
  ATLAS_CORPUS_LOAD_DISTINCT       = 1 << 2,
  /* With COLLECT: the collected crashes are clustered by message at the end
   * (clusters need every message). */
  ATLAS_CORPUS_LOAD_CLUSTER        = 1 << 3,
  /* On the worker thread, once classified, a notebook's cells are dropped
   * (atlas_notebook_drop_contents()): for records that need only crashes. */
  ATLAS_CORPUS_LOAD_DROP_CONTENTS  = 1 << 4,
  /* Remote credentials also from the keyring, when there is a session bus
   * and CRASH_ATLAS_NO_KEYRING is unset (the command line); the environment
   * and the Kaggle CLI's files are always read. */
  ATLAS_CORPUS_LOAD_KEYRING        = 1 << 5,
} AtlasCorpusLoadFlags;

typedef enum
{
  ATLAS_CORPUS_LOAD_FILE,           /* a notebook file, read (or not: error) */
  ATLAS_CORPUS_LOAD_REMOTE,         /* a notebook of a remote source, fetched (or not) */
  ATLAS_CORPUS_LOAD_SOURCE_FAILED,  /* a remote source that could not be listed */
} AtlasCorpusLoadKind;

/* One notebook, handed to the item function on the thread that runs the
 * load. */
typedef struct
{
  AtlasCorpusLoadKind  kind;
  guint                index;     /* position in the load's order */
  const char          *location;  /* the path as given (joined with the path inside a folder), or the address */
  AtlasNotebook       *notebook;  /* NULL when it could not be read … */
  const GError        *error;     /* … and then why, naming it */
  /* Its record: platform, status (remote notebooks: not executed, run
   * failed) and message, with @crashes its crashes (classified when the
   * load classifies). The load's: collected after the function returns
   * unless the function takes it (sets it to NULL). */
  AtlasNotebookInfo   *info;
  GPtrArray           *crashes;
  /* With DISTINCT: its content equals a notebook collected earlier. */
  gboolean             copy;
} AtlasCorpusLoadItem;

typedef void (*AtlasCorpusLoadFunc) (AtlasCorpusLoadItem *item,
                                     gpointer             user_data);

/* How far the load is; @remote is the remote source's own progress (its
 * listing, its fetches, a wait for a rate limit), or NULL. Called on the
 * thread that runs the load. */
typedef struct
{
  guint                      n_done;   /* notebooks handed over */
  guint                      n_total;  /* known so far */
  const AtlasRemoteProgress *remote;
} AtlasCorpusLoadProgress;

typedef void (*AtlasCorpusLoadProgressFunc) (const AtlasCorpusLoadProgress *progress,
                                             gpointer                       user_data);

/* Runs on the worker threads right after a notebook was read and
 * classified: must touch only @notebook and thread-safe state. */
typedef void (*AtlasCorpusLoadWorkerFunc) (AtlasNotebook *notebook,
                                           gpointer       user_data);

#define ATLAS_TYPE_CORPUS_LOAD (atlas_corpus_load_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCorpusLoad, atlas_corpus_load, ATLAS, CORPUS_LOAD, GObject)

/* @n_jobs reading threads (0: one per core). */
AtlasCorpusLoad *atlas_corpus_load_new              (AtlasCorpusLoadFlags  flags,
                                                     guint                 n_jobs);

/* Settings: before the run; the platform before the inputs it applies to. */

/* The platform the user gave for every local notebook, or NULL (decided
 * from the notebooks). */
void             atlas_corpus_load_set_platform     (AtlasCorpusLoad      *self,
                                                     const AtlasPlatform  *platform);
/* What the reader computes besides the notebook (ATLAS_READ_CRASHES_ONLY,
 * ATLAS_READ_CONTENT_HASH, …), for files and remote sources alike. */
void             atlas_corpus_load_set_read_flags   (AtlasCorpusLoad      *self,
                                                     AtlasReadFlags        flags);
/* Classifies every notebook with @classifier on the worker threads; NULL
 * (the default) leaves them unclassified. A corpus file's labels are read
 * back, and labelled again with @classifier only where other rules made
 * them (atlas_corpus_file_read()). */
void             atlas_corpus_load_set_classifier   (AtlasCorpusLoad      *self,
                                                     AtlasClassifier      *classifier);
/* Classifies with the built-in rules, compiled on a thread of their own
 * while the first notebooks are read: compiling them takes as long as
 * reading a few hundred notebooks, and no notebook needs them before one
 * that crashes has been parsed. */
void             atlas_corpus_load_use_builtin_rules (AtlasCorpusLoad     *self);
/* Notebooks whose content hash is in @known (a set of strings, read-only
 * during the run) are not classified: a corpus file holds them already. */
void             atlas_corpus_load_set_known_content (AtlasCorpusLoad     *self,
                                                     GHashTable           *known);
/* More work on the worker threads after classification. */
void             atlas_corpus_load_set_worker_func  (AtlasCorpusLoad      *self,
                                                     AtlasCorpusLoadWorkerFunc func,
                                                     gpointer              user_data,
                                                     GDestroyNotify        user_data_destroy);

/* Inputs. */

/* Adds a file or folder, or a remote source when @input is an address
 * (atlas_remote_spec_is_remote()). Fails when the path does not exist (with
 * WALK_FIRST also when a folder holds no notebook) or the address does not
 * parse; the load then goes on without it. */
gboolean         atlas_corpus_load_add_input        (AtlasCorpusLoad      *self,
                                                     const char           *input,
                                                     GError              **error);
/* Adds a corpus file (atlas-corpus-file.h), read whole during the run (its
 * notebooks are not handed to the item function: the file is one query,
 * faster than its notebooks one by one); with COLLECT they are collected. */
void             atlas_corpus_load_add_corpus_file  (AtlasCorpusLoad      *self,
                                                     const char           *path);
gboolean         atlas_corpus_load_has_inputs       (AtlasCorpusLoad      *self);

/* Reads everything, handing each notebook to @func and the progress to
 * @progress_func (both may be NULL). Blocks until done. An input that fails
 * is an item with an error, never the end of the load; returns FALSE only
 * when cancelled, or when a corpus file cannot be read (its error says why,
 * G_IO_ERROR_CANCELLED when cancelled). Once only. */
gboolean         atlas_corpus_load_run              (AtlasCorpusLoad      *self,
                                                     AtlasCorpusLoadFunc   func,
                                                     AtlasCorpusLoadProgressFunc progress_func,
                                                     gpointer              user_data,
                                                     GCancellable         *cancellable,
                                                     GError              **error);

/* Results; the counters may be read from any thread during the run. */

guint            atlas_corpus_load_get_n_done       (AtlasCorpusLoad      *self);
guint            atlas_corpus_load_get_n_total      (AtlasCorpusLoad      *self);
/* Notebooks and sources that could not be read. */
guint            atlas_corpus_load_get_n_failed     (AtlasCorpusLoad      *self);
/* After the run: the classifier used (the built-in rules' once compiled),
 * or NULL. */
AtlasClassifier *atlas_corpus_load_get_classifier   (AtlasCorpusLoad      *self);
/* With COLLECT, after the run: what was read, in the load's order. */
AtlasCorpus     *atlas_corpus_load_get_corpus       (AtlasCorpusLoad      *self);
/* After the run: the last corpus file read, open, or NULL. */
AtlasStore      *atlas_corpus_load_get_store        (AtlasCorpusLoad      *self);
/* Without WALK_FIRST, after the run: the folders given that held no
 * notebook. A note, not a failure. */
char           **atlas_corpus_load_dup_empty_folders (AtlasCorpusLoad     *self);

/* The notebooks of @corpus that are no copy of another one (a corpus
 * file's duplicate_of), with their crashes. */
AtlasCorpus     *atlas_corpus_dup_distinct_content  (AtlasCorpus          *corpus);

/* The accepted forms of remote sources, for a command's --help. */
const char      *atlas_corpus_load_remote_help      (void);

G_END_DECLS
