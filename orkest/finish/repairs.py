"""Three small repairs to the theme's HTML, so every page passes the Nu HTML Checker.

Material writes `tabindex=""` on section labels in the navigation (an empty value is
invalid; browsers ignore it, so dropping it changes nothing), and on section index
pages a table-of-contents title whose `<label for="__toc">` names a toggle that page
does not have (the label then does nothing; without `for` it is valid and the same),
and `autocomplete="off"` on its drawer and search toggles (HTML allows it on text-like
inputs only; it kept Firefox from reopening the menu or search on going back a page, which
overrides/assets/javascripts/search.js now prevents by closing both on `pageshow`).
The theme's templates for both are large; repairing the output keeps us off them.
"""

from __future__ import annotations

import re

EMPTY_TABINDEX = ' tabindex=""'
INPUT_ID = re.compile(r'<input\b[^>]*?\sid="([^"]+)"')
TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)")'
    r' autocomplete="off">')
LABEL_FOR = re.compile(r'(<label\b[^>]*?)\sfor="(?P<id>[^"]+)"')


def repaired(html: str) -> str:
    html = html.replace(EMPTY_TABINDEX, "")
    html = TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)
    controls = set(INPUT_ID.findall(html))  # a label's `for` names an <input> of the page
    return LABEL_FOR.sub(lambda m: m[0] if m["id"] in controls else m[1], html)
