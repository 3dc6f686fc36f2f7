"""The page as .odt: title, sections, help texts in italics, questions, tables.

odfpy makes the template once per build: its styles, manifest, mimetype, and an empty content and
metadata. Each page fills a copy of that content's text and of the metadata with lxml (as docx.py
fills Word's body): odfpy building and serialising every element in Python was most of a file's time.
"""

from __future__ import annotations

import functools
import io
import zipfile
from typing import NamedTuple

from lxml import etree
from odf.namespaces import DCNS, OFFICENS, TABLENS, TEXTNS
from odf.opendocument import OpenDocumentText
from odf.style import Style, TableCellProperties, TextProperties

from orkest.documents.docx import fill_in
from orkest.documents.model import Document
from orkest.documents.odf_common import fixed_namespaces, set_metadata
from orkest.documents.reproducible import (
    deflated,
    fixed_time,
    fixed_zip,
    raw_entries,
    write_zip,
)

OFFICE, TEXT, TABLE, DC = (f"{{{namespace}}}" for namespace in (OFFICENS, TEXTNS, TABLENS, DCNS))
TITLE, HEADING, HELP, BOLD, STRONG, CELL = "Title", "Heading_20_1", "help", "bold", "strong", "cell"
CONTENT, META = "content.xml", "meta.xml"


def paragraph_style(name: str, shown: str | None = None, **text) -> Style:
    style = Style(name=name, family="paragraph", **({"displayname": shown} if shown else {}))
    style.addElement(TextProperties(**text))
    return style


def blank() -> OpenDocumentText:
    """A text document with the styles every page uses and nothing in it."""
    fixed_namespaces()
    odt = OpenDocumentText()
    set_metadata(odt, "", "")
    styles = [paragraph_style(TITLE, fontsize="20pt", fontweight="bold"),
              paragraph_style(HEADING, shown="Heading 1", fontsize="15pt", fontweight="bold"),
              paragraph_style(HELP, fontstyle="italic"), paragraph_style(BOLD, fontweight="bold"),
              Style(name=STRONG, family="text"), Style(name=CELL, family="table-cell")]
    styles[-2].addElement(TextProperties(fontweight="bold"))
    styles[-1].addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
    for style in styles:
        odt.styles.addElement(style)
    return odt


class Template(NamedTuple):
    entries: tuple  # the zip entries, as stored (content and metadata replaced per page)
    content: bytes  # its content.xml: an empty text
    meta: bytes  # its meta.xml: an empty title and language


@functools.cache  # the same styles, manifest and mimetype in every file: written once per build
def template() -> Template:
    output = io.BytesIO()
    blank().write(output)
    data = fixed_zip(output.getvalue())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return Template(tuple(raw_entries(data)), archive.read(CONTENT), archive.read(META))


def element(parent, tag: str, text: str = "", **attributes):
    made = etree.SubElement(parent, tag, {TEXT + "style-name" if name == "style" else TABLE + name: value
                                          for name, value in attributes.items()})
    if text:
        made.text = text
    return made


def write_odt(document: Document, language: str) -> bytes:
    odt = template()
    content = etree.fromstring(odt.content)
    body = content.find(f"{OFFICE}body/{OFFICE}text")

    def heading(level: int, style: str, text: str) -> None:
        element(body, TEXT + "h", text, style=style).set(TEXT + "outline-level", str(level))

    def write(kind: str, value, number: int) -> None:
        if kind == "help":
            element(body, TEXT + "p", value, style=HELP)
        elif kind == "note":  # its label in bold, as the page's box shows it
            label, text = value
            paragraph = element(body, TEXT + "p")
            if label:
                element(paragraph, TEXT + "span", f"{label}: ", style=STRONG).tail = text
            else:
                paragraph.text = text
        elif kind in ("questions", "checklist"):
            items = element(body, TEXT + "list")
            for item in value:
                element(element(items, TEXT + "list-item"), TEXT + "p", ("☐ " if kind == "checklist" else "") + item)
        elif kind == "table":
            table = element(body, TABLE + "table", name=f"{document.title} {number + 1}")
            element(table, TABLE + "table-column", **{"number-columns-repeated": str(len(value.header))})
            header = element(table, TABLE + "table-header-rows")  # repeated on every page a long table runs over
            rows = [(header, value.header, True)] + [(table, row.cells, row.total) for row in value.rows]
            for parent, cells, bold in rows:
                line = element(parent, TABLE + "table-row")
                for text in cells:
                    cell = element(line, TABLE + "table-cell", **{"style-name": CELL})
                    cell.set(OFFICE + "value-type", "string")
                    element(cell, TEXT + "p", fill_in(text), **({"style": BOLD} if bold else {}))

    heading(1, TITLE, document.title)
    for kind, value in document.intro:
        write(kind, value, 0)
    for number, section in enumerate(document.sections):
        heading(2, HEADING, section.heading)
        for kind, value in section.parts:
            write(kind, value, number)
    meta = etree.fromstring(odt.meta)
    meta.find(f"{OFFICE}meta/{DC}title").text = document.title
    meta.find(f"{OFFICE}meta/{DC}language").text = language
    made = {CONTENT: etree.tostring(content, xml_declaration=True, encoding="UTF-8"),
            META: fixed_time(etree.tostring(meta, xml_declaration=True, encoding="UTF-8"))}
    return write_zip([deflated(entry[0], made[entry[0]]) if entry[0] in made else entry for entry in odt.entries])
