/* atlas-python-lexer.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-python-lexer"

#include "config.h"

#include <string.h>

#include "atlas-python-lexer-private.h"

/* Deeper f-string nesting than this is read as plain text. */
#define MAX_FSTRING_DEPTH 4

/* ---- tokenizer -------------------------------------------------------- */

typedef struct
{
  const char   *src;
  gsize         len;
  gsize         pos;
  guint         line;
  int           depth;          /* open brackets */
  int           line_indent;
  gboolean      at_line_start;
  int           fstring_depth;
  GArray       *tokens;
  GStringChunk *names;
  GString      *scratch;
} Lexer;

static Token *
lexer_emit (Lexer     *self,
            TokenKind  kind)
{
  Token token = { kind, self->line, self->line_indent, -1, NULL, { 0 } };

  g_array_append_val (self->tokens, token);
  return &g_array_index (self->tokens, Token, self->tokens->len - 1);
}

static const Token *
lexer_last (Lexer *self)
{
  return self->tokens->len > 0 ? &g_array_index (self->tokens, Token, self->tokens->len - 1) : NULL;
}

static char
lexer_peek (Lexer *self,
            gsize  ahead)
{
  return self->pos + ahead < self->len ? self->src[self->pos + ahead] : '\0';
}

/* Skips to the end of the physical line (the newline itself stays). */
static void
lexer_skip_line (Lexer *self)
{
  while (self->pos < self->len && self->src[self->pos] != '\n')
    self->pos++;
}

/* "%time stmt" and "%timeit [-n 10 -r 3] stmt" run stmt in the notebook's
 * namespace: skips the magic (and timeit's options) and returns TRUE so the
 * statement is read; any other line magic is for lexer_line_start to skip. */
static gboolean
lexer_timing_magic (Lexer *self)
{
  const char *p = self->src + self->pos;
  gsize n;

  if (g_str_has_prefix (p, "%time ") || g_str_has_prefix (p, "%time\t"))
    n = strlen ("%time");
  else if (g_str_has_prefix (p, "%timeit ") || g_str_has_prefix (p, "%timeit\t"))
    n = strlen ("%timeit");
  else
    return FALSE;

  for (;;)
    {
      n += strspn (p + n, " \t");
      if (p[n] != '-' || !g_ascii_isalpha (p[n + 1]))
        break;
      n += 2;
      n += strspn (p + n, " \t");
      n += strspn (p + n, "0123456789");
    }

  self->pos = MIN (self->pos + n, self->len);
  return TRUE;
}

/* Measures indentation at the start of a physical line and skips lines
 * that hold no Python: blank, comment-only, magics, shell escapes, help. */
static void
lexer_line_start (Lexer *self)
{
  int col = 0;
  char c;

  while ((c = lexer_peek (self, 0)) == ' ' || c == '\t' || c == '\f' || c == '\r')
    {
      col = c == '\t' ? (col / 8 + 1) * 8 : col + 1;
      self->pos++;
    }

  if (c == '%' && lexer_timing_magic (self))
    c = lexer_peek (self, 0);
  else if (c == '#' || c == '%' || c == '!' || c == '?')
    lexer_skip_line (self);

  if (self->pos >= self->len)
    return;
  if (self->src[self->pos] == '\n')
    {
      self->pos++;
      self->line++;
      return;
    }

  self->at_line_start = FALSE;
  self->line_indent = col;
}

static gboolean
is_ident_start (Lexer *self,
                gsize  pos,
                gsize *char_len)
{
  guchar c = self->src[pos];
  gunichar u;

  *char_len = 1;
  if (g_ascii_isalpha (c) || c == '_')
    return TRUE;
  if (c < 0x80)
    return FALSE;

  /* The source was made valid UTF-8 up front. */
  u = g_utf8_get_char (self->src + pos);
  *char_len = g_utf8_next_char (self->src + pos) - (self->src + pos);
  return g_unichar_isalpha (u) || g_unichar_type (u) == G_UNICODE_LETTER_NUMBER;
}

static gboolean
is_ident_char (Lexer *self,
               gsize  pos,
               gsize *char_len)
{
  if (is_ident_start (self, pos, char_len))
    return TRUE;
  if (g_ascii_isdigit (self->src[pos]))
    return TRUE;
  return (guchar) self->src[pos] >= 0x80 && g_unichar_isdigit (g_utf8_get_char (self->src + pos));
}

