/* atlas-chart-format.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers as the charts and their tables print them ("1,234", "12.5%"). */

char                   *_atlas_chart_format_count        (guint                 count);
/* "12.3 %" (or "" for NAN). */
char                   *_atlas_chart_format_percent      (double                percent);


G_END_DECLS
