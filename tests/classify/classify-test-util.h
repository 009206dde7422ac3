/* classify-test-util.h — small notebooks for the classifier tests
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "atlas-notebook-reader.h"

/* One code cell; ename NULL for a cell without an error output. */
typedef struct
{
  const char *source;
  int         execution_count;  /* -1: never ran */
  const char *ename;
  const char *evalue;
  const char *traceback;        /* lines separated by "\n", or NULL */
} TestCell;

static inline void
add_error_output (JsonBuilder    *b,
                  const TestCell *cell)
{
  g_auto(GStrv) lines = g_strsplit (cell->traceback ? cell->traceback : "", "\n", -1);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "output_type");
  json_builder_add_string_value (b, "error");
  json_builder_set_member_name (b, "ename");
  json_builder_add_string_value (b, cell->ename);
  json_builder_set_member_name (b, "evalue");
  json_builder_add_string_value (b, cell->evalue);
  json_builder_set_member_name (b, "traceback");
  json_builder_begin_array (b);
  for (guint i = 0; lines[i] != NULL; i++)
    json_builder_add_string_value (b, lines[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static inline void
add_cell (JsonBuilder    *b,
          const TestCell *cell)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cell_type");
  json_builder_add_string_value (b, "code");
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, cell->source);
  json_builder_set_member_name (b, "execution_count");
  if (cell->execution_count < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, cell->execution_count);
  json_builder_set_member_name (b, "outputs");
  json_builder_begin_array (b);
  if (cell->ename != NULL)
    add_error_output (b, cell);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* A notebook (nbformat 4) from @n cells, read by the real reader. */
static inline AtlasNotebook *
make_notebook (const TestCell *cells,
               guint           n)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AtlasNotebook *notebook;
  char *text;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "nbformat");
  json_builder_add_int_value (b, 4);
  json_builder_set_member_name (b, "nbformat_minor");
  json_builder_add_int_value (b, 5);
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "cells");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    add_cell (b, &cells[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  bytes = g_bytes_new_take (text, strlen (text));
  notebook = atlas_notebook_read_bytes (bytes, "test.ipynb", ATLAS_PLATFORM_LOCAL,
                                        ATLAS_READ_DEFAULT, &error);
  g_assert_no_error (error);
  return notebook;
}

/* The first crash of @notebook. */
static inline AtlasCrash *
first_crash (AtlasNotebook *notebook)
{
  GPtrArray *crashes = atlas_notebook_get_crashes (notebook);

  g_assert_cmpuint (crashes->len, >=, 1);
  return g_ptr_array_index (crashes, 0);
}
