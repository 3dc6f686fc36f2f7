"""Table column alignment (`|:--|:-:|--:|`) as a class, not an inline style.

Python-Markdown's tables extension writes `style="text-align: left;"` on each aligned
cell. The page's Content-Security-Policy blocks inline styles, so the browser would
ignore it, and the content policy refuses style attributes. Here the tables extension's
own style becomes `class="align-left"` (or align-center, align-right), which
overrides/assets/stylesheets/extra.css aligns. Any other style is left as it is, for
the content policy to refuse.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# Exactly what markdown/extensions/tables.py writes, and nothing else.
TABLE_ALIGNMENT = re.compile(r"^text-align: (left|center|right);$")


class TableAlignmentTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for cell in root.iter():
            match = cell.tag in ("th", "td") and TABLE_ALIGNMENT.match(cell.get("style") or "")
            if match:
                del cell.attrib["style"]
                names = (cell.get("class") or "").split()
                cell.set("class", " ".join([*names, f"align-{match[1]}"]))


class TableAlignmentExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before the inline processor (20) and attr_list (8): the tables extension (a block
        # processor) has set its styles by then, a writer's own { style=... } is not set yet.
        md.treeprocessors.register(TableAlignmentTreeprocessor(md), "table_alignment", 25)


def makeExtension(**kwargs) -> TableAlignmentExtension:  # noqa: N802 - Python-Markdown's name
    return TableAlignmentExtension(**kwargs)
