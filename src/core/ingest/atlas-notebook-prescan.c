/* atlas-notebook-prescan.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-prescan"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-notebook.h"
#include "atlas-notebook-prescan.h"

/* Where a container sits in the notebook, which decides what to keep. */
typedef enum
{
  ROLE_OTHER,
  ROLE_ROOT,
  ROLE_WORKSHEETS,
  ROLE_WORKSHEET,
  ROLE_CELLS,
  ROLE_CELL,
  ROLE_OUTPUTS,
  ROLE_OUTPUT,
  ROLE_NOTEBOOK_METADATA,
  ROLE_KERNELSPEC,
  ROLE_LANGUAGE_INFO,
  ROLE_CELL_METADATA,
  ROLE_SOURCE_LINES,  /* a cell's source as an array of lines */
  ROLE_TRACEBACK,
} Role;

typedef enum
{
  EXPECT_KEY,         /* in an object, after '{' or ',' */
  EXPECT_COLON,
  EXPECT_VALUE,       /* after ':' or, in an array, after '[' or ',' */
  EXPECT_SEPARATOR,   /* after a value: ',' or the closing bracket */
} Expect;

typedef struct
{
  char        close;      /* '}' or ']' */
  Role        role;
  Expect      expect;
  gboolean    empty;      /* nothing inside yet: a closing bracket may follow '[' or '{' */
  const char *key;        /* objects: the key of the value being read */
  gsize       key_len;
  /* Where the container starts and how many edits preceded it, so that an
   * output which is not an error can be left out whole, and source lines
   * that turn out not to be all strings can be kept as they are. */
  const char *start;
  guint       edit_mark;
  gboolean    is_error;
  const char *joined_end;   /* source lines: after the last string joined */
  /* Objects whose members the reader does not read lose them whole, with
   * the commas that separated them. */
  const char *member_start; /* the key of the member being read */
  const char *comma;        /* the comma before it, if any */
  guint       n_kept;       /* members kept so far */
  gboolean    drop_comma;   /* the next comma goes: nothing kept precedes it */
} Frame;

typedef struct
{
  const char   *data;
  const char   *end;
  const char   *p;
  AtlasPrescan *out;
  AtlasPrescanFlags flags;
  Frame         stack[ATLAS_NOTEBOOK_MAX_DEPTH];
  guint         depth;
  GArray       *spare_edits;  /* a cleared result's, kept for the next run */
} Scan;

static gboolean
key_is (const Frame *frame,
        const char  *key)
{
  gsize len = strlen (key);

  return frame->key_len == len && memcmp (frame->key, key, len) == 0;
}

static gboolean
key_in (const Frame        *frame,
        const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (key_is (frame, keys[i]))
      return TRUE;
  return FALSE;
}

/* The members the reader reads, by the object they are in. json-glib spends
 * more on each member, and far more on each object, than on the bytes of a
 * string, so the rest go: cell ids, Kaggle's cell GUIDs, the editor's view
 * state, widget state, and every non-error output's payload. */
static const char * const root_keys[] = {
  "cells", "worksheets", "metadata", "nbformat", "nbformat_minor", NULL,
};
static const char * const notebook_metadata_keys[] = {
  "kernelspec", "language_info", "papermill", NULL,
};
static const char * const kernelspec_keys[] = { "language", NULL };
static const char * const language_info_keys[] = { "name", NULL };
static const char * const cell_keys[] = {
  "cell_type", "source", "input", "metadata", "execution_count", "prompt_number", "outputs",
  "level", NULL,
};
/* Kaggle and papermill add timestamps to every cell's metadata. */
static const char * const cell_metadata_keys[] = { "tags", "papermill", NULL };
static const char * const output_keys[] = {
  "output_type", "ename", "evalue", "traceback", NULL,
};

