/* atlas-github-source.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-github"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "atlas-remote-error.h"
#include "atlas-remote-private.h"

/* The contents API carries files up to 1 MB inline (base64); larger ones
 * come from the blobs API as raw bytes. */
#define CONTENTS_MAX (1024 * 1024)
#define MAX_TREE_DEPTH 64
/* Code search gives at most 1,000 results, 100 a page. */
#define MAX_SEARCH_PAGES 10

typedef struct
{
  char   *repo;      /* OWNER/REPO */
  char   *ref;
  char   *path;      /* inside the repository */
  char   *sha;       /* blob sha, or NULL when unknown */
  gint64  size;      /* -1 when unknown */
  char   *web_url;
  char   *raw_url;   /* gists: a download address, fetched without credentials */
  char   *content;   /* gists: the file inline, when not truncated */
  GError *refused;   /* a path or name from the server that is not safe to ask for */
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->repo);
  g_free (entry->ref);
  g_free (entry->path);
  g_free (entry->sha);
  g_free (entry->web_url);
  g_free (entry->raw_url);
  g_free (entry->content);
  g_clear_error (&entry->refused);
  g_free (entry);
}

static Entry *
entry_new (const char *repo,
           const char *ref,
           const char *path,
           const char *sha,
           gint64      size)
{
  Entry *entry = g_new0 (Entry, 1);
  g_autofree char *escaped_ref = g_uri_escape_string (ref ? ref : "HEAD", NULL, FALSE);
  g_autofree char *escaped_path = g_uri_escape_string (path, "/", FALSE);

  entry->repo = g_strdup (repo);
  entry->ref = g_strdup (ref);
  entry->path = g_strdup (path);
  entry->sha = g_strdup (sha);
  entry->size = size;
  entry->web_url = g_strdup_printf ("https://github.com/%s/blob/%s/%s", repo, escaped_ref, escaped_path);
  return entry;
}

static gboolean
is_notebook (const char *path)
{
  return path != NULL && g_str_has_suffix (path, ".ipynb") &&
         strstr (path, ".ipynb_checkpoints/") == NULL;
}

static JsonNode *
api_get (AtlasRemoteRun      *run,
         const char          *path,
         const char          *subject,
         SoupMessageHeaders **headers,
         GError             **error)
{
  g_autofree char *url = atlas_http_api_url (run->http, path);
  AtlasHttpRequest request = { "GET", url, NULL, NULL, TRUE, subject, NULL };

  return atlas_http_send_json (run->http, &request, headers, run->cancellable, error);
}

/* Listing a repository */

static char *
default_branch (AtlasRemoteRun  *run,
                const char      *repo,
                const char      *subject,
                GError         **error)
{
  g_autofree char *path = g_strdup_printf ("/repos/%s", repo);
  g_autoptr(JsonNode) root = api_get (run, path, subject, NULL, error);
  JsonObject *object = root ? _atlas_json_root_object (root, subject, error) : NULL;
  const char *branch = _atlas_json_string (object, "default_branch");

  if (object != NULL && branch == NULL)
    g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
                 _("%s: the answer names no default branch"), subject);
  return branch ? g_strdup (branch) : NULL;
}

static gboolean
under (const char *path,
       const char *folder)
{
  gsize n = folder ? strlen (folder) : 0;

  return folder == NULL || (strncmp (path, folder, n) == 0 && (path[n] == '/' || path[n] == '\0'));
}

/* Could a folder at @path hold something below @folder? */
static gboolean
may_lead_to (const char *path,
             const char *folder)
{
  return under (path, folder) || (folder != NULL && under (folder, path));
}

static JsonArray *
get_tree (AtlasRemoteRun  *run,
          const char      *repo,
          const char      *tree,
          gboolean         recursive,
          gboolean        *truncated,
          JsonNode       **keep,
          const char      *subject,
          GError         **error)
{
  g_autofree char *escaped = g_uri_escape_string (tree, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/repos/%s/git/trees/%s%s", repo, escaped,
                                           recursive ? "?recursive=1" : "");
  JsonObject *object;
  JsonArray *entries;

  if ((*keep = api_get (run, path, subject, NULL, error)) == NULL ||
      (object = _atlas_json_root_object (*keep, subject, error)) == NULL)
    return NULL;
  if ((entries = _atlas_json_array (object, "tree")) == NULL)
    {
      g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
                   _("%s: the tree has no entries list"), subject);
      return NULL;
    }
  *truncated = _atlas_json_int (object, "truncated", 0) != 0;
  return entries;
}

