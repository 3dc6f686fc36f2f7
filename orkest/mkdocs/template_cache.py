"""Compile each theme template once, not once per build.

MkDocs makes a fresh Jinja environment for every build: mkdocs-static-i18n builds each
language separately, and `mkdocs serve` reloads its configuration (and these hooks)
before every rebuild, so the theme's ~50 templates were compiled again each time,
about a fifth of a build. Jinja's bytecode cache keeps the compiled code in a folder
under the system's temporary directory; each entry is checked against its template's
source, so an edited override is picked up at once.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

FOLDER = Path(tempfile.gettempdir()) / f"orkest-in-de-klas-templates-{getattr(os, 'getuid', lambda: 'user')()}"


class TemplateCache:
    def on_env(self, env, config, files):
        FOLDER.mkdir(mode=0o700, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(FOLDER))
        return env
