/* atlas-traceback.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_FRAME_USER_CELL,  /* code of a notebook cell, in any IPython form */
  ATLAS_FRAME_LIBRARY,    /* a file under site-packages/ or dist-packages/ */
  ATLAS_FRAME_FILE,       /* any other file (the user's .py, the stdlib) */
} AtlasFrameKind;

typedef struct
{
  AtlasFrameKind  kind;
  char           *file;             /* as printed: "Cell In[12]", "/usr/lib/.../frame.py" */
  char           *package;          /* top-level package of a library frame ("pandas"), else NULL */
  char           *module_path;      /* library frames: dotted path inside site-packages ("pandas.core.frame"), else NULL */
  char           *function;         /* "<module>", "fit", or NULL when not printed */
  int             execution_count;  /* user-cell frames: N of In[N]; -1 when unknown */
  int             line;             /* 1-based line of the arrow in that file or cell; -1 when unknown */
  char           *code;             /* the text of the "---->" line, stripped of the arrow and number; NULL if none */
} AtlasFrame;

/* One exception of a chain: tracebacks print the cause first and, after
 * "During handling of the above exception…" or "The above exception was the
 * direct cause…", the exception that finally escaped. */
typedef struct
{
  char      *ename;   /* NULL when the section does not name it */
  char      *evalue;
  GPtrArray *frames;  /* element-type AtlasFrame, outermost first */
} AtlasTracebackSection;

#define ATLAS_TYPE_TRACEBACK (atlas_traceback_get_type ())

typedef struct _AtlasTraceback AtlasTraceback;

GType                        atlas_traceback_get_type             (void) G_GNUC_CONST;

/* @lines are the strings of an error output's "traceback" array, ANSI kept;
 * each may hold embedded newlines. Never fails: unparseable text gives a
 * traceback with no frames. */
AtlasTraceback              *atlas_traceback_parse                (const char * const *lines,
                                                                   gsize               n_lines);
AtlasTraceback              *atlas_traceback_ref                  (AtlasTraceback     *self);
void                         atlas_traceback_unref                (AtlasTraceback     *self);

/* The lines joined by "\n", ANSI kept (for display). */
const char                  *atlas_traceback_get_raw              (AtlasTraceback     *self);
/* The same with ANSI removed (for analysis). */
const char                  *atlas_traceback_get_text             (AtlasTraceback     *self);

/* Sections of the chain, cause first; the last one is the exception the
 * output reports. Always at least one. */
guint                        atlas_traceback_get_n_sections       (AtlasTraceback     *self);
const AtlasTracebackSection *atlas_traceback_get_section          (AtlasTraceback     *self,
                                                                   guint               index);

/* Shortcuts into the last section. */
guint                        atlas_traceback_get_n_frames         (AtlasTraceback     *self);
const AtlasFrame            *atlas_traceback_get_frame            (AtlasTraceback     *self,
                                                                   guint               index);
/* The last user-cell frame (where the user's code called in), or NULL. */
const AtlasFrame            *atlas_traceback_get_user_frame       (AtlasTraceback     *self);
/* The innermost library frame (where the error was raised), or NULL. */
const AtlasFrame            *atlas_traceback_get_innermost_library_frame (AtlasTraceback *self);
/* The outermost library frame called from user code, or NULL. */
const AtlasFrame            *atlas_traceback_get_outermost_library_frame (AtlasTraceback *self);

/* Parses one frame header line (ANSI already stripped), e.g.
 * "Cell In[12], line 3", "File ~/x/site-packages/pandas/core/frame.py:3805, in DataFrame.__getitem__(self, key)",
 * "<ipython-input-12-abc> in <module>", "/tmp/ipykernel_17/1.py in <module>".
 * Returns NULL if @line is not a frame header. */
AtlasFrame                  *atlas_frame_parse_header             (const char         *line);
void                         atlas_frame_free                     (AtlasFrame         *frame);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTraceback, atlas_traceback_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFrame, atlas_frame_free)

/* For lines the reader has already made valid UTF-8: atlas_traceback_parse()
 * checks the encoding again, a pass over every traceback. */
AtlasTraceback *_atlas_traceback_parse_valid (const char * const *lines,
                                              gsize               n_lines);

G_END_DECLS
