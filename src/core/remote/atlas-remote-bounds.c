/* atlas-remote-bounds.c: what a server sends is bounded before it is used:
 * paths stay inside their repository, and pagination ends.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-remote"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-remote-error.h"
#include "atlas-remote-private.h"
#include "atlas-text.h"

static gboolean
refuse (GError    **error,
        const char *subject,
        const char *what,
        const char *text,
        const char *why)
{
  g_autofree char *shown = atlas_text_for_terminal (text, -1, ATLAS_TEXT_DEFAULT);

  /* Translators: "o/r: the server gave the path “../x.ipynb”, which leaves
   * the repository; it was refused" */
  g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
               _("%s: the server gave the %s “%s”, which %s; it was refused"), subject, what, shown, why);
  return FALSE;
}

static gboolean
path_form_is_safe (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (*path == '\0' || *path == '/' || strchr (path, '\\') != NULL)
    return FALSE;
  for (const char *p = path; *p != '\0'; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

gboolean
_atlas_remote_check_path (const char  *path,
                          const char  *subject,
                          GError     **error)
{
  g_autofree char *decoded = NULL;

  if (path == NULL)
    return refuse (error, subject, _("path"), "", _("is missing"));
  if (!path_form_is_safe (path))
    return refuse (error, subject, _("path"), path, _("leaves the repository"));
  /* The path is escaped before it is sent, so "%2e%2e" reaches the server
   * as a name, not as ".."; refusing what decodes to a way out as well
   * keeps a server that decodes twice from being led there. A "%" that
   * starts no escape decodes to nothing and is an ordinary character. */
  decoded = g_uri_unescape_string (path, NULL);
  if (decoded != NULL && !path_form_is_safe (decoded))
    return refuse (error, subject, _("path"), path, _("leaves the repository once decoded"));
  return TRUE;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.';
}

gboolean
_atlas_remote_check_repo (const char  *repo,
                          GError     **error)
{
  const char *slash = repo ? strchr (repo, '/') : NULL;

  if (repo == NULL || slash == NULL || slash == repo || slash[1] == '\0' ||
      strchr (slash + 1, '/') != NULL || !path_form_is_safe (repo))
    return refuse (error, _("GitHub"), _("repository"), repo ? repo : "", _("is no OWNER/REPO"));
  for (const char *p = repo; *p != '\0'; p++)
    if (p != slash && !is_name_char (*p))
      return refuse (error, _("GitHub"), _("repository"), repo, _("is no OWNER/REPO"));
  return TRUE;
}

/* Object ids go into request paths unescaped: they must be one plain path
 * segment (GitHub's are 40 or 64 hex digits). */
gboolean
_atlas_remote_check_sha (const char  *sha,
                         const char  *subject,
                         GError     **error)
{
  gsize len = sha ? strlen (sha) : 0;

  if (len == 0 || len > 64)
    return refuse (error, subject, _("object id"), sha ? sha : "", _("is not a git object id"));
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (sha[i]) && sha[i] != '-' && sha[i] != '_')
      return refuse (error, subject, _("object id"), sha, _("is not a git object id"));
  return TRUE;
}

struct _AtlasPager
{
  GHashTable *seen;
  guint       max_pages;
};

AtlasPager *
_atlas_pager_new (guint max_pages)
{
  AtlasPager *pager = g_new0 (AtlasPager, 1);

  pager->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pager->max_pages = max_pages;
  return pager;
}

void
_atlas_pager_free (AtlasPager *pager)
{
  if (pager == NULL)
    return;
  g_hash_table_unref (pager->seen);
  g_free (pager);
}

gboolean
_atlas_pager_next (AtlasPager  *pager,
                   const char  *key,
                   const char  *subject,
                   const char  *what,
                   GError     **error)
{
  if (g_hash_table_contains (pager->seen, key))
    {
      g_autofree char *shown = atlas_text_for_terminal (key, -1, ATLAS_TEXT_DEFAULT);

      g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
                   /* Translators: "github-search:x: the server sent the next page address “…” a second time; …" */
                   _("%s: the server sent the %s “%s” a second time; the listing stopped there"),
                   subject, what, shown);
      return FALSE;
    }
  if (g_hash_table_size (pager->seen) >= pager->max_pages)
    {
      g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_RESPONSE,
                   g_dngettext (GETTEXT_PACKAGE, "%s: the listing stopped at its limit of %u page",
                                "%s: the listing stopped at its limit of %u pages", pager->max_pages),
                   subject, pager->max_pages);
      return FALSE;
    }
  g_hash_table_add (pager->seen, g_strdup (key));
  return TRUE;
}