static void lexer_run (Lexer *self);

/* Tokenizes one replacement field's expression as "( … )". */
static void
lexer_sub_expression (Lexer *self,
                      gsize  start,
                      gsize  end)
{
  Lexer sub = *self;

  sub.src = self->src + start;
  sub.len = end - start;
  sub.pos = 0;
  sub.depth = 1;  /* newlines inside a field never end a statement */
  sub.at_line_start = FALSE;
  sub.fstring_depth = self->fstring_depth + 1;

  g_strlcpy (lexer_emit (self, TOK_OP)->op, "(", 4);
  lexer_run (&sub);
  g_strlcpy (lexer_emit (self, TOK_OP)->op, ")", 4);
}

/* Skips a quoted string inside a replacement field. */
static gsize
skip_inner_quote (const char *s,
                  gsize       i,
                  gsize       end)
{
  char q = s[i++];

  while (i < end && s[i] != q)
    i += s[i] == '\\' ? 2 : 1;

  return MIN (i + 1, end);
}

static gsize lexer_fstring_field (Lexer *self, gsize i, gsize end, guint spec_depth);

/* The format spec after ':' may hold nested fields ("{x:{width}}"); Python
 * allows two levels, deeper ones are read as plain text. */
static gsize
lexer_fstring_spec (Lexer *self,
                    gsize  i,
                    gsize  end,
                    guint  spec_depth)
{
  const char *s = self->src;

  while (i < end && s[i] != '}')
    {
      if (s[i] == '{' && spec_depth < 2)
        i = lexer_fstring_field (self, i + 1, end, spec_depth + 1);
      else
        i++;
    }

  return MIN (i + 1, end);
}

/* The end of a field's expression without the "=" of "{total=}" (3.8's
 * self-documenting form), which would otherwise read like a keyword
 * argument; "==", "!=", "<=", ">=" are comparisons and stay. */
static gsize
fstring_expression_end (const char *s,
                        gsize       start,
                        gsize       end)
{
  gsize e = end;

  while (e > start && g_ascii_isspace (s[e - 1]))
    e--;
  if (e > start && s[e - 1] == '=' && (e - 1 == start || strchr ("=!<>:", s[e - 2]) == NULL))
    return e - 1;

  return end;
}

/* Reads "expr[=][!conv][:spec]}" starting after the "{"; returns the
 * position after the closing "}". */
static gsize
lexer_fstring_field (Lexer *self,
                     gsize  i,
                     gsize  end,
                     guint  spec_depth)
{
  const char *s = self->src;
  gsize start = i;
  int depth = 0;

  for (; i < end; i++)
    {
      char c = s[i];

      if (c == '\'' || c == '"')
        i = skip_inner_quote (s, i, end) - 1;
      else if (c == '(' || c == '[' || c == '{')
        depth++;
      else if ((c == ')' || c == ']' || c == '}') && depth > 0)
        depth--;
      else if (depth == 0 && (c == '}' || c == ':' || (c == '!' && i + 1 < end && s[i + 1] != '=')))
        break;
    }

  if (i > start && self->fstring_depth < MAX_FSTRING_DEPTH)
    lexer_sub_expression (self, start, fstring_expression_end (s, start, i));

  while (i < end && s[i] == '!')
    i += 2;
  if (i < end && s[i] == ':')
    return lexer_fstring_spec (self, i + 1, end, spec_depth);

  return MIN (i + 1, end);
}

static void
lexer_fstring_fields (Lexer *self,
                      gsize  start,
                      gsize  end)
{
  const char *s = self->src;

  for (gsize i = start; i < end;)
    {
      if (s[i] == '{' && i + 1 < end && s[i + 1] == '{')
        i += 2;
      else if (s[i] == '{')
        i = lexer_fstring_field (self, i + 1, end, 0);
      else
        i++;
    }
}

/* Reads a string whose opening quote is at self->pos; unterminated strings
 * end at the newline (single quotes) or at the end of the source. */
