/* atlas-remote-item.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-remote-source"

#include "config.h"

#include "atlas-remote-item.h"

const char *
atlas_remote_provenance_to_string (AtlasRemoteProvenance provenance)
{
  switch (provenance)
    {
    case ATLAS_REMOTE_FROM_EXECUTED: return "executed";
    case ATLAS_REMOTE_FROM_LOG:      return "log";
    case ATLAS_REMOTE_FROM_SOURCE:   return "source";
    case ATLAS_REMOTE_FROM_FILE:
    default:                         return "file";
    }
}

void
atlas_remote_item_free (AtlasRemoteItem *item)
{
  if (item == NULL)
    return;
  g_free (item->location);
  g_free (item->url);
  g_free (item->key);
  g_free (item->sha);
  g_clear_object (&item->notebook);
  g_clear_error (&item->error);
  g_free (item->message);
  g_free (item);
}

AtlasRemoteItem *
_atlas_remote_item_new (const char            *location,
                        AtlasPlatform          platform,
                        AtlasRemoteProvenance  provenance)
{
  AtlasRemoteItem *item = g_new0 (AtlasRemoteItem, 1);

  item->location = g_strdup (location);
  item->url = g_strdup (location);
  item->platform = platform;
  item->provenance = provenance;
  item->status = ATLAS_NOTEBOOK_STATUS_OK;
  return item;
}

void
_atlas_remote_item_read (AtlasRemoteItem *item,
                         const char      *path,
                         AtlasReadFlags   flags)
{
  g_clear_object (&item->notebook);
  g_clear_error (&item->error);
  item->notebook = atlas_notebook_read_file (path, item->location, item->platform, flags, &item->error);
  if (item->notebook != NULL)
    atlas_notebook_set_url (item->notebook, item->url);
}

AtlasNotebookInfo *
atlas_remote_item_to_info (const AtlasRemoteItem *item)
{
  AtlasNotebookInfo *info;

  g_return_val_if_fail (item != NULL, NULL);

  if (item->notebook == NULL)
    {
      info = atlas_notebook_info_new_failed (item->location, item->platform,
                                             item->status == ATLAS_NOTEBOOK_STATUS_OK
                                               ? ATLAS_NOTEBOOK_STATUS_UNREADABLE : item->status,
                                             item->error ? item->error->message : item->message);
      info->url = g_strdup (item->url);
      return info;
    }
  info = atlas_notebook_info_new_from_notebook (item->notebook);
  if (item->status != ATLAS_NOTEBOOK_STATUS_OK)
    info->status = item->status;
  if (item->message != NULL)
    {
      g_free (info->message);
      info->message = g_strdup (item->message);
    }
  return info;
}
