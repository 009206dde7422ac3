/* atlas-credentials.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-credentials"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "atlas-credentials.h"

static const SecretSchema token_schema = {
  "io.github.crashatlas.CrashAtlas.Token", SECRET_SCHEMA_NONE,
  {
    { "service", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

static const struct
{
  const char *service;
  const char *kind;
  const char *label;
} secret_names[ATLAS_N_SECRETS] = {
  { "github", "token", N_("Crash Atlas: GitHub token") },
  { "kaggle", "token", N_("Crash Atlas: Kaggle API token") },
  { "kaggle", "username", N_("Crash Atlas: Kaggle user name") },
  { "kaggle", "key", N_("Crash Atlas: Kaggle API key") },
};

static char **
slot (AtlasCredentials *self,
      AtlasSecretKind   kind)
{
  switch (kind)
    {
    case ATLAS_SECRET_GITHUB_TOKEN:    return &self->github_token;
    case ATLAS_SECRET_KAGGLE_TOKEN:    return &self->kaggle_token;
    case ATLAS_SECRET_KAGGLE_USERNAME: return &self->kaggle_username;
    case ATLAS_SECRET_KAGGLE_KEY:
    default:                           return &self->kaggle_key;
    }
}

static void
wipe (char **secret)
{
  if (*secret != NULL)
    {
      explicit_bzero (*secret, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

AtlasCredentials *
atlas_credentials_new (void)
{
  return g_new0 (AtlasCredentials, 1);
}

AtlasCredentials *
atlas_credentials_copy (const AtlasCredentials *self)
{
  AtlasCredentials *copy = atlas_credentials_new ();

  if (self == NULL)
    return copy;
  for (guint k = 0; k < ATLAS_N_SECRETS; k++)
    atlas_credentials_set (copy, k, atlas_credentials_get (self, k));
  return copy;
}

void
atlas_credentials_free (AtlasCredentials *self)
{
  if (self == NULL)
    return;
  for (guint k = 0; k < ATLAS_N_SECRETS; k++)
    wipe (slot (self, k));
  g_free (self);
}

const char *
atlas_credentials_get (const AtlasCredentials *self,
                       AtlasSecretKind         kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < ATLAS_N_SECRETS, NULL);

  return *slot ((AtlasCredentials *)self, kind);
}

void
atlas_credentials_set (AtlasCredentials *self,
                       AtlasSecretKind   kind,
                       const char       *value)
{
  char **target;

  g_return_if_fail (self != NULL);
  g_return_if_fail (kind < ATLAS_N_SECRETS);

  target = slot (self, kind);
  wipe (target);
  *target = value != NULL ? g_strstrip (g_strdup (value)) : NULL;
}

static void
fill (AtlasCredentials *self,
      AtlasSecretKind   kind,
      const char       *value)
{
  if (atlas_credentials_get (self, kind) == NULL && value != NULL && *value != '\0')
    atlas_credentials_set (self, kind, value);
}

void
atlas_credentials_add_from_env (AtlasCredentials *self)
{
  g_return_if_fail (self != NULL);

  fill (self, ATLAS_SECRET_GITHUB_TOKEN, g_getenv ("GITHUB_TOKEN"));
  fill (self, ATLAS_SECRET_KAGGLE_TOKEN, g_getenv ("KAGGLE_API_TOKEN"));
  if (g_getenv ("KAGGLE_USERNAME") != NULL && g_getenv ("KAGGLE_KEY") != NULL)
    {
      fill (self, ATLAS_SECRET_KAGGLE_USERNAME, g_getenv ("KAGGLE_USERNAME"));
      fill (self, ATLAS_SECRET_KAGGLE_KEY, g_getenv ("KAGGLE_KEY"));
    }
}

static char *
kaggle_config_file (const char *name)
{
  const char *dir = g_getenv ("KAGGLE_CONFIG_DIR");

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, name, NULL);
  return g_build_filename (g_get_home_dir (), ".kaggle", name, NULL);
}

static void
add_from_kaggle_json (AtlasCredentials *self)
{
  g_autofree char *path = kaggle_config_file ("kaggle.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || !json_parser_load_from_file (parser, path, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  if (json_object_has_member (object, "username") && json_object_has_member (object, "key"))
    {
      fill (self, ATLAS_SECRET_KAGGLE_USERNAME, json_object_get_string_member_with_default (object, "username", NULL));
      fill (self, ATLAS_SECRET_KAGGLE_KEY, json_object_get_string_member_with_default (object, "key", NULL));
    }
}

void
atlas_credentials_add_from_kaggle_files (AtlasCredentials *self)
{
  g_autofree char *token_path = kaggle_config_file ("access_token");
  g_autofree char *token = NULL;

  g_return_if_fail (self != NULL);

  if (g_file_get_contents (token_path, &token, NULL, NULL))
    {
      fill (self, ATLAS_SECRET_KAGGLE_TOKEN, g_strstrip (token));
      explicit_bzero (token, strlen (token));
    }
  add_from_kaggle_json (self);
}

gboolean
atlas_credentials_add_from_keyring (AtlasCredentials *self,
                                    GCancellable     *cancellable,
                                    GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint k = 0; k < ATLAS_N_SECRETS; k++)
    {
      g_autoptr(GError) local_error = NULL;
      char *value;

      if (atlas_credentials_get (self, k) != NULL)
        continue;
      value = secret_password_lookup_sync (&token_schema, cancellable, &local_error,
                                           "service", secret_names[k].service,
                                           "kind", secret_names[k].kind, NULL);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      fill (self, k, value);
      secret_password_free (value);
    }
  return TRUE;
}

gboolean
atlas_credentials_store_in_keyring (const AtlasCredentials *self,
                                    GCancellable           *cancellable,
                                    GError                **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint k = 0; k < ATLAS_N_SECRETS; k++)
    {
      const char *value = atlas_credentials_get (self, k);
      g_autoptr(GError) local_error = NULL;

      if (value == NULL)
        continue;
      if (*value == '\0')
        secret_password_clear_sync (&token_schema, cancellable, &local_error,
                                    "service", secret_names[k].service,
                                    "kind", secret_names[k].kind, NULL);
      else
        secret_password_store_sync (&token_schema, SECRET_COLLECTION_DEFAULT,
                                    _(secret_names[k].label), value, cancellable, &local_error,
                                    "service", secret_names[k].service,
                                    "kind", secret_names[k].kind, NULL);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}
