/* atlas-remote-spec.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-remote-spec"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-remote-error.h"
#include "atlas-remote-spec.h"

static const char *prefixes[] = {
  "github:", "gist:", "github-search:", "kaggle:", "kaggle-search:",
  "kaggle-competition:", "kaggle-dataset:", "kaggle-user:",
};

gboolean
atlas_remote_spec_is_remote (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (text, prefixes[i]))
      return TRUE;
  return FALSE;
}

void
atlas_remote_spec_free (AtlasRemoteSpec *self)
{
  if (self == NULL)
    return;
  g_free (self->owner);
  g_free (self->name);
  g_free (self->ref);
  g_free (self->path);
  g_free (self->gist);
  g_free (self->version);
  g_free (self->search);
  g_free (self->competition);
  g_free (self->dataset);
  g_free (self->user);
  g_free (self->sort_by);
  g_free (self->language);
  g_free (self);
}

static gboolean
invalid (GError    **error,
         const char *text,
         const char *why)
{
  g_set_error (error, ATLAS_REMOTE_ERROR, ATLAS_REMOTE_ERROR_INVALID_SOURCE,
               _("“%s” is not a source Crash Atlas can import: %s"), text, why);
  return FALSE;
}

/* Names go into API paths; accept only what the services allow in them, so
 * nothing typed can step out of the path (“..”, “?”, “#”). */
static gboolean
valid_name (const char *name)
{
  if (name == NULL || *name == '\0' || strcmp (name, ".") == 0 || strcmp (name, "..") == 0)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static gboolean
valid_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL)
    return TRUE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

/* "a/b/c" -> ["a","b","c"], dropping empty parts from doubled or trailing slashes. */
static GStrv
split_path (const char *path)
{
  g_auto(GStrv) raw = g_strsplit (path, "/", -1);
  GPtrArray *parts = g_ptr_array_new ();

  for (guint i = 0; raw[i] != NULL; i++)
    if (*raw[i] != '\0')
      g_ptr_array_add (parts, g_strdup (raw[i]));
  g_ptr_array_add (parts, NULL);
  return (GStrv)g_ptr_array_free (parts, FALSE);
}

static char *
join_from (GStrv parts,
           guint from)
{
  if (g_strv_length (parts) <= from)
    return NULL;
  return g_strjoinv ("/", parts + from);
}

static gboolean
apply_options (AtlasRemoteSpec *self,
               const char      *query,
               const char      *text,
               GError         **error)
{
  g_autoptr(GHashTable) params = NULL;
  const char *max;

  self->max = ATLAS_REMOTE_DEFAULT_MAX;
  if (query == NULL || *query == '\0')
    return TRUE;
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return invalid (error, text, _("the options after “?” cannot be read"));

  if ((max = g_hash_table_lookup (params, "max")) != NULL)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (max, 10, 1, G_MAXUINT, &n, NULL))
        return invalid (error, text, _("max must be a positive number"));
      self->max = (guint)n;
    }
  self->sort_by = g_strdup (g_hash_table_lookup (params, "sort"));
  self->language = g_strdup (g_hash_table_lookup (params, "language"));
  if (self->sort_by != NULL)
    for (char *p = self->sort_by; *p; p++)
      *p = g_ascii_toupper (*p);
  return TRUE;
}

static gboolean
parse_github_path (AtlasRemoteSpec *self,
                   GStrv            parts,
                   const char      *text,
                   GError         **error)
{
  guint n = g_strv_length (parts);
  g_autofree char *repo = NULL;

  if (n < 2)
    return invalid (error, text, _("a GitHub address names an owner and a repository"));
  self->owner = g_strdup (parts[0]);
  repo = g_strdup (parts[1]);
  if (g_str_has_suffix (repo, ".git"))
    repo[strlen (repo) - 4] = '\0';
  self->name = g_steal_pointer (&repo);
  self->kind = ATLAS_REMOTE_GITHUB_REPO;

  if (n >= 4 && (strcmp (parts[2], "tree") == 0 || strcmp (parts[2], "blob") == 0))
    {
      self->ref = g_strdup (parts[3]);
      self->path = join_from (parts, 4);
      if (strcmp (parts[2], "blob") == 0)
        {
          if (self->path == NULL)
            return invalid (error, text, _("a GitHub file address ends with the file’s path"));
          self->kind = ATLAS_REMOTE_GITHUB_FILE;
        }
    }
  else if (n > 2)
    return invalid (error, text, _("expected …/tree/REF/FOLDER or …/blob/REF/FILE.ipynb"));

  if (!valid_name (self->owner) || !valid_name (self->name) || !valid_path (self->path))
    return invalid (error, text, _("the owner, repository or path is not valid"));
  return TRUE;
}

