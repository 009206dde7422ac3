/* atlas-traceback.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-traceback"
#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <string.h>

#include "atlas-ansi.h"
#include "atlas-traceback.h"

/* Tracebacks are read line by line, once, with a small state machine: every
 * line is either a chain separator, a frame header, the arrow or code line of
 * the last frame, the exception line ("Name: value") that ends a section, or
 * noise (context lines, IPython's banner, carets). Once a section's exception
 * line is seen, everything up to the next separator is its value: messages
 * such as Spark's PythonException embed whole remote tracebacks, and their
 * frames belong to the message, not to the notebook's stack. */

struct _AtlasTraceback
{
  gatomicrefcount  ref_count;
  char            *raw;
  char            *text;
  GPtrArray       *sections;  /* element-type AtlasTracebackSection */
};

G_DEFINE_BOXED_TYPE (AtlasTraceback, atlas_traceback, atlas_traceback_ref, atlas_traceback_unref)

/* How the frame header was printed decides where its code comes from. */
typedef enum
{
  HEADER_IPYTHON,  /* code on a "---->" arrow line below */
  HEADER_PLAIN,    /* 'File "x", line N': code on the next indented line */
} HeaderStyle;

typedef struct
{
  HeaderStyle style;
  gboolean    weak_line;  /* the header's line ("<cell line: 3>") yields to the arrow */
} HeaderInfo;

void
atlas_frame_free (AtlasFrame *frame)
{
  if (frame == NULL)
    return;

  g_free (frame->file);
  g_free (frame->package);
  g_free (frame->module_path);
  g_free (frame->function);
  g_free (frame->code);
  g_free (frame);
}

static AtlasFrame *
frame_new (const char *file,
           gsize       len)
{
  AtlasFrame *frame = g_new0 (AtlasFrame, 1);

  frame->kind = ATLAS_FRAME_FILE;
  frame->file = g_strndup (file, len);
  frame->execution_count = -1;
  frame->line = -1;

  return frame;
}

static void
section_free (AtlasTracebackSection *section)
{
  g_free (section->ename);
  g_free (section->evalue);
  g_ptr_array_unref (section->frames);
  g_free (section);
}

static AtlasTracebackSection *
section_new (void)
{
  AtlasTracebackSection *section = g_new0 (AtlasTracebackSection, 1);

  section->frames = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_frame_free);

  return section;
}

/* ---- small string helpers ------------------------------------------- */

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

static gboolean
has_prefix_len (const char *p,
                const char *prefix,
                gsize       prefix_len)
{
  return strncmp (p, prefix, prefix_len) == 0;
}

#define HAS_PREFIX(p, lit) has_prefix_len ((p), (lit), sizeof (lit) - 1)

/* Reads a decimal number of at most 9 digits (no overflow on garbage);
 * returns the end, or NULL when @p holds no digit. */
static const char *
read_number (const char *p,
             int        *value)
{
  const char *start = p;
  int v = 0;

  while (g_ascii_isdigit (*p))
    {
      if (p - start < 9)
        v = v * 10 + (*p - '0');
      p++;
    }

  if (p == start)
    return NULL;

  *value = v;
  return p;
}

static gboolean
ends_with_len (const char *s,
               gsize       len,
               const char *suffix)
{
  gsize n = strlen (suffix);

  return len >= n && g_ascii_strncasecmp (s + len - n, suffix, n) == 0;
}

/* The next @needle in [@p, @end), or NULL. Bounded: sanitizers' strstr()
 * measures the whole rest of the string on every call, and searches
 * repeated along one line must stay linear. */
static const char *
find_next (const char *p,
           const char *end,
           const char *needle)
{
  return memmem (p, end - p, needle, strlen (needle));
}

/* ---- classifying a frame's file ------------------------------------- */

/* "<ipython-input-12-abc123>" anywhere in @file gives execution count 12. */
static gboolean
classify_ipython_input (AtlasFrame *frame)
{
  const char *p = strstr (frame->file, "<ipython-input-");
  int n;

  if (p == NULL || read_number (p + strlen ("<ipython-input-"), &n) == NULL)
    return FALSE;

  frame->kind = ATLAS_FRAME_USER_CELL;
  frame->execution_count = n;
  return TRUE;
}

