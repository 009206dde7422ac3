/* atlas-kaggle-source.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-kaggle"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "atlas-remote-error.h"
#include "atlas-remote-private.h"

#define SERVICE "/v1/kernels.KernelsApiService/"
#define PAGE_SIZE 100
#define MAX_OUTPUT_PAGES 5
/* Listings end: a kernel list is at most this many pages of PAGE_SIZE. */
#define MAX_LIST_PAGES 200

typedef struct
{
  char  *owner;
  char  *slug;
  char  *version;   /* label asked for, or the current version number, or NULL */
  char  *web_url;
} Kernel;

static void
kernel_free (Kernel *kernel)
{
  g_free (kernel->owner);
  g_free (kernel->slug);
  g_free (kernel->version);
  g_free (kernel->web_url);
  g_free (kernel);
}

static Kernel *
kernel_new (const char *owner,
            const char *slug,
            const char *version)
{
  Kernel *kernel = g_new0 (Kernel, 1);
  g_autofree char *escaped_owner = g_uri_escape_string (owner, NULL, FALSE);
  g_autofree char *escaped_slug = g_uri_escape_string (slug, NULL, FALSE);

  kernel->owner = g_strdup (owner);
  kernel->slug = g_strdup (slug);
  kernel->version = g_strdup (version);
  kernel->web_url = g_strdup_printf ("https://www.kaggle.com/code/%s/%s", escaped_owner, escaped_slug);
  return kernel;
}

/* Every call is a POST of a JSON object; fields left at their default are
 * omitted, as the official client does. */
static JsonObject *
call (AtlasRemoteRun  *run,
      const char      *method,
      JsonBuilder     *builder,
      const char      *subject,
      JsonNode       **keep,
      GError         **error)
{
  g_autofree char *path = g_strconcat (SERVICE, method, NULL);
  g_autofree char *url = atlas_http_api_url (run->http, path);
  g_autoptr(JsonNode) body = json_builder_get_root (builder);
  char *text = json_to_string (body, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));
  AtlasHttpRequest request = { "POST", url, "application/json", bytes, TRUE, subject, NULL };

  if ((*keep = atlas_http_send_json (run->http, &request, NULL, run->cancellable, error)) == NULL)
    return NULL;
  return _atlas_json_root_object (*keep, subject, error);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static JsonBuilder *
kernel_request (Kernel     *kernel,
                const char *page_token)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "userName", kernel->owner);
  add_string (builder, "kernelSlug", kernel->slug);
  add_string (builder, "pageToken", page_token);
  json_builder_end_object (builder);
  return builder;
}

/* Listing */

static JsonBuilder *
list_request (const AtlasRemoteSpec *spec,
              const char            *page_token)
{
  JsonBuilder *builder = json_builder_new ();
  const char *sort = spec->sort_by;

  if (sort == NULL && spec->search != NULL)
    sort = "RELEVANCE";
  json_builder_begin_object (builder);
  add_string (builder, "search", spec->search);
  json_builder_set_member_name (builder, "pageSize");
  json_builder_add_int_value (builder, MIN (PAGE_SIZE, spec->max));
  add_string (builder, "pageToken", page_token);
  add_string (builder, "user", spec->user);
  add_string (builder, "competition", spec->competition);
  add_string (builder, "dataset", spec->dataset);
  add_string (builder, "kernelType", "notebook");
  add_string (builder, "language", spec->language);
  add_string (builder, "sortBy", sort);
  json_builder_end_object (builder);
  return builder;
}

static void
add_kernels (GPtrArray *kernels,
             JsonArray *items,
             guint      max)
{
  for (guint i = 0; items != NULL && i < json_array_get_length (items) && kernels->len < max; i++)
    {
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, i))
                           ? json_array_get_object_element (items, i) : NULL;
      const char *ref = _atlas_json_string (item, "ref");
      gint64 version = _atlas_json_int (item, "currentVersionNumber", -1);
      g_auto(GStrv) parts = ref ? g_strsplit (ref, "/", -1) : NULL;
      g_autofree char *label = version >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, version) : NULL;

      if (parts == NULL || g_strv_length (parts) != 2 || *parts[0] == '\0' || *parts[1] == '\0')
        continue;
      g_ptr_array_add (kernels, kernel_new (parts[0], parts[1], label));
    }
}