static void
add_blob (GPtrArray  *entries,
          JsonObject *item,
          const char *repo,
          const char *ref,
          const char *prefix,
          const char *folder)
{
  const char *name = _atlas_json_string (item, "path");
  g_autofree char *path = NULL;

  GError *refused = NULL;
  const char *sha;
  Entry *entry;

  if (name == NULL || g_strcmp0 (_atlas_json_string (item, "type"), "blob") != 0)
    return;
  path = prefix ? g_strconcat (prefix, "/", name, NULL) : g_strdup (name);
  if (!is_notebook (path))
    return;
  sha = _atlas_json_string (item, "sha");
  /* A path that leaves the repository ("..", absolute, encoded) would send
   * the request, with the token, elsewhere on the API host: it is refused
   * as the notebook's error, and nothing is asked for it. */
  if (_atlas_remote_check_path (path, repo, &refused) && sha != NULL)
    _atlas_remote_check_sha (sha, repo, &refused);
  if (refused == NULL && !under (path, folder))
    return;
  entry = entry_new (repo, ref, path, sha, _atlas_json_int (item, "size", -1));
  entry->refused = refused;
  g_ptr_array_add (entries, entry);
}

/* A truncated recursive tree: walk sub-trees one level at a time. */
static gboolean
walk_tree (AtlasRemoteRun  *run,
           GPtrArray       *entries,
           const char      *repo,
           const char      *ref,
           const char      *tree,
           const char      *prefix,
           const char      *folder,
           guint            depth,
           const char      *subject,
           GError         **error)
{
  g_autoptr(JsonNode) keep = NULL;
  gboolean truncated = FALSE;
  JsonArray *items;

  /* A tree that holds itself (a server's mistake or malice) must not walk
   * without end: no real repository nests this deep. */
  if (depth > MAX_TREE_DEPTH)
    {
      g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
                   g_dngettext (GETTEXT_PACKAGE, "%s: the tree nests deeper than %u folder; stopped",
                                "%s: the tree nests deeper than %u folders; stopped", MAX_TREE_DEPTH),
                   subject, MAX_TREE_DEPTH);
      return FALSE;
    }
  if ((items = get_tree (run, repo, tree, FALSE, &truncated, &keep, subject, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, i))
                           ? json_array_get_object_element (items, i) : NULL;
      const char *name = _atlas_json_string (item, "path");
      const char *sha = _atlas_json_string (item, "sha");
      g_autofree char *path = NULL;

      if (item == NULL)
        continue;
      if (name == NULL || sha == NULL || g_strcmp0 (_atlas_json_string (item, "type"), "tree") != 0)
        {
          add_blob (entries, item, repo, ref, prefix, folder);
          continue;
        }
      path = prefix ? g_strconcat (prefix, "/", name, NULL) : g_strdup (name);
      if (!_atlas_remote_check_path (path, repo, NULL))
        continue;   /* a folder that leaves the repository: never listed */
      if (may_lead_to (path, folder) &&
          !walk_tree (run, entries, repo, ref, sha, path, folder, depth + 1, subject, error))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
list_repository (AtlasRemoteRun  *run,
                 const char      *subject,
                 GError         **error)
{
  const AtlasRemoteSpec *spec = run->spec;
  g_autofree char *repo = g_strdup_printf ("%s/%s", spec->owner, spec->name);
  g_autofree char *ref = g_strdup (spec->ref);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  g_autoptr(JsonNode) keep = NULL;
  gboolean truncated = FALSE;
  JsonArray *items;

  if (ref == NULL && (ref = default_branch (run, repo, subject, error)) == NULL)
    return NULL;
  if ((items = get_tree (run, repo, ref, TRUE, &truncated, &keep, subject, error)) == NULL)
    return NULL;
  if (truncated)
    {
      g_debug ("%s: recursive tree truncated, walking sub-trees", repo);
      if (!walk_tree (run, entries, repo, ref, ref, NULL, spec->path, 0, subject, error))
        return NULL;
      return g_steal_pointer (&entries);
    }
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, i)))
      add_blob (entries, json_array_get_object_element (items, i), repo, ref, NULL, spec->path);
  return g_steal_pointer (&entries);
}

