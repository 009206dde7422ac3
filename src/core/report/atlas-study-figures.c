/* atlas-study-figures.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-study-figures"

#include "config.h"

#include <math.h>
#include <gio/gio.h>

#include "atlas-study-figures.h"
#include "atlas-report-resources.h"

#define BUILTIN_FIGURES "/io/github/crashatlas/CrashAtlas/study/study-figures.ini"

struct _AtlasStudyFigures
{
  GKeyFile *file;
};

AtlasStudyFigures *
atlas_study_figures_new_from_data (const char  *data,
                                   gsize        len,
                                   GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  AtlasStudyFigures *self;

  g_key_file_set_list_separator (file, ';');
  if (!g_key_file_load_from_data (file, data, len, G_KEY_FILE_NONE, error))
    return NULL;
  self = g_new0 (AtlasStudyFigures, 1);
  self->file = g_steal_pointer (&file);
  return self;
}

AtlasStudyFigures *
atlas_study_figures_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  /* Looked up in this library's own resource: a static library's
   * constructor that would register it globally may never be linked in. */
  bytes = g_resource_lookup_data (atlas_report_get_resource (), BUILTIN_FIGURES,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return atlas_study_figures_new_from_data (data, len, error);
}

void
atlas_study_figures_free (AtlasStudyFigures *self)
{
  if (self == NULL)
    return;
  g_key_file_unref (self->file);
  g_free (self);
}

gboolean
atlas_study_figures_lookup (AtlasStudyFigures *self,
                            const char        *table,
                            const char        *id,
                            AtlasStudyColumn   column,
                            double            *percent)
{
  g_autofree double *values = NULL;
  gsize n = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (column < ATLAS_STUDY_N_COLUMNS, FALSE);

  if (id == NULL || *id == '_' || !g_key_file_has_key (self->file, table, id, NULL))
    return FALSE;
  values = g_key_file_get_double_list (self->file, table, id, &n, NULL);
  if (values == NULL || column >= n || !isfinite (values[column]))
    return FALSE;
  *percent = values[column];
  return TRUE;
}

char **
atlas_study_figures_dup_ids (AtlasStudyFigures *self,
                             const char        *table)
{
  g_auto(GStrv) keys = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, NULL);

  keys = g_key_file_get_keys (self->file, table, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (keys[i][0] != '_')  /* a group of several values, not one */
      g_ptr_array_add (ids, g_strdup (keys[i]));
  g_ptr_array_add (ids, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

guint
atlas_study_figures_get_n_crashes (AtlasStudyFigures *self,
                                   AtlasStudyColumn   column)
{
  g_autofree int *values = NULL;
  gsize n = 0;

  g_return_val_if_fail (self != NULL, 0);

  values = g_key_file_get_integer_list (self->file, "study", "crashes", &n, NULL);
  return values != NULL && column < n && values[column] > 0 ? (guint)values[column] : 0;
}

char *
atlas_study_figures_dup_citation (AtlasStudyFigures *self)
{
  g_autofree char *authors = NULL, *title = NULL, *venue = NULL, *year = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  authors = g_key_file_get_string (self->file, "study", "authors", NULL);
  title = g_key_file_get_string (self->file, "study", "title", NULL);
  venue = g_key_file_get_string (self->file, "study", "venue", NULL);
  year = g_key_file_get_string (self->file, "study", "year", NULL);
  /* Not translated: a reference is cited as published. */
  return g_strdup_printf ("%s, \u201c%s\u201d, %s, %s", authors ? authors : "", title ? title : "",
                          venue ? venue : "", year ? year : "");
}
