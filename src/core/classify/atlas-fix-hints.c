/* atlas-fix-hints.c — what each family of rules means, and its usual fix
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-fix-hints"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atlas-fix-hints.h"

/* Kept as data, one row per label the rules set, so that a new crash type
 * or root cause without its words fails the test that walks them. The
 * meaning completes "… with a KeyError: %s." and is lower case; the fix
 * is a sentence of its own. */
typedef struct
{
  const char *meaning;
  const char *fix;
} Hint;

static const Hint crash_type_hints[ATLAS_N_CRASH_TYPES] = {
  [ATLAS_CRASH_TYPE_VNF] = {
    N_("a variable was used that the kernel does not hold"),
    N_("Define the variable before the line that reads it, or run the cell that defines it first."),
  },
  [ATLAS_CRASH_TYPE_NAME] = {
    N_("a function or class was called that the kernel does not know"),
    N_("Import or define the function or class before calling it, and check its spelling."),
  },
  [ATLAS_CRASH_TYPE_MODULE] = {
    N_("a module could not be found"),
    N_("Install the package (for example with pip) or import the module under the name the code uses."),
  },
  [ATLAS_CRASH_TYPE_ATTR] = {
    N_("an object has no attribute or method of that name"),
    N_("Check the object’s type and the spelling, and the library version whose documentation the code follows."),
  },
  [ATLAS_CRASH_TYPE_KEY] = {
    N_("a key or column was looked up that is not there"),
    N_("Print the keys or columns that exist (df.columns) and use one of them, or create the missing one first."),
  },
  [ATLAS_CRASH_TYPE_INDEX] = {
    N_("a position was asked for outside the data"),
    N_("Check the length or shape of the data before indexing it, and remember that positions start at 0."),
  },
  [ATLAS_CRASH_TYPE_TYPE] = {
    N_("a value of the wrong type was used"),
    N_("Convert the value to the type the operation needs, or pass the object it expects."),
  },
  [ATLAS_CRASH_TYPE_VALUE] = {
    N_("a value had the right type but an unusable content"),
    N_("Clean or convert the value first (strings to numbers, lengths that match)."),
  },
  [ATLAS_CRASH_TYPE_TSHAPE] = {
    N_("arrays or tensors had shapes that do not fit together"),
    N_("Print the shapes just before the line (.shape) and reshape, transpose or select so that they agree."),
  },
  [ATLAS_CRASH_TYPE_BCAST] = {
    N_("two arrays could not be broadcast to one shape"),
    N_("Print both shapes and add or remove dimensions (reshape, np.newaxis) so that they line up."),
  },
  [ATLAS_CRASH_TYPE_DVIOL] = {
    N_("the data holds values the computation cannot use (missing, infinite, unseen or out of range)"),
    N_("Look for missing or odd values (isna(), describe()) and fill, drop or encode them before this step."),
  },
  [ATLAS_CRASH_TYPE_FNAME] = {
    N_("the feature names differ between fitting and predicting"),
    N_("Give the model the same columns, in the same order, at prediction as at training."),
  },
  [ATLAS_CRASH_TYPE_IARG] = {
    N_("a function was given an argument it does not accept"),
    N_("Read the function’s documentation for the installed version and pass the arguments it lists."),
  },
  [ATLAS_CRASH_TYPE_INIT] = {
    N_("an object was used before it was set up (fitted, built or compiled)"),
    N_("Call the set-up step (fit, build, compile) before using the object, in a cell that runs first."),
  },
  [ATLAS_CRASH_TYPE_RUNTIME] = {
    N_("an operation failed while it ran"),
    N_("Read the last lines of the traceback: they name the operation and what it refused."),
  },
  [ATLAS_CRASH_TYPE_OOM] = {
    N_("the computer ran out of memory"),
    N_("Use a smaller batch or sample, free memory that is no longer needed, or run on a larger machine."),
  },
  [ATLAS_CRASH_TYPE_IO] = {
    N_("a file could not be read or written"),
    N_("Check that the file exists at that path on this computer, and its format and permissions."),
  },
  [ATLAS_CRASH_TYPE_RERR] = {
    N_("a request to a server or database failed"),
    N_("Check the network, the address and any key or token; retry later if the service was down."),
  },
  [ATLAS_CRASH_TYPE_ENV] = {
    N_("the installed packages or the hardware do not match what the code needs"),
    N_("Install the versions the notebook was written for (a requirements file), or adapt the code to yours."),
  },
  [ATLAS_CRASH_TYPE_OTHER] = {
    N_("an exception outside the finer crash types was raised"),
    N_("Read the exception’s message and the line it points to."),
  },
};

