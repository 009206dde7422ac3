/* atlas-python-scan.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-python-scan"

#include "config.h"

#include <string.h>

#include "atlas-python-lexer-private.h"
#include "atlas-python-scan.h"

/* Two stages, both linear in the size of the source:
 *
 * 1. A tokenizer that knows Python's lexical rules well enough never to read
 *    names out of strings or comments: all string prefixes and quotes,
 *    escapes, unterminated strings, backslash continuations, brackets that
 *    join lines, and IPython's additions (line and cell magics, "!shell",
 *    "x = !ls", "?obj" and "obj?"). Replacement fields of f-strings are
 *    tokenized too, wrapped in parentheses, so `f"{acc:.2f}"` reads acc.
 *
 * 2. A statement reader over logical lines that tells stores from loads and
 *    keeps a simple scope model: def and class bodies are scopes (found by
 *    indentation), a name bound anywhere in a function is local to all of it
 *    (as in Python), and a name a function reads without binding is a read
 *    of the cell-level name. Comprehension targets and lambda parameters are
 *    filtered out of the reads of their own expression.
 *
 * Decisions where Python leaves room:
 * - "uses" are all reads of cell-level names, also those the cell itself
 *   defined before (the caller decides what a read-after-write means);
 * - builtins and IPython's own names (display, get_ipython, In, Out, _) are
 *   never uses, but rebinding one is a definition;
 * - a statement that reads a name before binding it ("x = x + 1",
 *   "x += 1", "df = clean(df)") does not define it unless the cell bound it
 *   before: it needs the name to exist, so it cannot be what creates it;
 * - "from m import *" defines nothing we could name; a bare annotation
 *   "x: int" defines nothing (as in Python); "global x" in a function makes
 *   its assignments to x cell-level definitions;
 * - class bodies bind class attributes, not cell names, and their methods
 *   do not see them (as in Python);
 * - "case" patterns are skipped (their captures are not definitions);
 * - "%time stmt" and "%timeit stmt" are read as stmt; other line magics are
 *   skipped; cell magics other than %%time, %%timeit, %%capture, %%prun,
 *   %%debug and %%memit make the whole cell non-Python.
 *
 * Garbage never makes it fail: unbalanced brackets just make one long
 * logical line, and nesting no real cell has (more than 64 brackets in an
 * expression, 100 scopes, 4 levels of f-strings) is flattened, which is what
 * keeps the work linear on hostile input. */

#define MAX_EXPR_FRAMES   64
#define MAX_SCOPES        100


/* ---- names Python itself provides ------------------------------------- */

enum { WORD_KEYWORD = 1, WORD_BUILTIN };

static const char *keywords[] = {
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
  "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
  "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
  "try", "while", "with", "yield",
};

/* Builtins, plus what IPython puts in every namespace: reading them says
 * nothing about the notebook's other cells. */
static const char *builtins[] = {
  "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray",
  "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits",
  "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float",
  "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input",
  "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max",
  "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property",
  "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
  "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "__import__",
  "__name__", "__file__", "__doc__", "__builtins__", "__debug__", "__spec__", "__loader__",
  "__package__", "NotImplemented", "Ellipsis", "BaseException", "BaseExceptionGroup",
  "Exception", "ExceptionGroup", "ArithmeticError", "AssertionError", "AttributeError",
  "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
  "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError",
  "ConnectionResetError", "DeprecationWarning", "EOFError", "EncodingWarning",
  "EnvironmentError", "FileExistsError", "FileNotFoundError", "FloatingPointError",
  "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning",
  "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError",
  "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
  "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError",
  "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError",
  "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
  "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
  "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError",
  "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
  "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError",
  /* IPython */
  "display", "get_ipython", "In", "Out", "_", "__", "___", "_i", "_ii", "_iii", "_ih",
  "_oh", "_dh",
};

static int
word_kind (const char *name)
{
  static GHashTable *words;

  if (g_once_init_enter (&words))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
        g_hash_table_insert (table, (gpointer) keywords[i], GINT_TO_POINTER (WORD_KEYWORD));
      for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
        g_hash_table_insert (table, (gpointer) builtins[i], GINT_TO_POINTER (WORD_BUILTIN));
      g_once_init_leave (&words, table);
    }

  return GPOINTER_TO_INT (g_hash_table_lookup (words, name));
}


/* ---- scopes ----------------------------------------------------------- */

typedef enum
{
  SCOPE_MODULE,
  SCOPE_FUNCTION,
  SCOPE_CLASS,
} ScopeKind;

enum { DECLARED_GLOBAL = 1, DECLARED_NONLOCAL };

typedef struct
{
  ScopeKind   kind;
  int         indent;       /* of the header; the body is indented further */
  gboolean    inline_body;  /* "def f(): return x": ends with its line */
  GHashTable *locals;
  GHashTable *declared;     /* global / nonlocal declarations */
  GPtrArray  *loads;        /* names read, in order, duplicates kept */
} Scope;