static void
lexer_string (Lexer    *self,
              gboolean  is_format)
{
  char q = self->src[self->pos];
  gboolean triple = lexer_peek (self, 1) == q && lexer_peek (self, 2) == q;
  gsize body, body_end;
  guint first_line = self->line;

  self->pos += triple ? 3 : 1;
  body = self->pos;
  body_end = self->len;

  while (self->pos < self->len)
    {
      char c = self->src[self->pos];

      if (c == '\\')
        {
          if (lexer_peek (self, 1) == '\n')
            self->line++;
          self->pos = MIN (self->pos + 2, self->len);
          continue;
        }
      if (c == '\n' && !triple)
        {
          body_end = self->pos;
          break;
        }
      if (c == '\n')
        self->line++;
      if (c == q && (!triple || (lexer_peek (self, 1) == q && lexer_peek (self, 2) == q)))
        {
          body_end = self->pos;
          self->pos += triple ? 3 : 1;
          break;
        }
      self->pos++;
    }

  lexer_emit (self, TOK_STRING)->line = first_line;
  if (is_format)
    lexer_fstring_fields (self, body, body_end);
}

/* r, b, u, f, t (3.14) and their two-letter combinations. */
static gboolean
is_string_prefix (const char *s,
                  gsize       len,
                  gboolean   *is_format)
{
  *is_format = FALSE;
  if (len == 0 || len > 2)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = g_ascii_tolower (s[i]);

      if (strchr ("rbuft", c) == NULL)
        return FALSE;
      if (c == 'f' || c == 't')
        *is_format = TRUE;
    }

  return TRUE;
}

static void
lexer_name (Lexer *self)
{
  gsize start = self->pos, n;
  gboolean is_format;
  char next;

  while (self->pos < self->len && is_ident_char (self, self->pos, &n))
    self->pos += n;

  next = lexer_peek (self, 0);
  if ((next == '\'' || next == '"')
      && is_string_prefix (self->src + start, self->pos - start, &is_format))
    {
      lexer_string (self, is_format);
      return;
    }

  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, self->src + start, self->pos - start);
  lexer_emit (self, TOK_NAME)->name = g_string_chunk_insert_const (self->names, self->scratch->str);
}

static void
lexer_number (Lexer *self)
{
  gboolean hex = lexer_peek (self, 0) == '0' && g_ascii_tolower (lexer_peek (self, 1)) == 'x';

  while (self->pos < self->len)
    {
      char c = self->src[self->pos];
      char prev = self->pos > 0 ? g_ascii_tolower (self->src[self->pos - 1]) : '\0';

      if (g_ascii_isalnum (c) || c == '_' || c == '.'
          || (!hex && prev == 'e' && (c == '+' || c == '-')))
        self->pos++;
      else
        break;
    }

  lexer_emit (self, TOK_NUMBER);
}

static const char *long_ops[] = {
  "**=", "//=", ">>=", "<<=", "...", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->",
  ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
};

static void
lexer_op (Lexer *self)
{
  const char *p = self->src + self->pos;
  gsize left = self->len - self->pos;
  gsize n = 1;
  char c = *p;
  Token *token;

  /* Every operator longer than one character has one of these second. */
  gboolean may_be_long = left > 1 && strchr ("=*/<>.-", p[1]) != NULL;

  for (guint i = 0; may_be_long && i < G_N_ELEMENTS (long_ops); i++)
    {
      gsize l = strlen (long_ops[i]);

      if (l <= left && strncmp (p, long_ops[i], l) == 0)
        {
          n = l;
          break;
        }
    }

  token = lexer_emit (self, TOK_OP);
  memcpy (token->op, p, n);
  self->pos += n;

  if (n == 1 && (c == '(' || c == '[' || c == '{'))
    self->depth++;
  else if (n == 1 && (c == ')' || c == ']' || c == '}') && self->depth > 0)
    self->depth--;
}

static void
lexer_newline (Lexer *self)
{
  const Token *last = lexer_last (self);

  self->pos++;
  self->line++;
  if (self->depth > 0)
    return;

  if (last != NULL && last->kind != TOK_NEWLINE)
    lexer_emit (self, TOK_NEWLINE);
  self->at_line_start = TRUE;
}

