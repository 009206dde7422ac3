/* test-import-dialog.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-import-dialog.h"
#include "atlas-preferences-window.h"
#include "remote-test-util.h"

/* The import dialog against a fake GitHub: notebooks join the corpus as
 * they arrive, while the main loop keeps running. */

static void
handler (FakeServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         gpointer           data)
{
  if (g_strcmp0 (path, "/repos/o/r") == 0)
    return fake_reply_json (msg, 200, "{\"default_branch\":\"main\"}");
  if (g_strcmp0 (path, "/repos/o/r/git/trees/main") == 0)
    return fake_reply_json (msg, 200, "{\"tree\":[{\"path\":\"a.ipynb\",\"type\":\"blob\",\"sha\":\"s1\",\"size\":300},"
                                      "{\"path\":\"b.ipynb\",\"type\":\"blob\",\"sha\":\"s2\",\"size\":300}],\"truncated\":false}");
  if (g_str_has_prefix (path, "/repos/o/r/contents/"))
    {
      gboolean a = g_str_has_suffix (path, "a.ipynb");
      g_autofree char *nb = a ? test_notebook ("IndexError", 1) : g_strdup ("<html>not json</html>");
      g_autofree char *b64 = g_base64_encode ((const guchar *)nb, strlen (nb));
      g_autofree char *json = g_strdup_printf ("{\"encoding\":\"base64\",\"sha\":\"%s\",\"content\":\"%s\"}",
                                               a ? "s1" : "s2", b64);

      return fake_reply_json (msg, 200, json);
    }
  fake_reply_json (msg, 404, "{\"message\":\"Not Found\"}");
}

static void
imported_cb (AtlasImportDialog *dialog,
             AtlasRemoteItem   *item,
             guint             *n)
{
  g_assert_true (g_str_has_prefix (item->location, "https://github.com/o/r/blob/main/"));
  (*n)++;
}

static void
finished_cb (AtlasImportDialog *dialog,
             gboolean          *done)
{
  *done = TRUE;
}

static void
test_import (void)
{
  FakeServer *server = fake_server_new (handler, NULL);
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  GtkWidget *dialog;
  guint n_imported = 0;
  gboolean done = FALSE;

  g_setenv ("CRASH_ATLAS_GITHUB_API", fake_server_get_base (server), TRUE);
  dialog = atlas_import_dialog_new (NULL);
  atlas_import_dialog_set_corpus (ATLAS_IMPORT_DIALOG (dialog), corpus);
  g_signal_connect (dialog, "notebook-imported", G_CALLBACK (imported_cb), &n_imported);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &done);
  gtk_window_present (GTK_WINDOW (dialog));
  atlas_import_dialog_set_text (ATLAS_IMPORT_DIALOG (dialog), "https://github.com/o/r");
  atlas_import_dialog_start (ATLAS_IMPORT_DIALOG (dialog));
  g_assert_true (atlas_import_dialog_is_running (ATLAS_IMPORT_DIALOG (dialog)));

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (atlas_import_dialog_is_running (ATLAS_IMPORT_DIALOG (dialog)));
  g_assert_cmpuint (n_imported, ==, 2);
  g_assert_cmpuint (atlas_corpus_get_n_notebooks (corpus), ==, 2);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), ==, 1);
  g_assert_cmpint (atlas_corpus_find_notebook (corpus, "https://github.com/o/r/blob/main/b.ipynb")->status,
                   ==, ATLAS_NOTEBOOK_STATUS_UNREADABLE);
  g_assert_cmpint (atlas_corpus_find_notebook (corpus, "https://github.com/o/r/blob/main/a.ipynb")->platform,
                   ==, ATLAS_PLATFORM_GITHUB);
  gtk_window_destroy (GTK_WINDOW (dialog));
  fake_server_free (server);
}

static void
test_preferences_builds (void)
{
  GtkWidget *window = atlas_preferences_window_new (NULL);

  g_assert_true (ATLAS_IS_PREFERENCES_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  test_remote_init (&argc, &argv);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  g_test_add_func ("/Remote/ImportDialog/import", test_import);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    g_test_add_func ("/Remote/Preferences/builds", test_preferences_builds);
  return g_test_run ();
}
