/* remote-test-util.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-remote-error.h"
#include "atlas-remote-source.h"
#include "fake-server.h"

G_BEGIN_DECLS

/* A notebook: executed with an error output named @ename (NULL: executed
 * without error, "": never executed), padded with @pad bytes of output. */
char      *test_notebook        (const char *ename,
                                 gsize       pad);
/* Fresh XDG_CACHE_HOME and HOME, short waits, no keyring. */
void       test_remote_init     (int        *argc,
                                 char     ***argv);
void       test_fresh_cache     (void);

typedef struct
{
  GPtrArray *items;     /* AtlasRemoteItem */
  GArray    *waits;     /* double: seconds asked for */
  guint      cancel_after;
  GCancellable *cancellable;
} Collected;

void       collected_init       (Collected *c);
void       collected_clear      (Collected *c);
/* Runs @text against the APIs set in the environment. */
gboolean   collect              (const char       *text,
                                 AtlasCredentials *credentials,
                                 Collected        *c,
                                 void            (*setup) (AtlasRemoteSource *source),
                                 GError          **error);
AtlasRemoteItem *collected_find (Collected  *c,
                                 const char *location_suffix);
guint      item_n_crashes       (AtlasRemoteItem *item);

G_END_DECLS
