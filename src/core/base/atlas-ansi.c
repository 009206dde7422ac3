/* atlas-ansi.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-ansi"

#include "config.h"

#include <string.h>

#include "atlas-ansi.h"

/* Decisions about what terminals leave open:
 *
 * - Input that is not valid UTF-8 is first passed through g_utf8_make_valid(),
 *   so every invalid byte becomes U+FFFD and offsets refer to that repaired
 *   text. Escapes start and end on ASCII bytes, so removing them never splits
 *   a character and the output stays valid.
 * - CSI (ESC [ params intermediates final) is removed whole. A CSI cut short by
 *   a byte that cannot belong to it (or by the end of the text) loses only
 *   the bytes read so far; the offending byte is kept as text.
 * - OSC (ESC ] … BEL or ESC \) is removed whole; an unterminated OSC swallows
 *   the rest of the text, as it would on a terminal.
 * - Any other ESC drops itself, its intermediate bytes (0x20–0x2F, as in
 *   "ESC ( B") and one final ASCII byte. A lone ESC before non-ASCII text
 *   drops only itself.
 * - 24-bit colours (38;2;r;g;b) are mapped to the nearest entry of the xterm
 *   cube or grey ramp (16–255): runs carry a palette index, and the 16 basic
 *   colours are left out of the match because themes redefine them.
 * - Sub-parameters ("4:3" curly underline, "38:2::R:G:B") belong to their
 *   parameter, as in ITU T.416; dim, blink, inverse and the like are dropped.
 * - Other control characters (\r, \b) and the 8-bit C1 CSI (U+009B) are kept
 *   as text: IPython never emits the latter, and progress bars need the former.
 * - Runs are emitted only for styled text (any colour or flag); unstyled text
 *   has no run. Adjacent runs with the same style are merged.
 */

#define ESC '\033'

typedef struct
{
  int            fg;
  int            bg;
  AtlasAnsiFlags flags;
} AnsiStyle;

typedef struct
{
  GString   *out;
  GArray    *runs;   /* NULL when only stripping */
  AnsiStyle  style;
  guint      run_start;
} AnsiParser;

static const AnsiStyle default_style = { -1, -1, 0 };

static gboolean
style_is_default (const AnsiStyle *style)
{
  return style->fg < 0 && style->bg < 0 && style->flags == 0;
}

static gboolean
style_equal (const AnsiStyle *a,
             const AnsiStyle *b)
{
  return a->fg == b->fg && a->bg == b->bg && a->flags == b->flags;
}

/* Closes the span styled with the current style at the current output
 * position; called before every style change and at the end. */
static void
ansi_parser_flush_run (AnsiParser *self)
{
  AtlasAnsiRun run;
  guint end = self->out->len;

  if (self->runs == NULL || end == self->run_start || style_is_default (&self->style))
    {
      self->run_start = end;
      return;
    }

  if (self->runs->len > 0)
    {
      AtlasAnsiRun *last = &g_array_index (self->runs, AtlasAnsiRun, self->runs->len - 1);
      AnsiStyle last_style = { last->fg, last->bg, last->flags };

      if (last->end == self->run_start && style_equal (&last_style, &self->style))
        {
          last->end = end;
          self->run_start = end;
          return;
        }
    }

  run.start = self->run_start;
  run.end = end;
  run.fg = self->style.fg;
  run.bg = self->style.bg;
  run.flags = self->style.flags;
  g_array_append_val (self->runs, run);
  self->run_start = end;
}

static int
cube_level (int component)
{
  /* The xterm cube levels are 0, 95, 135, 175, 215, 255. */
  if (component < 48)
    return 0;
  if (component < 115)
    return 1;
  return MIN (5, (component - 35) / 40);
}

static int
distance2 (int r1, int g1, int b1,
           int r2, int g2, int b2)
{
  return (r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2);
}

/* Nearest xterm-256 colour (cube or grey ramp) to an RGB triple. */
static int
rgb_to_xterm (int r,
              int g,
              int b)
{
  static const int levels[6] = { 0, 95, 135, 175, 215, 255 };
  int ri = cube_level (r), gi = cube_level (g), bi = cube_level (b);
  int avg = (r + g + b) / 3;
  int grey = avg > 238 ? 23 : (avg < 8 ? 0 : (avg - 8) / 10);
  int grey_value = 8 + 10 * grey;
  int cube_d = distance2 (r, g, b, levels[ri], levels[gi], levels[bi]);
  int grey_d = distance2 (r, g, b, grey_value, grey_value, grey_value);

  if (grey_d < cube_d)
    return 232 + grey;

  return 16 + 36 * ri + 6 * gi + bi;
}

