/* atlas-cli-print.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "atlas-notebook.h"

G_BEGIN_DECLS

/* Prints "crash-atlas: MESSAGE" and a newline on stderr. Messages carry
 * names and text from notebooks and servers, so control and escape
 * characters in them are shown escaped, never sent to the terminal. */
void atlas_cli_print_error (const char *format,
                            ...) G_GNUC_PRINTF (1, 2);

/* Prints each warning of @notebook as "crash-atlas: LOCATION: warning: …". */
void atlas_cli_print_warnings (AtlasNotebook *notebook);

G_END_DECLS
