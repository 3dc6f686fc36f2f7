"""No "edit this page" link without a repository address.

MkDocs would otherwise turn edit_uri into a relative, broken link in local
previews and in builds where REPO_URL is not set.
"""

from __future__ import annotations


def on_page_context(context, page, config, nav):
    if not config.repo_url:
        page.edit_url = None
    return context