static const char * const *
kept_keys (Role role)
{
  switch (role)
    {
    case ROLE_ROOT: return root_keys;
    case ROLE_NOTEBOOK_METADATA: return notebook_metadata_keys;
    case ROLE_KERNELSPEC: return kernelspec_keys;
    case ROLE_LANGUAGE_INFO: return language_info_keys;
    case ROLE_CELL: return cell_keys;
    case ROLE_CELL_METADATA: return cell_metadata_keys;
    case ROLE_OUTPUT: return output_keys;
    case ROLE_OTHER:
    case ROLE_WORKSHEETS:
    case ROLE_WORKSHEET:
    case ROLE_CELLS:
    case ROLE_OUTPUTS:
    case ROLE_SOURCE_LINES:
    case ROLE_TRACEBACK:
    default:
      return NULL;
    }
}

/* Whether the member being read in @frame goes. */
static gboolean
is_dropped_member (const Frame *frame)
{
  const char * const *keys = frame->close == '}' ? kept_keys (frame->role) : NULL;

  return keys != NULL && !key_in (frame, keys);
}

/* Objects that only hold what the reader might want: when none of it is
 * there, the member holding the object goes too. */
static gboolean
is_dropped_when_empty (Role role)
{
  return role == ROLE_NOTEBOOK_METADATA || role == ROLE_KERNELSPEC ||
         role == ROLE_LANGUAGE_INFO || role == ROLE_CELL_METADATA;
}

/* Where only the presence of a member counts (a papermill run's parameters
 * and environment), its value becomes null. */
static gboolean
is_payload (const Frame *frame)
{
  return frame->role == ROLE_NOTEBOOK_METADATA && key_is (frame, "papermill");
}

static Role
child_role (const Frame *frame)
{
  if (frame == NULL)
    return ROLE_ROOT;

  switch (frame->role)
    {
    case ROLE_ROOT:
      if (key_is (frame, "cells"))
        return ROLE_CELLS;
      if (key_is (frame, "worksheets"))
        return ROLE_WORKSHEETS;
      if (key_is (frame, "metadata"))
        return ROLE_NOTEBOOK_METADATA;
      return ROLE_OTHER;
    case ROLE_NOTEBOOK_METADATA:
      if (key_is (frame, "kernelspec"))
        return ROLE_KERNELSPEC;
      return key_is (frame, "language_info") ? ROLE_LANGUAGE_INFO : ROLE_OTHER;
    case ROLE_WORKSHEETS:
      return ROLE_WORKSHEET;
    case ROLE_WORKSHEET:
      return key_is (frame, "cells") ? ROLE_CELLS : ROLE_OTHER;
    case ROLE_CELLS:
      return ROLE_CELL;
    case ROLE_CELL:
      if (key_is (frame, "outputs"))
        return ROLE_OUTPUTS;
      /* nbformat 3 code cells keep their code in "input". */
      if (key_is (frame, "source") || key_is (frame, "input"))
        return ROLE_SOURCE_LINES;
      return key_is (frame, "metadata") ? ROLE_CELL_METADATA : ROLE_OTHER;
    case ROLE_OUTPUTS:
      return ROLE_OUTPUT;
    case ROLE_OUTPUT:
      return key_is (frame, "traceback") ? ROLE_TRACEBACK : ROLE_OTHER;
    case ROLE_KERNELSPEC:
    case ROLE_LANGUAGE_INFO:
    case ROLE_CELL_METADATA:
    case ROLE_SOURCE_LINES:
    case ROLE_TRACEBACK:
    case ROLE_OTHER:
    default:
      return ROLE_OTHER;
    }
}

static guint
line_at (const Scan *scan,
         const char *where)
{
  guint line = 1;

  for (const char *p = scan->data; p < where && p < scan->end; p++)
    if (*p == '\n')
      line++;

  return line;
}

static gboolean
fail (Scan       *scan,
      GError    **error,
      int         code,
      const char *what)
{
  if (code == ATLAS_NOTEBOOK_ERROR_TRUNCATED)
    g_set_error (error, ATLAS_NOTEBOOK_ERROR, code,
                 _("JSON ends early (truncated file?) at line %u"), line_at (scan, scan->end));
  else
    g_set_error (error, ATLAS_NOTEBOOK_ERROR, code,
                 _("%s at line %u"), what, line_at (scan, scan->p));
  return FALSE;
}

static inline const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

/* @p points after the opening quote; returns the byte after the closing one,
 * or NULL if the string never ends. A quote is escaped when an odd run of
 * backslashes precedes it; runs are counted back only to @p, so the whole
 * scan stays linear. */
