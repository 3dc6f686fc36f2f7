"""The box on a section's index page that offers its handbook: title, PDF, size, pages and
date, in the reader's words (orkest/strings.yml). Written into the finished page, every value
escaped; it holds no script or style, so the page's Content-Security-Policy stays as it is."""

from __future__ import annotations

import math
import re
from html import escape
from pathlib import Path

from babel.numbers import format_decimal

BOX_ID = "orkest-handbook"
# A box written by an earlier run: replaced, so running twice leaves one box.
EARLIER_BOX = re.compile(rf'<aside class="downloads handbook"[^>]*aria-labelledby="{BOX_ID}".*?</aside>\n?', re.S)
# The box goes where a page's downloads go: after the text, above "last updated".
BEFORE = ('<p class="page-updated">', "</article>")


def file_size(size: int, words: dict, language: str) -> str:
    """Kilobytes (rounded up, as the other downloads) below a megabyte, then megabytes with one decimal."""
    if size < 1024 * 1024:
        return words["kilobytes"].format(size=math.ceil(size / 1024))
    return words["megabytes"].format(size=format_decimal(round(size / 1024 / 1024, 1), "0.0", locale=language))


def box_html(pdf_name: str, title: str, size: str, pages: int, about: str, heading: str, link: str) -> str:
    return (f'<aside class="downloads handbook" aria-labelledby="{BOX_ID}" data-pagefind-ignore>\n'
            f'  <h2 id="{BOX_ID}">{escape(heading, quote=False)}</h2>\n'
            f'  <p><a href="{escape(pdf_name)}" type="application/pdf" aria-describedby="{BOX_ID}-about">'
            f"{escape(link.format(title=title, size=size, pages=pages), quote=False)}</a><br>\n"
            f'  <span id="{BOX_ID}-about">{escape(about, quote=False)}</span></p>\n</aside>\n')


def add_box(index_file: Path, box: str) -> None:
    """The box written into the index page, in place of an earlier one."""
    html = EARLIER_BOX.sub("", index_file.read_text(encoding="utf-8"))
    for marker in BEFORE:
        if marker in html:
            before, _, after = html.partition(marker)
            index_file.write_text(before + box + marker + after, encoding="utf-8")
            return
    raise ValueError(f"{index_file}: has no <article>, so there is no place for the handbook's link")
