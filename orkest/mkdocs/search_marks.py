"""What the search index (orkest/finish/search_index.py) takes from each page: whether its
article body is indexed, and its filters (audience, instrument, groep, page type) as the
reader's language names them. overrides/main.html prints both; Pagefind reads them.

Left out of the index: the pages the plugin fills itself (a listing of other pages would
outrank the pages it lists) and a translation's build showing the original's text, which
would be a result in the other language. The 404 page has no body mark either.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from orkest.mkdocs import listings, translation_status, videos

GENERATED = (listings.MARKER, listings.GROUP_MARKER, translation_status.MARKER, videos.OVERVIEW_MARKER)


def filters(meta: dict, ui: dict) -> dict[str, list[str]]:
    """Filter name -> the page's values, in the reader's words (names and values as Pagefind gets them)."""
    found = {
        "audience": [ui["audiences"][audience] for audience in meta.get("audience") or []],
        "instrument": [meta["instrument"]] if meta.get("instrument") else [],
        "groep": [str(groep) for groep in meta.get("groep") or []],
        "type": [ui["page_types"][meta["type"]]] if meta.get("type") else [],
    }
    return {name: values for name, values in found.items() if values}


class SearchMarks:
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        generated = any(marker in (page.markdown or "") for marker in GENERATED)
        context["search_indexed"] = not generated and not context.get("translation_fallback")
        context["search_filters"] = filters(page.meta, context["ui"])
        return context
