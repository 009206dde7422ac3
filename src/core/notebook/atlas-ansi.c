/* atlas-ansi.c — interim version; the full parser lands from text-parsers. */
#include "config.h"
#include "atlas-ansi.h"

char *
atlas_ansi_strip (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\033' && p[1] == '[')
        {
          p += 2;
          while (*p != '\0' && !(*p >= 0x40 && *p <= 0x7e))
            p++;
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
atlas_ansi_parse (const char *text,
                  GArray    **runs)
{
  if (runs != NULL)
    *runs = g_array_new (FALSE, FALSE, sizeof (AtlasAnsiRun));
  return atlas_ansi_strip (text);
}