static Scope *
scope_new (ScopeKind kind,
           int       indent)
{
  Scope *scope = g_new0 (Scope, 1);

  scope->kind = kind;
  scope->indent = indent;
  scope->locals = g_hash_table_new (NULL, NULL);
  scope->declared = g_hash_table_new (NULL, NULL);
  scope->loads = g_ptr_array_new ();

  return scope;
}

static void
scope_free (Scope *scope)
{
  g_hash_table_unref (scope->locals);
  g_hash_table_unref (scope->declared);
  g_ptr_array_unref (scope->loads);
  g_free (scope);
}

typedef struct
{
  const Token *toks;
  guint        n_toks;
  guint       *next_semicolon;  /* per depth-0 token: the ";" ending its statement */
  GPtrArray   *scopes;     /* stack, module first */
  GHashTable  *defines;
  GHashTable  *uses;
  GPtrArray   *imports;    /* nullable */
  guint        cell;
  /* The module scope's loads [read_from, read_to) are those the statement
   * being bound read first: "x = x + 1" and "x += 1" need an x to exist, so
   * they cannot be what creates it. */
  guint        read_from;
  guint        read_to;
} Analyzer;

static Scope *
analyzer_scope (Analyzer *self)
{
  return g_ptr_array_index (self->scopes, self->scopes->len - 1);
}

static void
analyzer_bind (Analyzer   *self,
               const char *name)
{
  Scope *scope = analyzer_scope (self);
  int declared = GPOINTER_TO_INT (g_hash_table_lookup (scope->declared, name));

  if (scope->kind == SCOPE_MODULE && !g_hash_table_contains (self->defines, name))
    {
      for (guint i = self->read_from; i < self->read_to; i++)
        if (scope->loads->pdata[i] == name)
          return;
    }
  if (scope->kind == SCOPE_MODULE || declared == DECLARED_GLOBAL)
    g_hash_table_add (self->defines, (gpointer) name);
  else if (declared == 0)
    g_hash_table_add (scope->locals, (gpointer) name);
}

static void
analyzer_load (Analyzer   *self,
               const char *name)
{
  if (word_kind (name) == 0)
    g_ptr_array_add (analyzer_scope (self)->loads, (gpointer) name);
}

static void
analyzer_push_scope (Analyzer  *self,
                     ScopeKind  kind,
                     int        indent)
{
  g_ptr_array_add (self->scopes, scope_new (kind, indent));
}

/* A function's reads that it does not bind are reads of the enclosing
 * function's or the cell's names; class bodies are skipped, as in Python. */
static void
analyzer_pop_scope (Analyzer *self)
{
  Scope *scope = g_ptr_array_steal_index (self->scopes, self->scopes->len - 1);
  Scope *target = NULL;

  for (guint i = self->scopes->len; i > 0 && target == NULL; i--)
    {
      Scope *outer = g_ptr_array_index (self->scopes, i - 1);

      if (outer->kind != SCOPE_CLASS)
        target = outer;
    }

  for (guint i = 0; i < scope->loads->len; i++)
    {
      gpointer name = scope->loads->pdata[i];

      if (!g_hash_table_contains (scope->locals, name))
        g_ptr_array_add (target->loads, name);
    }

  scope_free (scope);
}

/* ---- token helpers ---------------------------------------------------- */

static gboolean
tok_is_op (const Token *tok,
           const char  *op)
{
  return tok->kind == TOK_OP && strcmp (tok->op, op) == 0;
}

static gboolean
tok_is_word (const Token *tok,
             const char  *word)
{
  return tok->kind == TOK_NAME && strcmp (tok->name, word) == 0;
}

static gboolean
tok_is_opener (const Token *tok)
{
  return tok->kind == TOK_OP && tok->op[1] == '\0' && strchr ("([{", tok->op[0]) != NULL;
}

static gboolean
tok_is_closer (const Token *tok)
{
  return tok->kind == TOK_OP && tok->op[1] == '\0' && strchr (")]}", tok->op[0]) != NULL;
}

static gboolean
tok_is_identifier (const Token *tok)
{
  return tok->kind == TOK_NAME && word_kind (tok->name) != WORD_KEYWORD;
}

/* For an opener at @i, the index of its closer if it lies before @end;
 * else @end - 1, so that a loop's i++ leaves the range. */
static guint
skip_group (Analyzer *self,
            guint     i,
            guint     end)
{
  int match = self->toks[i].match;

  if (!tok_is_opener (&self->toks[i]))
    return i;

  return (match > (int) i && (guint) match < end) ? (guint) match : end - 1;
}

/* The first token at bracket depth 0 in [start, end) that @pred accepts. */
static guint
find_at_depth0 (Analyzer  *self,
                guint      start,
                guint      end,
                gboolean (*pred) (const Token *tok))
{
  for (guint i = start; i < end; i++)
    {
      if (pred (&self->toks[i]))
        return i;
      i = skip_group (self, i, end);
    }

  return end;
}

static gboolean
is_comma (const Token *tok)
{
  return tok_is_op (tok, ",");
}

