"""Paths as a contributor sees them: from the project folder (docs/instrumenten/x.en.md)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def project_dir(config: MkDocsConfig) -> Path:
    """The folder holding mkdocs.yml (also when mkdocs ran with a relative -f path)."""
    return Path(os.path.abspath(config.config_file_path)).parent


def source_name(page: Page, config: MkDocsConfig) -> str:
    """The file a contributor edits for this page, e.g. docs/instrumenten/x.en.md."""
    return Path(os.path.relpath(page.file.abs_src_path, project_dir(config))).as_posix()