/* github:OWNER/REPO[@REF][/DIR] */
static gboolean
parse_github_short (AtlasRemoteSpec *self,
                    const char      *rest,
                    const char      *text,
                    GError         **error)
{
  g_auto(GStrv) parts = split_path (rest);
  char *at;

  if (g_strv_length (parts) < 2)
    return invalid (error, text, _("expected github:OWNER/REPO"));
  self->kind = ATLAS_REMOTE_GITHUB_REPO;
  self->owner = g_strdup (parts[0]);
  if ((at = strchr (parts[1], '@')) != NULL)
    {
      self->ref = g_strdup (at + 1);
      *at = '\0';
    }
  self->name = g_strdup (parts[1]);
  self->path = join_from (parts, 2);
  if (self->path != NULL && g_str_has_suffix (self->path, ".ipynb"))
    self->kind = ATLAS_REMOTE_GITHUB_FILE;
  if (!valid_name (self->owner) || !valid_name (self->name) || !valid_path (self->path) ||
      (self->ref != NULL && *self->ref == '\0'))
    return invalid (error, text, _("the owner, repository or path is not valid"));
  return TRUE;
}

static gboolean
parse_gist (AtlasRemoteSpec *self,
            GStrv            parts,
            const char      *text,
            GError         **error)
{
  guint n = g_strv_length (parts);

  if (n < 1 || n > 2)
    return invalid (error, text, _("expected a gist address or gist:ID"));
  self->kind = ATLAS_REMOTE_GITHUB_GIST;
  self->gist = g_strdup (parts[n - 1]);
  if (!valid_name (self->gist))
    return invalid (error, text, _("the gist id is not valid"));
  return TRUE;
}

/* OWNER/SLUG[@VERSION] or OWNER/SLUG/versions/VERSION */
static gboolean
parse_kaggle_kernel (AtlasRemoteSpec *self,
                     GStrv            parts,
                     const char      *text,
                     GError         **error)
{
  guint n = g_strv_length (parts);
  char *at;

  if (n != 2 && !(n == 4 && strcmp (parts[2], "versions") == 0))
    return invalid (error, text, _("expected kaggle:OWNER/SLUG"));
  self->kind = ATLAS_REMOTE_KAGGLE_KERNEL;
  if ((at = strchr (parts[1], '@')) != NULL)
    {
      self->version = g_strdup (at + 1);
      *at = '\0';
    }
  if (n == 4 && self->version != NULL)
    return invalid (error, text, _("the version is given twice"));
  if (n == 4)
    self->version = g_strdup (parts[3]);
  self->owner = g_strdup (parts[0]);
  self->name = g_strdup (parts[1]);
  if (!valid_name (self->owner) || !valid_name (self->name) ||
      (self->version != NULL && !valid_name (self->version)))
    return invalid (error, text, _("the owner, notebook or version is not valid"));
  return TRUE;
}

static gboolean
parse_kaggle_url (AtlasRemoteSpec *self,
                  GStrv            parts,
                  const char      *text,
                  GError         **error)
{
  guint n = g_strv_length (parts);

  if (n >= 3 && strcmp (parts[0], "code") == 0)
    return parse_kaggle_kernel (self, parts + 1, text, error);
  self->kind = ATLAS_REMOTE_KAGGLE_LIST;
  if (n >= 2 && n <= 3 && strcmp (parts[0], "competitions") == 0 && valid_name (parts[1]))
    {
      self->competition = g_strdup (parts[1]);
      return TRUE;
    }
  if (n >= 3 && n <= 4 && strcmp (parts[0], "datasets") == 0 &&
      valid_name (parts[1]) && valid_name (parts[2]))
    {
      self->dataset = g_strdup_printf ("%s/%s", parts[1], parts[2]);
      return TRUE;
    }
  return invalid (error, text, _("expected a Kaggle notebook, competition or dataset address"));
}

static gboolean
parse_url (AtlasRemoteSpec *self,
           const char      *text,
           GError         **error)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  g_auto(GStrv) parts = NULL;
  g_autofree char *path = NULL;
  const char *host;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return invalid (error, text, _("not a valid address"));
  host = g_uri_get_host (uri);
  path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  if (path == NULL)
    return invalid (error, text, _("not a valid address"));
  parts = split_path (path);

  if (g_ascii_strcasecmp (host, "github.com") == 0 || g_ascii_strcasecmp (host, "www.github.com") == 0)
    return parse_github_path (self, parts, text, error);
  if (g_ascii_strcasecmp (host, "gist.github.com") == 0)
    return parse_gist (self, parts, text, error);
  if (g_ascii_strcasecmp (host, "www.kaggle.com") == 0 || g_ascii_strcasecmp (host, "kaggle.com") == 0)
    return parse_kaggle_url (self, parts, text, error) &&
           apply_options (self, g_uri_get_query (uri), text, error);
  return invalid (error, text, _("only github.com, gist.github.com and kaggle.com addresses are known"));
}

