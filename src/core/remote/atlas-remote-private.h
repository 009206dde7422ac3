/* atlas-remote-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "atlas-http.h"
#include "atlas-remote-run.h"

G_BEGIN_DECLS

/* What the GitHub and Kaggle parts share (the run they report to is
 * atlas-remote-run.h). */

/* The cache: files named by a hash of their key, never by a server's name. */
char            *_atlas_remote_cache_file    (const char      *key,
                                              const char      *extension);
JsonObject      *_atlas_remote_cache_meta    (const char      *key);
gboolean         _atlas_remote_cache_store   (const char      *key,
                                              const char      *part_file,
                                              JsonObject      *meta,
                                              GError         **error);

/* json-glib accessors that tolerate wrong types. */
const char      *_atlas_json_string          (JsonObject      *object,
                                              const char      *name);
gint64           _atlas_json_int             (JsonObject      *object,
                                              const char      *name,
                                              gint64           fallback);
JsonArray       *_atlas_json_array           (JsonObject      *object,
                                              const char      *name);
JsonObject      *_atlas_json_object          (JsonObject      *object,
                                              const char      *name);
JsonObject      *_atlas_json_root_object     (JsonNode        *root,
                                              const char      *subject,
                                              GError         **error);

/* Names from servers that end up in request paths: TRUE when @path is a
 * relative path inside its repository (no "..", ".", empty or absolute
 * part, no backslash or control character, also once percent-decoded).
 * @subject (the repository) names the error. */
gboolean         _atlas_remote_check_path    (const char      *path,
                                              const char      *subject,
                                              GError         **error);
/* OWNER/REPO as GitHub spells them. */
gboolean         _atlas_remote_check_repo    (const char      *repo,
                                              GError         **error);
/* A git object id: one plain path segment (letters, digits, - and _). */
gboolean         _atlas_remote_check_sha     (const char      *sha,
                                              const char      *subject,
                                              GError         **error);

/* Pagination that ends: a page address or token seen before, or more
 * pages than @max_pages, stops it with an error. */
typedef struct _AtlasPager AtlasPager;

AtlasPager      *_atlas_pager_new            (guint            max_pages);
void             _atlas_pager_free           (AtlasPager      *pager);
/* Notes @key (the next page's address or token); FALSE with @error when it
 * was seen or the limit is reached. @what names the key in the message. */
gboolean         _atlas_pager_next           (AtlasPager      *pager,
                                              const char      *key,
                                              const char      *subject,
                                              const char      *what,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasPager, _atlas_pager_free)

gboolean         _atlas_github_run           (AtlasRemoteRun  *run,
                                              GError         **error);
gboolean         _atlas_kaggle_run           (AtlasRemoteRun  *run,
                                              GError         **error);
/* Kaggle run log -> the saved source with the logged crashes as error
 * outputs; NULL when the log holds no traceback. */
GBytes          *_atlas_kaggle_log_to_notebook (const char    *log,
                                                GBytes        *source);

G_END_DECLS
