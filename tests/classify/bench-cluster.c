/* bench-cluster.c — time the message clustering on a study-sized corpus
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-cluster [N | FILE]
 * With FILE, clusters its lines (one message each); otherwise N (default
 * 92,542, the study's crash count) synthetic messages shaped like the
 * error values of pandas, NumPy, scikit-learn, Keras, PyTorch and Python.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "atlas-cluster.h"

static const char *templates[] = {
  "name '@' is not defined",
  "'@' object has no attribute '@'",
  "module '@' has no attribute '@'",
  "No module named '@'",
  "cannot import name '@' from '@' (/usr/lib/python3/site-packages/@/__init__.py)",
  "could not convert string to float: '@'",
  "invalid literal for int() with base 10: '@'",
  "[Errno 2] No such file or directory: '/kaggle/input/@/@.csv'",
  "File b'../input/@.csv' does not exist",
  "index # is out of bounds for axis # with size #",
  "list index out of range",
  "tuple index out of range",
  "single positional indexer is out-of-bounds",
  "'@'",
  "\"['@'] not found in axis\"",
  "\"None of [Index(['@', '@'], dtype='object')] are in the [columns]\"",
  "Input contains NaN, infinity or a value too large for dtype('float64').",
  "Found input variables with inconsistent numbers of samples: [#, #]",
  "Expected 2D array, got 1D array instead: array=[# # #]. Reshape your data",
  "operands could not be broadcast together with shapes (#,#) (#,)",
  "could not broadcast input array from shape (#,#) into shape (#,)",
  "cannot reshape array of size # into shape (#,#,#)",
  "shapes (#,#) and (#,#) not aligned: # (dim 1) != # (dim 0)",
  "Error when checking input: expected @ to have # dimensions, but got array with shape (#, #)",
  "Input 0 of layer @ is incompatible with the layer: expected ndim=#, found ndim=#",
  "CUDA out of memory. Tried to allocate #.# MiB (GPU #; #.# GiB total capacity)",
  "Unable to allocate #.# GiB for an array with shape (#, #) and data type float64",
  "OOM when allocating tensor with shape[#,#] and type float on /job:localhost/replica:0/task:0",
  "size mismatch for @.weight: copying a param with shape torch.Size([#, #])",
  "mat1 and mat2 shapes cannot be multiplied (#x# and #x#)",
  "Expected object of scalar type Float but got scalar type Long for argument #",
  "@() got an unexpected keyword argument '@'",
  "@() missing # required positional argument: '@'",
  "@() takes # positional arguments but # were given",
  "unsupported operand type(s) for +: '@' and '@'",
  "'@' object is not callable",
  "'@' object is not subscriptable",
  "'@' object is not iterable",
  "unhashable type: '@'",
  "can only concatenate str (not \"@\") to str",
  "This @ instance is not fitted yet. Call 'fit' with appropriate arguments",
  "y contains previously unseen labels: '@'",
  "The feature names should match those that were passed during fit.",
  "Classification metrics can't handle a mix of @ and @ targets",
  "Length of values (#) does not match length of index (#)",
  "The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().",
  "time data '@' does not match format '%Y-%m-%d'",
  "'utf-8' codec can't decode byte 0x# in position #: invalid start byte",
  "HTTP Error #: Forbidden",
  "Max retries exceeded with url: /@ (Caused by NewConnectionError)",
  "division by zero",
  "invalid syntax (<ipython-input-#-@>, line #)",
  "unexpected indent (<ipython-input-#-@>, line #)",
  "local variable '@' referenced before assignment",
  "too many values to unpack (expected #)",
  "not enough values to unpack (expected #, got #)",
  "Shape of passed values is (#, #), indices imply (#, #)",
  "You are trying to merge on @ and @ columns. If you wish to proceed you should use pd.concat",
  "Graph execution error: Detected at node '@' defined at",
  "stack expects each tensor to be equal size, but got [#] at entry 0 and [#] at entry #",
};

/* Words that appear in some messages and not others, so that many word
 * sets differ slightly and the join has real candidates to check. */
static const char *noise[] = {
  "please", "check", "your", "data", "input", "the", "model", "value", "array", "column",
  "instead", "use", "see", "documentation", "for", "details", "expected", "got", "while",
  "calling", "layer", "tensor", "batch", "shape", "dtype", "training", "validation",
};

static char *
fill (const char *template,
      GRand      *rand)
{
  GString *out = g_string_new (NULL);
  guint n_noise = g_rand_int_range (rand, 0, 4);

  for (const char *p = template; *p != '\0'; p++)
    {
      if (*p == '@')
        g_string_append_printf (out, "%c%x", 'a' + g_rand_int_range (rand, 0, 26), g_rand_int (rand) % 4096);
      else if (*p == '#')
        g_string_append_printf (out, "%d", g_rand_int_range (rand, 0, 100000));
      else
        g_string_append_c (out, *p);
    }
  for (guint i = 0; i < n_noise; i++)
    g_string_append_printf (out, " %s", noise[g_rand_int_range (rand, 0, G_N_ELEMENTS (noise))]);
  return g_string_free (out, FALSE);
}

static GPtrArray *
read_lines (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (messages, g_strdup (lines[i]));
  return messages;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  g_autofree guint *ids = NULL;
  guint n = 92542, n_clusters;
  gint64 start;
  double seconds;

  if (argc > 1 && g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    messages = read_lines (argv[1]);
  else
    {
      if (argc > 1)
        n = (guint)g_ascii_strtoull (argv[1], NULL, 10);
      messages = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (messages, fill (templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (templates))], rand));
    }

  start = g_get_monotonic_time ();
  ids = atlas_cluster_messages ((const char * const *)messages->pdata, messages->len, &n_clusters);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  printf ("messages:  %u\n", messages->len);
  printf ("clusters:  %u (largest first: id 0 holds \"%s\")\n", n_clusters,
          messages->len ? (const char *)g_ptr_array_index (messages, 0) : "");
  printf ("time:      %.3f s (normalise + candidate pairs + exact Jaccard + components)\n", seconds);
  return 0;
}
