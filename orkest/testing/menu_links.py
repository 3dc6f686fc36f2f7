"""How many links a page's menu holds: the tab bar and the site menu (the primary sidebar,
also the phone's drawer), not the page's own table of contents, which grows with the page
and not with the site."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

MENU = "nav.md-tabs a[href], nav.md-nav--primary a[href]"
TABLE_OF_CONTENTS = "nav.md-nav--secondary"


def menu_links(html: str) -> int:
    tree = LexborHTMLParser(html)
    for contents in tree.css(TABLE_OF_CONTENTS):
        contents.decompose()
    return len(tree.css(MENU))
