/* atlas-cli-files-from.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cli-scan"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <gio/gunixinputstream.h>

#include "atlas-cli-print.h"
#include "atlas-cli.h"

/* `--files-from FILE|-`: the inputs of a scan, one a line, so that a job
 * array (Slurm, GNU parallel, a streaming map step) hands each task its
 * share of a list of millions without a command line that long. */

/* Inputs are paths or remote specs; blank lines and lines starting with
 * '#' are skipped, and a line may end in CR LF. */
static guint
add_line (AtlasCorpusLoad *load,
          const char      *where,
          char            *line,
          gsize            len)
{
  if (len > 0 && line[len - 1] == '\r')
    line[--len] = '\0';
  if (len == 0 || line[0] == '#')
    return 0;
  if (memchr (line, '\0', len) != NULL)
    {
      atlas_cli_print_error ("%s: %s", where, _("the line holds a NUL byte"));
      return 1;
    }
  /* Its notebooks' platform decided as for the paths given as arguments. */
  return atlas_cli_load_add_input_at (load, line, where);
}

gboolean
atlas_cli_add_inputs_from (AtlasCorpusLoad  *load,
                           const char       *list_path,
                           guint            *n_bad,
                           GError          **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *display = NULL;
  guint64 number = 0;

  if (g_str_equal (list_path, "-"))
    {
      stream = g_unix_input_stream_new (0, FALSE);
      display = g_strdup (_("standard input"));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (list_path);

      if ((stream = G_INPUT_STREAM (g_file_read (file, NULL, error))) == NULL)
        return FALSE;
      display = g_filename_display_name (list_path);
    }
  lines = g_data_input_stream_new (stream);
  g_data_input_stream_set_newline_type (lines, G_DATA_STREAM_NEWLINE_TYPE_LF);
  for (;;)
    {
      g_autoptr(GError) read_error = NULL;
      g_autofree char *where = NULL;
      gsize len = 0;
      char *line = g_data_input_stream_read_line (lines, &len, NULL, &read_error);

      if (line == NULL && read_error != NULL)
        {
          g_set_error (error, read_error->domain, read_error->code, "%s: %s", display,
                       read_error->message);
          g_free (line);
          return FALSE;
        }
      if (line == NULL)
        break;
      number++;
      where = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, display, number);
      *n_bad += add_line (load, where, line, len);
      g_free (line);
    }
  return TRUE;
}
