/* fuzz-common.h: shared by the fuzz harnesses of tests/fuzz/.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <stddef.h>
#include <glib.h>

G_BEGIN_DECLS

/* Every harness is one libFuzzer entry point; fuzz-driver.c runs it
 * without libFuzzer (seed corpora, a mutation loop). */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Criticals and warnings are findings: a json-glib critical is what
 * G_DEBUG=fatal-criticals turns into a crash for users' scans. */
static inline void
fuzz_init (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR);
      g_once_init_leave (&once, 1);
    }
}

/* The input as a NUL-terminated string (it may hold other NULs). */
static inline char *
fuzz_string (const uint8_t *data,
             size_t         size)
{
  return g_strndup ((const char *)data, size);
}

/* A finding the sanitizers cannot see: a broken promise of the code. */
#define FUZZ_CHECK(cond) \
  G_STMT_START { if (!(cond)) g_error ("fuzz check failed at %s: %s", G_STRLOC, #cond); } G_STMT_END

G_END_DECLS
