/* atlas-ansi.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* IPython colours tracebacks with ANSI SGR escapes. The core keeps them for
 * display and strips them for analysis. Parsing yields the plain text plus
 * style runs that a UI turns into text attributes (never markup). */

typedef enum
{
  ATLAS_ANSI_BOLD      = 1 << 0,
  ATLAS_ANSI_ITALIC    = 1 << 1,
  ATLAS_ANSI_UNDERLINE = 1 << 2,
} AtlasAnsiFlags;

typedef struct
{
  guint          start;  /* byte offsets into the stripped text */
  guint          end;
  int            fg;     /* 0-15 (the 16 ANSI colours), 16-255 (xterm), -1 default */
  int            bg;     /* same, -1 default */
  AtlasAnsiFlags flags;
} AtlasAnsiRun;

/* Removes every escape sequence (SGR and any other CSI or OSC). */
char   *atlas_ansi_strip (const char *text);

/* Returns the stripped text; @runs (element type AtlasAnsiRun) receives one
 * run for each styled span, in order, never overlapping. */
char   *atlas_ansi_parse (const char *text,
                          GArray    **runs);

/* For text already made valid UTF-8 (the reader's): atlas_ansi_strip()
 * checks the encoding again. */
char   *_atlas_ansi_strip_valid (const char *text);

G_END_DECLS
