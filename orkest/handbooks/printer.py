"""Chromium prints a handbook's document to PDF, with its outline (bookmarks from the headings)
and tags; the site's files are served to it from the built folder, nothing from elsewhere."""

from __future__ import annotations

import contextlib
import mimetypes
from collections.abc import Iterator
from pathlib import Path

from orkest.handbooks.sections import BuiltSite
from orkest.testing import CHROMIUM, CHROMIUM_ARGS


class PrintError(RuntimeError):
    """Chromium could not print a handbook, or a page of it: says which and what to do."""


class HandbookPrinter:
    """One Chromium for all the handbooks of a run (use as a context manager)."""

    def __init__(self, site: BuiltSite):
        self.site = site
        self.missing: list[str] = []  # the site's files a document asked for and the folder lacks
        self._documents: dict[str, str] = {}  # the handbooks open now, by the address each is shown at

    def __enter__(self) -> HandbookPrinter:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise PrintError(f"{error.name} is not installed: install requirements/handbooks.txt "
                             "(bash -c 'source scripts/_venv.sh && ensure_venv requirements/handbooks.txt')") from error
        if not Path(CHROMIUM).exists():
            raise PrintError(f"Chromium not found at {CHROMIUM}: install Debian's chromium "
                             "(apt-get install chromium) or set CHROMIUM=/path/to/chrome")
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # One context for all: the site's stylesheets are fetched and parsed once, not per handbook.
        self._context = self._browser.new_context()
        self._context.route("**/*", self._serve)
        return self

    def __exit__(self, *exc) -> None:
        self._browser.close()
        self._playwright.stop()

    @contextlib.contextmanager
    def opened(self, address: str, document: str) -> Iterator[OpenDocument]:
        """The document, as if it were the page at `address`, open for printing."""
        self._documents[address] = document
        page = self._context.new_page()
        try:
            page.goto(address, wait_until="load")
            yield OpenDocument(page)
        finally:
            page.close()
            del self._documents[address]

    def _serve(self, route) -> None:
        url = route.request.url
        if url in self._documents:
            return route.fulfill(status=200, content_type="text/html; charset=utf-8", body=self._documents[url])
        file = self.site.file_of(url.split("#")[0].split("?")[0])
        if file is None:
            return route.abort()  # another site: a handbook is made from this site's files only
        if not file.is_file():
            self.missing.append(url)
            return route.fulfill(status=404, body="")
        route.fulfill(status=200, content_type=mimetypes.guess_type(file.name)[0] or "application/octet-stream",
                      body=file.read_bytes())


# Fills in the table of contents' page numbers in the open document (it holds no script of its own).
FILL_IN_NUMBERS = """numbers => { for (const [key, number] of Object.entries(numbers)) {
  document.querySelector(`a[href="#${key}"] .handbook-toc__page`).textContent = number; } }"""


class OpenDocument:
    """A handbook loaded once, printed as often as its table of contents needs."""

    def __init__(self, page):
        self._page = page

    def print(self, pdf: Path, final: bool) -> None:
        """On A4; the final printing also with its outline (bookmarks) and tags, which a printing
        that only tells where each page starts does not need."""
        self._page.pdf(path=str(pdf), format="A4", outline=final, tagged=final)

    def fill_in(self, numbers: dict[str, int]) -> None:
        self._page.evaluate(FILL_IN_NUMBERS, numbers)
