"""Browse by audience and by instrument.

Each page shows who it is for (and its instrument), linking to the listing
page; the listing page (docs/voor-wie.md, holding the line
`<!-- audience-and-instrument-listing -->`) lists every page of its
language per audience and per instrument. Both come from the front matter
that orkest/checks/front_matter.py checks. HTML: overrides/partials/page-meta.html and
overrides/partials/listing.html.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

LISTING_SOURCE = "voor-wie.md"
MARKER = "<!-- audience-and-instrument-listing -->"


class Listings:
    def __init__(self) -> None:
        self.listing: Page | None = None  # this language build's listing page, found once per build

    def on_nav(self, nav, config: MkDocsConfig, files):
        language = config.plugins["i18n"].current_language
        # In the English build the listing's source is voor-wie.en.md.
        sources = {LISTING_SOURCE, LISTING_SOURCE.replace(".md", f".{language}.md")}
        self.listing = next((p for p in nav.pages if p.file.src_uri in sources), None)
        return nav

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        ui = context["ui"]  # this language's words (orkest/mkdocs/ui_strings.py)
        labels = ui["audiences"]
        listing = self.listing
        context["audience_labels"] = labels
        # Without a listing page (small test sites) the labels are shown without links.
        context["listing_url"] = get_relative_url(listing.url, page.url) if listing else None
        if MARKER in (page.content or ""):
            template = config.theme.get_env().get_template("partials/listing.html")
            pages = [
                {"title": p.title, "url": get_relative_url(p.url, page.url), "meta": p.meta}
                for p in nav.pages if p is not page
            ]
            # One heading per instrument, however its pages capitalise it (the heading's id is lower case).
            spellings = {p["meta"]["instrument"].lower(): p["meta"]["instrument"]
                         for p in reversed(pages) if p["meta"].get("instrument")}
            instruments = sorted(spellings.values())
            page.content = page.content.replace(MARKER, template.render(
                pages=pages, labels=labels, instruments=instruments, ui=ui))
        return context