/* Gists and search */

static GPtrArray *
list_gist (AtlasRemoteRun  *run,
           const char      *subject,
           GError         **error)
{
  g_autofree char *path = g_strdup_printf ("/gists/%s", run->spec->gist);
  g_autoptr(JsonNode) root = api_get (run, path, subject, NULL, error);
  JsonObject *object = root ? _atlas_json_root_object (root, subject, error) : NULL;
  JsonObject *files = _atlas_json_object (object, "files");
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (object == NULL)
    return NULL;
  if (files == NULL)
    return g_steal_pointer (&entries);
  json_object_iter_init_ordered (&iter, files);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      JsonObject *file = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *fragment = NULL;
      Entry *entry;

      if (file == NULL || !is_notebook (name))
        continue;
      entry = entry_new (run->spec->gist, NULL, name, NULL, _atlas_json_int (file, "size", -1));
      /* one address per file, so each is its own notebook in a corpus */
      fragment = g_uri_escape_string (name, NULL, FALSE);
      g_free (entry->web_url);
      entry->web_url = g_strdup_printf ("https://gist.github.com/%s#%s", run->spec->gist, fragment);
      entry->raw_url = g_strdup (_atlas_json_string (file, "raw_url"));
      if (!_atlas_json_int (file, "truncated", 0))
        entry->content = g_strdup (_atlas_json_string (file, "content"));
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

/* rel="next" of a link header, never built by hand. */
static char *
next_link (SoupMessageHeaders *headers)
{
  const char *link = headers ? soup_message_headers_get_list (headers, "link") : NULL;
  g_auto(GStrv) parts = NULL;

  if (link == NULL)
    return NULL;
  parts = g_strsplit (link, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *start = strchr (parts[i], '<');
      char *end = start ? strchr (start, '>') : NULL;

      if (end != NULL && strstr (end, "rel=\"next\"") != NULL)
        return g_strndup (start + 1, end - start - 1);
    }
  return NULL;
}

static void
add_search_items (GPtrArray  *entries,
                  JsonArray  *items,
                  guint       max)
{
  for (guint i = 0; items != NULL && i < json_array_get_length (items) && entries->len < max; i++)
    {
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, i))
                           ? json_array_get_object_element (items, i) : NULL;
      JsonObject *repository = _atlas_json_object (item, "repository");
      const char *repo = _atlas_json_string (repository, "full_name");
      const char *path = _atlas_json_string (item, "path");
      const char *sha = _atlas_json_string (item, "sha");
      Entry *entry;

      GError *refused = NULL;

      if (repo == NULL || path == NULL || sha == NULL || !is_notebook (path))
        continue;
      if (_atlas_remote_check_repo (repo, &refused) && _atlas_remote_check_path (path, repo, &refused))
        _atlas_remote_check_sha (sha, repo, &refused);
      entry = entry_new (repo, sha, path, sha, -1);
      entry->refused = refused;
      if (_atlas_json_string (item, "html_url") != NULL)
        {
          g_free (entry->web_url);
          entry->web_url = g_strdup (_atlas_json_string (item, "html_url"));
        }
      /* a blob is fetched by sha; its size is unknown until then */
      entry->size = CONTENTS_MAX + 1;
      g_ptr_array_add (entries, entry);
    }
}