static GPtrArray *
list_kernels (AtlasRemoteRun  *run,
              const char      *subject,
              GError         **error)
{
  g_autoptr(GPtrArray) kernels = g_ptr_array_new_with_free_func ((GDestroyNotify)kernel_free);
  g_autoptr(AtlasPager) pager = _atlas_pager_new (MAX (MAX_LIST_PAGES, run->spec->max / PAGE_SIZE + 2));
  g_autofree char *token = NULL;

  do
    {
      g_autoptr(JsonBuilder) builder = list_request (run->spec, token);
      g_autoptr(JsonNode) keep = NULL;
      JsonObject *object = call (run, "ListKernels", builder, subject, &keep, error);
      JsonArray *items;

      if (object == NULL)
        return NULL;
      items = _atlas_json_array (object, "kernels");
      add_kernels (kernels, items, run->spec->max);
      g_free (token);
      token = g_strdup (_atlas_json_string (object, "nextPageToken"));
      if (items == NULL || json_array_get_length (items) == 0)
        break;
      if (token != NULL && *token != '\0' && kernels->len < run->spec->max &&
          !_atlas_pager_next (pager, token, subject, _("page token"), error))
        return NULL;
      _atlas_remote_run_listing (run, subject);
    }
  while (token != NULL && *token != '\0' && kernels->len < run->spec->max);

  return g_steal_pointer (&kernels);
}

/* One kernel */

typedef struct
{
  Kernel          *kernel;
  AtlasRemoteItem *item;
  char            *part;
  char            *notebook_url;   /* signed address of __notebook__.ipynb */
  char            *log;
  GBytes          *source;
} Fetch;

static void
fetch_clear (Fetch *fetch)
{
  g_free (fetch->part);
  g_free (fetch->notebook_url);
  g_free (fetch->log);
  g_clear_pointer (&fetch->source, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fetch, fetch_clear)

static void
find_notebook_file (Fetch     *fetch,
                    JsonArray *files)
{
  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      JsonObject *file = JSON_NODE_HOLDS_OBJECT (json_array_get_element (files, i))
                           ? json_array_get_object_element (files, i) : NULL;

      if (g_strcmp0 (_atlas_json_string (file, "fileName"), "__notebook__.ipynb") == 0 &&
          _atlas_json_string (file, "url") != NULL)
        fetch->notebook_url = g_strdup (_atlas_json_string (file, "url"));
    }
}

/* The last run's files (the executed notebook among them) and its log. */
static gboolean
list_output (AtlasRemoteRun  *run,
             Fetch           *fetch,
             GError         **error)
{
  g_autoptr(AtlasPager) pager = _atlas_pager_new (MAX_OUTPUT_PAGES);
  g_autofree char *token = NULL;

  for (guint page = 0; page < MAX_OUTPUT_PAGES && fetch->notebook_url == NULL; page++)
    {
      g_autoptr(JsonBuilder) builder = kernel_request (fetch->kernel, token);
      g_autoptr(JsonNode) keep = NULL;
      JsonObject *object = call (run, "ListKernelSessionOutput", builder, fetch->kernel->web_url, &keep, error);

      if (object == NULL)
        return FALSE;
      find_notebook_file (fetch, _atlas_json_array (object, "files"));
      if (fetch->log == NULL)
        fetch->log = g_strdup (_atlas_json_string (object, "log"));
      g_free (token);
      token = g_strdup (_atlas_json_string (object, "nextPageToken"));
      if (token == NULL || *token == '\0')
        break;
      /* the output pages are few: a token seen again ends them quietly */
      if (!_atlas_pager_next (pager, token, fetch->kernel->web_url, _("page token"), NULL))
        break;
    }
  return TRUE;
}

static gboolean
download_executed (AtlasRemoteRun  *run,
                   Fetch           *fetch,
                   GError         **error)
{
  /* A signed address, often on another host: never with the credential. */
  AtlasHttpRequest request = { "GET", fetch->notebook_url, "*/*", NULL, FALSE,
                               fetch->kernel->web_url, fetch->part };
  g_autoptr(AtlasHttpReply) reply = atlas_http_send (run->http, &request, run->cancellable, error);

  return reply != NULL;
}

