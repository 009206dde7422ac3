/* atlas-rules-row.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-rules-row"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-rules-row.h"
#include "atlas-settings.h"
#include "atlas-user-rules.h"

struct _AtlasRulesRow
{
  AdwActionRow          parent_instance;

  GSettings            *settings;   /* NULL without the installed schema */
  GtkWidget            *reset_button;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (AtlasRulesRow, atlas_rules_row, ADW_TYPE_ACTION_ROW)

static void
show_state (AtlasRulesRow *self,
            const char    *problem)
{
  g_autofree char *path = atlas_settings_dup_rules_file (self->settings);

  if (problem != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), problem);
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                                   path != NULL ? path : _("Built-in rules only"));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
    }
  gtk_widget_set_sensitive (self->reset_button, path != NULL);
}

gboolean
atlas_rules_row_set_file (AtlasRulesRow *self,
                          const char    *path)
{
  g_autofree char *warning = NULL;
  g_autoptr(AtlasClassifier) classifier = NULL;

  g_return_val_if_fail (ATLAS_IS_RULES_ROW (self), FALSE);

  /* A rules file is a few hundred lines: checking it here takes no time. */
  classifier = atlas_classifier_new_with_user_rules (path, &warning);
  if (warning != NULL)
    {
      show_state (self, warning);
      return FALSE;
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "rules-file", path != NULL ? path : "");
  show_state (self, NULL);
  return TRUE;
}

static void
chooser_response_cb (AtlasRulesRow        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    atlas_rules_row_set_file (self, path);

  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (AtlasRulesRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) rules = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (rules, _("Rules files"));
  gtk_file_filter_add_pattern (rules, "*.rules");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Rules File"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), rules);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_clicked_cb (AtlasRulesRow *self)
{
  atlas_rules_row_set_file (self, NULL);
}

static void
atlas_rules_row_dispose (GObject *object)
{
  AtlasRulesRow *self = (AtlasRulesRow *)object;

  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_rules_row_parent_class)->dispose (object);
}

static void
atlas_rules_row_class_init (AtlasRulesRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_rules_row_dispose;
}

static GtkWidget *
suffix_button (AtlasRulesRow *self,
               const char    *icon_name,
               const char    *tooltip,
               GCallback      callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
  return button;
}

static void
atlas_rules_row_init (AtlasRulesRow *self)
{
  self->settings = atlas_settings_try_new ();

  /* Paths and parse errors are the user's text: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Rules File"));
  self->reset_button = suffix_button (self, "edit-clear-symbolic", _("Use Built-in Rules Only"),
                                      G_CALLBACK (reset_clicked_cb));
  suffix_button (self, "document-open-symbolic", _("Choose a Rules File"), G_CALLBACK (choose_clicked_cb));
  show_state (self, NULL);
}

GtkWidget *
atlas_rules_row_new (void)
{
  return g_object_new (ATLAS_TYPE_RULES_ROW, NULL);
}