static GPtrArray *
list_search (AtlasRemoteRun  *run,
             const char      *subject,
             GError         **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  g_autofree char *query = g_uri_escape_string (run->spec->search, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/search/code?q=%s&per_page=100", query);
  g_autofree char *url = atlas_http_api_url (run->http, path);

  if (!atlas_http_has_credential (run->http))
    {
      g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_NEEDS_TOKEN,
                   _("%s: GitHub code search needs a token (Preferences, or GITHUB_TOKEN)"), subject);
      return NULL;
    }
  g_autoptr(AtlasPager) pager = _atlas_pager_new (MAX_SEARCH_PAGES);

  _atlas_pager_next (pager, url, subject, NULL, NULL);
  while (url != NULL && entries->len < run->spec->max)
    {
      g_autoptr(SoupMessageHeaders) headers = NULL;
      AtlasHttpRequest request = { "GET", url, NULL, NULL, TRUE, subject, NULL };
      g_autoptr(JsonNode) root = atlas_http_send_json (run->http, &request, &headers, run->cancellable, error);
      JsonObject *object = root ? _atlas_json_root_object (root, subject, error) : NULL;

      if (object == NULL)
        return NULL;
      add_search_items (entries, _atlas_json_array (object, "items"), run->spec->max);
      g_free (url);
      url = next_link (headers);
      if (url != NULL && !_atlas_pager_next (pager, url, subject, _("next page address"), error))
        return NULL;
      _atlas_remote_run_listing (run, subject);
    }
  return g_steal_pointer (&entries);
}

/* Fetching one notebook */

static GBytes *
decode_contents (JsonObject  *object,
                 const char  *subject,
                 GError     **error)
{
  const char *content = _atlas_json_string (object, "content");
  g_autofree guchar *data = NULL;
  gsize size = 0;

  if (content == NULL || g_strcmp0 (_atlas_json_string (object, "encoding"), "base64") != 0)
    return NULL;
  data = g_base64_decode (content, &size);
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static gboolean
write_part (const char  *part,
            GBytes      *bytes,
            GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_file_set_contents_full (part, data ? data : "", size, G_FILE_SET_CONTENTS_NONE, 0600, error);
}

/* Small files: the contents API, base64 inline; it also tells the sha. */
static gboolean
fetch_contents (AtlasRemoteRun  *run,
                Entry           *entry,
                const char      *part,
                GError         **error)
{
  g_autofree char *escaped_path = g_uri_escape_string (entry->path, "/", FALSE);
  g_autofree char *escaped_ref = entry->ref ? g_uri_escape_string (entry->ref, NULL, FALSE) : NULL;
  g_autofree char *path = g_strdup_printf ("/repos/%s/contents/%s%s%s", entry->repo, escaped_path,
                                           escaped_ref ? "?ref=" : "", escaped_ref ? escaped_ref : "");
  g_autoptr(JsonNode) root = api_get (run, path, entry->web_url, NULL, error);
  JsonObject *object = root ? _atlas_json_root_object (root, entry->web_url, error) : NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (object == NULL)
    return FALSE;
  if (entry->sha == NULL)
    entry->sha = g_strdup (_atlas_json_string (object, "sha"));
  entry->size = _atlas_json_int (object, "size", entry->size);
  if ((bytes = decode_contents (object, entry->web_url, error)) != NULL)
    return write_part (part, bytes, error);
  if (entry->sha == NULL)
    {
      g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
                   _("%s: the contents answer has neither content nor sha"), entry->web_url);
      return FALSE;
    }
  entry->size = CONTENTS_MAX + 1;  /* too large for inline content: use the blob */
  return TRUE;
}

static gboolean
fetch_blob (AtlasRemoteRun  *run,
            Entry           *entry,
            const char      *part,
            GError         **error)
{
  g_autofree char *path = g_strdup_printf ("/repos/%s/git/blobs/%s", entry->repo, entry->sha);
  g_autofree char *url = atlas_http_api_url (run->http, path);
  AtlasHttpRequest request = { "GET", url, "application/vnd.github.raw+json", NULL, TRUE,
                               entry->web_url, part };
  g_autoptr(AtlasHttpReply) reply = atlas_http_send (run->http, &request, run->cancellable, error);

  return reply != NULL;
}

