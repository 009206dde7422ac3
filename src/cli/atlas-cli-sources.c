/* atlas-cli-sources.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-sources"

#include "config.h"

#include <unistd.h>
#include <glib/gi18n.h>

#include "atlas-cli-print.h"
#include "atlas-text.h"
#include "atlas-cli-sources.h"
#include "atlas-remote-source.h"

struct _AtlasCliSources
{
  GPtrArray        *sources;    /* AtlasRemoteSource */
  GHashTable       *statuses;   /* location -> AtlasNotebookInfo (status, message, url, platform) */
  AtlasCredentials *credentials;
  guint             n_failed;
  guint             index;
  AtlasReadFlags    read_flags;
  gboolean          tty;
};

typedef struct
{
  AtlasCliSources     *self;
  AtlasScanResultFunc  func;
  gpointer             user_data;
  AtlasScanWorkerFunc  worker;
  gpointer             worker_data;
} Run;

AtlasCliSources *
atlas_cli_sources_new (void)
{
  AtlasCliSources *self = g_new0 (AtlasCliSources, 1);

  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify)atlas_notebook_info_free);
  self->tty = isatty (STDERR_FILENO);
  return self;
}

void
atlas_cli_sources_free (AtlasCliSources *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->sources);
  g_hash_table_unref (self->statuses);
  atlas_credentials_free (self->credentials);
  g_free (self);
}

/* The command line reads credentials from the environment first, then the
 * keyring (only inside a session), then the Kaggle CLI's files. */
static AtlasCredentials *
load_credentials (void)
{
  AtlasCredentials *credentials = atlas_credentials_new ();
  g_autoptr(GError) error = NULL;

  atlas_credentials_add_from_env (credentials);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL && g_getenv ("CRASH_ATLAS_NO_KEYRING") == NULL &&
      !atlas_credentials_add_from_keyring (credentials, NULL, &error))
    g_debug ("keyring: %s", error->message);
  atlas_credentials_add_from_kaggle_files (credentials);
  return credentials;
}

gboolean
atlas_cli_sources_claim (AtlasCliSources *self,
                         const char      *arg)
{
  return atlas_cli_sources_claim_at (self, arg, NULL);
}

gboolean
atlas_cli_sources_claim_at (AtlasCliSources *self,
                            const char      *arg,
                            const char      *where)
{
  g_autoptr(GError) error = NULL;
  AtlasRemoteSource *source;

  if (!atlas_remote_spec_is_remote (arg))
    return FALSE;
  if (self->credentials == NULL)
    self->credentials = load_credentials ();
  if ((source = atlas_remote_source_new (arg, self->credentials, &error)) == NULL)
    {
      atlas_cli_print_error ("%s%s%s", where ? where : "", where ? ": " : "", error->message);
      self->n_failed++;
      return TRUE;
    }
  g_ptr_array_add (self->sources, source);
  return TRUE;
}

static void
progress_cb (const AtlasRemoteProgress *progress,
             gpointer                   user_data)
{
  Run *run = user_data;

  if (progress->phase == ATLAS_REMOTE_PHASE_WAITING)
    atlas_cli_print_error ("%s", progress->message);
  else if (run->self->tty && progress->phase == ATLAS_REMOTE_PHASE_FETCHING)
    {
      g_autofree char *shown = atlas_text_for_terminal (progress->message, -1, ATLAS_TEXT_DEFAULT);

      g_printerr ("\r\033[K%u/%u %s", progress->n_done, progress->n_found, shown);
    }
}

static void
item_cb (AtlasRemoteItem *item,
         gpointer         user_data)
{
  Run *run = user_data;
  AtlasScanResult result = { 0 };
  AtlasNotebookInfo *info = atlas_remote_item_to_info (item);

  if (run->self->tty)
    g_printerr ("\r\033[K");
  g_hash_table_replace (run->self->statuses, info->location, info);
  if (item->notebook == NULL)
    run->self->n_failed++;
  else if (item->status == ATLAS_NOTEBOOK_STATUS_RUN_FAILED)
    atlas_cli_print_error ("%s: %s", item->location, item->message);

  result.index = run->self->index++;
  result.location = item->location;
  result.path = item->url;
  result.notebook = item->notebook;
  result.error = item->error;
  run->func (&result, run->user_data);
  atlas_remote_item_free (item);
}

guint
atlas_cli_sources_run (AtlasCliSources     *self,
                       AtlasScanResultFunc  func,
                       gpointer             user_data,
                       AtlasScanWorkerFunc  worker,
                       gpointer             worker_data)
{
  Run run = { self, func, user_data, worker, worker_data };

  for (guint i = 0; i < self->sources->len; i++)
    {
      AtlasRemoteSource *source = g_ptr_array_index (self->sources, i);
      g_autoptr(GError) error = NULL;

      atlas_remote_source_set_worker_func (source, (AtlasRemoteWorkerFunc)worker, worker_data, NULL);
      atlas_remote_source_set_read_flags (source, self->read_flags);
      if (!atlas_remote_source_run (source, item_cb, progress_cb, &run, NULL, &error))
        {
          if (self->tty)
            g_printerr ("\r\033[K");
          atlas_cli_print_error ("%s", error->message);
          self->n_failed++;
        }
    }
  return self->n_failed;
}

void
atlas_cli_sources_annotate (AtlasCliSources   *self,
                            AtlasNotebookInfo *info)
{
  const AtlasNotebookInfo *remote = g_hash_table_lookup (self->statuses, info->location);

  if (remote == NULL)
    return;
  info->platform = remote->platform;
  if (info->url == NULL)
    info->url = g_strdup (remote->url);
  if (remote->status != ATLAS_NOTEBOOK_STATUS_OK)
    {
      info->status = remote->status;
      g_free (info->message);
      info->message = g_strdup (remote->message);
    }
}

void
atlas_cli_sources_set_read_flags (AtlasCliSources *self,
                                  AtlasReadFlags   flags)
{
  self->read_flags = flags;
}

const char *
atlas_cli_sources_help (void)
{
  return _("Besides files and folders, PATH may be a remote source:\n"
           "  https://github.com/OWNER/REPO            every notebook of the default branch\n"
           "  https://github.com/OWNER/REPO/tree/REF/DIR   of a branch, tag or commit (below DIR)\n"
           "  https://github.com/OWNER/REPO/blob/REF/FILE.ipynb   one notebook\n"
           "  github:OWNER/REPO[@REF][/DIR]            short form\n"
           "  https://gist.github.com/ID, gist:ID      the notebooks of a gist\n"
           "  github-search:TERMS                      GitHub code search (needs a token)\n"
           "  https://www.kaggle.com/code/OWNER/SLUG, kaggle:OWNER/SLUG[@VERSION]\n"
           "  kaggle-search:TERMS, kaggle-competition:SLUG, kaggle-dataset:OWNER/SLUG,\n"
           "  kaggle-user:NAME                         lists of Kaggle notebooks\n"
           "Lists take options after “?”: max=N (default 100), sort=HOTNESS|DATE_RUN|VOTE_COUNT|RELEVANCE,\n"
           "language=python|r, e.g. “kaggle-competition:titanic?sort=VOTE_COUNT&max=500”.\n"
           "Credentials: GITHUB_TOKEN, KAGGLE_API_TOKEN or KAGGLE_USERNAME + KAGGLE_KEY, else the\n"
           "keyring (set in Preferences) or ~/.kaggle. API addresses: CRASH_ATLAS_GITHUB_API,\n"
           "CRASH_ATLAS_KAGGLE_API. Fetched notebooks are cached, so an interrupted import resumes.");
}
