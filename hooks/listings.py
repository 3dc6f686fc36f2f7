"""Browse by audience and by instrument.

Each page shows who it is for (and its instrument), linking to the listing
page; the listing page (docs/voor-wie.md, holding the line
`<!-- audience-and-instrument-listing -->`) lists every page of its
language per audience and per instrument. Both come from the front matter
that hooks/metadata.py checks. HTML: overrides/partials/page-meta.html and
overrides/partials/listing.html.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

LISTING_SOURCE = "voor-wie.md"
MARKER = "<!-- audience-and-instrument-listing -->"
AUDIENCES = {
    "nl": {"music-teacher": "muziekdocenten", "conductor": "dirigenten",
           "class-teacher": "leerkrachten", "coordinator": "coördinatoren",
           "school-leader": "directeuren en schoolbesturen", "funder": "fondsen en besturen",
           "contributor": "wie wil meedoen aan deze site"},
    "en": {"music-teacher": "music teachers", "conductor": "conductors",
           "class-teacher": "class teachers", "coordinator": "coordinators",
           "school-leader": "head teachers and school boards", "funder": "funders and boards",
           "contributor": "anyone who wants to help with this site"},
}


# The listing page of the current language build, found once per build (not per page).
listing_page: list[Page | None] = [None]


# After mkdocs-static-i18n (priority -100) has made this language's navigation.
@event_priority(-150)
def on_nav(nav, config: MkDocsConfig, files):
    language = config.plugins["i18n"].current_language
    # In the English build the listing's source is voor-wie.en.md.
    sources = {LISTING_SOURCE, LISTING_SOURCE.replace(".md", f".{language}.md")}
    listing_page[0] = next((p for p in nav.pages if p.file.src_uri in sources), None)
    return nav


# Before the search plugin indexes the page, so the listing is searchable.
@event_priority(50)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    language = config.plugins["i18n"].current_language
    labels = AUDIENCES[language]
    listing = listing_page[0]
    context["audience_labels"] = labels
    # Without a listing page (small test sites) the labels are shown without links.
    context["listing_url"] = get_relative_url(listing.url, page.url) if listing else None
    if MARKER in (page.content or ""):
        template = config.theme.get_env().get_template("partials/listing.html")
        pages = [
            {"title": p.title, "url": get_relative_url(p.url, page.url), "meta": p.meta}
            for p in nav.pages if p is not page
        ]
        instruments = sorted({p["meta"]["instrument"] for p in pages if p["meta"].get("instrument")})
        page.content = page.content.replace(MARKER, template.render(
            pages=pages, labels=labels, instruments=instruments, language=language))
    return context
