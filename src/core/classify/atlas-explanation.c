/* atlas-explanation.c — a crash explained in plain words
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-explanation"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-ansi.h"
#include "atlas-explanation.h"
#include "atlas-fix-hints.h"

/* Longest piece of the message quoted in a sentence, in characters. */
#define MAX_QUOTE 120

typedef struct
{
  AtlasCrash    *crash;
  AtlasNotebook *notebook;
  const char    *detail;     /* the root cause's detail ("" when none) */
  char          *name;       /* the missing name, or NULL */
  int            count;      /* the crash's execution count */
  guint          cell;
} Context;

static void
add_link (AtlasExplanation *self,
          guint             cell,
          AtlasCellRole     role)
{
  AtlasCellLink link = { cell, role };

  for (guint i = 0; i < self->links->len; i++)
    if (g_array_index (self->links, AtlasCellLink, i).cell == cell)
      return;
  g_array_append_val (self->links, link);
}

/* The message's first line, colour codes removed, cut to a quote. */
static char *
quote_message (AtlasCrash *crash)
{
  const char *message = atlas_crash_get_message (crash);
  g_autofree char *plain = atlas_ansi_strip (message != NULL ? message : "");
  char *newline = strchr (plain, '\n');

  if (newline != NULL)
    *newline = '\0';
  g_strstrip (plain);
  if (g_utf8_strlen (plain, -1) > MAX_QUOTE)
    {
      g_autofree char *start = g_utf8_substring (plain, 0, MAX_QUOTE - 1);

      return g_strconcat (start, "…", NULL);
    }
  return g_steal_pointer (&plain);
}

