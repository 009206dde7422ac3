/* atlas-fix-hints.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-taxonomy.h"

G_BEGIN_DECLS

/* What the rules' families mean and how crashes of each are usually fixed,
 * in words for a student: data beside the rules (atlas-fix-hints.c), one
 * entry per crash type and per root cause (the families the rules decide),
 * translated. NULL for the unset value. */

/* "a variable was used that does not exist (yet) in the kernel" */
const char *atlas_fix_hint_crash_type_meaning (AtlasCrashType crash_type);
/* "Run the cell that defines it first, or define it before use." */
const char *atlas_fix_hint_crash_type_fix     (AtlasCrashType crash_type);
/* "the notebook's cells ran in an order that does not work" */
const char *atlas_fix_hint_root_cause_reason  (AtlasRootCause root_cause);
/* "Restart the kernel and run all cells from the top." */
const char *atlas_fix_hint_root_cause_fix     (AtlasRootCause root_cause);

G_END_DECLS
