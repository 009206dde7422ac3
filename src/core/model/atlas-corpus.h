/* atlas-corpus.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-crash.h"
#include "atlas-notebook.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_NOTEBOOK_STATUS_OK,           /* read; its crashes (maybe none) are in the corpus */
  ATLAS_NOTEBOOK_STATUS_UNREADABLE,   /* could not be read; see message */
  ATLAS_NOTEBOOK_STATUS_NOT_EXECUTED, /* read, but it holds no outputs: crashes unknown, not "clean" */
  ATLAS_NOTEBOOK_STATUS_RUN_FAILED,   /* the run failed without a cell error (Kaggle status ERROR) */
} AtlasNotebookStatus;

/* What the corpus remembers of a notebook once it has been read: enough for
 * the charts (platform, imported packages) and to find it again. */
typedef struct
{
  char                *location;
  char                *url;         /* or NULL */
  AtlasPlatform        platform;
  AtlasNotebookStatus  status;
  char                *message;     /* why it is unreadable / failed, or NULL */
  char               **packages;    /* sorted distinct top-level packages imported */
  guint                n_cells;
  guint                n_crashes;
  guint64              size;
  char                *content_hash;
  char                *duplicate_of; /* location of the first notebook with the same
                                      * content (a copy: a fork, a mirror), or NULL */
  gint8                out_of_order; /* 1: a code cell ran before one above it; 0: no;
                                      * -1: not known (read from a corpus file, see
                                      * atlas_store_dup_out_of_order()) */
} AtlasNotebookInfo;

AtlasNotebookInfo *atlas_notebook_info_new_from_notebook (AtlasNotebook *notebook);
AtlasNotebookInfo *atlas_notebook_info_new_failed        (const char    *location,
                                                          AtlasPlatform  platform,
                                                          AtlasNotebookStatus status,
                                                          const char    *message);
void               atlas_notebook_info_free              (AtlasNotebookInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasNotebookInfo, atlas_notebook_info_free)

#define ATLAS_TYPE_CORPUS (atlas_corpus_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCorpus, atlas_corpus, ATLAS, CORPUS, GObject)

/* A set of notebooks and their crashes. It is a GListModel of AtlasCrash (in
 * the order they were added), so lists and charts can observe it as results
 * stream in. Main-thread object: workers hand results over, never touch it. */
AtlasCorpus             *atlas_corpus_new              (void);

/* Adds a notebook's info and its crashes (element-type AtlasCrash). */
void                     atlas_corpus_add              (AtlasCorpus       *self,
                                                        AtlasNotebookInfo *info,
                                                        GPtrArray         *crashes);
void                     atlas_corpus_clear            (AtlasCorpus       *self);
/* Moves every notebook and crash of @from to the end of @self, with one
 * change notification however many there are; @from is left empty. */
void                     atlas_corpus_take_contents    (AtlasCorpus       *self,
                                                        AtlasCorpus       *from);

guint                    atlas_corpus_get_n_notebooks  (AtlasCorpus       *self);
const AtlasNotebookInfo *atlas_corpus_get_notebook     (AtlasCorpus       *self,
                                                        guint              index);
/* Looks a notebook up by location; NULL if absent. */
const AtlasNotebookInfo *atlas_corpus_find_notebook    (AtlasCorpus       *self,
                                                        const char        *location);
guint                    atlas_corpus_get_n_crashes    (AtlasCorpus       *self);
AtlasCrash              *atlas_corpus_get_crash        (AtlasCorpus       *self,
                                                        guint              index);

G_END_DECLS
