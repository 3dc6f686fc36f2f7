"""No "edit this page" link without a repository address.

MkDocs would otherwise turn edit_uri into a relative, broken link (and warn about
every page) in local previews and in builds where REPO_URL is not set.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


class EditLinks:
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.repo_url:
            config.edit_uri = ""
        return config

    def on_page_context(self, context, page, config, nav):
        if not config.repo_url:
            page.edit_url = None
        return context
