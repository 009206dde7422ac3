/* atlas-paced-model.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_PACED_MODEL (atlas_paced_model_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPacedModel, atlas_paced_model, ATLAS, PACED_MODEL, GObject)

/* A GListModel that shows a prefix of another one and lets a large change
 * reach its view a few rows per main-loop turn. GTK 4.8's list views
 * build a row of widgets for each of the first ~200 items of a change at
 * once (~55 ms for the crash list), which froze the window on every filter
 * change; paced, no turn builds more than a frame's worth. Items past that
 * window, which no widget shows, are passed on in one step. */
AtlasPacedModel *atlas_paced_model_new         (void);
void             atlas_paced_model_set_model   (AtlasPacedModel *self,
                                                GListModel      *model);
/* Whether part of the model is still to be passed on. */
gboolean         atlas_paced_model_get_pending (AtlasPacedModel *self);

G_END_DECLS