static gboolean
get_source (AtlasRemoteRun  *run,
            Fetch           *fetch,
            GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) keep = NULL;
  JsonObject *object;
  const char *source;
  gint64 version;

  json_builder_begin_object (builder);
  add_string (builder, "userName", fetch->kernel->owner);
  add_string (builder, "kernelSlug", fetch->kernel->slug);
  add_string (builder, "versionLabel", run->spec->version);
  json_builder_end_object (builder);
  if ((object = call (run, "GetKernel", builder, fetch->kernel->web_url, &keep, error)) == NULL)
    return FALSE;
  version = _atlas_json_int (_atlas_json_object (object, "metadata"), "currentVersionNumber", -1);
  if (fetch->kernel->version == NULL && version >= 0)
    fetch->kernel->version = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  source = _atlas_json_string (_atlas_json_object (object, "blob"), "source");
  if (source == NULL)
    {
      g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
                   _("%s: Kaggle returned no source for this notebook"), fetch->kernel->web_url);
      return FALSE;
    }
  fetch->source = g_bytes_new (source, strlen (source));
  return TRUE;
}

static gboolean
write_part (Fetch   *fetch,
            GBytes  *bytes,
            GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_file_set_contents_full (fetch->part, data ? data : "", size, G_FILE_SET_CONTENTS_NONE, 0600, error);
}

/* Executed notebook, else the crashes in the log, else the saved source. */
static gboolean
fetch_best (AtlasRemoteRun  *run,
            Fetch           *fetch,
            GError         **error)
{
  g_autoptr(GError) output_error = NULL;
  g_autoptr(GBytes) synthesized = NULL;

  if (run->spec->version == NULL && list_output (run, fetch, &output_error) && fetch->notebook_url != NULL)
    {
      fetch->item->provenance = ATLAS_REMOTE_FROM_EXECUTED;
      if (download_executed (run, fetch, &output_error))
        return TRUE;
    }
  if (g_error_matches (output_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&output_error));
      return FALSE;
    }
  if (output_error != NULL)
    g_debug ("%s", output_error->message);
  if (!get_source (run, fetch, error))
    return FALSE;
  if (fetch->log != NULL && (synthesized = _atlas_kaggle_log_to_notebook (fetch->log, fetch->source)) != NULL)
    {
      fetch->item->provenance = ATLAS_REMOTE_FROM_LOG;
      return write_part (fetch, synthesized, error);
    }
  fetch->item->provenance = ATLAS_REMOTE_FROM_SOURCE;
  return write_part (fetch, fetch->source, error);
}

/* No crash found: the run may still have failed (time out, out of memory). */
static void
check_run_status (AtlasRemoteRun *run,
                  Fetch          *fetch)
{
  g_autoptr(JsonBuilder) builder = kernel_request (fetch->kernel, NULL);
  g_autoptr(JsonNode) keep = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object = call (run, "GetKernelSessionStatus", builder, fetch->kernel->web_url, &keep, &error);
  const char *failure;

  if (object == NULL)
    {
      g_debug ("%s", error->message);
      return;
    }
  if (g_strcmp0 (_atlas_json_string (object, "status"), "ERROR") != 0)
    return;
  failure = _atlas_json_string (object, "failureMessage");
  fetch->item->status = ATLAS_NOTEBOOK_STATUS_RUN_FAILED;
  g_free (fetch->item->message);
  fetch->item->message = g_strdup_printf (_("The Kaggle run failed without a cell error: %s"),
                                          failure && *failure ? failure : _("no reason given"));
}

static void
judge (AtlasRemoteRun *run,
       Fetch          *fetch)
{
  AtlasRemoteItem *item = fetch->item;

  if (item->notebook == NULL || atlas_notebook_get_crashes (item->notebook)->len > 0)
    return;
  check_run_status (run, fetch);
  if (item->status == ATLAS_NOTEBOOK_STATUS_OK && !atlas_notebook_was_executed (item->notebook))
    {
      item->status = ATLAS_NOTEBOOK_STATUS_NOT_EXECUTED;
      item->message = g_strdup (_("Only the saved source is available and it holds no outputs: "
                                  "its crashes are unknown, not absent"));
    }
}

