/* atlas-report.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-corpus.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

#define ATLAS_REPORT_ERROR (atlas_report_error_quark ())

typedef enum
{
  ATLAS_REPORT_ERROR_STUDY = 1,  /* the built-in study figures could not be read */
  ATLAS_REPORT_ERROR_WRITE,      /* a file of the report could not be written */
} AtlasReportError;

GQuark atlas_report_error_quark (void);

/**
 * AtlasReportInput:
 * @corpus: every crash, classified
 * @filter: (nullable): the crashes to report on; %NULL for all
 * @sample: (nullable) (element-type AtlasSampleItem): the stored sample
 * @labels: (nullable) (element-type AtlasHandLabel): one rater's labels; with
 *   @sample, the report shows estimates of the whole corpus with intervals
 * @rater: (nullable): whose labels @labels are, named in the report
 * @source: (nullable): what was read (a corpus file's name), plain text
 */
typedef struct
{
  AtlasCorpus *corpus;
  AtlasFilter *filter;
  GPtrArray   *sample;
  GPtrArray   *labels;
  const char  *rater;
  const char  *source;
  GHashTable  *out_of_order;  /* nullable: locations of the notebooks run out of order,
                               * for a corpus read from a file (atlas_store_dup_out_of_order()) */
} AtlasReportInput;

#define ATLAS_TYPE_REPORT (atlas_report_get_type ())

G_DECLARE_FINAL_TYPE (AtlasReport, atlas_report, ATLAS, REPORT, GObject)

/**
 * atlas_report_new:
 *
 * Counts everything the study's report shows for @input's crashes: every
 * figure (crash types, root causes and finer causes, bug kind by platform,
 * stage by bug kind, libraries' crashes against their use, root cause by
 * stage and by crash type), each distribution beside the study's published
 * shares (atlas-study-figures.h), with hand labels the estimates and their
 * 95% intervals, and the largest message clusters. Runs where the corpus
 * lives (the corpus is not used afterwards).
 *
 * Returns: (transfer full): the report, or %NULL when the study's figures
 *   cannot be read
 */
AtlasReport *atlas_report_new            (const AtlasReportInput *input,
                                          GError                **error);

/* The names of the files atlas_report_write() writes, report.html last;
 * NULL-terminated. */
char       **atlas_report_dup_file_names (AtlasReport            *self);

/**
 * atlas_report_write:
 * @self: a report
 * @directory: the folder to write into (made when missing)
 * @cancellable: (nullable): stops between files
 *
 * Draws every figure as PDF, SVG and PNG, writes a CSV of every table and
 * `report.html`, which shows them (with links only to those files) and
 * needs nothing else. Safe on any thread: it touches no corpus. Files are
 * written into a hidden folder inside @directory and moved into place when
 * all are written, `report.html` last: on an error @directory holds no
 * `report.html` of a report that was not written whole, and the error
 * names the file that failed.
 */
gboolean     atlas_report_write          (AtlasReport            *self,
                                          const char             *directory,
                                          GCancellable           *cancellable,
                                          GError                **error);

G_END_DECLS
