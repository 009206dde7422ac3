/* atlas-regex.c — rule patterns matched through PCRE2
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-classifier"
#define PCRE2_CODE_UNIT_WIDTH 8

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pcre2.h>
#include <string.h>

#include "atlas-regex.h"

/* The classifier tests about 35 patterns per crash, nearly all of which
 * fail. g_regex_match() allocates a GMatchInfo with its own match context,
 * match data and offsets for each test: more work than the JIT-compiled
 * match itself. Here a failing test only runs the match. */
struct _AtlasRegex
{
  char       *pattern;
  pcre2_code *code;
  gboolean    jit;      /* compiled by the JIT: tests of checked text skip pcre2_match() */
};

static void
match_data_free (gpointer data)
{
  pcre2_match_data_free (data);
}

/* One pair of offsets: a test only asks whether there is a match. */
static GPrivate test_data_key = G_PRIVATE_INIT (match_data_free);

static pcre2_match_data *
thread_test_data (void)
{
  pcre2_match_data *data = g_private_get (&test_data_key);

  if (data == NULL)
    {
      data = pcre2_match_data_create (1, NULL);
      g_private_set (&test_data_key, data);
    }
  return data;
}

/* What GLib 2.74's g_regex_new (pattern, G_REGEX_OPTIMIZE, 0) passes to
 * PCRE2 (glib/gregex.c), so that a rule means what GRegex made it mean;
 * tests/classify/test-regex.c compares the two. */
static pcre2_code *
compile (const char  *pattern,
         int         *error_code,
         PCRE2_SIZE  *error_offset)
{
  pcre2_compile_context *context = pcre2_compile_context_create (NULL);
  pcre2_code *code;

  pcre2_set_newline (context, PCRE2_NEWLINE_ANY);
  pcre2_set_bsr (context, PCRE2_BSR_UNICODE);
  code = pcre2_compile ((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                        error_code, error_offset, context);
  pcre2_compile_context_free (context);
  if (code != NULL)
    /* Without JIT (no executable memory), pcre2_match() interprets. */
    pcre2_jit_compile (code, PCRE2_JIT_COMPLETE);
  return code;
}

/**
 * atlas_regex_new:
 * @pattern: a Perl-compatible regular expression
 * @error: the compile error, worded as GRegex words it
 *
 * Returns: (transfer full) (nullable): the compiled pattern
 */
AtlasRegex *
atlas_regex_new (const char  *pattern,
                 GError     **error)
{
  AtlasRegex *self;
  pcre2_code *code;
  PCRE2_SIZE error_offset;
  int error_code;

  g_return_val_if_fail (pattern != NULL, NULL);

  /* GRegex reads the pattern unchecked. */
  if (!g_utf8_validate (pattern, -1, NULL))
    {
      g_set_error_literal (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE,
                           _("The pattern is not valid UTF-8"));
      return NULL;
    }

  code = compile (pattern, &error_code, &error_offset);
  if (code == NULL)
    {
      /* GRegex words (and translates) the errors users of GLib know. */
      g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, error);
      PCRE2_UCHAR message[256];

      if (regex == NULL)
        return NULL;
      pcre2_get_error_message (error_code, message, sizeof message);
      g_set_error (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE, _("%s at offset %lu"),
                   (const char *)message, (unsigned long)error_offset);
      return NULL;
    }

  self = g_new0 (AtlasRegex, 1);
  self->pattern = g_strdup (pattern);
  self->code = code;
  {
    size_t jit_size = 0;

    self->jit = pcre2_pattern_info (code, PCRE2_INFO_JITSIZE, &jit_size) == 0 && jit_size > 0;
  }
  return self;
}

void
atlas_regex_free (AtlasRegex *self)
{
  if (self == NULL)
    return;
  pcre2_code_free (self->code);
  g_free (self->pattern);
  g_free (self);
}

const char *
atlas_regex_get_pattern (const AtlasRegex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->pattern;
}

/**
 * atlas_regex_test:
 * @self: a pattern
 * @subject: UTF-8 text to search (checked, as GRegex checks it)
 *
 * Returns: whether @self matches somewhere in @subject. A match that fails
 * on a resource limit does not match, as with g_regex_match().
 */
static gboolean
test (const AtlasRegex *self,
      const char       *subject,
      uint32_t          options)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);

  /* 0 is a match whose offsets did not fit in the one pair. pcre2_jit_match()
   * is pcre2_match() without its checks of the arguments and of the
   * subject's encoding, which a caller of atlas_regex_test_valid() did once
   * for all the patterns it tests. */
  if (self->jit && (options & PCRE2_NO_UTF_CHECK))
    return pcre2_jit_match (self->code, (PCRE2_SPTR)subject, strlen (subject), 0, 0,
                            thread_test_data (), NULL) >= 0;
  return pcre2_match (self->code, (PCRE2_SPTR)subject, strlen (subject), 0, options,
                      thread_test_data (), NULL) >= 0;
}

gboolean
atlas_regex_test (const AtlasRegex *self,
                  const char       *subject)
{
  return test (self, subject, 0);
}

/**
 * atlas_regex_test_valid:
 * @self: a pattern
 * @subject: text known to be valid UTF-8
 *
 * atlas_regex_test() without checking @subject's encoding again: PCRE2
 * checks the whole subject before every match, and the classifier tests
 * the same message against one pattern after another. Text that is not
 * UTF-8 here is undefined behaviour.
 *
 * Returns: whether @self matches somewhere in @subject
 */
gboolean
atlas_regex_test_valid (const AtlasRegex *self,
                        const char       *subject)
{
  return test (self, subject, PCRE2_NO_UTF_CHECK);
}

static char *
group (PCRE2_SIZE *offsets,
       int         n_groups,
       int         which,
       const char *subject)
{
  PCRE2_SIZE start;

  if (which >= n_groups)
    return NULL;
  start = offsets[2 * which];
  /* A group that took no part reads as "", as g_match_info_fetch() has it. */
  if (start == PCRE2_UNSET)
    return g_strdup ("");
  return g_strndup (subject + start, offsets[2 * which + 1] - start);
}

/**
 * atlas_regex_match:
 * @self: a pattern
 * @subject: UTF-8 text to search
 * @found: (out) (optional): the first match
 * @group_1: (out) (optional): its first group, %NULL without one
 *
 * Returns: whether @self matches somewhere in @subject
 */
gboolean
atlas_regex_match (const AtlasRegex  *self,
                   const char        *subject,
                   char             **found,
                   char             **group_1)
{
  pcre2_match_data *data;
  int n_groups;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);

  data = pcre2_match_data_create_from_pattern (self->code, NULL);
  n_groups = pcre2_match (self->code, (PCRE2_SPTR)subject, strlen (subject), 0, 0, data, NULL);
  if (n_groups > 0)
    {
      PCRE2_SIZE *offsets = pcre2_get_ovector_pointer (data);

      if (found != NULL)
        *found = group (offsets, n_groups, 0, subject);
      if (group_1 != NULL)
        *group_1 = group (offsets, n_groups, 1, subject);
    }
  pcre2_match_data_free (data);
  return n_groups > 0;
}