/* IPython rewrites "x = !ls" and "x = %time f()": the rest of the line is
 * not Python. A "!" that is not "!=" is never Python either. */
static gboolean
lexer_is_magic_here (Lexer *self)
{
  const Token *last = lexer_last (self);
  char c = self->src[self->pos];

  if (c == '!')
    return lexer_peek (self, 1) != '=';

  return c == '%' && last != NULL && last->kind == TOK_OP && g_str_equal (last->op, "=");
}

static void
lexer_step (Lexer *self)
{
  char c = self->src[self->pos];
  gsize n = 1;

  if (c == ' ' || c == '\t' || c == '\f' || c == '\r')
    self->pos++;
  else if (c == '\\' && lexer_peek (self, 1) == '\n')
    {
      self->pos += 2;
      self->line++;
    }
  else if (c == '\n')
    lexer_newline (self);
  else if (c == '#' || lexer_is_magic_here (self))
    lexer_skip_line (self);
  else if (c == '\'' || c == '"')
    lexer_string (self, FALSE);
  else if (is_ident_start (self, self->pos, &n))
    lexer_name (self);
  else if (g_ascii_isdigit (c) || (c == '.' && g_ascii_isdigit (lexer_peek (self, 1))))
    lexer_number (self);
  else if (g_ascii_ispunct (c))
    lexer_op (self);
  else
    self->pos += n;  /* control characters, non-letters beyond ASCII */
}

static void
lexer_run (Lexer *self)
{
  while (self->pos < self->len)
    {
      if (self->at_line_start)
        lexer_line_start (self);
      else
        lexer_step (self);
    }
}

/* Cell magics whose body is Python run in the notebook's namespace; any
 * other (%%bash, %%writefile, %%html, %%sql…) makes the cell not Python. */
static gboolean
skip_cell_magic (const char *src,
                 gsize      *pos)
{
  static const char *python_magics[] = { "time", "timeit", "capture", "prun", "debug", "memit" };
  const char *p = src;
  gsize n;

  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  if (!g_str_has_prefix (p, "%%"))
    return TRUE;

  p += 2;
  n = strspn (p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
  for (guint i = 0; i < G_N_ELEMENTS (python_magics); i++)
    {
      if (n == strlen (python_magics[i]) && strncmp (p, python_magics[i], n) == 0)
        {
          const char *nl = strchr (p, '\n');

          *pos = nl != NULL ? (gsize) (nl - src) : strlen (src);
          return TRUE;
        }
    }

  return FALSE;
}

/* Links each bracket to its partner; leftovers stay -1. */
static void
match_brackets (GArray *tokens)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  Token *toks = (Token *) (gpointer) tokens->data;

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *op = toks[i].op;

      if (toks[i].kind == TOK_NEWLINE)
        g_array_set_size (stack, 0);
      if (toks[i].kind != TOK_OP || op[1] != '\0')
        continue;
      if (op[0] == '(' || op[0] == '[' || op[0] == '{')
        g_array_append_val (stack, i);
      else if ((op[0] == ')' || op[0] == ']' || op[0] == '}') && stack->len > 0)
        {
          guint open = g_array_index (stack, guint, stack->len - 1);

          g_array_set_size (stack, stack->len - 1);
          toks[open].match = i;
          toks[i].match = open;
        }
    }
}

GArray *
_atlas_python_tokenize (const char   *source,
                        GStringChunk *names)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) scratch = g_string_new (NULL);
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  Lexer lexer = { 0, };
  const Token *last;

  if (!g_utf8_validate (source, -1, NULL))
    source = valid = g_utf8_make_valid (source, -1);

  lexer.src = source;
  lexer.len = strlen (source);
  lexer.line = 1;
  lexer.at_line_start = TRUE;
  lexer.tokens = tokens;
  lexer.names = names;
  lexer.scratch = scratch;

  if (skip_cell_magic (source, &lexer.pos))
    {
      for (const char *p = source; p < source + lexer.pos; p++)
        lexer.line += *p == '\n';
      lexer_run (&lexer);
    }

  last = lexer_last (&lexer);
  if (last != NULL && last->kind != TOK_NEWLINE)
    lexer_emit (&lexer, TOK_NEWLINE);

  match_brackets (tokens);
  return tokens;
}
