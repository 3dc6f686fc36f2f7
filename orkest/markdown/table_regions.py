"""Every table in a named box that scrolls by keyboard (WCAG 2.1.1).

On a phone a wide table scrolls sideways. A box that scrolls must be reachable by keyboard,
or a reader without a mouse or touch cannot see its right-hand columns. So each table is
wrapped in `<div class="table-region" role="region" tabindex="0" aria-label="...">`, named
after the heading above it ("(2)" for a second table under the same heading, so every region
has a name of its own). A table written in raw HTML is the writer's own markup, left alone. The theme's script still wraps the
table in its own scroll box inside ours; overrides/assets/stylesheets/extra.css makes ours
the one that scrolls.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Python-Markdown's placeholders for stashed raw HTML (\x02wzxhzdk:0\x03).
PLACEHOLDER = re.compile("\x02[^\x03]*\x03")


def plain_text(element: etree.Element) -> str:
    """The element's text as a reader sees it, without the toc's permalink sign."""
    parts = [element.text or ""]
    for child in element:
        if "headerlink" not in (child.get("class") or "").split():
            parts.append(plain_text(child))
        parts.append(child.tail or "")
    return " ".join(PLACEHOLDER.sub("", "".join(parts)).split())


class TableRegionsTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        heading, tables_under_heading = "", 0
        # Walk in document order, remembering the last heading; wrap afterwards.
        found: list[tuple[etree.Element, etree.Element, str]] = []
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in root.iter():
            if element.tag in HEADINGS:
                heading, tables_under_heading = plain_text(element), 0
            elif element.tag == "table" and element in parents:
                tables_under_heading += 1
                name = (f"{heading} ({tables_under_heading})" if tables_under_heading > 1 else heading).strip()
                found.append((parents[element], element, name))
        for parent, table, name in found:
            region = etree.Element("div", {"class": "table-region", "role": "region", "tabindex": "0"})
            if name:
                region.set("aria-label", name)
            index = list(parent).index(table)
            region.tail, table.tail = table.tail, None
            parent.remove(table)
            region.append(table)
            parent.insert(index, region)


class TableRegionsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline processor (20) and toc (5): headings hold their final text.
        md.treeprocessors.register(TableRegionsTreeprocessor(md), "table_regions", 4)


def makeExtension(**kwargs) -> TableRegionsExtension:  # noqa: N802 - Python-Markdown's name
    return TableRegionsExtension(**kwargs)
