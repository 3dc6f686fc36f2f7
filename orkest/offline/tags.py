"""Attributes of a built page's tags edited in place: every other byte of the page stays as it was.

A parser that rewrites attributes (selectolax) serialises the whole page anew; here only the
values that change are replaced. Text cannot hold a tag start (the theme and Markdown escape
"<"), and the contents of <script> and <style> are skipped, so every match is a real tag.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

# An attribute value: quoted (may hold ">"), or unquoted.
VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
ATTRIBUTE = re.compile(rf"""([^\s"'>/=]+)(?:\s*=\s*({VALUE}))?""")
RAW_TEXT = ("script", "style")

# name -> new value, or None to remove it; names not on the tag are added.
Changes = dict[str, str | None]
Editor = Callable[[str, dict[str, str]], Changes | None]


def tag_pattern(names: tuple[str, ...]) -> re.Pattern:
    """The start tags of these elements (and of <script> and <style>, whose contents are skipped)."""
    alternatives = "|".join(sorted({*names, *RAW_TEXT}))
    return re.compile(rf"""<({alternatives})((?:\s+[^\s"'>/=]+(?:\s*=\s*{VALUE})?)*)(\s*/?>)""", re.I)


def edit_tags(page: str, editor: Editor, tags: re.Pattern) -> str:
    """`page` with the attributes of the tags `tags` matches (tag_pattern) changed as
    `editor(tag name, attributes)` says; only those tags are read, which keeps it fast."""
    pieces, position = [], 0
    while (found := tags.search(page, position)) is not None:
        name = found.group(1).lower()
        attributes = {match.group(1).lower(): html.unescape(_unquoted(match.group(2) or ""))
                      for match in ATTRIBUTE.finditer(found.group(2))}
        changes = editor(name, attributes)
        pieces.append(page[position:found.start()])
        pieces.append(_edited(found, changes) if changes else found.group(0))
        position = found.end()
        if name in RAW_TEXT:
            closing = re.compile(rf"</{name}\s*>", re.I).search(page, position)
            end = closing.end() if closing else len(page)
            pieces.append(page[position:end])
            position = end
    pieces.append(page[position:])
    return "".join(pieces)


def _unquoted(value: str) -> str:
    return value[1:-1] if value[:1] in "\"'" else value


def _edited(tag: re.Match, changes: Changes) -> str:
    """The tag with its changed values replaced, removed attributes (and the space before them)
    left out, new ones added at the end."""
    left, text = dict(changes), tag.group(2)
    out, end = [], 0
    for match in ATTRIBUTE.finditer(text):
        key = match.group(1).lower()
        if key not in left:
            continue
        new = left.pop(key)
        out.append(text[end:match.start()].rstrip() if new is None else text[end:match.start()])
        if new is not None:
            out.append(f'{match.group(1)}="{_escaped(new)}"')
        end = match.end()
    out.append(text[end:])
    added = "".join(f' {key}="{_escaped(value)}"' for key, value in left.items() if value is not None)
    return f"<{tag.group(1)}{''.join(out)}{added}{tag.group(3)}"


def _escaped(value: str) -> str:
    """An attribute value for double quotes; single quotes stay as they are (the policy's 'self')."""
    return html.escape(value, quote=False).replace('"', "&quot;")
