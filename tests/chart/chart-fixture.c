/* chart-fixture.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chart-fixture.h"

void
chart_fixture_add_notebook (AtlasCorpus        *corpus,
                            const char         *location,
                            AtlasPlatform       platform,
                            const char * const *packages,
                            GPtrArray          *crashes)
{
  AtlasNotebookInfo *info = g_new0 (AtlasNotebookInfo, 1);

  info->location = g_strdup (location);
  info->platform = platform;
  info->status = ATLAS_NOTEBOOK_STATUS_OK;
  info->packages = packages ? g_strdupv ((char **)packages) : g_new0 (char *, 1);
  info->n_crashes = crashes ? crashes->len : 0;
  atlas_corpus_add (corpus, info, crashes);
}

AtlasCrash *
chart_fixture_crash (const char     *location,
                     AtlasPlatform   platform,
                     AtlasStage      stage,
                     AtlasMlBug      ml_bug,
                     AtlasRootCause  root_cause,
                     const char     *detail,
                     AtlasCrashType  crash_type,
                     const char     *library)
{
  AtlasCrash *crash = atlas_crash_new (location, platform, 1, 3, "ValueError", "bad value", NULL);
  AtlasClassification c = { 0 };

  c.stage = stage;
  c.ml_bug = ml_bug;
  c.root_cause = root_cause;
  c.root_cause_detail = (char *)detail;
  c.crash_type = crash_type;
  c.library = (char *)library;
  atlas_crash_set_classification (crash, &c);
  return crash;
}

typedef struct
{
  int    value;
  double weight;
} Weighted;

static int
pick (GRand          *rand,
      const Weighted *table,
      guint           n)
{
  double total = 0, x;

  for (guint i = 0; i < n; i++)
    total += table[i].weight;
  x = g_rand_double (rand) * total;
  for (guint i = 0; i < n; i++)
    {
      if (x < table[i].weight)
        return table[i].value;
      x -= table[i].weight;
    }
  return table[n - 1].value;
}

#define PICK(rand, table) pick ((rand), (table), G_N_ELEMENTS (table))

static const Weighted stages[] = {
  { ATLAS_STAGE_ENVS, 15 }, { ATLAS_STAGE_DATAP, 38 }, { ATLAS_STAGE_DATAV, 11 },
  { ATLAS_STAGE_MCONS, 10 }, { ATLAS_STAGE_TRAIN, 12 }, { ATLAS_STAGE_EVAL, 14 },
};
static const Weighted causes[] = {
  { ATLAS_ROOT_CAUSE_API, 20 }, { ATLAS_ROOT_CAUSE_DATA, 10 }, { ATLAS_ROOT_CAUSE_NB, 12 },
  { ATLAS_ROOT_CAUSE_IMPL, 35 }, { ATLAS_ROOT_CAUSE_ENV, 15 }, { ATLAS_ROOT_CAUSE_MODEL, 3 },
  { ATLAS_ROOT_CAUSE_RSC, 2 }, { ATLAS_ROOT_CAUSE_LIB, 1 }, { ATLAS_ROOT_CAUSE_UNK, 2 },
};
static const Weighted types[] = {
  { ATLAS_CRASH_TYPE_VNF, 20 }, { ATLAS_CRASH_TYPE_NAME, 6 }, { ATLAS_CRASH_TYPE_MODULE, 10 },
  { ATLAS_CRASH_TYPE_ATTR, 13 }, { ATLAS_CRASH_TYPE_KEY, 8 }, { ATLAS_CRASH_TYPE_INDEX, 3 },
  { ATLAS_CRASH_TYPE_TYPE, 8 }, { ATLAS_CRASH_TYPE_VALUE, 7 }, { ATLAS_CRASH_TYPE_TSHAPE, 4 },
  { ATLAS_CRASH_TYPE_BCAST, 1 }, { ATLAS_CRASH_TYPE_DVIOL, 2 }, { ATLAS_CRASH_TYPE_FNAME, 1 },
  { ATLAS_CRASH_TYPE_IARG, 4 }, { ATLAS_CRASH_TYPE_INIT, 1.5 }, { ATLAS_CRASH_TYPE_RUNTIME, 1.5 },
  { ATLAS_CRASH_TYPE_OOM, 1 }, { ATLAS_CRASH_TYPE_IO, 5 }, { ATLAS_CRASH_TYPE_RERR, 0.7 },
  { ATLAS_CRASH_TYPE_ENV, 1.5 }, { ATLAS_CRASH_TYPE_OTHER, 2 },
};
static const Weighted platforms[] = {
  { ATLAS_PLATFORM_KAGGLE, 58 }, { ATLAS_PLATFORM_GITHUB, 40 }, { ATLAS_PLATFORM_LOCAL, 2 },
};

/* Libraries with their share of notebooks importing them (percent) and
 * their weight among crashes with a library at fault. */