/* "name 'df' is not defined", "free variable 'x' referenced before …" */
static char *
missing_name (AtlasCrash *crash)
{
  const char *message = atlas_crash_get_message (crash);
  const char *ename = atlas_crash_get_ename (crash);
  const char *quote;
  const char *end;

  if (message == NULL || ename == NULL
      || (strcmp (ename, "NameError") != 0 && strcmp (ename, "UnboundLocalError") != 0))
    return NULL;
  if ((quote = strchr (message, '\'')) == NULL || (end = strchr (quote + 1, '\'')) == NULL || end == quote + 1)
    return NULL;
  for (const char *p = quote + 1; p < end; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return NULL;
  return g_strndup (quote + 1, end - quote - 1);
}

static char *
describe_what (Context *ctx)
{
  const AtlasClassification *c = atlas_crash_get_classification (ctx->crash);
  const char *ename = atlas_crash_get_ename (ctx->crash);
  const char *meaning = atlas_fix_hint_crash_type_meaning (c->crash_type);
  guint line = atlas_crash_get_line (ctx->crash);
  g_autofree char *message = quote_message (ctx->crash);
  g_autofree char *plain_ename = atlas_ansi_strip (ename != NULL && *ename != '\0' ? ename : _("an exception"));
  g_autofree char *where = NULL;

  if (line > 0)
    /* Translators: "Cell 5 crashed at line 2 with NameError" */
    where = g_strdup_printf (_("Cell %u crashed at line %u with %s"), ctx->cell, line, plain_ename);
  else
    where = g_strdup_printf (_("Cell %u crashed with %s"), ctx->cell, plain_ename);
  if (*message != '\0' && meaning != NULL)
    /* Translators: the place, the message, then what the crash type means:
     * "Cell 5 crashed with KeyError (“'age'”): a key or column was looked up that is not there." */
    return g_strdup_printf (_("%s (“%s”): %s."), where, message, meaning);
  if (meaning != NULL)
    return g_strdup_printf (_("%s: %s."), where, meaning);
  if (*message != '\0')
    return g_strdup_printf (_("%s (“%s”)."), where, message);
  return g_strdup_printf (_("%s."), where);
}

/* The first cell among @definers that @accept takes. */
static int
pick_definer (Context  *ctx,
              GArray   *definers,
              gboolean (*accept) (Context *, const AtlasCell *))
{
  for (guint k = 0; definers != NULL && k < definers->len; k++)
    {
      guint i = g_array_index (definers, guint, k);
      const AtlasCell *cell = atlas_notebook_get_cell (ctx->notebook, i);

      if (i != ctx->cell && accept (ctx, cell))
        return (int)i;
    }
  return -1;
}

static gboolean
crashed (Context *ctx, const AtlasCell *cell)
{
  return cell->has_error;
}

static gboolean
ran_later (Context *ctx, const AtlasCell *cell)
{
  return ctx->count >= 0 && cell->execution_count > ctx->count;
}

static gboolean
never_ran (Context *ctx, const AtlasCell *cell)
{
  return cell->kind == ATLAS_CELL_CODE && cell->execution_count < 0;
}

static gboolean
below (Context *ctx, const AtlasCell *cell)
{
  return cell->index > ctx->cell;
}

static gboolean
ran_before (Context *ctx, const AtlasCell *cell)
{
  return cell->index < ctx->cell && cell->execution_count >= 0
         && (ctx->count < 0 || cell->execution_count < ctx->count);
}

static gboolean
any_cell (Context *ctx, const AtlasCell *cell)
{
  return TRUE;
}

static const char *
first_crash_ename (AtlasNotebook *notebook,
                   guint          cell)
{
  GPtrArray *crashes = atlas_notebook_get_crashes (notebook);

  for (guint i = 0; crashes != NULL && i < crashes->len; i++)
    if (atlas_crash_get_cell (g_ptr_array_index (crashes, i)) == cell)
      return atlas_crash_get_ename (g_ptr_array_index (crashes, i));
  return NULL;
}

/* The root cause named by the notebook: a name defined in a cell that
 * crashed, ran later, never ran, lies below or ran before a restart. */
static gboolean
explain_name (AtlasExplanation *self,
              Context          *ctx)
{
  const AtlasCell *defining;
  g_autoptr(GArray) definers = NULL;
  const char *name = ctx->name;
  int i;

  if (ctx->notebook == NULL || name == NULL)
    return FALSE;
  definers = atlas_notebook_find_definitions (ctx->notebook, name);

  if (strstr (ctx->detail, "crashed") != NULL && (i = pick_definer (ctx, definers, crashed)) >= 0)
    {
      const char *ename = first_crash_ename (ctx->notebook, (guint)i);
      g_autofree char *plain = atlas_ansi_strip (ename != NULL ? ename : "");

      add_link (self, (guint)i, ATLAS_CELL_ROLE_CRASHED_BEFORE);
      if (*plain != '\0')
        /* Translators: "“df” is defined in cell 3, but cell 3 crashed itself (FileNotFoundError) …" */
        self->why = g_strdup_printf (_("“%s” is defined in cell %d, but cell %d crashed itself (%s) before it could define it, so the name never existed."),
                                     name, i, i, plain);
      else
        self->why = g_strdup_printf (_("“%s” is defined in cell %d, but cell %d crashed itself before it could define it, so the name never existed."),
                                     name, i, i);
      self->fix = g_strdup_printf (_("Fix the crash in cell %d first, run it again, then run this cell."), i);
      return TRUE;
    }
  if (strstr (ctx->detail, "ran later") != NULL && (i = pick_definer (ctx, definers, ran_later)) >= 0)
    {
      defining = atlas_notebook_get_cell (ctx->notebook, (guint)i);
      add_link (self, (guint)i, ATLAS_CELL_ROLE_RAN_LATER);
      self->why = g_strdup_printf (_("“%s” is defined in cell %d, which ran later (In [%d]) than this cell (In [%d]): the cells ran out of order."),
                                   name, i, defining->execution_count, ctx->count);
      self->fix = g_strdup_printf (_("Run cell %d before this one; to be sure of the order, restart the kernel and run all cells from the top."), i);
      return TRUE;
    }
  if (strstr (ctx->detail, "never ran") != NULL && (i = pick_definer (ctx, definers, never_ran)) >= 0)
    {
      add_link (self, (guint)i, ATLAS_CELL_ROLE_DEFINES);
      self->why = g_strdup_printf (_("“%s” is defined in cell %d, which never ran in this session."), name, i);
      self->fix = g_strdup_printf (_("Run cell %d before this one; to be sure of the order, restart the kernel and run all cells from the top."), i);
      return TRUE;
    }
  if (strstr (ctx->detail, "below") != NULL && (i = pick_definer (ctx, definers, below)) >= 0)
    {
      add_link (self, (guint)i, ATLAS_CELL_ROLE_DEFINES);
      self->why = g_strdup_printf (_("“%s” is defined only in cell %d, below this one, which had not run when this cell ran."), name, i);
      self->fix = g_strdup_printf (_("Move the code that defines “%s” above this cell (or run cell %d first), then run all cells from the top."), name, i);
      return TRUE;
    }
  if ((strstr (ctx->detail, "state lost") != NULL || strstr (ctx->detail, "restarted") != NULL)
      && (i = pick_definer (ctx, definers, ran_before)) >= 0)
    {
      defining = atlas_notebook_get_cell (ctx->notebook, (guint)i);
      add_link (self, (guint)i, ATLAS_CELL_ROLE_DEFINES);
      self->why = g_strdup_printf (_("Cell %d defines “%s” and ran before this one (In [%d]), yet the name was gone: the kernel was most likely restarted in between, which forgets every variable."),
                                   i, name, defining->execution_count);
      self->fix = g_strdup_printf (_("After a restart, run cell %d again before this one, or run all cells from the top."), i);
      return TRUE;
    }
  if (strstr (ctx->detail, "typo") != NULL)
    {
      self->why = g_strdup_printf (_("No cell defines “%s”, but the notebook uses a name one letter away: most likely a typo."), name);
      self->fix = g_strdup (_("Correct the spelling to the name the notebook defines."));
      return TRUE;
    }
  if (strstr (ctx->detail, "same cell") != NULL)
    {
      self->why = g_strdup_printf (_("This cell assigns “%s” only below the line that reads it."), name);
      self->fix = g_strdup (_("Move the assignment above the line that uses the name."));
      return TRUE;
    }
  if (ctx->notebook != NULL && definers->len == 0
      && (strstr (ctx->detail, "undefined") != NULL || strstr (ctx->detail, "missing import") != NULL))
    {
      self->why = g_strdup_printf (_("No cell of this notebook defines or imports “%s”."), name);
      return TRUE;
    }
  if ((i = pick_definer (ctx, definers, any_cell)) >= 0)
    add_link (self, (guint)i, ATLAS_CELL_ROLE_DEFINES);
  return FALSE;
}

/* "column “age” removed in cell 4", as the facts write it into the evidence. */
static gboolean
explain_removed_key (AtlasExplanation *self,
                     Context          *ctx)
{
  const AtlasClassification *c = atlas_crash_get_classification (ctx->crash);

  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      const char *at = c->evidence[d] != NULL ? strstr (c->evidence[d], "removed in cell ") : NULL;
      guint64 cell;
      char *end;

      if (at == NULL)
        continue;
      cell = g_ascii_strtoull (at + strlen ("removed in cell "), &end, 10);
      if (end == at + strlen ("removed in cell ") || cell > G_MAXUINT)
        continue;
      add_link (self, (guint)cell, ATLAS_CELL_ROLE_REMOVES);
      if (cell == ctx->cell)
        self->why = g_strdup (_("This cell itself removes the column below the crashing line: it ran a second time, and the column was already gone."));
      else
        self->why = g_strdup_printf (_("Cell %u removes that column: once it has run, the column is gone for every cell that runs after it, and running it twice fails."),
                                     (guint)cell);
      self->fix = g_strdup (_("Remove the column into a new variable (df2 = df.drop(…)) instead of changing the data in place, and run the cells from the top."));
      return TRUE;
    }
  return FALSE;
}