static const char *
skip_string (const char *p,
             const char *end)
{
  const char *start = p;

  for (;;)
    {
      const char *q = memchr (p, '"', end - p);
      const char *b;

      if (q == NULL)
        return NULL;

      for (b = q; b > start && b[-1] == '\\'; b--)
        ;
      if (((q - b) & 1) == 0)
        return q + 1;

      p = q + 1;
    }
}

static gboolean
starts_with (const char *p,
             const char *end,
             const char *word)
{
  gsize len = strlen (word);

  return (gsize)(end - p) >= len && memcmp (p, word, len) == 0;
}

/* Returns the byte after a literal or number at @p, or @p when there is
 * none. Numbers are held to what json-glib reads (it takes "1." and ".5");
 * NaN and Infinity, which Python's json writes for plot data, are let
 * through here and left to json-glib where it parses. */
static const char *
skip_scalar (const char *p,
             const char *end)
{
  static const char *words[] = { "true", "false", "null", "NaN", "Infinity", "-Infinity" };
  const char *q = p;
  gboolean digits = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (starts_with (p, end, words[i]))
      return p + strlen (words[i]);

  if (q < end && *q == '-')
    q++;
  if (q >= end || !(g_ascii_isdigit (*q) || *q == '.'))
    return p;
  for (; q < end && (g_ascii_isdigit (*q) || *q == '.' || *q == 'e' || *q == 'E' ||
                     *q == '+' || *q == '-'); q++)
    digits |= g_ascii_isdigit (*q);

  return digits ? q : p;
}

/* Skips a whole value without looking at its contents beyond what keeps the
 * structure honest (strings closed, brackets matched, depth bounded). */
static gboolean
skip_value (Scan    *scan,
            GError **error)
{
  char closers[ATLAS_NOTEBOOK_MAX_DEPTH];
  guint depth = 0;
  const char *p = scan->p;
  const char *end = scan->end;

  do
    {
      p = skip_space (p, end);
      if (p >= end)
        return fail (scan, error, ATLAS_NOTEBOOK_ERROR_TRUNCATED, NULL);

      switch (*p)
        {
        case '"':
          p = skip_string (p + 1, end);
          if (p == NULL)
            return fail (scan, error, ATLAS_NOTEBOOK_ERROR_TRUNCATED, NULL);
          break;
        case '{':
        case '[':
          if (scan->depth + depth + 1 >= ATLAS_NOTEBOOK_MAX_DEPTH)
            {
              scan->p = p;
              return fail (scan, error, ATLAS_NOTEBOOK_ERROR_TOO_DEEP, _("Nested too deeply"));
            }
          closers[depth++] = *p == '{' ? '}' : ']';
          p++;
          break;
        case '}':
        case ']':
          if (depth == 0 || closers[depth - 1] != *p)
            {
              scan->p = p;
              return fail (scan, error, ATLAS_NOTEBOOK_ERROR_INVALID_JSON, _("Unexpected bracket"));
            }
          depth--;
          p++;
          break;
        case ',':
        case ':':
          if (depth == 0)
            {
              scan->p = p;
              return fail (scan, error, ATLAS_NOTEBOOK_ERROR_INVALID_JSON, _("Missing value"));
            }
          p++;
          break;
        default:
          {
            const char *after = skip_scalar (p, end);

            if (after == p)
              {
                scan->p = p;
                return fail (scan, error, ATLAS_NOTEBOOK_ERROR_INVALID_JSON, _("Unexpected character"));
              }
            p = after;
          }
        }
    }
  while (depth > 0);

  scan->p = p;
  return TRUE;
}

static void
add_edit (Scan       *scan,
          const char *start,
          const char *end,
          const char *replacement,
          gboolean    ends_in_string)
{
  AtlasPrescanEdit edit = { start - scan->data, end - scan->data, replacement, ends_in_string };

  g_array_append_val (scan->out->edits, edit);
}

/* Replaces the value from @start to here by null. */
static void
elide (Scan       *scan,
       const char *start)
{
  add_edit (scan, start, scan->p, "null", FALSE);
}

