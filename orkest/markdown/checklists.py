"""Accessible checklists: `- [ ] item` and `- [x] item`, as on GitHub.

pymdownx.tasklist writes a checkbox with an empty <label>, so screen readers
announce "checkbox" without saying what it is for (axe rule "label"). Here
the item's own text goes inside the <label>, next to the checkbox. Markup
and classes match pymdownx.tasklist's custom checkboxes, so themes style
both alike.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

CHECKBOX = re.compile(r"^\[(?P<state>[ xX])\]\s+")
# Block children stay outside the label: a label may only hold inline content.
BLOCK_TAGS = {"ul", "ol", "p", "div", "pre", "table", "blockquote", "dl"}


class ChecklistTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            if parent.tag not in ("ul", "ol"):
                continue
            items = [li for li in parent if li.tag == "li" and self._make_item(li)]
            if items:
                parent.set("class", _add_class(parent.get("class"), "task-list"))

    def _make_item(self, li: etree.Element) -> bool:
        # A loose list item keeps its text in a first <p>.
        holder = li[0] if len(li) and li[0].tag == "p" and not (li.text or "").strip() else li
        match = CHECKBOX.match(holder.text or "")
        if match is None:
            return False
        label = etree.Element("label", {"class": "task-list-control"})
        checkbox = etree.SubElement(label, "input", {"type": "checkbox", "disabled": "disabled"})
        if match["state"] in "xX":
            checkbox.set("checked", "checked")
        indicator = etree.SubElement(label, "span", {"class": "task-list-indicator"})
        indicator.tail = " " + holder.text[match.end():]
        inline = []
        for child in holder:
            if child.tag in BLOCK_TAGS:
                break
            inline.append(child)
        for child in inline:
            holder.remove(child)
            label.append(child)
        if inline and label[-1].tail and label[-1].tail.endswith("\n"):
            label[-1].tail = label[-1].tail.rstrip("\n")
        holder.text = None
        holder.insert(0, label)
        label.tail = "\n" if len(holder) > 1 else None
        li.set("class", _add_class(li.get("class"), "task-list-item"))
        return True


def _add_class(classes: str | None, name: str) -> str:
    names = (classes or "").split()
    return " ".join(names if name in names else [*names, name])


class ChecklistExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline processor (priority 20), so links and emphasis are already elements.
        md.treeprocessors.register(ChecklistTreeprocessor(md), "accessible_checklists", 10)


def makeExtension(**kwargs) -> ChecklistExtension:  # noqa: N802 - Python-Markdown's name
    return ChecklistExtension(**kwargs)
