/* cli-main.c — `crash-atlas scan`, `export`, `sample`, `labels` and `agreement`
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <malloc.h>

#include "atlas-cli.h"

/* A scan allocates and frees millions of small blocks on its worker threads
 * (json-glib's nodes, the cells, the regex matches) and a reduced document
 * of up to a megabyte at a time. glibc's defaults give memory back to the
 * system as soon as 128 kB sit free at the top of a heap and map blocks
 * larger than 128 kB on their own: every notebook then grows the heaps again,
 * page by zeroed page, and unmapping stops the other workers to flush their
 * TLBs. A batch program that holds its peak until it exits keeps the memory
 * instead: 1.4 MiB more peak RSS, a few percent less time (bench/README.md). */
static void
tune_malloc_for_batch (void)
{
#ifdef M_TRIM_THRESHOLD
  mallopt (M_TRIM_THRESHOLD, 128 * 1024 * 1024);
  mallopt (M_TOP_PAD, 16 * 1024 * 1024);
  mallopt (M_MMAP_THRESHOLD, 32 * 1024 * 1024);
#endif
}

/* Started by `crash-atlas` (main.c) with the command in argv[1]. */
int
main (int    argc,
      char **argv)
{
  /* The rows of atlas-commands.c that name this program
   * (test-cli-usage runs each command's --help through the launcher). */
  static const AtlasCliCommand commands[] = {
    { "scan", atlas_cli_scan },
    { "export", atlas_cli_export },
    { "merge", atlas_cli_merge },
    { "sample", atlas_cli_sample },
    { "labels", atlas_cli_labels },
    { "agreement", atlas_cli_agreement },
  };

  tune_malloc_for_batch ();
  return atlas_cli_main (argc, argv, commands, G_N_ELEMENTS (commands));
}
