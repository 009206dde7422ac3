/* fuzz-driver.c: runs a harness without libFuzzer, so it builds with gcc.
 *
 *   fuzz-NAME [--mutate-seconds=S] [--seed=N] [--crash-dir=DIR] SEED_DIR|FILE…
 *
 * Each file (or each file of each folder) is run once; then, for S seconds,
 * inputs made by mutating the seeds (bit flips, bytes and tokens inserted,
 * ranges deleted, copied or spliced from another seed) are run, from a
 * fixed random seed so a CI failure repeats. There is no coverage
 * feedback: a libFuzzer build (clang, -Dfuzzing=true) goes deeper. An input
 * that crashes is written to DIR (default: the current folder) first.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "fuzz-common.h"

static const guint8 *current_data;
static volatile size_t current_size;
static char crash_path[4096];

/* Async-signal-safe: writes the input that was running, then lets the
 * signal do what it does (ASan's abort, a segfault). */
static void
on_fatal_signal (int sig)
{
  int fd = open (crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  if (fd >= 0)
    {
      if (current_data != NULL && write (fd, current_data, current_size) < 0)
        {
          /* nothing more can be done in a signal handler */
        }
      close (fd);
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
run_one (const guint8 *data,
         size_t        size)
{
  current_data = data;
  current_size = size;
  LLVMFuzzerTestOneInput (data, size);
  current_data = NULL;
}

static void
add_input (GPtrArray  *inputs,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        add_input (inputs, g_ptr_array_index (names, i));
      return;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  if (!g_file_get_contents (path, &data, &size, &error))
    g_error ("%s", error->message);
  g_ptr_array_add (inputs, g_bytes_new_take (data, size));
}

/* Tokens that matter to the formats under test. */
static const char *const tokens[] = {
  "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\\ud800", "\\udc00", "\\u005f", "\\u001b[0;31m",
  "\"output_type\"", "\"error\"", "\"pyerr\"", "\"cells\"", "\"worksheets\"", "\"outputs\"", "\"source\"",
  "\"traceback\"", "\"ename\"", "\"evalue\"", "null", "true", "1e999", "NaN", "-Infinity", "\xef\xbb\xbf",
  "\t", "\n", "\r\n", "\x1b[", "\x1b]", "\x07", "\xff", "\xc3", "Traceback (most recent call last):",
  "Cell In[3], line 2", "  File \"/usr/lib/python3/site-packages/x.py\", line 7, in f", "----> ",
  "import ", "from ", " as ", "def ", "class ", "lambda", "'''", "\"\"\"", "#", "(", ")", "=",
  "[rule ", "when-ename = ", "set-crash-type = ", "=", "kaggle:", "github:", "https://github.com/",
  "@", "/versions/", "/", "..", "%2e", "?max=", "&", "stderr", "stream_name", "data",
};

static void
insert_bytes (GByteArray   *array,
              guint         pos,
              const guint8 *data,
              guint         len)
{
  guint old = array->len;

  pos = MIN (pos, old);
  g_byte_array_set_size (array, old + len);
  memmove (array->data + pos + len, array->data + pos, old - pos);
  memcpy (array->data + pos, data, len);
}

static GByteArray *
mutate (GPtrArray *inputs,
        GRand     *rand)
{
  GBytes *seed = g_ptr_array_index (inputs, g_rand_int_range (rand, 0, inputs->len));
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (seed, &size);
  GByteArray *out = g_byte_array_sized_new (size + 64);
  guint n_ops = g_rand_int_range (rand, 1, 9);

  g_byte_array_append (out, data, size);
  for (guint op = 0; op < n_ops; op++)
    {
      guint pos = out->len ? g_rand_int_range (rand, 0, out->len + 1) : 0;

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0:  /* flip a bit */
          if (out->len > 0)
            {
              guint bit = g_rand_int_range (rand, 0, 8);

              out->data[MIN (pos, out->len - 1)] ^= 1u << bit;
            }
          break;
        case 1:  /* a random byte */
          {
            guint8 b = g_rand_int_range (rand, 0, 256);
            insert_bytes (out, pos, &b, 1);
          }
          break;
        case 2:  /* delete a range */
          if (out->len > 0 && pos < out->len)
            {
              guint len = g_rand_int_range (rand, 1, 64);  /* not inside MIN(): it would draw twice */

              g_byte_array_remove_range (out, pos, MIN (len, out->len - pos));
            }
          break;
        case 3:  /* copy a range elsewhere */
          if (out->len > 1)
            {
              guint from = g_rand_int_range (rand, 0, out->len);
              guint want = g_rand_int_range (rand, 1, 128);
              guint len = MIN (want, out->len - from);
              g_autofree guint8 *copy = g_memdup2 (out->data + from, len);
              insert_bytes (out, MIN (pos, out->len), copy, len);
            }
          break;
        case 4:  /* splice from another seed */
          {
            GBytes *other = g_ptr_array_index (inputs, g_rand_int_range (rand, 0, inputs->len));
            gsize other_size = 0;
            const guint8 *other_data = g_bytes_get_data (other, &other_size);

            if (other_size > 0)
              {
                guint from = g_rand_int_range (rand, 0, other_size);
                gsize want = g_rand_int_range (rand, 1, 256);
                guint len = MIN (want, other_size - from);
                insert_bytes (out, pos, other_data + from, len);
              }
          }
          break;
        default: /* a token */
          {
            const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];
            insert_bytes (out, pos, (const guint8 *)token, strlen (token));
          }
          break;
        }
      if (out->len > 256 * 1024)
        g_byte_array_set_size (out, 256 * 1024);
    }
  return out;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  double seconds = 0;
  guint32 seed = 1;
  const char *crash_dir = ".";
  guint64 n_runs = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--mutate-seconds="))
        seconds = g_ascii_strtod (argv[i] + strlen ("--mutate-seconds="), NULL);
      else if (g_str_has_prefix (argv[i], "--seed="))
        seed = (guint32)g_ascii_strtoull (argv[i] + strlen ("--seed="), NULL, 10);
      else if (g_str_has_prefix (argv[i], "--crash-dir="))
        crash_dir = argv[i] + strlen ("--crash-dir=");
      else
        add_input (inputs, argv[i]);
    }
  if (inputs->len == 0)
    {
      g_printerr ("usage: %s [--mutate-seconds=S] [--seed=N] [--crash-dir=DIR] SEED_DIR|FILE…\n", argv[0]);
      return 2;
    }
  {
    g_autofree char *name = g_path_get_basename (argv[0]);

    g_snprintf (crash_path, sizeof crash_path, "%s/crash-%s-%d", crash_dir, name, (int)getpid ());
  }
  signal (SIGABRT, on_fatal_signal);
  signal (SIGSEGV, on_fatal_signal);
  signal (SIGBUS, on_fatal_signal);
  signal (SIGTRAP, on_fatal_signal);

  for (guint i = 0; i < inputs->len; i++)
    {
      gsize size = 0;
      const guint8 *data = g_bytes_get_data (inputs->pdata[i], &size);

      run_one (data, size);
      n_runs++;
    }

  if (seconds > 0)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      gint64 end = g_get_monotonic_time () + (gint64)(seconds * G_USEC_PER_SEC);

      while (g_get_monotonic_time () < end)
        {
          g_autoptr(GByteArray) input = mutate (inputs, rand);

          run_one (input->data, input->len);
          n_runs++;
        }
    }
  g_print ("%s: %" G_GUINT64_FORMAT " inputs run (%u seeds, %.0f s of mutations, seed %u)\n",
           argv[0], n_runs, inputs->len, seconds, seed);
  return 0;
}
