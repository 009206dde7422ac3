/* atlas-python-lexer-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The tokenizer under atlas-python-scan.c: Python's lexical rules plus
 * IPython's additions, linear in the size of the source. */

typedef enum
{
  TOK_NAME,
  TOK_NUMBER,
  TOK_STRING,
  TOK_OP,
  TOK_NEWLINE,
} TokenKind;

typedef struct
{
  TokenKind   kind;
  guint       line;    /* 1-based physical line */
  int         indent;  /* indentation of the logical line holding the token */
  int         match;   /* index of the partner bracket, or -1 */
  const char *name;    /* TOK_NAME: canonical (pointer-comparable) string */
  char        op[4];   /* TOK_OP */
} Token;

/* Tokens of @source, ending with a TOK_NEWLINE; names are interned in
 * @names so they compare by pointer. Brackets carry their partner's index. */
GArray *_atlas_python_tokenize (const char   *source,
                                GStringChunk *names);

G_END_DECLS