/* nbformat stores source as a list of lines; as one string it is one node
 * for json-glib instead of one per line, and the reader need not join it.
 * Two JSON strings make one when the quotes and comma between them go: an
 * escape never spans a string's end. @start is the string just scanned. */
static void
join_source_line (Scan       *scan,
                  Frame      *frame,
                  const char *start,
                  gboolean    first)
{
  if (first)
    add_edit (scan, frame->start, frame->start + 1, "", FALSE);
  else
    add_edit (scan, frame->joined_end - 1, start + 1, "", TRUE);
  frame->joined_end = scan->p;
}

/* Source lines that are not all strings are the reader's to judge. */
static void
keep_source_lines (Scan  *scan,
                   Frame *frame)
{
  g_array_set_size (scan->out->edits, frame->edit_mark);
  frame->role = ROLE_OTHER;
}

static gboolean
is_colour_code_at (const char  *p,
                   const char  *end,
                   const char **after)
{
  static const char escape[] = "\\u001";
  gsize len = sizeof escape - 1;

  if ((gsize)(end - p) <= len + 2 || memcmp (p, escape, len) != 0 ||
      (p[len] != 'b' && p[len] != 'B') || p[len + 1] != '[')
    return FALSE;
  len += 2;
  for (p += len; p < end && (g_ascii_isdigit (*p) || *p == ';'); p++)
    ;
  if (p == end || *p != 'm')
    return FALSE;
  *after = p + 1;
  return TRUE;
}

/* Leaves out the SGR escapes ("\u001b[0;31m") of the string from @start
 * to here. Escapes are read in order, so "\\u001b" (a backslash, then
 * text) is not taken for one. */
static void
strip_colour_codes (Scan       *scan,
                    const char *start)
{
  const char *end = scan->p - 1;
  const char *p = start + 1;

  while (p < end && (p = memchr (p, '\\', end - p)) != NULL)
    {
      const char *after;

      if (is_colour_code_at (p, end, &after))
        {
          add_edit (scan, p, after, "", TRUE);
          p = after;
        }
      else
        p += 2;
    }
}

/* Leaves out the member of @frame that ends here, and one comma with it:
 * the one before it when a kept member precedes, else the one after. */
static void
drop_member (Scan  *scan,
             Frame *frame)
{
  if (frame->n_kept > 0)
    add_edit (scan, frame->comma, scan->p, "", FALSE);
  else
    {
      add_edit (scan, frame->member_start, scan->p, "", FALSE);
      frame->drop_comma = TRUE;
    }
}

static gboolean
push (Scan    *scan,
      char     open,
      Role     role,
      GError **error)
{
  Frame *frame;

  if (scan->depth + 1 >= ATLAS_NOTEBOOK_MAX_DEPTH)
    return fail (scan, error, ATLAS_NOTEBOOK_ERROR_TOO_DEEP, _("Nested too deeply"));

  frame = &scan->stack[scan->depth++];
  frame->close = open == '{' ? '}' : ']';
  frame->role = role;
  frame->expect = open == '{' ? EXPECT_KEY : EXPECT_VALUE;
  frame->empty = TRUE;
  frame->key = NULL;
  frame->key_len = 0;
  frame->start = scan->p;
  frame->edit_mark = scan->out->edits->len;
  frame->is_error = FALSE;
  frame->joined_end = NULL;
  frame->member_start = NULL;
  frame->comma = NULL;
  frame->n_kept = 0;
  frame->drop_comma = FALSE;
  scan->p++;
  return TRUE;
}

static void
note_string_value (Scan       *scan,
                   Frame      *frame,
                   const char *start,
                   gboolean    first)
{
  gsize len = scan->p - start - 2;

  if (frame == NULL)
    return;

  if (frame->role == ROLE_SOURCE_LINES)
    join_source_line (scan, frame, start, first);
  else if (frame->role == ROLE_TRACEBACK && (scan->flags & ATLAS_PRESCAN_PLAIN_TRACEBACKS))
    strip_colour_codes (scan, start);
  else if (frame->role == ROLE_OUTPUT && key_is (frame, "output_type") &&
           memchr (start + 1, '\\', len) != NULL)
    scan->out->unsure = TRUE;
  else if (frame->role == ROLE_OUTPUT && key_is (frame, "output_type") &&
      ((len == 5 && memcmp (start + 1, "error", 5) == 0) ||
       (len == 5 && memcmp (start + 1, "pyerr", 5) == 0)))
    {
      scan->out->n_error_outputs++;
      frame->is_error = TRUE;
    }
}

