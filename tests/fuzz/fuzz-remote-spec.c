/* fuzz-remote-spec.c: any text given as a source is parsed or refused with
 * an error naming it; what is parsed describes itself in valid UTF-8.
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-remote-error.h"
#include "atlas-remote-spec.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasRemoteSpec) spec = NULL;

  fuzz_init ();
  text = fuzz_string (data, size);
  atlas_remote_spec_is_remote (text);
  spec = atlas_remote_spec_parse (text, &error);
  FUZZ_CHECK ((spec == NULL) != (error == NULL));
  if (spec != NULL)
    {
      g_autofree char *description = atlas_remote_spec_describe (spec);

      FUZZ_CHECK (description != NULL);
      atlas_remote_spec_platform (spec);
    }
  else
    FUZZ_CHECK (error->domain == ATLAS_REMOTE_ERROR);
  return 0;
}
