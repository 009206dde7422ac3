/* atlas-remote-spec.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "atlas-platform.h"

G_BEGIN_DECLS

/* What a user typed to name remote notebooks, recognised. Accepted forms:
 *
 *   https://github.com/OWNER/REPO               every .ipynb of the default branch
 *   https://github.com/OWNER/REPO/tree/REF[/DIR] every .ipynb of REF (below DIR)
 *   https://github.com/OWNER/REPO/blob/REF/PATH.ipynb  one notebook
 *   github:OWNER/REPO[@REF][/DIR]               short form of the above
 *   https://gist.github.com/[OWNER/]ID, gist:ID the notebooks of a gist
 *   github-search:TERMS                         code search (extension:ipynb added; needs a token)
 *   https://www.kaggle.com/code/OWNER/SLUG[/versions/N], kaggle:OWNER/SLUG[@N]  one Kaggle notebook
 *   kaggle-search:TERMS                         Kaggle notebooks matching TERMS
 *   kaggle-competition:SLUG, https://www.kaggle.com/competitions/SLUG[/code]
 *   kaggle-dataset:OWNER/SLUG, https://www.kaggle.com/datasets/OWNER/SLUG[/code]
 *   kaggle-user:NAME
 *
 * Lists take options after "?": max=N (how many notebooks, default 100),
 * sort=HOTNESS|DATE_RUN|VOTE_COUNT|RELEVANCE|… (Kaggle), language=python|r|…
 * (Kaggle), e.g. "kaggle-competition:titanic?sort=VOTE_COUNT&max=500". */
typedef enum
{
  ATLAS_REMOTE_GITHUB_REPO,
  ATLAS_REMOTE_GITHUB_FILE,
  ATLAS_REMOTE_GITHUB_GIST,
  ATLAS_REMOTE_GITHUB_SEARCH,
  ATLAS_REMOTE_KAGGLE_KERNEL,
  ATLAS_REMOTE_KAGGLE_LIST,
} AtlasRemoteKind;

typedef struct
{
  AtlasRemoteKind kind;
  char  *owner;        /* GitHub owner, Kaggle kernel owner */
  char  *name;         /* GitHub repository, Kaggle kernel slug */
  char  *ref;          /* GitHub branch/tag/commit, or NULL for the default branch */
  char  *path;         /* GitHub folder or file inside the repository, or NULL */
  char  *gist;         /* gist id */
  char  *version;      /* Kaggle version label, or NULL for the latest */
  /* lists */
  char  *search;
  char  *competition;
  char  *dataset;      /* OWNER/SLUG */
  char  *user;
  char  *sort_by;
  char  *language;
  guint  max;          /* most notebooks a list yields */
} AtlasRemoteSpec;

#define ATLAS_REMOTE_DEFAULT_MAX 100

/* TRUE when @text looks like a remote source rather than a local path (a
 * URL or one of the prefixes above), even if it will not parse. */
gboolean         atlas_remote_spec_is_remote (const char      *text);
AtlasRemoteSpec *atlas_remote_spec_parse     (const char      *text,
                                              GError         **error);
AtlasPlatform    atlas_remote_spec_platform  (const AtlasRemoteSpec *self);
/* What was recognised, for people: "GitHub repository owner/repo, folder nb". */
char            *atlas_remote_spec_describe  (const AtlasRemoteSpec *self);
void             atlas_remote_spec_free      (AtlasRemoteSpec *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasRemoteSpec, atlas_remote_spec_free)

G_END_DECLS
