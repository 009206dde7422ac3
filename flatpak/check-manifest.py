#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Crash Atlas authors
"""Checks a Flatpak manifest builds without network: every source is local
or pinned (an archive or file with its sha256, a git checkout at a commit),
no build step is given the network, and meson may not download wraps."""
import json
import sys

PINS = {"archive": "sha256", "file": "sha256", "git": "commit"}


def check(path, app_id, runtime_version):
    manifest = json.load(open(path, encoding="utf-8"))
    problems = []
    if manifest.get("id") != app_id:
        problems.append(f"id is {manifest.get('id')!r}, not {app_id!r}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("runtime-version") != runtime_version:
        problems.append(f"runtime is not org.gnome.Platform {runtime_version}")
    for module in manifest.get("modules", []):
        name = module.get("name", "?")
        if "--share=network" in module.get("build-options", {}).get("build-args", []):
            problems.append(f"{name}: the build is given the network")
        if module.get("buildsystem") == "meson" and "--wrap-mode=nodownload" not in module.get("config-opts", []):
            problems.append(f"{name}: meson may download wraps (add --wrap-mode=nodownload)")
        for source in module.get("sources", []):
            kind = source.get("type")
            if kind == "dir":
                continue
            pin = PINS.get(kind)
            if pin is None or pin not in source:
                problems.append(f"{name}: a {kind} source that is not pinned ({pin or 'unknown type'})")
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    return not problems


if __name__ == "__main__":
    path, app_id, runtime_version = sys.argv[1:4]
    sys.exit(0 if check(path, app_id, runtime_version) else 1)
