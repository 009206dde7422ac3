/* atlas-store-row.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-store-private.h"

/* A corpus file is shared between people: it is untrusted input like a
 * notebook. SQLite's column types are only affinities, and anyone can
 * write any value of any type into any column, so every value is checked
 * where it is read, before it indexes an array or reaches an output. */

void
_atlas_store_row_begin (AtlasStoreRow *row,
                        sqlite3_stmt  *stmt,
                        const char    *path,
                        const char    *table,
                        int            id_col)
{
  row->stmt = stmt;
  row->path = path;
  row->table = table;
  row->row = id_col >= 0 ? sqlite3_column_int64 (stmt, id_col) : 0;
  g_clear_error (&row->error);
}

void
_atlas_store_row_fail (AtlasStoreRow *row,
                       const char    *name,
                       const char    *what)
{
  g_autofree char *number = NULL;

  if (row->error != NULL)
    return;
  /* The number is formatted apart: a format macro inside _() would hide
   * the message from xgettext. */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, row->row);
  g_set_error (&row->error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
               /* Translators: “corpus”, table, row number, column, what is wrong */
               _("The corpus “%s” is damaged: table %s, row %s, column %s: %s"),
               row->path, row->table, number, name, what);
}

gint64
_atlas_store_row_int (AtlasStoreRow *row,
                      int            col,
                      const char    *name,
                      gint64         min,
                      gint64         max,
                      gboolean       nullable,
                      gint64         fallback)
{
  gint64 value;

  switch (sqlite3_column_type (row->stmt, col))
    {
    case SQLITE_INTEGER:
      value = sqlite3_column_int64 (row->stmt, col);
      if (value < min || value > max)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);
          g_autofree char *what = g_strdup_printf (_("%s is out of range"), number);

          _atlas_store_row_fail (row, name, what);
          return fallback;
        }
      return value;
    case SQLITE_NULL:
      if (!nullable)
        _atlas_store_row_fail (row, name, _("a value is missing (NULL)"));
      return fallback;
    default:
      _atlas_store_row_fail (row, name, _("not a whole number"));
      return fallback;
    }
}

const char *
_atlas_store_row_text (AtlasStoreRow *row,
                       int            col,
                       const char    *name,
                       gboolean       nullable)
{
  const char *text;
  int len;

  switch (sqlite3_column_type (row->stmt, col))
    {
    case SQLITE_NULL:
      if (!nullable)
        _atlas_store_row_fail (row, name, _("a value is missing (NULL)"));
      return NULL;
    case SQLITE_TEXT:
      text = (const char *)sqlite3_column_text (row->stmt, col);
      len = sqlite3_column_bytes (row->stmt, col);
      /* Text with a NUL inside would be cut short without a word. */
      if (text == NULL || !g_utf8_validate_len (text, len, NULL))
        {
          _atlas_store_row_fail (row, name, _("text that is not valid UTF-8"));
          return NULL;
        }
      return text;
    default:
      _atlas_store_row_fail (row, name, _("not text"));
      return NULL;
    }
}
