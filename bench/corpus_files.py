"""The notebook files below a folder, in the order every bench tool uses:
sorted level by level, hidden folders and .ipynb_checkpoints skipped (as
crash-atlas scan does), each joined to the folder as given."""
import os


def notebook_paths(roots):
    paths = []
    for root in roots:
        if os.path.isfile(root):
            paths.append(root)
            continue
        found = []
        for top, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d != ".ipynb_checkpoints"]
            rel = os.path.relpath(top, root)
            for name in files:
                if name.endswith(".ipynb"):
                    found.append(os.path.normpath(os.path.join(rel, name)).split(os.sep))
        paths += [os.path.join(root, *parts) for parts in sorted(found)]
    return paths
