"""The footer's links to the pages about the site (privacy, colophon), only where the build has them.

overrides/partials/copyright.html prints one link per page found here, in the page's language;
a project without them (a small fixture, another site on this package) gets no broken link.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

# The footer's word for each page (orkest/strings.yml `footer`) -> its address below the language's home.
ABOUT_PAGES = {"privacy": "privacy/", "colophon": "colofon/"}


class AboutPages:
    def __init__(self) -> None:
        self.page_urls: set[str] = set()  # this language build's page addresses

    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        self.page_urls = {file.url for file in files.documentation_pages()}

    def on_page_context(self, context, page, config: MkDocsConfig, nav):
        context["about_pages"] = self.links(nav)
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        # The 404 page is rendered without a page; its links start at the default language's home.
        if template_name == "404.html":
            context["about_pages"] = self.links(context.get("nav"))
        return context

    def links(self, nav) -> dict[str, str]:
        home = nav.homepage.url if nav is not None and nav.homepage else ""
        return {word: home + path for word, path in ABOUT_PAGES.items() if home + path in self.page_urls}