static const struct { const char *name; double imported; double crashes; } libraries[] = {
  { "pandas", 85, 30 }, { "numpy", 80, 10 }, { "matplotlib", 65, 7 }, { "sklearn", 45, 12 },
  { "seaborn", 35, 4 }, { "tensorflow", 12, 8 }, { "keras", 10, 8 }, { "torch", 8, 6 },
  { "cv2", 5, 2 }, { "transformers", 3, 2 }, { "xgboost", 6, 1 }, { "lightgbm", 4, 0.8 },
  { "scipy", 15, 1 }, { "statsmodels", 4, 0.6 }, { "nltk", 3, 0.7 }, { "plotly", 6, 0.9 },
};

static const char *details[ATLAS_N_ROOT_CAUSES][3] = {
  [ATLAS_ROOT_CAUSE_API] = { "misunderstanding of an API", "invalid argument", NULL },
  [ATLAS_ROOT_CAUSE_NB] = { "execution order", "earlier cell failed", NULL },
  [ATLAS_ROOT_CAUSE_IMPL] = { "undefined variable", "missing import", "typo" },
  [ATLAS_ROOT_CAUSE_ENV] = { "module not installed", "file or path missing", "incompatible versions" },
};

static const char *
pick_library (GRand *rand)
{
  Weighted table[G_N_ELEMENTS (libraries)];

  if (g_rand_double (rand) < 0.45)
    return "none";
  for (guint i = 0; i < G_N_ELEMENTS (libraries); i++)
    table[i] = (Weighted) { (int)i, libraries[i].crashes };
  return libraries[PICK (rand, table)].name;
}

static AtlasCrash *
random_crash (GRand         *rand,
              const char    *location,
              AtlasPlatform  platform)
{
  AtlasRootCause cause;
  const char *detail = NULL;
  AtlasMlBug bug;

  if (g_rand_double (rand) < 0.04)
    return chart_fixture_crash (location, platform, 0, 0, 0, NULL, 0, NULL);
  cause = PICK (rand, causes);
  if (details[cause][0] != NULL && g_rand_double (rand) < 0.8)
    {
      guint n = details[cause][2] ? 3 : 2;

      detail = details[cause][g_rand_int_range (rand, 0, n)];
    }
  bug = g_rand_double (rand) < 0.45 ? ATLAS_ML_BUG_ML : ATLAS_ML_BUG_PY;
  return chart_fixture_crash (location, platform, PICK (rand, stages), bug, cause, detail,
                              PICK (rand, types), pick_library (rand));
}

AtlasCorpus *
chart_fixture_random_corpus (guint   n_crashes,
                             guint32 seed)
{
  AtlasCorpus *corpus = atlas_corpus_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint made = 0;

  for (guint nb = 0; made < n_crashes; nb++)
    {
      g_autofree char *location = g_strdup_printf ("notebooks/nb-%05u.ipynb", nb);
      AtlasPlatform platform = PICK (rand, platforms);
      g_autoptr(GPtrArray) crashes = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) packages = g_ptr_array_new ();
      /* 64,031 notebooks for 92,542 crashes in the study: 1.45 each on average */
      guint n = MIN ((guint)(g_rand_int_range (rand, 0, 100) < 60 ? 1 : g_rand_int_range (rand, 1, 4)),
                     n_crashes - made);

      g_ptr_array_add (packages, (char *)"os");
      for (guint i = 0; i < G_N_ELEMENTS (libraries); i++)
        if (g_rand_double (rand) * 100 < libraries[i].imported)
          g_ptr_array_add (packages, (char *)libraries[i].name);
      g_ptr_array_add (packages, NULL);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (crashes, random_crash (rand, location, platform));
      chart_fixture_add_notebook (corpus, location, platform, (const char * const *)packages->pdata, crashes);
      made += n;
    }
  return corpus;
}