static gboolean
is_as (const Token *tok)
{
  return tok_is_word (tok, "as");
}

static gboolean
is_in (const Token *tok)
{
  return tok_is_word (tok, "in");
}

/* The ":" that ends a compound statement's header, passing over the
 * colons of lambdas at depth 0. */
static guint
find_header_colon (Analyzer *self,
                   guint     start,
                   guint     end)
{
  guint lambdas = 0;

  for (guint i = start; i < end; i++)
    {
      if (tok_is_word (&self->toks[i], "lambda"))
        lambdas++;
      else if (tok_is_op (&self->toks[i], ":") && lambdas > 0)
        lambdas--;
      else if (tok_is_op (&self->toks[i], ":"))
        return i;
      i = skip_group (self, i, end);
    }

  return end;
}

/* ---- expressions ------------------------------------------------------ */

typedef enum
{
  FRAME_BRACKET,
  FRAME_LAMBDA,
} FrameKind;

/* A bracket (a possible comprehension) or a lambda inside an expression:
 * the names it binds are filtered out of the reads made since load_start. */
typedef struct
{
  FrameKind   kind;
  int         depth;
  guint       load_start;
  GHashTable *bound;        /* created on first use */
  gboolean    is_call;      /* "f(" : NAME= inside is a keyword argument */
  gboolean    in_targets;   /* comprehension: between "for" and "in" */
  gboolean    in_params;    /* lambda: before its ":" */
  gboolean    in_default;   /* lambda: in a parameter's default */
} ExprFrame;

typedef struct
{
  Analyzer *analyzer;
  GArray   *frames;     /* element-type ExprFrame */
  int       depth;
  guint     overflow;   /* brackets opened beyond MAX_EXPR_FRAMES */
} ExprWalker;

static ExprFrame *
walker_top (ExprWalker *self)
{
  if (self->frames->len == 0)
    return NULL;

  return &g_array_index (self->frames, ExprFrame, self->frames->len - 1);
}

static void
frame_bind (ExprFrame  *frame,
            const char *name)
{
  if (frame->bound == NULL)
    frame->bound = g_hash_table_new (NULL, NULL);
  g_hash_table_add (frame->bound, (gpointer) name);
}

static void
walker_pop (ExprWalker *self)
{
  ExprFrame *frame = walker_top (self);
  GPtrArray *loads = analyzer_scope (self->analyzer)->loads;
  guint kept = frame->load_start;

  if (frame->bound != NULL)
    {
      for (guint i = frame->load_start; i < loads->len; i++)
        if (!g_hash_table_contains (frame->bound, loads->pdata[i]))
          loads->pdata[kept++] = loads->pdata[i];
      g_ptr_array_set_size (loads, kept);
      g_hash_table_unref (frame->bound);
    }

  g_array_set_size (self->frames, self->frames->len - 1);
}

static void
walker_push (ExprWalker *self,
             FrameKind   kind,
             gboolean    is_call)
{
  ExprFrame frame = { kind, self->depth, analyzer_scope (self->analyzer)->loads->len, NULL,
                      is_call, FALSE, kind == FRAME_LAMBDA, FALSE };

  g_array_append_val (self->frames, frame);
}

/* Ends the lambdas whose body a "," / ":" / "for" / closer at the current
 * depth terminates. */
static void
walker_end_lambdas (ExprWalker *self,
                    int         depth)
{
  ExprFrame *top;

  while ((top = walker_top (self)) != NULL && top->kind == FRAME_LAMBDA && top->depth >= depth
         && (!top->in_params || top->depth > depth))
    walker_pop (self);
}

static gboolean
is_call_position (const Token *prev)
{
  if (prev == NULL)
    return FALSE;

  return tok_is_identifier (prev) || prev->kind == TOK_STRING
         || tok_is_op (prev, ")") || tok_is_op (prev, "]");
}

static void
walker_open (ExprWalker  *self,
             const Token *prev)
{
  self->depth++;
  if (self->frames->len < MAX_EXPR_FRAMES)
    walker_push (self, FRAME_BRACKET, is_call_position (prev));
  else
    self->overflow++;
}

static void
walker_close (ExprWalker *self)
{
  ExprFrame *top;

  if (self->depth == 0)
    return;

  while ((top = walker_top (self)) != NULL && top->kind == FRAME_LAMBDA
         && top->depth >= self->depth)
    walker_pop (self);

  if (self->overflow > 0)
    self->overflow--;
  else if ((top = walker_top (self)) != NULL && top->depth == self->depth)
    walker_pop (self);

  self->depth--;
}

static void
walker_op (ExprWalker  *self,
           const Token *tok,
           const Token *prev)
{
  ExprFrame *top = walker_top (self);
  gboolean lambda_here = top != NULL && top->kind == FRAME_LAMBDA && top->depth == self->depth;

  if (tok_is_opener (tok))
    walker_open (self, prev);
  else if (tok_is_closer (tok))
    walker_close (self);
  else if (tok_is_op (tok, ",") && lambda_here && top->in_params)
    top->in_default = FALSE;
  else if (tok_is_op (tok, ",") || tok_is_op (tok, ":"))
    {
      if (tok_is_op (tok, ":") && lambda_here && top->in_params)
        {
          top->in_params = FALSE;
          top->load_start = analyzer_scope (self->analyzer)->loads->len;
        }
      else
        walker_end_lambdas (self, self->depth);
    }
  else if (tok_is_op (tok, "=") && lambda_here && top->in_params)
    top->in_default = TRUE;
}