/* Reads one value where the grammar expects one. */
static gboolean
scan_value (Scan    *scan,
            GError **error)
{
  Frame *frame = scan->depth > 0 ? &scan->stack[scan->depth - 1] : NULL;
  const char *start = scan->p;
  gboolean first = frame != NULL && frame->empty;

  if (frame != NULL)
    {
      if (frame->role == ROLE_SOURCE_LINES && *scan->p != '"')
        keep_source_lines (scan, frame);

      if (frame->role == ROLE_NOTEBOOK_METADATA && key_is (frame, "kaggle"))
        scan->out->claims_kaggle = TRUE;
      if (frame->role == ROLE_OUTPUTS)
        scan->out->has_run_cell = TRUE;
      else if (frame->role == ROLE_CELL && g_ascii_isdigit (*scan->p) &&
               (key_is (frame, "execution_count") || key_is (frame, "prompt_number")))
        scan->out->has_run_cell = TRUE;
      else if (frame->role == ROLE_ROOT && g_ascii_isdigit (*scan->p) && key_is (frame, "nbformat"))
        scan->out->declares_nbformat = TRUE;

      frame->expect = EXPECT_SEPARATOR;
      frame->empty = FALSE;
      if (is_dropped_member (frame))
        {
          if (!skip_value (scan, error))
            return FALSE;
          drop_member (scan, frame);
          return TRUE;
        }
      if (frame->close == '}')
        frame->n_kept++;
      if (is_payload (frame))
        {
          if (!skip_value (scan, error))
            return FALSE;
          elide (scan, start);
          return TRUE;
        }
    }

  switch (*scan->p)
    {
    case '{':
    case '[':
      {
        Role role = child_role (frame);

        /* Roles only hold for the container kind the format prescribes. */
        if ((*scan->p == '{') != (role == ROLE_ROOT || role == ROLE_WORKSHEET ||
                                  role == ROLE_CELL || role == ROLE_OUTPUT ||
                                  role == ROLE_NOTEBOOK_METADATA || role == ROLE_KERNELSPEC ||
                                  role == ROLE_LANGUAGE_INFO || role == ROLE_CELL_METADATA))
          role = ROLE_OTHER;
        if (role == ROLE_WORKSHEETS || (role == ROLE_CELLS && frame->role == ROLE_ROOT))
          scan->out->has_cell_list = TRUE;
        return push (scan, *scan->p, role, error);
      }
    case '"':
      scan->p = skip_string (scan->p + 1, scan->end);
      if (scan->p == NULL)
        {
          scan->p = scan->end;
          return fail (scan, error, ATLAS_NOTEBOOK_ERROR_TRUNCATED, NULL);
        }
      note_string_value (scan, frame, start, first);
      return TRUE;
    default:
      scan->p = skip_scalar (scan->p, scan->end);
      if (scan->p == start)
        return fail (scan, error, ATLAS_NOTEBOOK_ERROR_INVALID_JSON, _("Unexpected character"));
      return TRUE;
    }
}

