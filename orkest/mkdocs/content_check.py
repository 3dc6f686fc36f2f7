"""The build holds every page to the content policy (orkest/checks/content_policy.py) and
every file under docs/ to the file policy (orkest/checks/files.py).

Pages are checked as the reader gets them: after Markdown, every extension and the
generated listings have run. Every problem of a language is listed at once, with the
source file and the nearest line, and the build fails whether or not it is --strict.
"""

from __future__ import annotations

import logging
import os
import posixpath
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from orkest.checks.content_policy import Policy, locate
from orkest.checks.files import file_problems, page_image_problem
from orkest.markdown.video_sources import EMBED_ORIGINS
from orkest.mkdocs.project_paths import source_name

log = logging.getLogger("mkdocs.plugins.content_policy")


class ContentPolicyCheck:
    """One language build's problems, collected page by page, raised before it ends."""

    def __init__(self) -> None:
        self.policy = Policy.load(EMBED_ORIGINS)
        self.problems: list[str] = []
        self.published: dict[str, str] = {}  # site address -> source file
        self.seconds = 0.0
        self.pages = 0
        self.known_files: dict = {}  # each file's findings by version: every language build, a whole preview session

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        started = time.perf_counter()
        problems = file_problems(Path(config.docs_dir), self.policy.files, self.known_files)
        if problems:
            # At once, before any file is copied into the site.
            listing = "\n  - ".join(problems)
            raise PluginError(f"file policy: {len(problems)} problem(s):\n  - {listing}")
        self.problems = []
        # The docs' files only: a page's pictures come from there (a file's address costs, the theme has hundreds).
        docs = os.path.join(config.docs_dir, "")
        self.published = {"/" + file.url: file.abs_src_path for file in files
                          if file.abs_src_path and file.abs_src_path.startswith(docs)}
        self.seconds = time.perf_counter() - started
        self.pages = 0
        return files

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        started = time.perf_counter()
        inspection = self.policy.inspect(page.content or "")
        shown = source_name(page, config)
        for line, message in locate(page.file.content_string, inspection.refusals):
            self.problems.append(f"{shown}:{line}: {message}" if line else f"{shown}: {message}")
        images = [Path(self.published[path]) for path in self._paths(page, inspection.images) if path in self.published]
        budget = page_image_problem(images, self.policy.files)
        if budget:
            self.problems.append(f"{shown}: {budget}")
        self.seconds += time.perf_counter() - started
        self.pages += 1
        return context

    @staticmethod
    def _paths(page: Page, addresses: list[str]) -> list[str]:
        base = "/" + page.url
        # Decoded, then normalised: a server that decodes ..%2Ffoto.webp serves ../foto.webp.
        return [posixpath.normpath(unquote(urlsplit(urljoin(base, address)).path)) for address in addresses]

    def on_post_build(self, config: MkDocsConfig) -> None:
        log.info("content policy: files and %d pages checked in %.3f s", self.pages, self.seconds)
        if self.problems:
            listing = "\n  - ".join(self.problems)
            raise PluginError(f"content policy: {len(self.problems)} problem(s):\n  - {listing}\n"
                              "hint: the rules and why they exist are in docs/meedoen/controles.md; "
                              "what is allowed is in orkest/checks/content_policy.yml")