static void
walker_keyword (ExprWalker  *self,
                const Token *tok)
{
  ExprFrame *top;

  if (tok_is_word (tok, "lambda"))
    {
      if (self->frames->len < MAX_EXPR_FRAMES)
        walker_push (self, FRAME_LAMBDA, FALSE);
      return;
    }

  if (tok_is_word (tok, "for"))
    walker_end_lambdas (self, self->depth);

  top = walker_top (self);
  if (top == NULL || top->kind != FRAME_BRACKET || top->depth != self->depth || self->depth == 0)
    return;

  if (tok_is_word (tok, "for"))
    top->in_targets = TRUE;
  else if (tok_is_word (tok, "in"))
    top->in_targets = FALSE;
}

static void
walker_name (ExprWalker  *self,
             const Token *tok,
             const Token *prev,
             const Token *next)
{
  ExprFrame *top = walker_top (self);
  gboolean here = top != NULL && top->depth == self->depth;

  if (prev != NULL && tok_is_op (prev, "."))
    return;

  if (here && top->kind == FRAME_LAMBDA && top->in_params && !top->in_default)
    frame_bind (top, tok->name);
  else if (here && top->kind == FRAME_BRACKET && top->in_targets)
    frame_bind (top, tok->name);
  else if (next != NULL && tok_is_op (next, ":="))
    analyzer_bind (self->analyzer, tok->name);
  else if (next != NULL && tok_is_op (next, "=")
           && here && top->kind == FRAME_BRACKET && top->is_call)
    return;  /* keyword argument */
  else
    analyzer_load (self->analyzer, tok->name);
}

/* Records the reads (and walrus binds) of the expression in [start, end). */
static void
analyzer_scan_expr (Analyzer *self,
                    guint     start,
                    guint     end)
{
  ExprWalker walker = { self, g_array_new (FALSE, FALSE, sizeof (ExprFrame)), 0, 0 };

  for (guint i = start; i < end; i++)
    {
      const Token *tok = &self->toks[i];
      const Token *prev = i > 0 ? tok - 1 : NULL;
      const Token *next = i + 1 < end ? tok + 1 : NULL;

      if (tok->kind == TOK_OP)
        walker_op (&walker, tok, prev);
      else if (tok->kind == TOK_NAME && word_kind (tok->name) == WORD_KEYWORD)
        walker_keyword (&walker, tok);
      else if (tok->kind == TOK_NAME)
        walker_name (&walker, tok, prev, next);
    }

  while (walker.frames->len > 0)
    walker_pop (&walker);
  g_array_unref (walker.frames);
}

/* Records an assignment target: bare names (also inside tuple and list
 * unpacking) are bound; the base of an attribute or subscript is read, and
 * so is everything inside a subscript or call. */
static void
analyzer_scan_target (Analyzer *self,
                      guint     start,
                      guint     end,
                      gboolean  also_load)
{
  for (guint i = start; i < end; i++)
    {
      const Token *tok = &self->toks[i];
      const Token *prev = i > 0 ? tok - 1 : NULL;
      const Token *next = i + 1 < end ? tok + 1 : NULL;

      if (tok_is_opener (tok) && is_call_position (prev))
        {
          guint close = skip_group (self, i, end);

          analyzer_scan_expr (self, i, close + 1);
          i = close;
        }
      else if (!tok_is_identifier (tok) || (prev != NULL && tok_is_op (prev, ".")))
        continue;
      else if (next != NULL
               && (tok_is_op (next, ".") || tok_is_op (next, "[") || tok_is_op (next, "(")))
        analyzer_load (self, tok->name);
      else
        {
          analyzer_bind (self, tok->name);
          if (also_load)
            analyzer_load (self, tok->name);
        }
    }
}

/* ---- statements ------------------------------------------------------- */

static gboolean
is_augmented_assign (const Token *tok)
{
  gsize n = strlen (tok->op);

  return tok->kind == TOK_OP && n >= 2 && tok->op[n - 1] == '='
         && strcmp (tok->op, "==") != 0 && strcmp (tok->op, "<=") != 0
         && strcmp (tok->op, ">=") != 0 && strcmp (tok->op, "!=") != 0
         && strcmp (tok->op, ":=") != 0;
}

typedef struct
{
  GArray *equals;    /* positions of top-level "=" */
  int     augmented;
  int     annotation;
} AssignShape;