static gboolean
scan_in_container (Scan    *scan,
                   GError **error)
{
  Frame *frame = &scan->stack[scan->depth - 1];
  char c = *scan->p;

  if (c == frame->close && (frame->expect == EXPECT_SEPARATOR ||
                            (frame->empty && frame->expect != EXPECT_COLON)))
    {
      if (frame->role == ROLE_SOURCE_LINES)
        add_edit (scan, frame->empty ? frame->start : scan->p, scan->p + 1,
                  frame->empty ? "\"\"" : "", FALSE);
      scan->depth--;
      scan->p++;
      /* The reader counts outputs and reads errors: any other output is
       * left out whole, its edits with it. */
      if (frame->role == ROLE_OUTPUT && !frame->is_error)
        {
          g_array_set_size (scan->out->edits, frame->edit_mark);
          elide (scan, frame->start);
        }
      /* An empty list of outputs reads as none at all: it goes too, one
       * member and one array fewer for json-glib in most code cells. */
      else if ((is_dropped_when_empty (frame->role) && frame->n_kept == 0) ||
               (frame->role == ROLE_OUTPUTS && frame->empty))
        {
          Frame *parent = &scan->stack[scan->depth - 1];

          g_array_set_size (scan->out->edits, frame->edit_mark);
          parent->n_kept--;
          drop_member (scan, parent);
        }
      return TRUE;
    }

  switch (frame->expect)
    {
    case EXPECT_KEY:
      if (c != '"')
        return fail (scan, error, ATLAS_NOTEBOOK_ERROR_INVALID_JSON, _("Expected a member name"));
      frame->member_start = scan->p;
      frame->key = scan->p + 1;
      scan->p = skip_string (scan->p + 1, scan->end);
      if (scan->p == NULL)
        {
          scan->p = scan->end;
          return fail (scan, error, ATLAS_NOTEBOOK_ERROR_TRUNCATED, NULL);
        }
      frame->key_len = scan->p - frame->key - 1;
      if (memchr (frame->key, '\\', frame->key_len) != NULL)
        scan->out->unsure = TRUE;
      frame->expect = EXPECT_COLON;
      return TRUE;
    case EXPECT_COLON:
      if (c != ':')
        return fail (scan, error, ATLAS_NOTEBOOK_ERROR_INVALID_JSON, _("Expected ':'"));
      frame->expect = EXPECT_VALUE;
      scan->p++;
      return TRUE;
    case EXPECT_VALUE:
      return scan_value (scan, error);
    case EXPECT_SEPARATOR:
    default:
      if (c != ',')
        return fail (scan, error, ATLAS_NOTEBOOK_ERROR_INVALID_JSON, _("Expected ',' or a closing bracket"));
      if (frame->drop_comma)
        {
          add_edit (scan, scan->p, scan->p + 1, "", FALSE);
          frame->drop_comma = FALSE;
        }
      frame->comma = scan->p;
      frame->expect = frame->close == '}' ? EXPECT_KEY : EXPECT_VALUE;
      frame->empty = FALSE;
      scan->p++;
      return TRUE;
    }
}

static gboolean
looks_like_json_start (char c)
{
  return c == '{' || c == '[' || c == '"' || c == '-' || g_ascii_isdigit (c) ||
         c == 't' || c == 'f' || c == 'n';
}

static void
scan_free (Scan *scan)
{
  g_clear_pointer (&scan->spare_edits, g_array_unref);
  g_free (scan);
}

/* Frames for the deepest document make a Scan too big for a worker's
 * stack, and allocating one for every notebook makes malloc tidy its free
 * lists each time: each thread keeps its own, and with it the edit list of
 * the last notebook, which grows by reallocation otherwise. */
static GPrivate thread_scan_key = G_PRIVATE_INIT ((GDestroyNotify) scan_free);

static Scan *
thread_scan (void)
{
  Scan *scan = g_private_get (&thread_scan_key);

  if (scan == NULL)
    {
      scan = g_new0 (Scan, 1);
      g_private_set (&thread_scan_key, scan);
    }
  return scan;
}

/* Beyond this many edits a list is freed rather than kept. */
#define MAX_SPARE_EDITS 65536

