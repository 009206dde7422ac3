/* store-test-util.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @n_notebooks distinct notebooks (headings, imports, code, some with
 * one to three error outputs, some with @padding bytes of stream output)
 * into @dir; returns the number of crashes written. */
guint  store_test_write_corpus (const char *dir,
                                guint       n_notebooks,
                                gsize       padding);

/* Runs argv (NULL-terminated) and returns its standard output; asserts the
 * exit status is @expected_status. */
char  *store_test_run          (int         expected_status,
                                const char *first_arg,
                                ...) G_GNUC_NULL_TERMINATED;

/* Runs argv (NULL-terminated) with the file size limited to @fsize_limit
 * bytes (0: none) and returns its exit status; @out and @err (optional)
 * receive what it printed. */
int    store_test_run_full     (char      **out,
                                char      **err,
                                goffset     fsize_limit,
                                const char *first_arg,
                                ...) G_GNUC_NULL_TERMINATED;

/* Removes @path and everything under it. */
void   store_test_remove_tree  (const char *path);

/* Lines of @text, sorted. */
char **store_test_sorted_lines (const char *text);

G_END_DECLS