static void
find_assign_shape (Analyzer    *self,
                   guint        start,
                   guint        end,
                   AssignShape *shape)
{
  for (guint i = start; i < end; i++)
    {
      const Token *tok = &self->toks[i];

      if (tok_is_word (tok, "lambda"))
        break;  /* any "=" or ":" after it belongs to the lambda */
      if (tok_is_op (tok, "="))
        g_array_append_val (shape->equals, i);
      else if (is_augmented_assign (tok))
        {
          shape->augmented = i;
          break;
        }
      else if (tok_is_op (tok, ":") && shape->annotation < 0 && shape->equals->len == 0)
        shape->annotation = i;
      i = skip_group (self, i, end);
    }
}

static void
analyzer_annotated (Analyzer          *self,
                    guint              start,
                    guint              end,
                    const AssignShape *shape)
{
  guint colon = shape->annotation;

  if (shape->equals->len > 0)
    {
      guint eq = g_array_index (shape->equals, guint, 0);

      analyzer_scan_target (self, start, colon, FALSE);
      analyzer_scan_expr (self, colon + 1, eq);
      analyzer_scan_expr (self, eq + 1, end);
      return;
    }

  /* A bare "x: int" binds nothing; "self.x: int" reads self. */
  if (colon != start + 1 || !tok_is_identifier (&self->toks[start]))
    analyzer_scan_expr (self, start, colon);
  analyzer_scan_expr (self, colon + 1, end);
}

/* Expression statements and every kind of assignment. */
static void
analyzer_simple (Analyzer *self,
                 guint     start,
                 guint     end)
{
  AssignShape shape = { g_array_new (FALSE, FALSE, sizeof (guint)), -1, -1 };
  guint from = start;

  find_assign_shape (self, start, end, &shape);

  if (shape.augmented >= 0)
    {
      Scope *scope = analyzer_scope (self);

      /* The target is read before it is bound, as Python does. */
      self->read_from = scope->loads->len;
      if ((guint) shape.augmented == start + 1 && tok_is_identifier (&self->toks[start]))
        analyzer_load (self, self->toks[start].name);
      self->read_to = scope->loads->len;
      analyzer_scan_target (self, start, shape.augmented, FALSE);
      analyzer_scan_expr (self, shape.augmented + 1, end);
    }
  else if (shape.annotation >= 0)
    analyzer_annotated (self, start, end, &shape);
  else
    {
      Scope *scope = analyzer_scope (self);
      guint value = shape.equals->len > 0
                    ? g_array_index (shape.equals, guint, shape.equals->len - 1) + 1 : start;

      /* The value first, then the targets, in Python's order. */
      self->read_from = scope->loads->len;
      analyzer_scan_expr (self, value, end);
      self->read_to = scope->loads->len;
      for (guint i = 0; i < shape.equals->len; i++)
        {
          guint eq = g_array_index (shape.equals, guint, i);

          analyzer_scan_target (self, from, eq, FALSE);
          from = eq + 1;
        }
    }
  self->read_from = self->read_to = 0;

  g_array_unref (shape.equals);
}

/* def NAME(params) -> ann: — defaults and annotations are read in the
 * enclosing scope, the parameters are bound in the new one. */
static void
analyzer_params (Analyzer  *self,
                 guint      start,
                 guint      end,
                 GPtrArray *params)
{
  gboolean expect_name = TRUE;

  for (guint i = start; i < end; i++)
    {
      const Token *tok = &self->toks[i];

      if (tok_is_op (tok, ","))
        expect_name = TRUE;
      else if (tok_is_op (tok, ":") || tok_is_op (tok, "="))
        {
          guint comma = find_at_depth0 (self, i + 1, end, is_comma);

          analyzer_scan_expr (self, i + 1, comma);
          i = comma - 1;
        }
      else if (expect_name && tok_is_identifier (tok))
        {
          g_ptr_array_add (params, (gpointer) tok->name);
          expect_name = FALSE;
        }
      else
        i = skip_group (self, i, end);
    }
}

/* Pushes the new scope unless nesting is absurd; then the body just stays
 * in the current scope. */
static void
analyzer_open_body (Analyzer  *self,
                    ScopeKind  kind,
                    guint      header,
                    guint      colon,
                    guint      end,
                    GPtrArray *params)
{
  if (self->scopes->len >= MAX_SCOPES)
    return;

  analyzer_push_scope (self, kind, self->toks[header].indent);
  analyzer_scope (self)->inline_body = colon + 1 < end;
  for (guint i = 0; params != NULL && i < params->len; i++)
    g_hash_table_add (analyzer_scope (self)->locals, params->pdata[i]);
}

static guint
analyzer_def (Analyzer *self,
              guint     start,
              guint     end)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  guint i = start + 1;
  guint colon;

  if (i < end && tok_is_identifier (&self->toks[i]))
    analyzer_bind (self, self->toks[i++].name);

  if (i < end && tok_is_op (&self->toks[i], "("))
    {
      guint close = skip_group (self, i, end);

      analyzer_params (self, i + 1, close, params);
      i = close + 1;
    }

  colon = find_header_colon (self, i, end);
  analyzer_scan_expr (self, i, colon);  /* the "-> ann" */
  analyzer_open_body (self, SCOPE_FUNCTION, start, colon, end, params);

  return colon + 1;
}