AtlasExplanation *
atlas_explanation_new (AtlasCrash    *crash,
                       AtlasNotebook *notebook)
{
  const AtlasClassification *c;
  AtlasExplanation *self;
  Context ctx = { 0 };

  g_return_val_if_fail (ATLAS_IS_CRASH (crash), NULL);
  g_return_val_if_fail (notebook == NULL || ATLAS_IS_NOTEBOOK (notebook), NULL);

  c = atlas_crash_get_classification (crash);
  self = g_new0 (AtlasExplanation, 1);
  self->links = g_array_new (FALSE, FALSE, sizeof (AtlasCellLink));
  ctx.crash = crash;
  ctx.notebook = notebook;
  ctx.detail = c->root_cause_detail != NULL ? c->root_cause_detail : "";
  ctx.name = missing_name (crash);
  ctx.count = atlas_crash_get_execution_count (crash);
  ctx.cell = atlas_crash_get_cell (crash);
  if (notebook != NULL && ctx.cell >= atlas_notebook_get_n_cells (notebook))
    ctx.notebook = NULL;

  self->what = describe_what (&ctx);
  if (c->root_cause != ATLAS_ROOT_CAUSE_UNSET && c->root_cause != ATLAS_ROOT_CAUSE_UNK
      && (explain_name (self, &ctx) || explain_removed_key (self, &ctx)))
    self->explained = TRUE;
  else if (atlas_fix_hint_root_cause_reason (c->root_cause) != NULL)
    {
      /* Translators: the root cause's name, then what it means:
       * "The root cause is the notebook (execution order): the notebook’s cells ran …" */
      const char *name = atlas_dimension_value_name (ATLAS_DIMENSION_ROOT_CAUSE, c->root_cause);

      self->why = g_strdup_printf (_("The root cause is %s: %s."), name,
                                   atlas_fix_hint_root_cause_reason (c->root_cause));
      self->explained = TRUE;
    }
  else
    /* The rules could not tell: say what is known, guess nothing. */
    self->why = NULL;

  if (self->fix == NULL)
    {
      const char *fix = NULL;

      /* The notebook's own order is the fix whatever the crash type; for
       * the others the crash type says more than the broad root cause. */
      if (c->root_cause == ATLAS_ROOT_CAUSE_NB)
        fix = atlas_fix_hint_root_cause_fix (c->root_cause);
      if (fix == NULL)
        fix = atlas_fix_hint_crash_type_fix (c->crash_type);
      if (fix == NULL && self->explained)
        fix = atlas_fix_hint_root_cause_fix (c->root_cause);
      self->fix = g_strdup (fix);
    }
  g_free (ctx.name);
  return self;
}

