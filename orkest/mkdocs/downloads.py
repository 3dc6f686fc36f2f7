"""Each page's editable downloads (orkest/documents/), written next to the page, and its download box.

A page lists its formats in front matter `downloads:`; a workbook's sheets come from the
pages in `workbook:` (relative to the page, Dutch file names; a translation's build reads
their twins). Files are made when the page is rendered, so a dirty preview remakes those of
the pages it rebuilds and keeps the others; it also rebuilds a page whose workbook reads a page
saved since (on_nav). Names are the page title's slug in the reader's language (begroting.docx,
budget.docx). A page whose files cannot be made fails the build,
naming its source file and what to change; so does a listed file missing after the build.
The box (overrides/partials/downloads.html) gets each file's words from orkest/strings.yml.
"""

from __future__ import annotations

import gc
import math
import os
import re
import unicodedata
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from orkest.documents import cache
from orkest.mkdocs.project_paths import site_languages, source_name


def slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "document"


@contextmanager
def without_collections():
    """Python's cycle collector paused: importing the office libraries and making the files creates
    many short-lived objects, and each collection they set off walks every object of the build so far."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def twin(path: Path, language: str, default: str) -> Path:
    """The page in this build's language, if it has one (suffix layout: page.en.md)."""
    translated = path.with_suffix(f".{language}.md")
    return translated if language != default and translated.exists() else path


class Downloads:
    def __init__(self) -> None:
        self.written: dict[str, list[Path]] = {}  # source file -> the files this build wrote for it
        self.workbooks: dict = {}  # workbooks made in this build, shared by the pages they belong to
        self.documents: dict = {}  # page text -> its document model: a workbook's pages are read once per build

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        formats = page.meta.get("downloads")
        if not formats or not config.plugins["orkest"].config.downloads:
            return context
        languages = site_languages(config)
        language = config.plugins["i18n"].current_language or languages.default
        source, words = source_name(page, config), context["ui"]["downloads"]
        page_path = Path(page.file.abs_src_path)
        names = page.meta.get("workbook") or [page_path.name]
        paths = [twin(page_path.parent / name, language, languages.default) for name in names]
        if missing := [str(name) for name, path in zip(names, paths) if not path.exists()]:
            raise PluginError(f"{source}: its downloads cannot be made: its 'workbook' names pages that do "
                              f"not exist: {', '.join(missing)}. Fix the page, or change its front matter 'downloads'")
        texts = [path.read_text(encoding="utf-8") for path in [page_path, *paths]]
        formats, title = list(formats), page.meta.get("title") or page.title or ""
        name = cache.key(formats, language, words, texts)
        files = cache.cached(name, formats)
        if files is None:
            files = self.make(source, formats, texts, words["sheet"], language)
            cache.keep(name, files)
        plain = self.plain_workbook(texts[1:]) if {"xlsx", "ods"} & set(formats) else False
        target = Path(page.file.abs_dest_path).parent
        target.mkdir(parents=True, exist_ok=True)
        listed, self.written[source] = [], []
        for kind, data in files.items():
            path = target / f"{slug(title)}.{kind}"
            path.write_bytes(data)
            self.written[source].append(path)
            sheet = plain and kind in ("xlsx", "ods")  # a table to adapt, not amounts with formulas
            listed.append({"href": path.name, "what": words["table"]["what"] if sheet else words["what"][kind],
                           "format": words["format"][kind],
                           "size": words["size"].format(size=math.ceil(len(data) / 1024)),
                           "language": languages.names.get(language, language),
                           "how": words["table"]["how"] if sheet else words["how"][kind]})
        context["downloads"] = listed
        return context

    def read(self, text: str):
        """The page's document model (raises ModelError saying what to change)."""
        from orkest.documents.model import (
            read_document,  # imports none of the office libraries
        )

        if text not in self.documents:
            self.documents[text] = read_document(text)
        return self.documents[text]

    def plain_workbook(self, texts: list[str]) -> bool:
        """Whether no page of the workbook has amounts (its sheets hold no formulas)."""
        from orkest.documents.model import ModelError
        from orkest.documents.sheets import (
            has_amounts,  # neither imports the office libraries
        )

        try:
            return not any(has_amounts(self.read(text)) for text in texts)
        except ModelError:
            return False  # make() names the fault

    def make(self, source: str, formats: list[str], texts: list[str], words: dict, language: str) -> dict[str, bytes]:
        with without_collections():
            # Imported here: python-docx, XlsxWriter and odfpy cost a build whose files are kept nothing.
            from orkest.documents.make import generate
            from orkest.documents.model import ModelError

            try:
                page, *workbook = (self.read(text) for text in texts)
                return generate(page, formats, workbook, words, language, self.workbooks)
            except ModelError as error:
                raise PluginError(f"{source}: its downloads cannot be made: {error}. "
                                  "Fix the page, or change its front matter 'downloads'") from error

    def on_post_build(self, config: MkDocsConfig) -> None:
        for source, paths in self.written.items():
            if missing := [path.name for path in paths if not os.path.exists(path)]:
                raise PluginError(f"{source}: its download box links to files the build did not keep: "
                                  f"{', '.join(missing)}. Check that no other page writes to its folder")