static gboolean
parse_list (AtlasRemoteSpec *self,
            const char      *prefix,
            const char      *value,
            const char      *text,
            GError         **error)
{
  if (*value == '\0')
    return invalid (error, text, _("nothing after the colon"));
  if (strcmp (prefix, "github-search:") == 0)
    {
      self->kind = ATLAS_REMOTE_GITHUB_SEARCH;
      self->search = strstr (value, "extension:ipynb") ? g_strdup (value)
                                                      : g_strdup_printf ("%s extension:ipynb", value);
      return TRUE;
    }

  self->kind = ATLAS_REMOTE_KAGGLE_LIST;
  if (strcmp (prefix, "kaggle-search:") == 0)
    self->search = g_strdup (value);
  else if (strcmp (prefix, "kaggle-competition:") == 0 && valid_name (value))
    self->competition = g_strdup (value);
  else if (strcmp (prefix, "kaggle-user:") == 0 && valid_name (value))
    self->user = g_strdup (value);
  else if (strcmp (prefix, "kaggle-dataset:") == 0 && strchr (value, '/') != NULL)
    self->dataset = g_strdup (value);
  else
    return invalid (error, text, _("the name is not valid"));
  return TRUE;
}

static gboolean
parse_prefixed (AtlasRemoteSpec *self,
                const char      *text,
                GError         **error)
{
  const char *colon = strchr (text, ':');
  g_autofree char *prefix = g_strndup (text, colon - text + 1);
  g_autofree char *body = g_strdup (colon + 1);
  char *query = strchr (body, '?');
  g_auto(GStrv) parts = NULL;

  if (query != NULL)
    *query++ = '\0';
  if (!apply_options (self, query, text, error))
    return FALSE;
  parts = split_path (body);

  if (strcmp (prefix, "github:") == 0)
    return parse_github_short (self, body, text, error);
  if (strcmp (prefix, "gist:") == 0)
    return parse_gist (self, parts, text, error);
  if (strcmp (prefix, "kaggle:") == 0)
    return parse_kaggle_kernel (self, parts, text, error);
  return parse_list (self, prefix, body, text, error);
}

/**
 * atlas_remote_spec_parse:
 * @text: what the user typed (see the forms above)
 *
 * Returns: (transfer full): the recognised source, or %NULL with
 *   %ATLAS_REMOTE_ERROR_INVALID_SOURCE naming @text and the reason.
 */
AtlasRemoteSpec *
atlas_remote_spec_parse (const char  *text,
                         GError     **error)
{
  g_autoptr(AtlasRemoteSpec) self = g_new0 (AtlasRemoteSpec, 1);
  gboolean ok;

  g_return_val_if_fail (text != NULL, NULL);

  self->max = ATLAS_REMOTE_DEFAULT_MAX;
  if (g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://"))
    ok = parse_url (self, text, error);
  else if (atlas_remote_spec_is_remote (text))
    ok = parse_prefixed (self, text, error);
  else
    ok = invalid (error, text, _("not a URL, nor kaggle:, github: or another known prefix"));

  return ok ? g_steal_pointer (&self) : NULL;
}

AtlasPlatform
atlas_remote_spec_platform (const AtlasRemoteSpec *self)
{
  g_return_val_if_fail (self != NULL, ATLAS_PLATFORM_LOCAL);

  return self->kind >= ATLAS_REMOTE_KAGGLE_KERNEL ? ATLAS_PLATFORM_KAGGLE : ATLAS_PLATFORM_GITHUB;
}

static char *
describe_kaggle_list (const AtlasRemoteSpec *self)
{
  if (self->competition != NULL)
    return g_strdup_printf (_("Kaggle notebooks of the competition “%s”"), self->competition);
  if (self->dataset != NULL)
    return g_strdup_printf (_("Kaggle notebooks of the dataset “%s”"), self->dataset);
  if (self->user != NULL)
    return g_strdup_printf (_("Kaggle notebooks of the user “%s”"), self->user);
  return g_strdup_printf (_("Kaggle notebooks matching “%s”"), self->search);
}

char *
atlas_remote_spec_describe (const AtlasRemoteSpec *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case ATLAS_REMOTE_GITHUB_REPO:
      return g_strdup_printf (_("GitHub repository %s/%s%s%s%s%s"), self->owner, self->name,
                              self->ref ? _(" at ") : "", self->ref ? self->ref : "",
                              self->path ? _(", folder ") : "", self->path ? self->path : "");
    case ATLAS_REMOTE_GITHUB_FILE:
      return g_strdup_printf (_("GitHub notebook %s in %s/%s"), self->path, self->owner, self->name);
    case ATLAS_REMOTE_GITHUB_GIST:
      return g_strdup_printf (_("GitHub gist %s"), self->gist);
    case ATLAS_REMOTE_GITHUB_SEARCH:
      return g_strdup_printf (_("GitHub code search “%s”"), self->search);
    case ATLAS_REMOTE_KAGGLE_KERNEL:
      if (self->version != NULL)
        return g_strdup_printf (_("Kaggle notebook %s/%s, version %s"), self->owner, self->name, self->version);
      return g_strdup_printf (_("Kaggle notebook %s/%s"), self->owner, self->name);
    case ATLAS_REMOTE_KAGGLE_LIST:
    default:
      return describe_kaggle_list (self);
    }
}
