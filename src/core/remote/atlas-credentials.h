/* atlas-credentials.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The secrets an import may use. Each goes only to the API it belongs to
 * (see atlas-http.c); none is ever logged or written to a corpus. */
typedef struct
{
  char *github_token;
  char *kaggle_token;     /* sent as Bearer; preferred over username + key */
  char *kaggle_username;  /* legacy HTTP Basic credentials */
  char *kaggle_key;
} AtlasCredentials;

typedef enum
{
  ATLAS_SECRET_GITHUB_TOKEN,
  ATLAS_SECRET_KAGGLE_TOKEN,
  ATLAS_SECRET_KAGGLE_USERNAME,
  ATLAS_SECRET_KAGGLE_KEY,
  ATLAS_N_SECRETS
} AtlasSecretKind;

AtlasCredentials *atlas_credentials_new          (void);
AtlasCredentials *atlas_credentials_copy         (const AtlasCredentials *self);
/* Wipes the secrets before freeing them. */
void              atlas_credentials_free         (AtlasCredentials *self);
const char       *atlas_credentials_get          (const AtlasCredentials *self,
                                                  AtlasSecretKind         kind);
void              atlas_credentials_set          (AtlasCredentials *self,
                                                  AtlasSecretKind   kind,
                                                  const char       *value);

/* Fills what is still unset from GITHUB_TOKEN, KAGGLE_API_TOKEN,
 * KAGGLE_USERNAME + KAGGLE_KEY. */
void              atlas_credentials_add_from_env (AtlasCredentials *self);
/* Fills what is still unset from where the Kaggle CLI keeps credentials:
 * $KAGGLE_CONFIG_DIR or ~/.kaggle: access_token, kaggle.json. */
void              atlas_credentials_add_from_kaggle_files (AtlasCredentials *self);

/* libsecret, schema "io.github.crashatlas.CrashAtlas.Token" with attributes
 * service=github|kaggle and kind=token|username|key. Blocking: call from a
 * worker thread or the command line. */
gboolean          atlas_credentials_add_from_keyring (AtlasCredentials *self,
                                                      GCancellable     *cancellable,
                                                      GError          **error);
/* Stores every set value and clears from the keyring the ones set to "". */
gboolean          atlas_credentials_store_in_keyring (const AtlasCredentials *self,
                                                      GCancellable           *cancellable,
                                                      GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCredentials, atlas_credentials_free)

G_END_DECLS
