/* atlas-csv.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @value to @line as one CSV field (RFC 4180): quoted when it holds
 * a comma, a quote or a line break, its quotes doubled; %NULL appends the
 * empty field. Formula-looking text stays as it is: this is data. */
void atlas_csv_append_field (GString    *line,
                             const char *value);

G_END_DECLS
