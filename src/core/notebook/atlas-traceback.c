/* atlas-traceback.c — interim version; the full parser lands from text-parsers. */
#include "config.h"
#include "atlas-ansi.h"
#include "atlas-traceback.h"

struct _AtlasTraceback
{
  gatomicrefcount  ref_count;
  char            *raw;
  char            *text;
  GPtrArray       *sections;
};

G_DEFINE_BOXED_TYPE (AtlasTraceback, atlas_traceback, atlas_traceback_ref, atlas_traceback_unref)

static void
section_free (AtlasTracebackSection *section)
{
  g_free (section->ename);
  g_free (section->evalue);
  g_ptr_array_unref (section->frames);
  g_free (section);
}

void
atlas_frame_free (AtlasFrame *frame)
{
  if (frame == NULL)
    return;
  g_free (frame->file);
  g_free (frame->package);
  g_free (frame->module_path);
  g_free (frame->function);
  g_free (frame->code);
  g_free (frame);
}

AtlasFrame *
atlas_frame_parse_header (const char *line)
{
  return NULL;
}

AtlasTraceback *
atlas_traceback_parse (const char * const *lines,
                       gsize               n_lines)
{
  AtlasTraceback *self = g_new0 (AtlasTraceback, 1);
  AtlasTracebackSection *section = g_new0 (AtlasTracebackSection, 1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  g_atomic_ref_count_init (&self->ref_count);
  for (gsize i = 0; i < n_lines; i++)
    g_ptr_array_add (parts, (gpointer)lines[i]);
  g_ptr_array_add (parts, NULL);
  self->raw = g_strjoinv ("\n", (char **)parts->pdata);
  self->text = atlas_ansi_strip (self->raw);
  section->frames = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_frame_free);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)section_free);
  g_ptr_array_add (self->sections, section);
  return self;
}

AtlasTraceback *
atlas_traceback_ref (AtlasTraceback *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_traceback_unref (AtlasTraceback *self)
{
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->raw);
      g_free (self->text);
      g_ptr_array_unref (self->sections);
      g_free (self);
    }
}

const char *atlas_traceback_get_raw (AtlasTraceback *self) { return self->raw; }
const char *atlas_traceback_get_text (AtlasTraceback *self) { return self->text; }
guint atlas_traceback_get_n_sections (AtlasTraceback *self) { return self->sections->len; }
const AtlasTracebackSection *atlas_traceback_get_section (AtlasTraceback *self, guint index) { return g_ptr_array_index (self->sections, index); }
guint atlas_traceback_get_n_frames (AtlasTraceback *self) { return 0; }
const AtlasFrame *atlas_traceback_get_frame (AtlasTraceback *self, guint index) { return NULL; }
const AtlasFrame *atlas_traceback_get_user_frame (AtlasTraceback *self) { return NULL; }
const AtlasFrame *atlas_traceback_get_innermost_library_frame (AtlasTraceback *self) { return NULL; }
const AtlasFrame *atlas_traceback_get_outermost_library_frame (AtlasTraceback *self) { return NULL; }
