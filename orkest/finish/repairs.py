"""Two small repairs to the theme's HTML, so every page passes the Nu HTML Checker.

Material writes `tabindex=""` on section labels in the navigation (an empty value is
invalid; browsers ignore it, so dropping it changes nothing), and on section index
pages a table-of-contents title whose `<label for="__toc">` names a toggle that page
does not have (the label then does nothing; without `for` it is valid and the same).
The theme's templates for both are large; repairing the output keeps us off them.
"""

from __future__ import annotations

import re

EMPTY_TABINDEX = ' tabindex=""'
INPUT_ID = re.compile(r'<input\b[^>]*?\sid="([^"]+)"')
LABEL_FOR = re.compile(r'(<label\b[^>]*?)\sfor="(?P<id>[^"]+)"')


def repaired(html: str) -> str:
    html = html.replace(EMPTY_TABINDEX, "")
    controls = set(INPUT_ID.findall(html))  # a label's `for` names an <input> of the page
    return LABEL_FOR.sub(lambda m: m[0] if m["id"] in controls else m[1], html)
