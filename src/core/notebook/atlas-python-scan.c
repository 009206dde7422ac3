/* atlas-python-scan.c — interim version; the full scanner lands from text-parsers. */
#include "config.h"
#include <string.h>

#include "atlas-python-scan.h"

void
atlas_import_free (AtlasImport *import)
{
  g_free (import->module);
  g_free (import->name);
  g_free (import->symbol);
  g_free (import->package);
  g_free (import);
}

char *
atlas_python_top_package (const char *module)
{
  return g_strndup (module, strcspn (module, "."));
}

void
atlas_python_scan_imports (const char *source,
                           guint       cell,
                           GPtrArray  *imports)
{
  g_auto(GStrv) lines = g_strsplit (source, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t,", -1);
      AtlasImport *import;

      if (g_strcmp0 (words[0], "import") != 0 || words[1] == NULL || words[1][0] == '\0')
        continue;
      import = g_new0 (AtlasImport, 1);
      import->module = g_strdup (words[1]);
      import->package = atlas_python_top_package (words[1]);
      import->name = g_strdup (words[2] && g_str_equal (words[2], "as") && words[3] ? words[3] : import->package);
      import->cell = cell;
      import->line = i + 1;
      g_ptr_array_add (imports, import);
    }
}

void
atlas_python_scan_names (const char   *source,
                         char       ***defines,
                         char       ***uses)
{
  *defines = g_new0 (char *, 1);
  *uses = g_new0 (char *, 1);
}
