"""Adds this project's Python-Markdown extensions (hooks/md_extensions/) to the build.

They are plain Python-Markdown extensions; MkDocs only needs them importable,
and this hook's folder is on the import path while MkDocs loads it.
"""

from __future__ import annotations

from md_extensions.checklists import ChecklistExtension
from mkdocs.config.defaults import MkDocsConfig

PROJECT_EXTENSIONS = (ChecklistExtension,)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # on_config runs once per language build: add each extension only once.
    present = {type(ext) for ext in config.markdown_extensions if not isinstance(ext, str)}
    for extension in PROJECT_EXTENSIONS:
        if extension not in present:
            config.markdown_extensions.append(extension())
    return config