static gboolean
fetch_gist_file (AtlasRemoteRun  *run,
                 Entry           *entry,
                 const char      *part,
                 GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasHttpReply) reply = NULL;
  /* raw_url is a download address on another host: no credential */
  AtlasHttpRequest request = { "GET", entry->raw_url, "*/*", NULL, FALSE, entry->web_url, part };

  if (entry->content != NULL)
    {
      bytes = g_bytes_new (entry->content, strlen (entry->content));
      return write_part (part, bytes, error);
    }
  if (entry->raw_url == NULL)
    {
      g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
                   _("%s: the gist file %s has neither content nor raw_url"), entry->web_url, entry->path);
      return FALSE;
    }
  reply = atlas_http_send (run->http, &request, run->cancellable, error);
  return reply != NULL;
}

static char *
cache_key (Entry *entry)
{
  return entry->sha ? g_strconcat ("github-blob:", entry->sha, NULL) : NULL;
}

static gboolean
download (AtlasRemoteRun  *run,
          Entry           *entry,
          const char      *part,
          GError         **error)
{
  if (entry->raw_url != NULL || entry->content != NULL)
    return fetch_gist_file (run, entry, part, error);
  if ((entry->sha == NULL || (entry->size >= 0 && entry->size <= CONTENTS_MAX)))
    {
      if (!fetch_contents (run, entry, part, error))
        return FALSE;
      if (entry->size <= CONTENTS_MAX)
        return TRUE;
    }
  return fetch_blob (run, entry, part, error);
}

static void
fetch_entry (AtlasRemoteRun *run,
             Entry          *entry)
{
  AtlasRemoteItem *item = _atlas_remote_item_new (entry->web_url, ATLAS_PLATFORM_GITHUB, ATLAS_REMOTE_FROM_FILE);
  g_autofree char *key = cache_key (entry);
  g_autoptr(JsonObject) meta = key ? _atlas_remote_cache_meta (key) : NULL;
  g_autofree char *base = _atlas_remote_cache_file (entry->web_url, ".ipynb");
  g_autofree char *part = g_strconcat (base, ".part", NULL);
  g_autofree char *file = NULL;

  if (entry->refused != NULL)
    {
      item->error = g_error_copy (entry->refused);
      _atlas_remote_run_emit (run, item);
      return;
    }
  if (meta == NULL)
    {
      if (download (run, entry, part, &item->error))
        {
          g_clear_pointer (&key, g_free);
          key = cache_key (entry);
          meta = json_object_new ();
          if (key == NULL)
            file = g_strdup (part);   /* no sha (gist): read it, do not keep it */
          else if (!_atlas_remote_cache_store (key, part, meta, &item->error))
            g_clear_pointer (&meta, json_object_unref);
        }
    }
  else
    item->from_cache = TRUE;

  item->sha = g_strdup (entry->sha);
  item->key = g_strdup (key);
  if (meta != NULL)
    {
      if (file == NULL)
        file = _atlas_remote_cache_file (key, ".ipynb");
      _atlas_remote_item_read (item, file, run->read_flags);
    }
  g_unlink (part);
  if (g_error_matches (item->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      atlas_remote_item_free (item);   /* not a failure of the notebook */
      return;
    }
  _atlas_remote_run_emit (run, item);
}

gboolean
_atlas_github_run (AtlasRemoteRun  *run,
                   GError         **error)
{
  g_autofree char *subject = atlas_remote_spec_describe (run->spec);
  g_autoptr(GPtrArray) entries = NULL;
  const AtlasRemoteSpec *spec = run->spec;

  _atlas_remote_run_listing (run, subject);
  switch (spec->kind)
    {
    case ATLAS_REMOTE_GITHUB_REPO:
      entries = list_repository (run, subject, error);
      break;
    case ATLAS_REMOTE_GITHUB_FILE:
      {
        g_autofree char *repo = g_strdup_printf ("%s/%s", spec->owner, spec->name);

        entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
        g_ptr_array_add (entries, entry_new (repo, spec->ref, spec->path, NULL, -1));
      }
      break;
    case ATLAS_REMOTE_GITHUB_GIST:
      entries = list_gist (run, subject, error);
      break;
    case ATLAS_REMOTE_GITHUB_SEARCH:
    default:
      entries = list_search (run, subject, error);
      break;
    }
  if (entries == NULL)
    return FALSE;

  _atlas_remote_run_found (run, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      fetch_entry (run, g_ptr_array_index (entries, i));
    }
  return TRUE;
}