/* Reads an extended colour ("5;N" or "2;R;G;B") starting at params[*i],
 * which is the selector after 38 or 48; advances *i past what it used.
 * Returns -2 when the parameters are malformed. */
static int
parse_extended_color (const int *params,
                      guint      n_params,
                      guint     *i)
{
  if (*i >= n_params)
    return -2;

  if (params[*i] == 5 && *i + 1 < n_params)
    {
      int n = params[*i + 1];

      *i += 2;
      return (n >= 0 && n <= 255) ? n : -2;
    }

  if (params[*i] == 2 && *i + 3 < n_params)
    {
      int r = CLAMP (params[*i + 1], 0, 255);
      int g = CLAMP (params[*i + 2], 0, 255);
      int b = CLAMP (params[*i + 3], 0, 255);

      *i += 4;
      return rgb_to_xterm (r, g, b);
    }

  *i = n_params;
  return -2;
}

static void
apply_basic_sgr (AnsiStyle *style,
                 int        p)
{
  if (p == 0)
    *style = default_style;
  else if (p == 1)
    style->flags |= ATLAS_ANSI_BOLD;
  else if (p == 3)
    style->flags |= ATLAS_ANSI_ITALIC;
  else if (p == 4)
    style->flags |= ATLAS_ANSI_UNDERLINE;
  else if (p == 22)
    style->flags &= ~ATLAS_ANSI_BOLD;
  else if (p == 23)
    style->flags &= ~ATLAS_ANSI_ITALIC;
  else if (p == 24)
    style->flags &= ~ATLAS_ANSI_UNDERLINE;
  else if (p >= 30 && p <= 37)
    style->fg = p - 30;
  else if (p == 39)
    style->fg = -1;
  else if (p >= 40 && p <= 47)
    style->bg = p - 40;
  else if (p == 49)
    style->bg = -1;
  else if (p >= 90 && p <= 97)
    style->fg = p - 90 + 8;
  else if (p >= 100 && p <= 107)
    style->bg = p - 100 + 8;
  /* Everything else (dim, blink, reverse, fonts…) has no run attribute. */
}

#define MAX_SGR_PARAMS 32
#define MAX_SUBPARAMS  8

/* One SGR parameter; more than one value when it has ITU T.416
 * sub-parameters ("4:3", "38:2::R:G:B"). */
typedef struct
{
  int   values[MAX_SUBPARAMS];
  guint n;
} SgrParam;

/* "4:N" is an underline style (0 = none); "38:5:N" and "38:2:[CS:]R:G:B"
 * are colours; any other parameter counts by its first value. */
static void
apply_colon_param (AnsiStyle      *style,
                   const SgrParam *param)
{
  const int *v = param->values;
  int color = -2;

  if (v[0] == 4)
    {
      if (v[1] == 0)
        style->flags &= ~ATLAS_ANSI_UNDERLINE;
      else
        style->flags |= ATLAS_ANSI_UNDERLINE;
      return;
    }

  if (v[0] != 38 && v[0] != 48)
    {
      apply_basic_sgr (style, v[0]);
      return;
    }

  if (v[1] == 5 && param->n >= 3 && v[2] >= 0 && v[2] <= 255)
    color = v[2];
  else if (v[1] == 2 && param->n >= 5)
    {
      guint o = param->n >= 6 ? 3 : 2;  /* with or without the colour-space id */

      color = rgb_to_xterm (CLAMP (v[o], 0, 255),
                            CLAMP (v[o + 1], 0, 255),
                            CLAMP (v[o + 2], 0, 255));
    }

  if (color >= 0)
    *(v[0] == 38 ? &style->fg : &style->bg) = color;
}

/* The semicolon form "38;5;N" spreads one colour over several parameters. */
static guint
apply_extended_semicolons (AnsiStyle      *style,
                           const SgrParam *params,
                           guint           n_params)
{
  int flat[MAX_SGR_PARAMS];
  guint used = 0;
  int color;

  for (guint i = 1; i < n_params; i++)
    flat[i - 1] = params[i].values[0];

  color = parse_extended_color (flat, n_params - 1, &used);
  if (color >= -1)
    *(params[0].values[0] == 38 ? &style->fg : &style->bg) = color;

  return used;
}

static void
apply_sgr (AnsiStyle      *style,
           const SgrParam *params,
           guint           n_params)
{
  for (guint i = 0; i < n_params; i++)
    {
      int p = params[i].values[0];

      if (params[i].n > 1)
        apply_colon_param (style, &params[i]);
      else if (p == 38 || p == 48)
        i += apply_extended_semicolons (style, &params[i], n_params - i);
      else
        apply_basic_sgr (style, p);
    }
}

/* Splits the parameter bytes of an SGR sequence into parameters; empty
 * ones read as 0, so "ESC [ m" resets. */