static const Hint root_cause_hints[ATLAS_N_ROOT_CAUSES] = {
  [ATLAS_ROOT_CAUSE_API] = {
    N_("a library was called in a way it does not support"),
    N_("Compare the call with the library’s documentation for the installed version."),
  },
  [ATLAS_ROOT_CAUSE_DATA] = {
    N_("the data was not what the code expected"),
    N_("Look at the data just before the crash (its shape, columns, types and missing values)."),
  },
  [ATLAS_ROOT_CAUSE_NB] = {
    N_("the notebook’s cells ran in an order (or a session) that does not work"),
    N_("Restart the kernel and run all cells from the top (Run All), so that every cell runs after the ones it needs."),
  },
  [ATLAS_ROOT_CAUSE_IMPL] = {
    N_("the code itself is wrong"),
    N_("Fix the code at the marked line: the message says what Python could not do."),
  },
  [ATLAS_ROOT_CAUSE_ENV] = {
    N_("the environment the notebook ran in was not set up for it"),
    N_("Install what the notebook needs and put its files where it looks for them."),
  },
  [ATLAS_ROOT_CAUSE_MODEL] = {
    N_("the model’s definition does not fit its data or its layers"),
    N_("Check the model’s input and output sizes against the data and against each other."),
  },
  [ATLAS_ROOT_CAUSE_RSC] = {
    N_("the machine lacked the resources (memory, GPU, time) the step needs"),
    N_("Reduce the size of the step (batch, sample, model) or use a machine with more resources."),
  },
  [ATLAS_ROOT_CAUSE_LIB] = {
    N_("a library has a bug or its versions do not work together"),
    N_("Update or pin the library to a version where this works, or work around the failing call."),
  },
  [ATLAS_ROOT_CAUSE_UNK] = {
    NULL,
    NULL,
  },
};

const char *
atlas_fix_hint_crash_type_meaning (AtlasCrashType crash_type)
{
  if (crash_type <= ATLAS_CRASH_TYPE_UNSET || crash_type >= ATLAS_N_CRASH_TYPES)
    return NULL;
  return g_dgettext (GETTEXT_PACKAGE, crash_type_hints[crash_type].meaning);
}

const char *
atlas_fix_hint_crash_type_fix (AtlasCrashType crash_type)
{
  if (crash_type <= ATLAS_CRASH_TYPE_UNSET || crash_type >= ATLAS_N_CRASH_TYPES)
    return NULL;
  return g_dgettext (GETTEXT_PACKAGE, crash_type_hints[crash_type].fix);
}

/* An unknown root cause has no reason to give: NULL, not words made up. */
const char *
atlas_fix_hint_root_cause_reason (AtlasRootCause root_cause)
{
  if (root_cause <= ATLAS_ROOT_CAUSE_UNSET || root_cause >= ATLAS_N_ROOT_CAUSES
      || root_cause_hints[root_cause].meaning == NULL)
    return NULL;
  return g_dgettext (GETTEXT_PACKAGE, root_cause_hints[root_cause].meaning);
}

const char *
atlas_fix_hint_root_cause_fix (AtlasRootCause root_cause)
{
  if (root_cause <= ATLAS_ROOT_CAUSE_UNSET || root_cause >= ATLAS_N_ROOT_CAUSES
      || root_cause_hints[root_cause].fix == NULL)
    return NULL;
  return g_dgettext (GETTEXT_PACKAGE, root_cause_hints[root_cause].fix);
}
