"""Absolute `<link rel="alternate" hreflang>` URLs for every page.

Material writes the language switcher's links as relative hreflang links,
while search engines need absolute URLs for every language plus x-default.
This hook hands the page template the absolute twin URLs; the partial
`overrides/partials/hreflang.html` writes the tags.
"""

from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page


def page_alternates(page: Page, config: MkDocsConfig) -> dict[str, str]:
    """Map each language to the absolute URL of this page in that language."""
    alternates = getattr(page.file, "alternates", None)
    if not alternates:
        raise PluginError(f"{page.file.src_path}: no language alternates (is the i18n plugin on?)")
    site_url = config.site_url or ""
    if not site_url:
        raise PluginError("site_url must be set: hreflang links need absolute URLs")
    return {lang: urljoin(site_url, file.url) for lang, file in alternates.items()}


class Hreflang:
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        alternates = page_alternates(page, config)
        default = config.plugins["i18n"].default_language
        context["hreflang_alternates"] = alternates
        context["hreflang_default"] = alternates.get(default)
        return context
