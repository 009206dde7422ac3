/* atlas-preferences-window.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-credentials.h"
#include "atlas-preferences-window.h"
#include "atlas-rules-row.h"
#include "atlas-settings.h"

struct _AtlasPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPasswordEntryRow  *rows[ATLAS_N_SECRETS];
  AdwEntryRow          *rater_row;
  GSettings            *settings;   /* NULL without the installed schema */
  GCancellable         *cancellable;
  gboolean              loaded;   /* never overwrite the keyring with rows not yet filled */
};

G_DEFINE_FINAL_TYPE (AtlasPreferencesWindow, atlas_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static AtlasCredentials *
credentials_from_rows (AtlasPreferencesWindow *self)
{
  AtlasCredentials *credentials = atlas_credentials_new ();

  /* "" clears a secret from the keyring */
  for (guint k = 0; k < ATLAS_N_SECRETS; k++)
    atlas_credentials_set (credentials, k, gtk_editable_get_text (GTK_EDITABLE (self->rows[k])));
  return credentials;
}

static void
fill_rows (AtlasPreferencesWindow *self,
           const AtlasCredentials *credentials,
           gboolean                only_empty)
{
  for (guint k = 0; k < ATLAS_N_SECRETS; k++)
    {
      const char *value = atlas_credentials_get (credentials, k);
      GtkEditable *row = GTK_EDITABLE (self->rows[k]);

      if (value != NULL && (!only_empty || *gtk_editable_get_text (row) == '\0'))
        gtk_editable_set_text (row, value);
    }
}

static void save (AtlasPreferencesWindow *self);

static void
keyring_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AtlasCredentials *credentials = task_data;
  g_autoptr(GError) error = NULL;
  gboolean saving = g_task_get_source_tag (task) == save;
  gboolean ok = saving ? atlas_credentials_store_in_keyring (credentials, cancellable, &error)
                       : atlas_credentials_add_from_keyring (credentials, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AtlasPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new (_("The keyring is not available: credentials will not be kept")));
      return;
    }
  fill_rows (self, g_task_get_task_data (G_TASK (result)), FALSE);
  self->loaded = TRUE;
}

static void
load (AtlasPreferencesWindow *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, loaded_cb, g_object_ref (self));

  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, atlas_credentials_new (), (GDestroyNotify)atlas_credentials_free);
  g_task_run_in_thread (task, keyring_worker);
}

static void
save (AtlasPreferencesWindow *self)
{
  /* Not tied to the window's cancellable: saving must finish after it closes. */
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, save);
  g_task_set_task_data (task, credentials_from_rows (self), (GDestroyNotify)atlas_credentials_free);
  g_task_run_in_thread (task, keyring_worker);
}

static void
import_cb (AtlasPreferencesWindow *self)
{
  g_autoptr(AtlasCredentials) found = atlas_credentials_new ();

  atlas_credentials_add_from_env (found);
  atlas_credentials_add_from_kaggle_files (found);
  fill_rows (self, found, TRUE);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Filled the empty fields from the environment and ~/.kaggle")));
}

static gboolean
atlas_preferences_window_close_request (GtkWindow *window)
{
  AtlasPreferencesWindow *self = ATLAS_PREFERENCES_WINDOW (window);

  if (self->loaded)
    save (self);
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (atlas_preferences_window_parent_class)->close_request (window);
}

static void
atlas_preferences_window_dispose (GObject *object)
{
  AtlasPreferencesWindow *self = ATLAS_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (atlas_preferences_window_parent_class)->dispose (object);
}

static void
atlas_preferences_window_class_init (AtlasPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_preferences_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = atlas_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-preferences-window.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "github_token", FALSE,
                                             G_STRUCT_OFFSET (AtlasPreferencesWindow, rows[ATLAS_SECRET_GITHUB_TOKEN]));
  gtk_widget_class_bind_template_child_full (widget_class, "kaggle_token", FALSE,
                                             G_STRUCT_OFFSET (AtlasPreferencesWindow, rows[ATLAS_SECRET_KAGGLE_TOKEN]));
  gtk_widget_class_bind_template_child_full (widget_class, "kaggle_username", FALSE,
                                             G_STRUCT_OFFSET (AtlasPreferencesWindow, rows[ATLAS_SECRET_KAGGLE_USERNAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "kaggle_key", FALSE,
                                             G_STRUCT_OFFSET (AtlasPreferencesWindow, rows[ATLAS_SECRET_KAGGLE_KEY]));
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, rater_row);
  gtk_widget_class_bind_template_callback (widget_class, import_cb);

  g_type_ensure (ATLAS_TYPE_RULES_ROW);
}

static void
atlas_preferences_window_init (AtlasPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->settings = atlas_settings_try_new ();
  if (self->settings != NULL)
    g_settings_bind (self->settings, "rater-name", self->rater_row, "text", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->rater_row), FALSE);
  load (self);
}

GtkWidget *
atlas_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (ATLAS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