/* ipykernel ≥ 6 compiles cells to "/tmp/ipykernel_<pid>/<hash>.py" (also
 * "…\Temp\ipykernel_<pid>\<hash>.py" on Windows). Kaggle shows these. */
static gboolean
classify_ipykernel_file (AtlasFrame *frame)
{
  const char *p = frame->file;
  const char *end = p + strlen (p);

  while ((p = find_next (p, end, "ipykernel_")) != NULL)
    {
      int n;
      const char *q = read_number (p + strlen ("ipykernel_"), &n);

      p += strlen ("ipykernel_");
      if (q == NULL || (*q != '/' && *q != '\\'))
        continue;
      q = read_number (q + 1, &n);
      if (q != NULL && g_str_equal (q, ".py"))
        {
          frame->kind = ATLAS_FRAME_USER_CELL;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_separator (char c)
{
  return c == '/' || c == '\\';
}

/* Finds the text after the last "site-packages/" or "dist-packages/". */
static const char *
find_packages_dir (const char *file)
{
  const char *found = NULL;
  const char *end = file + strlen (file);

  for (const char *p = file; (p = find_next (p, end, "-packages")) != NULL; p++)
    {
      gsize offset = p - file;

      if (offset >= 4 && is_separator (p[9])
          && (has_prefix_len (p - 4, "site", 4) || has_prefix_len (p - 4, "dist", 4)))
        found = p + 10;
    }

  return found;
}

/* Spark ships its Python packages as zips on the path:
 * "/opt/spark/python/lib/pyspark.zip/pyspark/sql/utils.py",
 * ".../py4j-0.10.9-src.zip/py4j/protocol.py". */
static const char *
find_zip_dir (const char *file)
{
  const char *found = NULL;
  const char *end = file + strlen (file);

  for (const char *p = file; (p = find_next (p, end, ".zip")) != NULL; p++)
    if (is_separator (p[4]))
      found = p + 5;

  return found;
}

/* Fills package and module_path from the path inside site-packages:
 * "pandas/core/frame.py" → "pandas", "pandas.core.frame";
 * "six.py" → "six"; "foo-1.2-py3.7.egg/foo/bar.py" → "foo", "foo.bar";
 * "pandas/_libs/index.pyx" → "pandas._libs.index";
 * "numpy/core/__init__.py" → "numpy.core". */
static gboolean
set_library_module (AtlasFrame *frame,
                    const char *inner)
{
  g_auto(GStrv) parts = g_strsplit_set (inner, "/\\", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_strv_length (parts);

  for (guint i = 0; i < n; i++)
    {
      char *part = parts[i];
      char *dot;

      if (*part == '\0' || g_str_equal (part, "."))
        continue;
      if (names->len == 0 && (g_str_has_suffix (part, ".egg") || strstr (part, ".egg-") != NULL))
        continue;
      if (i + 1 == n && (dot = strchr (part, '.')) != NULL)
        *dot = '\0';
      if (i + 1 == n && g_str_equal (part, "__init__") && names->len > 0)
        continue;
      if (*part != '\0')
        g_ptr_array_add (names, part);
    }

  if (names->len == 0)
    return FALSE;

  g_ptr_array_add (names, NULL);
  frame->kind = ATLAS_FRAME_LIBRARY;
  frame->package = g_strdup (names->pdata[0]);
  frame->module_path = g_strjoinv (".", (char **) names->pdata);
  return TRUE;
}

static gboolean
is_absolute_path (const char *file)
{
  return file[0] == '/' || file[0] == '~' || file[0] == '\\' || file[0] == '<'
         || (g_ascii_isalpha (file[0]) && file[1] == ':');
}

static void
classify_file (AtlasFrame *frame)
{
  const char *inner;
  gsize len = strlen (frame->file);

  if (classify_ipython_input (frame) || classify_ipykernel_file (frame))
    return;

  /* Databricks names its notebook cells "<command-4135548384066455>". */
  if (g_str_has_prefix (frame->file, "<command-"))
    {
      frame->kind = ATLAS_FRAME_USER_CELL;
      return;
    }

  inner = find_packages_dir (frame->file);
  if (inner == NULL)
    inner = find_zip_dir (frame->file);
  if (inner != NULL && set_library_module (frame, inner))
    return;

  /* IPython 7 prints Cython frames of packages relative to the package
   * root: "pandas/_libs/index.pyx in pandas._libs.index.IndexEngine.get_loc()". */
  if (!is_absolute_path (frame->file)
      && (ends_with_len (frame->file, len, ".pyx") || ends_with_len (frame->file, len, ".pxi")))
    set_library_module (frame, frame->file);
}

/* ---- frame headers ---------------------------------------------------- */

/* "f(x, y)" → "f"; "<module>()" → "<module>"; "<cell line: 3>()" → "<module>"
 * (IPython 8.0–8.5 names the top level of a cell that way). */
static char *
parse_function (const char *text)
{
  const char *start = skip_spaces (text);
  const char *end;

  if (HAS_PREFIX (start, "<cell line:"))
    return g_strdup ("<module>");

  end = strchr (start, '(');
  if (end == NULL)
    end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  return end > start ? g_strndup (start, end - start) : NULL;
}

/* Reads ", line N" and ", in FUNC" in any order after a header's file. */
static gboolean
parse_line_and_function (AtlasFrame *frame,
                         const char *p)
{
  while (*p != '\0')
    {
      p = skip_spaces (p);
      if (*p == '\0')
        break;
      if (!HAS_PREFIX (p, ", "))
        return FALSE;
      p = skip_spaces (p + 1);
      if (HAS_PREFIX (p, "line ") && (p = read_number (skip_spaces (p + 5), &frame->line)) != NULL)
        continue;
      if (p != NULL && HAS_PREFIX (p, "in "))
        {
          g_free (frame->function);
          frame->function = parse_function (p + 3);
          return TRUE;
        }
      return FALSE;
    }

  return TRUE;
}

/* "Cell In[12], line 3[, in f(x)]" and "Cell In [12], line 3". */
static AtlasFrame *
parse_cell_in (const char *line)
{
  g_autoptr(AtlasFrame) frame = NULL;
  const char *p = skip_spaces (line + strlen ("Cell In"));
  int n;

  if (*p != '[' || (p = read_number (p + 1, &n)) == NULL || *p != ']')
    return NULL;

  frame = frame_new (line, p + 1 - line);
  frame->kind = ATLAS_FRAME_USER_CELL;
  frame->execution_count = n;

  if (!parse_line_and_function (frame, p + 1))
    return NULL;

  return g_steal_pointer (&frame);
}

/* "Input In [12], in <cell line: 3>()" and "Input In [12], in fit(x)";
 * IPython 8.0–8.5. A SyntaxError there prints just "Input In [12]". */
static AtlasFrame *
parse_input_in (const char *line,
                HeaderInfo *info)
{
  g_autoptr(AtlasFrame) frame = NULL;
  const char *p = skip_spaces (line + strlen ("Input In"));
  const char *cell_line;
  int n;

  if (*p != '[' || (p = read_number (p + 1, &n)) == NULL || *p != ']')
    return NULL;

  frame = frame_new (line, p + 1 - line);
  frame->kind = ATLAS_FRAME_USER_CELL;
  frame->execution_count = n;

  if (!parse_line_and_function (frame, p + 1))
    return NULL;

  cell_line = strstr (p, "<cell line:");
  if (cell_line != NULL && frame->line < 0
      && read_number (skip_spaces (cell_line + strlen ("<cell line:")), &frame->line) != NULL)
    info->weak_line = TRUE;

  return g_steal_pointer (&frame);
}

/* 'File "PATH", line N, in FUNC', as Python itself prints frames. */
static AtlasFrame *
parse_plain_file (const char *p,
                  HeaderInfo *info)
{
  g_autoptr(AtlasFrame) frame = NULL;
  const char *end = strchr (p + 1, '"');

  if (end == NULL || end == p + 1)
    return NULL;

  frame = frame_new (p + 1, end - p - 1);
  if (!parse_line_and_function (frame, end + 1))
    return NULL;

  info->style = HEADER_PLAIN;
  classify_file (frame);
  return g_steal_pointer (&frame);
}

/* Finds the leftmost ":N" followed by ", in " or the end: the line suffix
 * of IPython 8's "File PATH:N, in FUNC". Windows drive colons are not
 * followed by digits, so they are passed over. */
static const char *
find_line_suffix (const char *p,
                  int        *line,
                  const char **rest)
{
  const char *end = p + strlen (p);

  for (const char *c = memchr (p, ':', end - p); c != NULL; c = memchr (c + 1, ':', end - c - 1))
    {
      const char *q = read_number (c + 1, line);

      if (q != NULL && (*skip_spaces (q) == '\0' || HAS_PREFIX (q, ", in ")))
        {
          *rest = q;
          return c;
        }
    }

  return NULL;
}

/* "File ~/x/site-packages/pandas/core/frame.py:3805, in DataFrame.__getitem__(self, key)" */
static AtlasFrame *
parse_file (const char *line,
            HeaderInfo *info)
{
  g_autoptr(AtlasFrame) frame = NULL;
  const char *p = skip_spaces (line + strlen ("File"));
  const char *colon, *rest = NULL;
  int n = -1;

  if (p == line + strlen ("File"))
    return NULL;
  if (*p == '"')
    return parse_plain_file (p, info);

  colon = find_line_suffix (p, &n, &rest);
  if (colon == NULL || colon == p)
    return NULL;

  frame = frame_new (p, colon - p);
  frame->line = n;
  if (!parse_line_and_function (frame, rest))
    return NULL;

  classify_file (frame);
  return g_steal_pointer (&frame);
}

static gboolean
looks_like_source_file (const char *file,
                        gsize       len)
{
  static const char *suffixes[] = { ".py", ".pyx", ".pxi", ".pyc", ".ipy", ".so", ".pyd", ">" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (ends_with_len (file, len, suffixes[i]))
      return TRUE;

  return FALSE;
}

/* IPython ≤ 7: "PATH in FUNC(args)", PATH absolute, "~/…", "C:\…", "<…>", or
 * relative for Cython sources. The separator is the first " in " right
 * after something that looks like a source file, since paths may hold
 * spaces. */
static AtlasFrame *
parse_path_in (const char *line,
               const char *end)
{
  g_autoptr(AtlasFrame) frame = NULL;
  const char *sep;

  for (sep = find_next (line, end, " in "); sep != NULL; sep = find_next (sep + 1, end, " in "))
    {
      if (looks_like_source_file (line, sep - line))
        break;
    }

  if (sep == NULL || sep == line)
    return NULL;
  if (!is_absolute_path (line) && (memchr (line, ' ', sep - line) != NULL
                                   || strpbrk (line, "/\\") == NULL
                                   || strpbrk (line, "/\\") > sep))
    return NULL;

  frame = frame_new (line, sep - line);
  frame->function = parse_function (sep + 4);
  if (frame->function == NULL)
    return NULL;

  classify_file (frame);
  return g_steal_pointer (&frame);
}

/* VS Code's Jupyter extension rewrites cell frames as
 * "/home/me/nb.ipynb Cell 3' in <cell line: 2>()" or "…nb.ipynb Cell 3 line 2".
 * N is the cell's position, not its execution count. */
static AtlasFrame *
parse_vscode_cell (const char *line,
                   const char *end,
                   HeaderInfo *info)
{
  g_autoptr(AtlasFrame) frame = NULL;
  const char *p = find_next (line, end, ".ipynb Cell ");
  int n;

  if (p == NULL || (p = read_number (p + strlen (".ipynb Cell "), &n)) == NULL)
    return NULL;
  if (*p == '\'')
    p++;

  frame = frame_new (line, p - line);
  frame->kind = ATLAS_FRAME_USER_CELL;
  p = skip_spaces (p);
  if (HAS_PREFIX (p, "line "))
    read_number (skip_spaces (p + 5), &frame->line);
  else if (HAS_PREFIX (p, "in "))
    {
      const char *function = skip_spaces (p + 3);

      frame->function = parse_function (function);
      if (HAS_PREFIX (function, "<cell line:")
          && read_number (skip_spaces (function + strlen ("<cell line:")), &frame->line) != NULL)
        info->weak_line = TRUE;
    }
  else if (*p != '\0')
    return NULL;

  return g_steal_pointer (&frame);
}

static AtlasFrame *
parse_header_full (const char *line,
                   HeaderInfo *info)
{
  const char *p = skip_spaces (line);
  g_autofree char *trimmed = NULL;
  const char *end;
  AtlasFrame *frame;

  info->style = HEADER_IPYTHON;
  info->weak_line = FALSE;

  if (*p == '\0')
    return NULL;

  trimmed = g_strchomp (g_strdup (p));
  end = trimmed + strlen (trimmed);

  if (HAS_PREFIX (trimmed, "Cell In"))
    return parse_cell_in (trimmed);
  if (HAS_PREFIX (trimmed, "Input In"))
    return parse_input_in (trimmed, info);
  if (HAS_PREFIX (trimmed, "File"))
    return parse_file (trimmed, info);

  if ((frame = parse_path_in (trimmed, end)) != NULL)
    return frame;

  return parse_vscode_cell (trimmed, end, info);
}

/**
 * atlas_frame_parse_header:
 * @line: one line of a traceback, ANSI already stripped
 *
 * Returns: (transfer full) (nullable): the frame @line introduces, or %NULL
 */
AtlasFrame *
atlas_frame_parse_header (const char *line)
{
  HeaderInfo info;

  g_return_val_if_fail (line != NULL, NULL);

  return parse_header_full (line, &info);
}

/* ---- line kinds -------------------------------------------------------- */

static gboolean
is_chain_separator (const char *line)
{
  const char *p = skip_spaces (line);

  return HAS_PREFIX (p, "During handling of the above exception, another exception occurred:")
         || HAS_PREFIX (p, "The above exception was the direct cause of the following exception:");
}

/* "---->  3 df[...]", "-> 3805 x", "----> 3": returns the text after the
 * number, or NULL when @line is no arrow line. */
static const char *
parse_arrow (const char *line,
             int        *number)
{
  const char *p = skip_spaces (line);

  if (*p != '-')
    return NULL;
  while (*p == '-')
    p++;
  if (*p != '>')
    return NULL;

  return read_number (skip_spaces (p + 1), number);
}

/* IPython's context lines: "      1 import x" (never the code). */
static gboolean
is_context_line (const char *line)
{
  const char *p = skip_spaces (line);
  int n;

  return p != line && (p = read_number (p, &n)) != NULL && (*p == '\0' || *p == ' ');
}

/* Python 3.11's "    ^^^^^" and "~~~^^^" markers, and SyntaxError carets. */
static gboolean
is_caret_line (const char *line)
{
  return line[strspn (line, " \t^~")] == '\0';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || (guchar) c >= 0x80;
}

/* "Name", "Name: value" or "pkg.mod.Name: value" at column 0; returns the
 * end of the name, or NULL. */
static const char *
parse_exception_name (const char *line)
{
  const char *p = line;

  if (!is_name_char (*p) || g_ascii_isdigit (*p))
    return NULL;

  for (;;)
    {
      while (is_name_char (*p))
        p++;
      if (*p != '.' || !is_name_char (p[1]) || g_ascii_isdigit (p[1]))
        break;
      p++;
    }

  if (*skip_spaces (p) == '\0' || (*p == ':' && (p[1] == '\0' || p[1] == ' ' || p[1] == '\t')))
    return p;

  return NULL;
}

/* ---- the parser ------------------------------------------------------- */

typedef struct
{
  AtlasTraceback        *tb;
  AtlasTracebackSection *section;
  AtlasFrame            *frame;        /* last frame, while its code may follow */
  HeaderInfo             info;
  gboolean               next_is_first; /* the line right after the header */
  gboolean               code_done;
  GString               *evalue;       /* set once the exception line was read */
} TracebackParser;

static void
parser_finish_section (TracebackParser *self)
{
  if (self->evalue != NULL)
    {
      g_strchomp (self->evalue->str);
      self->section->evalue = g_string_free (self->evalue, FALSE);
      self->evalue = NULL;
    }
}

static void
parser_start_section (TracebackParser *self)
{
  self->section = section_new ();
  g_ptr_array_add (self->tb->sections, self->section);
  self->frame = NULL;
}

static void
set_code (AtlasFrame *frame,
          const char *text)
{
  g_autofree char *code = g_strstrip (g_strdup (text));

  g_free (frame->code);
  frame->code = *code != '\0' ? g_steal_pointer (&code) : NULL;
}

/* Handles a line that may carry the last frame's code; returns TRUE if it
 * was consumed. */
static gboolean
parser_frame_body (TracebackParser *self,
                   const char      *line)
{
  gboolean first = self->next_is_first;
  const char *code;
  int number;

  self->next_is_first = FALSE;

  if (self->info.style == HEADER_IPYTHON && (code = parse_arrow (line, &number)) != NULL)
    {
      if (self->frame->line < 0 || self->info.weak_line)
        self->frame->line = number;
      set_code (self->frame, code);
      self->code_done = TRUE;
      return TRUE;
    }

  /* Plain Python puts the code on the next, indented line; IPython does the
   * same for a SyntaxError ("Cell In[3], line 2" then "    x = = 1"). */
  if (first && line[0] == ' ' && !is_caret_line (line) && !is_context_line (line)
      && (self->info.style == HEADER_PLAIN || self->frame->line >= 0
          || (self->frame->kind == ATLAS_FRAME_USER_CELL && self->frame->function == NULL)))
    {
      set_code (self->frame, line);
      self->code_done = self->info.style == HEADER_PLAIN;
      return TRUE;
    }

  return FALSE;
}

static gboolean
parser_exception_line (TracebackParser *self,
                       const char      *line)
{
  const char *end = parse_exception_name (line);
  const char *value;

  if (end == NULL)
    return FALSE;

  self->section->ename = g_strndup (line, end - line);
  value = *end == ':' ? end + 1 : end;
  if (*value == ' ')
    value++;
  self->evalue = g_string_new (value);
  self->frame = NULL;
  return TRUE;
}

/* Python 3.11 draws exception groups with a margin ("  | ", "  + ", nested
 * as "    | | "); without it the lines read like any traceback's. */
static const char *
skip_group_margin (const char *line)
{
  for (;;)
    {
      const char *p = skip_spaces (line);

      if ((*p != '|' && *p != '+') || (p[1] != ' ' && p[1] != '\0'))
        return line;
      line = p[1] == ' ' ? p + 2 : p + 1;
    }
}

static void
parser_line (TracebackParser *self,
             const char      *line)
{
  AtlasFrame *frame;

  /* The value keeps its text as printed; only frames lose the margin. */
  if (self->evalue == NULL)
    line = skip_group_margin (line);

  if (is_chain_separator (line))
    {
      parser_finish_section (self);
      parser_start_section (self);
      return;
    }

  if (self->evalue != NULL)
    {
      g_string_append_c (self->evalue, '\n');
      g_string_append (self->evalue, line);
      return;
    }

  if (*skip_spaces (line) == '\0')
    return;

  if ((frame = parse_header_full (line, &self->info)) != NULL)
    {
      g_ptr_array_add (self->section->frames, frame);
      self->frame = frame;
      self->next_is_first = TRUE;
      self->code_done = FALSE;
      return;
    }

  if (self->frame != NULL && !self->code_done && parser_frame_body (self, line))
    return;

  parser_exception_line (self, line);
}

static void
parse_text (AtlasTraceback *self)
{
  TracebackParser parser = { self, NULL, NULL, { HEADER_IPYTHON, FALSE }, FALSE, FALSE, NULL };
  g_autoptr(GString) line = g_string_new (NULL);
  const char *p = self->text;
  const char *end = p + strlen (p);

  parser_start_section (&parser);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize len = nl != NULL ? (gsize) (nl - p) : (gsize) (end - p);

      g_string_truncate (line, 0);
      g_string_append_len (line, p, len);
      if (len > 0 && line->str[len - 1] == '\r')
        g_string_truncate (line, len - 1);

      parser_line (&parser, line->str);
      p += len + (nl != NULL);
    }

  parser_finish_section (&parser);
}

static AtlasTraceback *
traceback_parse (const char * const *lines,
                 gsize               n_lines,
                 gboolean            lines_valid)
{
  AtlasTraceback *self = g_new0 (AtlasTraceback, 1);
  g_autoptr(GString) raw = NULL;
  gsize size = 1;

  if (lines == NULL)
    n_lines = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);

  /* Sized once: tracebacks run to kilobytes in many short lines. */
  for (gsize i = 0; i < n_lines; i++)
    size += (lines[i] != NULL ? strlen (lines[i]) : 0) + 1;
  raw = g_string_sized_new (size);
  for (gsize i = 0; i < n_lines; i++)
    {
      if (i > 0)
        g_string_append_c (raw, '\n');
      if (lines[i] != NULL)
        g_string_append (raw, lines[i]);
    }

  self->text = lines_valid ? _atlas_ansi_strip_valid (raw->str) : atlas_ansi_strip (raw->str);
  self->raw = g_string_free (g_steal_pointer (&raw), FALSE);
  parse_text (self);

  return self;
}

/**
 * atlas_traceback_parse:
 * @lines: (array length=n_lines): the error output's "traceback" strings
 * @n_lines: the number of @lines
 *
 * Never fails: text without recognizable frames gives sections without
 * frames (and still the exception, if a line names it).
 *
 * Returns: (transfer full): a new traceback
 */
AtlasTraceback *
atlas_traceback_parse (const char * const *lines,
                       gsize               n_lines)
{
  return traceback_parse (lines, n_lines, FALSE);
}

AtlasTraceback *
_atlas_traceback_parse_valid (const char * const *lines,
                              gsize               n_lines)
{
  return traceback_parse (lines, n_lines, TRUE);
}

AtlasTraceback *
atlas_traceback_ref (AtlasTraceback *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_traceback_unref (AtlasTraceback *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->raw);
  g_free (self->text);
  g_ptr_array_unref (self->sections);
  g_free (self);
}

const char *
atlas_traceback_get_raw (AtlasTraceback *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->raw;
}

const char *
atlas_traceback_get_text (AtlasTraceback *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

guint
atlas_traceback_get_n_sections (AtlasTraceback *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sections->len;
}

const AtlasTracebackSection *
atlas_traceback_get_section (AtlasTraceback *self,
                             guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return g_ptr_array_index (self->sections, index);
}

static GPtrArray *
last_frames (AtlasTraceback *self)
{
  const AtlasTracebackSection *last = g_ptr_array_index (self->sections, self->sections->len - 1);

  return last->frames;
}

guint
atlas_traceback_get_n_frames (AtlasTraceback *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return last_frames (self)->len;
}

const AtlasFrame *
atlas_traceback_get_frame (AtlasTraceback *self,
                           guint           index)
{
  GPtrArray *frames;

  g_return_val_if_fail (self != NULL, NULL);

  frames = last_frames (self);
  g_return_val_if_fail (index < frames->len, NULL);

  return g_ptr_array_index (frames, index);
}

/* Index of the last frame of @kind in the last section, or -1. */
static int
find_last_frame (AtlasTraceback *self,
                 AtlasFrameKind  kind)
{
  GPtrArray *frames = last_frames (self);

  for (guint i = frames->len; i > 0; i--)
    {
      const AtlasFrame *frame = g_ptr_array_index (frames, i - 1);

      if (frame->kind == kind)
        return (int) i - 1;
    }

  return -1;
}

/**
 * atlas_traceback_get_user_frame:
 *
 * When the error was raised in a function defined in a cell, the cell shows
 * up twice (the call, then the function body); the last one is where it
 * raised, which is what a crash's line should point at.
 *
 * Returns: (transfer none) (nullable): the last user-cell frame
 */
const AtlasFrame *
atlas_traceback_get_user_frame (AtlasTraceback *self)
{
  int i;

  g_return_val_if_fail (self != NULL, NULL);

  i = find_last_frame (self, ATLAS_FRAME_USER_CELL);
  return i >= 0 ? g_ptr_array_index (last_frames (self), i) : NULL;
}

const AtlasFrame *
atlas_traceback_get_innermost_library_frame (AtlasTraceback *self)
{
  int i;

  g_return_val_if_fail (self != NULL, NULL);

  i = find_last_frame (self, ATLAS_FRAME_LIBRARY);
  return i >= 0 ? g_ptr_array_index (last_frames (self), i) : NULL;
}

/**
 * atlas_traceback_get_outermost_library_frame:
 *
 * The library the user called is the one entered right after the last user
 * frame ("df.merge(…)" → pandas, even if pandas then fails in numpy). Without
 * user frames, the first library frame is the best guess.
 *
 * Returns: (transfer none) (nullable): that library frame
 */
const AtlasFrame *
atlas_traceback_get_outermost_library_frame (AtlasTraceback *self)
{
  GPtrArray *frames;
  int user;

  g_return_val_if_fail (self != NULL, NULL);

  frames = last_frames (self);
  user = find_last_frame (self, ATLAS_FRAME_USER_CELL);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = pass == 0 ? (guint) (user + 1) : 0; i < frames->len; i++)
        {
          const AtlasFrame *frame = g_ptr_array_index (frames, i);

          if (frame->kind == ATLAS_FRAME_LIBRARY)
            return frame;
        }
    }

  return NULL;
}