gboolean
atlas_prescan_run (const char         *data,
                   gsize               len,
                   AtlasPrescanFlags   flags,
                   AtlasPrescan       *out,
                   GError            **error)
{
  Scan *scan;
  gboolean ok = TRUE;

  memset (out, 0, sizeof *out);

  scan = thread_scan ();
  scan->data = data;
  scan->end = data + len;
  scan->p = skip_space (data, scan->end);
  scan->out = out;
  scan->flags = flags;
  scan->depth = 0;

  if (scan->p == scan->end)
    ok = fail (scan, error, ATLAS_NOTEBOOK_ERROR_EMPTY, _("The file is empty"));
  else if (!looks_like_json_start (*scan->p))
    ok = fail (scan, error, ATLAS_NOTEBOOK_ERROR_NOT_JSON, _("Not JSON"));

  if (ok)
    {
      out->edits = scan->spare_edits != NULL
                   ? g_steal_pointer (&scan->spare_edits)
                   : g_array_sized_new (FALSE, FALSE, sizeof (AtlasPrescanEdit), 1024);
      out->top_kind = *scan->p;
      out->top_is_object = *scan->p == '{';
      ok = scan_value (scan, error);
    }

  while (ok && scan->depth > 0)
    {
      scan->p = skip_space (scan->p, scan->end);
      if (scan->p == scan->end)
        ok = fail (scan, error, ATLAS_NOTEBOOK_ERROR_TRUNCATED, NULL);
      else
        ok = scan_in_container (scan, error);
    }

  if (ok)
    {
      scan->p = skip_space (scan->p, scan->end);
      if (scan->p != scan->end)
        ok = fail (scan, error, ATLAS_NOTEBOOK_ERROR_INVALID_JSON, _("Unexpected text after the document"));
    }

  if (!ok)
    atlas_prescan_clear (out);

  return ok;
}

/* Copies the bytes from @p to @end to @out without the whitespace between
 * tokens: nbformat indents every line, and json-glib reads whitespace a
 * character at a time. @in_string: @p lies inside a string, after an edit.
 * Returns the end of what was written. The caller made room: a reduced
 * document is never longer than the original and its replacements, and
 * writing through a pointer costs a fraction of the 450,000 appends to a
 * GString that 640 notebooks took (5% of a scan's instructions). */
static char *
copy_compact (char       *out,
              const char *p,
              const char *end,
              gboolean    in_string)
{
  if (in_string)
    {
      const char *q = skip_string (p, end);

      if (q == NULL)
        q = end;
      memcpy (out, p, q - p);
      out += q - p;
      p = q;
    }

  while (p < end)
    {
      const char *q = p;

      while (q < end && *q != '"' && *q != ' ' && *q != '\n' && *q != '\r' && *q != '\t')
        q++;
      if (q < end && *q == '"')
        {
          q = skip_string (q + 1, end);
          if (q == NULL)
            q = end;
          memcpy (out, p, q - p);
          out += q - p;
          p = q;
        }
      else
        {
          memcpy (out, p, q - p);
          out += q - p;
          p = skip_space (q, end);
        }
    }
  return out;
}

void
atlas_prescan_write_reduced (const AtlasPrescan *prescan,
                             const char         *data,
                             gsize               len,
                             GString            *into)
{
  gboolean in_string = FALSE;
  gsize copied = 0;
  gsize room = 0;
  char *out;

  g_return_if_fail (prescan->edits != NULL);

  /* What is kept before compaction: room enough, and no more than the
   * reduced document needs (the buffers are reused up to a size). */
  for (guint i = 0; i < prescan->edits->len; i++)
    {
      const AtlasPrescanEdit *edit = &g_array_index (prescan->edits, AtlasPrescanEdit, i);

      room += (edit->start > copied ? edit->start - copied : 0) + strlen (edit->replacement);
      copied = edit->end;
    }
  room += len - copied;
  copied = 0;
  g_string_set_size (into, room);
  out = into->str;
  for (guint i = 0; i < prescan->edits->len; i++)
    {
      const AtlasPrescanEdit *edit = &g_array_index (prescan->edits, AtlasPrescanEdit, i);
      gsize replacement_len = strlen (edit->replacement);

      out = copy_compact (out, data + copied, data + edit->start, in_string);
      memcpy (out, edit->replacement, replacement_len);
      out += replacement_len;
      copied = edit->end;
      in_string = edit->ends_in_string;
    }
  out = copy_compact (out, data + copied, data + len, in_string);
  g_string_truncate (into, out - into->str);
}

void
atlas_prescan_clear (AtlasPrescan *prescan)
{
  Scan *scan = g_private_get (&thread_scan_key);

  if (prescan->edits != NULL && scan != NULL && scan->spare_edits == NULL &&
      prescan->edits->len <= MAX_SPARE_EDITS)
    {
      g_array_set_size (prescan->edits, 0);
      scan->spare_edits = prescan->edits;
    }
  else if (prescan->edits != NULL)
    g_array_unref (prescan->edits);
  memset (prescan, 0, sizeof *prescan);
}