static guint
parse_sgr_params (const char *p,
                  const char *end,
                  SgrParam   *params)
{
  guint n = 0;
  int value = 0;

  memset (params, 0, sizeof (SgrParam) * MAX_SGR_PARAMS);

  for (; p <= end && n < MAX_SGR_PARAMS; p++)
    {
      SgrParam *param = &params[n];

      if (p < end && g_ascii_isdigit (*p))
        value = MIN (value * 10 + (*p - '0'), 100000);
      else if (p == end || *p == ';' || *p == ':')
        {
          if (param->n < MAX_SUBPARAMS)
            param->values[param->n++] = value;
          value = 0;
          if (p == end || *p == ';')
            n++;
        }
    }

  return n;
}

static void
handle_sgr (AnsiParser *self,
            const char *p,
            const char *end)
{
  SgrParam params[MAX_SGR_PARAMS];
  AnsiStyle style = self->style;
  guint n;

  /* "ESC [ > 4 m" and friends are private modes, not SGR. */
  if (p < end && *p >= '<' && *p <= '?')
    return;

  n = parse_sgr_params (p, end, params);
  apply_sgr (&style, params, n);

  if (!style_equal (&style, &self->style))
    {
      ansi_parser_flush_run (self);
      self->style = style;
    }
}

/* Skips a CSI sequence whose "ESC [" starts at @p; returns where the text
 * continues. */
static const char *
skip_csi (AnsiParser *self,
          const char *p)
{
  const char *params = p + 2;
  const char *q = params;

  while (*q >= 0x30 && *q <= 0x3F)
    q++;
  while (*q >= 0x20 && *q <= 0x2F)
    q++;

  if (*q >= 0x40 && *q <= 0x7E)
    {
      /* Styles matter only to a caller that asked for the runs. */
      if (*q == 'm' && self->runs != NULL)
        handle_sgr (self, params, q);
      return q + 1;
    }

  /* Malformed: drop what was read, keep the byte that broke it. */
  return q;
}

/* Skips an OSC "ESC ] … (BEL | ESC \)" starting at @p. */
static const char *
skip_osc (const char *p)
{
  const char *q = p + 2;

  for (; *q != '\0'; q++)
    {
      if (*q == '\a')
        return q + 1;
      if (*q == ESC && q[1] == '\\')
        return q + 2;
    }

  return q;
}

static const char *
skip_escape (AnsiParser *self,
             const char *p)
{
  const char *q;

  if (p[1] == '[')
    return skip_csi (self, p);
  if (p[1] == ']')
    return skip_osc (p);

  q = p + 1;
  while (*q >= 0x20 && *q <= 0x2F)
    q++;
  if (*q >= 0x30 && *q <= 0x7E)
    q++;

  return q;
}

static char *
ansi_parse_valid (const char  *text,
                  GArray      *runs)
{
  AnsiParser self = { NULL, runs, default_style, 0 };
  const char *p = text;
  const char *end = text + strlen (text);

  self.out = g_string_sized_new (end - text);

  while (p < end)
    {
      /* memchr() bounded by the end, not strchr(): sanitizers' strchr()
       * measures the rest of the string on every call, which is quadratic
       * here. */
      const char *esc = memchr (p, ESC, end - p);

      if (esc == NULL)
        esc = end;
      g_string_append_len (self.out, p, esc - p);
      if (esc == end)
        break;
      p = skip_escape (&self, esc);
    }

  ansi_parser_flush_run (&self);

  return g_string_free (self.out, FALSE);
}

/**
 * atlas_ansi_parse:
 * @text: text with ANSI escapes, or %NULL (read as "")
 * @runs: (out) (optional) (transfer full) (element-type AtlasAnsiRun): the
 *   styled spans of the result
 *
 * Returns: (transfer full): @text without escapes, always valid UTF-8
 */
char *
atlas_ansi_parse (const char  *text,
                  GArray     **runs)
{
  g_autofree char *valid = NULL;
  GArray *result_runs = NULL;
  char *stripped;

  if (text == NULL)
    text = "";

  if (runs != NULL)
    result_runs = g_array_new (FALSE, FALSE, sizeof (AtlasAnsiRun));

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  stripped = ansi_parse_valid (text, result_runs);

  if (runs != NULL)
    *runs = result_runs;

  return stripped;
}

/**
 * atlas_ansi_strip:
 * @text: text with ANSI escapes, or %NULL
 *
 * Returns: (transfer full): @text without escapes, always valid UTF-8
 */
char *
atlas_ansi_strip (const char *text)
{
  return atlas_ansi_parse (text, NULL);
}

char *
_atlas_ansi_strip_valid (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return ansi_parse_valid (text, NULL);
}