static guint
analyzer_class (Analyzer *self,
                guint     start,
                guint     end)
{
  guint i = start + 1;
  guint colon;

  if (i < end && tok_is_identifier (&self->toks[i]))
    analyzer_bind (self, self->toks[i++].name);

  /* The bases, read like a call so "metaclass=M" is a keyword argument. */
  colon = find_header_colon (self, i, end);
  analyzer_scan_expr (self, i, colon);
  analyzer_open_body (self, SCOPE_CLASS, start, colon, end, NULL);

  return colon + 1;
}

static guint
analyzer_for (Analyzer *self,
              guint     start,
              guint     end)
{
  guint colon = find_header_colon (self, start + 1, end);
  guint in = find_at_depth0 (self, start + 1, colon, is_in);

  if (in < colon)
    {
      analyzer_scan_target (self, start + 1, in, FALSE);
      analyzer_scan_expr (self, in + 1, colon);
    }
  else
    analyzer_scan_expr (self, start + 1, colon);

  return colon + 1;
}

/* "expr as target" in with and except headers. */
static void
analyzer_as_item (Analyzer *self,
                  guint     start,
                  guint     end)
{
  guint as = find_at_depth0 (self, start, end, is_as);

  analyzer_scan_expr (self, start, as);
  if (as < end)
    analyzer_scan_target (self, as + 1, end, FALSE);
}

static guint
analyzer_with (Analyzer *self,
               guint     start,
               guint     end)
{
  guint colon = find_header_colon (self, start + 1, end);
  guint from = start + 1;
  guint to = colon;

  /* Python 3.10's "with (open(a) as f, open(b) as g):". */
  if (from < to && tok_is_op (&self->toks[from], "(") && skip_group (self, from, to) == to - 1
      && find_at_depth0 (self, from + 1, to - 1, is_as) < to - 1)
    {
      from++;
      to--;
    }

  while (from < to)
    {
      guint comma = find_at_depth0 (self, from, to, is_comma);

      analyzer_as_item (self, from, comma);
      from = comma + 1;
    }

  return colon + 1;
}

static guint
analyzer_except (Analyzer *self,
                 guint     start,
                 guint     end)
{
  guint colon = find_header_colon (self, start + 1, end);

  analyzer_as_item (self, start + 1, colon);
  return colon + 1;
}

static void
analyzer_declare (Analyzer *self,
                  guint     start,
                  guint     end)
{
  Scope *scope = analyzer_scope (self);
  int kind = tok_is_word (&self->toks[start], "global") ? DECLARED_GLOBAL : DECLARED_NONLOCAL;

  if (scope->kind == SCOPE_MODULE)
    return;

  for (guint i = start + 1; i < end; i++)
    if (tok_is_identifier (&self->toks[i]))
      g_hash_table_insert (scope->declared, (gpointer) self->toks[i].name, GINT_TO_POINTER (kind));
}

/* ---- imports ---------------------------------------------------------- */

void
atlas_import_free (AtlasImport *import)
{
  if (import == NULL)
    return;

  g_free (import->module);
  g_free (import->name);
  g_free (import->symbol);
  g_free (import->package);
  g_free (import);
}

/**
 * atlas_python_top_package:
 * @module: a dotted module name, possibly relative (".utils")
 *
 * Returns: (transfer full): the first component; "" for relative modules
 */
char *
atlas_python_top_package (const char *module)
{
  g_return_val_if_fail (module != NULL, NULL);

  return g_strndup (module, strcspn (module, "."));
}

/* @symbol is the imported name of a from-import, NULL for "import m". */
static void
analyzer_add_import (Analyzer    *self,
                     const char  *module,
                     const char  *symbol,
                     const char  *name,
                     guint        line)
{
  AtlasImport *import;

  if (strcmp (name, "*") != 0)
    analyzer_bind (self, name);
  if (self->imports == NULL || *module == '\0')
    return;

  import = g_new0 (AtlasImport, 1);
  import->module = g_strdup (module);
  import->name = g_strdup (name);
  import->symbol = g_strdup (symbol);
  import->package = atlas_python_top_package (module);
  import->cell = self->cell;
  import->line = line;
  g_ptr_array_add (self->imports, import);
}

/* Reads a dotted name ("a.b.c", or "..a" in from-imports) starting at *i;
 * returns the first component's canonical string, or NULL. */
static const char *
read_dotted (Analyzer *self,
             guint    *i,
             guint     end,
             GString  *out)
{
  const char *first = NULL;

  for (; *i < end; (*i)++)
    {
      const Token *tok = &self->toks[*i];

      if (tok_is_op (tok, ".") || tok_is_op (tok, "..."))
        g_string_append (out, tok->op);
      else if (tok_is_identifier (tok) && (out->len == 0 || out->str[out->len - 1] == '.'))
        {
          first = first != NULL ? first : tok->name;
          g_string_append (out, tok->name);
        }
      else
        break;
    }

  return first;
}

