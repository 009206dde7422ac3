/* atlas-test.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fixtures every test folder shares (tests/common, a static library). */

/* A new folder under the temporary directory (asserts it was made). */
char *atlas_test_make_tmp_dir  (const char          *tmpl);

/* Removes @path and everything below it; a missing path is no error. */
void  atlas_test_remove_tree   (const char          *path);

/* Runs `crash-atlas` ($CRASH_ATLAS, which meson test sets) with @args
 * (NULL-terminated, the program not included) in @envp (NULL: this
 * process's), and returns its exit status; its standard output and error go
 * to *@out and *@err when they are not NULL. Asserts that it ran and exited. */
int   atlas_test_run_cli       (const char * const  *args,
                                const char * const  *envp,
                                char               **out,
                                char               **err);
/* The same in the folder @cwd (NULL: this process's). */
int   atlas_test_run_cli_in    (const char          *cwd,
                                const char * const  *args,
                                const char * const  *envp,
                                char               **out,
                                char               **err);

/* The same with the arguments listed. */
int   atlas_test_run_cli_args  (char               **out,
                                char               **err,
                                const char          *first_arg,
                                ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
