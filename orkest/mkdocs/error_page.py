"""One 404 page for the whole site: the Dutch build's, with Dutch chrome.

mkdocs-static-i18n builds every language into the same folder, so each language build
would write its own 404.html over the one before, and the English build's would win
(English header and search, tabs into /en/) under a Dutch body. A host serves one 404
page for every address; it is the default language's, and its body speaks both.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

ERROR_PAGE = "404.html"


class ErrorPage:
    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        i18n = config.plugins["i18n"]
        if template_name == ERROR_PAGE and i18n.current_language not in (None, i18n.default_language):
            return ""  # MkDocs writes no file for an empty template
        return output