/* After a dotted name: an optional "as NAME"; returns that NAME or NULL. */
static const char *
read_alias (Analyzer *self,
            guint    *i,
            guint     end)
{
  if (*i + 1 < end && tok_is_word (&self->toks[*i], "as")
      && tok_is_identifier (&self->toks[*i + 1]))
    {
      *i += 2;
      return self->toks[*i - 1].name;
    }

  return NULL;
}

/* import a.b.c, d as e — "a.b.c" binds a. */
static void
analyzer_import (Analyzer *self,
                 guint     start,
                 guint     end)
{
  g_autoptr(GString) module = g_string_new (NULL);
  guint line = self->toks[start].line;

  for (guint i = start + 1; i < end;)
    {
      const char *first, *alias;

      g_string_truncate (module, 0);
      first = read_dotted (self, &i, end, module);
      alias = read_alias (self, &i, end);
      if (first != NULL && module->str[0] != '.')
        analyzer_add_import (self, module->str, NULL, alias != NULL ? alias : first, line);

      /* Skip to after the next comma (or past garbage). */
      while (i < end && !tok_is_op (&self->toks[i], ","))
        i++;
      i++;
    }
}

/* from .mod import (a as b, c) — also "*". */
static void
analyzer_from_import (Analyzer *self,
                      guint     start,
                      guint     end)
{
  g_autoptr(GString) module = g_string_new (NULL);
  guint line = self->toks[start].line;
  guint i = start + 1;

  read_dotted (self, &i, end, module);
  if (module->len == 0 || i >= end || !tok_is_word (&self->toks[i], "import"))
    return;

  for (i++; i < end; i++)
    {
      const Token *tok = &self->toks[i];
      const char *alias;

      if (tok_is_op (tok, "*"))
        analyzer_add_import (self, module->str, "*", "*", line);
      else if (tok_is_identifier (tok))
        {
          i++;
          alias = read_alias (self, &i, end);
          analyzer_add_import (self, module->str, tok->name,
                               alias != NULL ? alias : tok->name, line);
          i--;
        }
    }
}

/* ---- statement dispatch ----------------------------------------------- */

/* "match x:" and "case P:" are statements only when they end in a colon
 * and are not used as names ("match = re.match(…)"). */
static gboolean
is_soft_keyword_statement (Analyzer *self,
                           guint     start,
                           guint     end)
{
  const Token *next;

  if (!tok_is_word (&self->toks[start], "match") && !tok_is_word (&self->toks[start], "case"))
    return FALSE;
  if (start + 1 >= end || !tok_is_op (&self->toks[end - 1], ":"))
    return FALSE;

  next = &self->toks[start + 1];
  return !(next->kind == TOK_OP && (tok_is_op (next, "=") || tok_is_op (next, ".")
                                    || is_augmented_assign (next) || tok_is_op (next, ":")));
}

static guint
analyzer_header (Analyzer *self,
                 guint     start,
                 guint     end,
                 gboolean  read_condition)
{
  guint colon = find_header_colon (self, start + 1, end);

  if (read_condition)
    analyzer_scan_expr (self, start + 1, colon);

  return colon + 1;
}

static guint
analyzer_keyword_statement (Analyzer *self,
                            guint     start,
                            guint     end)
{
  const char *word = self->toks[start].name;

  if (g_str_equal (word, "async"))
    return start + 1;
  if (g_str_equal (word, "def"))
    return analyzer_def (self, start, end);
  if (g_str_equal (word, "class"))
    return analyzer_class (self, start, end);
  if (g_str_equal (word, "for"))
    return analyzer_for (self, start, end);
  if (g_str_equal (word, "with"))
    return analyzer_with (self, start, end);
  if (g_str_equal (word, "except"))
    return analyzer_except (self, start, end);
  if (g_str_equal (word, "if") || g_str_equal (word, "elif") || g_str_equal (word, "while"))
    return analyzer_header (self, start, end, TRUE);
  if (g_str_equal (word, "else") || g_str_equal (word, "try") || g_str_equal (word, "finally"))
    return analyzer_header (self, start, end, FALSE);

  if (g_str_equal (word, "import"))
    analyzer_import (self, start, end);
  else if (g_str_equal (word, "from"))
    analyzer_from_import (self, start, end);
  else if (g_str_equal (word, "global") || g_str_equal (word, "nonlocal"))
    analyzer_declare (self, start, end);
  else
    analyzer_scan_expr (self, start, end);  /* return, del, raise, assert, yield… */

  return end;
}

/* Reads one statement starting at @start; returns where the next one
 * starts (after a compound header's colon, or at the ";"). */
static guint
analyzer_statement (Analyzer *self,
                    guint     start,
                    guint     end)
{
  const Token *tok = &self->toks[start];
  guint stmt_end = self->next_semicolon[start];

  if (stmt_end == start)
    return start + 1;

  if (tok->kind == TOK_NAME && word_kind (tok->name) == WORD_KEYWORD)
    return analyzer_keyword_statement (self, start, stmt_end);

  if (is_soft_keyword_statement (self, start, stmt_end))
    {
      /* Capture patterns of "case" are left alone: best effort. */
      if (tok_is_word (tok, "match"))
        analyzer_scan_expr (self, start + 1, stmt_end - 1);
      return stmt_end;
    }

  analyzer_simple (self, start, stmt_end);
  return stmt_end;
}

