"""Small repairs to the theme's HTML, so every page passes the Nu HTML Checker and axe.

Material writes `tabindex=""` on section labels in the navigation (an empty value is
invalid; browsers ignore it, so dropping it changes nothing), and on section index
pages a table-of-contents title whose `<label for="__toc">` names a toggle that page
does not have (the label then does nothing; without `for` it is valid and the same),
and `autocomplete="off"` on its drawer and search toggles (HTML allows it on text-like
inputs only; it kept Firefox from reopening the menu or search on going back a page, which
overrides/assets/javascripts/search.js now prevents by closing both on `pageshow`).
A section with an index page gets a folding button that shows only an arrow, and the section's
menu is named by that button (`aria-labelledby`): every such menu had no name, so two on one
page were landmarks alike (axe's landmark-unique). The button holds its section's title, read
out, not shown (extra.css).
The theme's templates for all of these are large; repairing the output keeps us off them.
"""

from __future__ import annotations

import html as markup
import re

EMPTY_TABINDEX = ' tabindex=""'
INPUT_ID = re.compile(r'<input\b[^>]*?\sid="([^"]+)"')
TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)")'
    r' autocomplete="off">')
LABEL_FOR = re.compile(r'(<label\b[^>]*?)\sfor="(?P<id>[^"]+)"')
ARROW_ONLY_SECTION_BUTTON = re.compile(
    r'(<div class="md-nav__link md-nav__container">\s*<a href="[^"]*" class="md-nav__link[^"]*">\s*'
    r'<span class="md-ellipsis">\s*(?P<title>[^<]+?)\s*</span>\s*</a>\s*'
    r'<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*"[^>]*>)(?!<span class="nav-section-name">)')


def _named_button(match: re.Match) -> str:
    """Named by text only assistive technology reads (HTML allows no aria-label on a <label>)."""
    name = markup.escape(markup.unescape(match["title"]), quote=False)
    return f'{match[1]}<span class="nav-section-name">{name}</span>'


def repaired(html: str) -> str:
    html = html.replace(EMPTY_TABINDEX, "")
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)
    html = ARROW_ONLY_SECTION_BUTTON.sub(_named_button, html)
    controls = set(INPUT_ID.findall(html))  # a label's `for` names an <input> of the page
    return LABEL_FOR.sub(lambda m: m[0] if m["id"] in controls else m[1], html)
