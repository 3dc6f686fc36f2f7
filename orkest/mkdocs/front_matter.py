"""The build fails on the page problems ./scripts/check reports (orkest/checks/front_matter.py),
and keeps every page's front matter as it was read, for the listings (orkest/mkdocs/listings.py)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from orkest.checks.front_matter import docs_findings
from orkest.checks.page_source import decode_source
from orkest.mkdocs.project_paths import site_languages


class FrontMatter:
    def __init__(self) -> None:
        self.checked = False  # every language's pages are checked once, in the first language build
        self.find_findings = docs_findings  # a dirty preview reads only changed files (dirty_preview.py)
        self.fields: dict[str, dict] = {}  # every page file (normalised path) -> its front matter

    # Deprecated since MkDocs 1.6, but the one event that sees a file before MkDocs decodes it:
    # MkDocs stops with a traceback on a file that is not UTF-8; on_files names it instead.
    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str:
        return decode_source(page.file.content_bytes)[0]

    def on_files(self, files, config: MkDocsConfig):
        if self.checked:
            return files
        self.checked = True
        problems, fields = self.find_findings(Path(config.docs_dir), languages=site_languages(config))
        if problems:
            listing = "\n  - ".join(problems)
            raise PluginError(f"page problem(s) in {len(problems)} place(s):\n  - {listing}")
        self.fields.update((os.path.normpath(path), found[0]) for path, found in fields.items())
        return files