/* Fills next_semicolon for the depth-0 tokens of a logical line, walking
 * backwards so that every statement finds its end in constant time. */
static void
analyzer_index_semicolons (Analyzer *self,
                           guint     start,
                           guint     end)
{
  guint next = end;

  for (guint i = start; i < end; i++)
    self->next_semicolon[i] = end;

  for (guint i = end; i > start; i--)
    {
      const Token *tok = &self->toks[i - 1];

      if (tok_is_closer (tok) && tok->match >= (int) start && tok->match < (int) (i - 1))
        {
          i = tok->match + 1;
          self->next_semicolon[i - 1] = next;
          continue;
        }
      if (tok_is_op (tok, ";"))
        next = i - 1;
      self->next_semicolon[i - 1] = next;
    }
}

static gboolean
line_has_help (Analyzer *self,
               guint     start,
               guint     end)
{
  for (guint i = start; i < end; i++)
    if (tok_is_op (&self->toks[i], "?"))
      return TRUE;

  return FALSE;
}

static void
analyzer_logical_line (Analyzer *self,
                       guint     start,
                       guint     end)
{
  int indent = self->toks[start].indent;
  guint depth = self->scopes->len;

  while (self->scopes->len > 1 && indent <= analyzer_scope (self)->indent)
    analyzer_pop_scope (self);

  /* "obj?" and "obj??" ask IPython for help; nothing runs. */
  if (line_has_help (self, start, end))
    return;

  analyzer_index_semicolons (self, start, end);
  depth = self->scopes->len;
  /* Every statement moves forward, whatever the garbage. */
  for (guint i = start; i < end;)
    {
      guint next = analyzer_statement (self, i, end);

      i = MAX (next, i + 1);
    }

  while (self->scopes->len > depth && analyzer_scope (self)->inline_body)
    analyzer_pop_scope (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Sorted, unique, owned copies of a set of canonical names. */
static char **
set_to_strv (GHashTable *set)
{
  GPtrArray *array = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (array, g_strdup (name));

  g_ptr_array_sort (array, compare_strings);
  g_ptr_array_add (array, NULL);
  return (char **) g_ptr_array_free (array, FALSE);
}

static void
analyze (const char   *source,
         guint         cell,
         GPtrArray    *imports,
         char       ***defines,
         char       ***uses)
{
  GStringChunk *names = g_string_chunk_new (4096);
  g_autoptr(GArray) tokens = _atlas_python_tokenize (source != NULL ? source : "", names);
  g_autoptr(GHashTable) defined = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autofree guint *next_semicolon = g_new (guint, tokens->len + 1);
  Analyzer self = { (const Token *) (gpointer) tokens->data, tokens->len, next_semicolon,
                    g_ptr_array_new (), defined, used, imports, cell };
  guint start = 0;
  Scope *module;

  analyzer_push_scope (&self, SCOPE_MODULE, -1);

  for (guint i = 0; i < self.n_toks; i++)
    {
      if (self.toks[i].kind != TOK_NEWLINE)
        continue;
      if (i > start)
        analyzer_logical_line (&self, start, i);
      start = i + 1;
    }

  while (self.scopes->len > 1)
    analyzer_pop_scope (&self);

  module = g_ptr_array_index (self.scopes, 0);
  for (guint i = 0; i < module->loads->len; i++)
    g_hash_table_add (used, module->loads->pdata[i]);

  if (defines != NULL)
    *defines = set_to_strv (defined);
  if (uses != NULL)
    *uses = set_to_strv (used);

  scope_free (module);
  g_ptr_array_unref (self.scopes);
  g_string_chunk_free (names);
}

/**
 * atlas_python_scan_imports:
 * @source: (nullable): a code cell's source
 * @cell: the cell's index, copied into each import
 * @imports: (element-type AtlasImport): where to append the imports
 *
 * Relative imports ("from . import x") get module "." and package "".
 */
void
atlas_python_scan_imports (const char *source,
                           guint       cell,
                           GPtrArray  *imports)
{
  g_return_if_fail (imports != NULL);

  analyze (source, cell, imports, NULL, NULL);
}

/**
 * atlas_python_scan_names:
 * @source: (nullable): a code cell's source
 * @defines: (out) (transfer full) (array zero-terminated=1): names the cell
 *   binds at its top level (or through "global" in a function)
 * @uses: (out) (transfer full) (array zero-terminated=1): names the cell
 *   reads that are not local to one of its functions, comprehensions or
 *   lambdas, nor builtins; a name both defined and read is in both lists
 */
void
atlas_python_scan_names (const char   *source,
                         char       ***defines,
                         char       ***uses)
{
  analyze (source, 0, NULL, defines, uses);
}