static JsonObject *
item_meta (AtlasRemoteItem *item)
{
  JsonObject *meta = json_object_new ();

  json_object_set_string_member (meta, "provenance", atlas_remote_provenance_to_string (item->provenance));
  json_object_set_int_member (meta, "status", item->status);
  if (item->message != NULL)
    json_object_set_string_member (meta, "message", item->message);
  return meta;
}

static void
item_from_meta (AtlasRemoteItem *item,
                JsonObject      *meta)
{
  const char *provenance = _atlas_json_string (meta, "provenance");

  item->provenance = g_strcmp0 (provenance, "executed") == 0 ? ATLAS_REMOTE_FROM_EXECUTED
                   : g_strcmp0 (provenance, "log") == 0 ? ATLAS_REMOTE_FROM_LOG
                   : ATLAS_REMOTE_FROM_SOURCE;
  item->status = CLAMP (_atlas_json_int (meta, "status", 0), 0, ATLAS_NOTEBOOK_STATUS_RUN_FAILED);
  item->message = g_strdup (_atlas_json_string (meta, "message"));
  item->from_cache = TRUE;
}

static char *
kernel_key (Kernel *kernel)
{
  if (kernel->version == NULL)
    return NULL;
  return g_strdup_printf ("kaggle:%s/%s@%s", kernel->owner, kernel->slug, kernel->version);
}

static void
fetch_kernel (AtlasRemoteRun *run,
              Kernel         *kernel)
{
  g_auto(Fetch) fetch = { kernel, NULL };
  g_autofree char *key = kernel_key (kernel);
  g_autoptr(JsonObject) meta = key ? _atlas_remote_cache_meta (key) : NULL;
  g_autofree char *base = _atlas_remote_cache_file (kernel->web_url, ".ipynb");
  g_autofree char *file = NULL;

  fetch.item = _atlas_remote_item_new (kernel->web_url, ATLAS_PLATFORM_KAGGLE, ATLAS_REMOTE_FROM_SOURCE);
  fetch.part = g_strconcat (base, ".part", NULL);
  if (meta != NULL)
    {
      item_from_meta (fetch.item, meta);
      file = _atlas_remote_cache_file (key, ".ipynb");
      _atlas_remote_item_read (fetch.item, file, run->read_flags);
    }
  else if (fetch_best (run, &fetch, &fetch.item->error))
    {
      _atlas_remote_item_read (fetch.item, fetch.part, run->read_flags);
      judge (run, &fetch);
      g_free (key);
      if ((key = kernel_key (kernel)) != NULL)
        {
          g_autoptr(JsonObject) fresh = item_meta (fetch.item);

          if (!_atlas_remote_cache_store (key, fetch.part, fresh, NULL))
            g_debug ("%s: not kept in the cache", kernel->web_url);
        }
    }
  g_unlink (fetch.part);
  fetch.item->key = g_steal_pointer (&key);
  if (g_error_matches (fetch.item->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      atlas_remote_item_free (fetch.item);
      return;
    }
  _atlas_remote_run_emit (run, g_steal_pointer (&fetch.item));
}

gboolean
_atlas_kaggle_run (AtlasRemoteRun  *run,
                   GError         **error)
{
  g_autofree char *subject = atlas_remote_spec_describe (run->spec);
  g_autoptr(GPtrArray) kernels = NULL;

  _atlas_remote_run_listing (run, subject);
  if (run->spec->kind == ATLAS_REMOTE_KAGGLE_KERNEL)
    {
      kernels = g_ptr_array_new_with_free_func ((GDestroyNotify)kernel_free);
      g_ptr_array_add (kernels, kernel_new (run->spec->owner, run->spec->name, run->spec->version));
    }
  else if ((kernels = list_kernels (run, subject, error)) == NULL)
    return FALSE;

  _atlas_remote_run_found (run, kernels->len);
  for (guint i = 0; i < kernels->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      fetch_kernel (run, g_ptr_array_index (kernels, i));
    }
  return TRUE;
}
