/* atlas-remote-error.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_REMOTE_ERROR (atlas_remote_error_quark ())

/* Every message names the source (the repository, the kernel, the URL) so a
 * failure in a long import can be traced to what caused it. */
typedef enum
{
  ATLAS_REMOTE_ERROR_INVALID_SOURCE = 1, /* the text is no source form we know */
  ATLAS_REMOTE_ERROR_NEEDS_TOKEN,        /* e.g. GitHub code search without a token */
  ATLAS_REMOTE_ERROR_NETWORK,            /* DNS, connection refused or reset */
  ATLAS_REMOTE_ERROR_TLS,                /* certificate or handshake failure */
  ATLAS_REMOTE_ERROR_TIMEOUT,
  ATLAS_REMOTE_ERROR_INSECURE,           /* plain http to a host that is not loopback */
  ATLAS_REMOTE_ERROR_UNAUTHORIZED,       /* 401: bad or missing token */
  ATLAS_REMOTE_ERROR_FORBIDDEN,          /* 403: private repository or kernel, or no access */
  ATLAS_REMOTE_ERROR_NOT_FOUND,          /* 404 */
  ATLAS_REMOTE_ERROR_RATE_LIMITED,       /* still limited after the waits allowed */
  ATLAS_REMOTE_ERROR_SERVER,             /* 5xx after the retries allowed, or another status */
  ATLAS_REMOTE_ERROR_TRUNCATED,          /* fewer bytes than announced */
  ATLAS_REMOTE_ERROR_INVALID_RESPONSE,   /* not the JSON the API documents */
  ATLAS_REMOTE_ERROR_TOO_LARGE,          /* over the download limit */
  ATLAS_REMOTE_ERROR_TOO_MANY_REDIRECTS,
} AtlasRemoteError;

GQuark atlas_remote_error_quark (void);

G_END_DECLS
