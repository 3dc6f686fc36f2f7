"""The build fails on the page problems ./scripts/check reports (orkest/checks/front_matter.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from orkest.checks.front_matter import docs_problems
from orkest.checks.page_source import decode_source
from orkest.mkdocs.project_paths import site_languages


class FrontMatter:
    def __init__(self) -> None:
        self.checked = False  # every language's pages are checked once, in the first language build
        self.find_problems = docs_problems  # a dirty preview reads only changed files (dirty_preview.py)

    # Deprecated since MkDocs 1.6, but the one event that sees a file before MkDocs decodes it:
    # MkDocs stops with a traceback on a file that is not UTF-8; on_env names it instead.
    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str:
        return decode_source(page.file.content_bytes)[0]

    def on_env(self, env, config: MkDocsConfig, files):
        if self.checked:
            return env
        self.checked = True
        problems = self.find_problems(Path(config.docs_dir), languages=site_languages(config))
        if problems:
            listing = "\n  - ".join(problems)
            raise PluginError(f"page problem(s) in {len(problems)} place(s):\n  - {listing}")
        return env