void
atlas_explanation_free (AtlasExplanation *self)
{
  if (self == NULL)
    return;
  g_free (self->what);
  g_free (self->why);
  g_free (self->fix);
  g_array_unref (self->links);
  g_free (self);
}

char *
atlas_explanation_to_text (const AtlasExplanation *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (self->what);
  if (self->why != NULL)
    g_string_append_printf (text, " %s", self->why);
  else
    g_string_append_printf (text, " %s",
                            _("The rules cannot tell why it crashed: the traceback and the labels below are what is known."));
  if (self->fix != NULL)
    g_string_append_printf (text, " %s", self->fix);
  return g_string_free (text, FALSE);
}

GArray *
atlas_explanation_earlier_crashes (AtlasCrash    *crash,
                                   AtlasNotebook *notebook)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (guint));
  guint index;
  int count;

  g_return_val_if_fail (ATLAS_IS_CRASH (crash), cells);
  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (notebook), cells);

  index = atlas_crash_get_cell (crash);
  count = atlas_crash_get_execution_count (crash);
  for (guint i = 0; i < atlas_notebook_get_n_cells (notebook); i++)
    {
      const AtlasCell *cell = atlas_notebook_get_cell (notebook, i);
      gboolean before;

      if (i == index || !cell->has_error)
        continue;
      if (count >= 0 && cell->execution_count >= 0)
        before = cell->execution_count < count;
      else
        before = i < index;
      if (before)
        g_array_append_val (cells, i);
    }
  return cells;
}
