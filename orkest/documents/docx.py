"""The page as .docx (python-docx): title, sections, help texts in italics, questions, tables.

python-docx makes the lean template once per build (its styles, numbering, theme: the same in every
file); each page then fills a copy of its document part and its properties, and only those two
entries are compressed anew: opening and saving the whole package per page was most of its time.
"""

from __future__ import annotations

import functools
import io
from typing import NamedTuple

from docx import Document as WordDocument
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml
from docx.oxml.table import CT_Tbl
from lxml.etree import SubElement

from orkest.documents.cells import AMOUNT
from orkest.documents.model import EMPTY_CELL, Document
from orkest.documents.reproducible import (
    FIXED_DATETIME,
    deflated,
    fixed_time,
    fixed_zip,
    raw_entries,
    write_zip,
)


def fill_in(text: str) -> str:
    """A cell the page shows as "..." or "€ ..." is left empty for the writer."""
    return "" if text == EMPTY_CELL or AMOUNT.match(text) else text


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PRESERVE = ("{http://www.w3.org/XML/1998/namespace}space", "preserve")
USED_STYLES = ("Title", "Heading 1", "List Bullet", "Table Grid")


def lean(word) -> None:
    """Only what the document uses: python-docx's blank template carries 160 styles, latent
    styles, a Word 2010 copy of them all and a thumbnail of a blank page (780 KB of XML)."""
    for rel_id, rel in list(word.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            word.part.drop_rel(rel_id)
    for rel_id, rel in list(word.part.package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del word.part.package.rels[rel_id]
    styles = word.styles.element
    by_id = {style.get(W + "styleId"): style for style in styles.iterfind(W + "style")}
    wanted = [word.styles[name].style_id for name in USED_STYLES]
    wanted += [style_id for style_id, style in by_id.items() if style.get(W + "default") == "1"]
    keep: set[str] = set()
    while wanted:  # each style with the styles it is based on, linked to or followed by
        style_id = wanted.pop()
        if style_id in keep or style_id not in by_id:
            continue
        keep.add(style_id)
        wanted += [ref.get(W + "val") for tag in ("basedOn", "link", "next")
                   for ref in by_id[style_id].iterfind(W + tag)]
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.remove(style)
    for latent in styles.iterfind(W + "latentStyles"):
        styles.remove(latent)


def run(paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
    """A run of text written straight as XML: python-docx's add_run and its bold and italic setters
    cost a fifth of a millisecond each, its add_paragraph a tenth (most of a document's time)."""
    element = SubElement(paragraph, W + "r")
    if bold or italic:
        properties = SubElement(element, W + "rPr")
        for tag, on in (("b", bold), ("i", italic)):  # the schema's order
            if on:
                SubElement(properties, W + tag)
    text_element = SubElement(element, W + "t")
    text_element.text = text
    if text != text.strip():
        text_element.set(*PRESERVE)


class Template(NamedTuple):
    entries: tuple  # the lean template's zip entries, as stored (its document and properties replaced per page)
    document: bytes  # its word/document.xml
    properties: bytes  # its docProps/core.xml
    styles: tuple[str, ...]  # the ids of USED_STYLES (python-docx reads every style per lookup by name)
    width: int  # the text's width on the page, a table's width


DOCUMENT, PROPERTIES = "word/document.xml", "docProps/core.xml"


@functools.cache  # a pure function of the installed python-docx: its blank template, made lean once
def template() -> Template:
    word = WordDocument()
    lean(word)
    output = io.BytesIO()
    word.save(output)
    entries = raw_entries(fixed_zip(output.getvalue()))
    section = word.sections[0]
    return Template(tuple(entries), serialize_part_xml(word.element), serialize_part_xml(word.core_properties._element),
                    tuple(word.styles[name].style_id for name in USED_STYLES),
                    section.page_width - section.left_margin - section.right_margin)


def write_docx(document: Document, language: str) -> bytes:
    lean_template = template()
    title, heading, bullet, grid = lean_template.styles
    root = parse_xml(lean_template.document)  # python-docx's element classes, as when it opens a file
    end = root.body.sectPr  # paragraphs and tables go before the section's properties, as python-docx puts them

    def add(text: str = "", style: str | None = None, **emphasis):
        paragraph = end.makeelement(W + "p", {})
        end.addprevious(paragraph)
        if style:
            SubElement(SubElement(paragraph, W + "pPr"), W + "pStyle", {W + "val": style})
        if text:
            run(paragraph, text, **emphasis)
        return paragraph

    def write(kind: str, value) -> None:
        if kind == "help":
            add(value, italic=True)
        elif kind == "note":  # its label in bold, as the page's box shows it
            label, text = value
            paragraph = add(f"{label}: ", bold=True) if label else add()
            run(paragraph, text)
        elif kind in ("questions", "checklist"):
            for item in value:
                add(("☐ " if kind == "checklist" else "") + item, bullet)
        elif kind == "table":
            table = CT_Tbl.new_tbl(1 + len(value.rows), len(value.header), lean_template.width)
            end.addprevious(table)
            table.tblStyle_val = grid
            lines = [(value.header, True)] + [([fill_in(text) for text in row.cells], row.total) for row in value.rows]
            # Cells straight from each row's XML: python-docx's table.cell() walks the whole grid per call.
            for tr, (cells, bold) in zip(table.tr_lst, lines):
                for tc, text in zip(tr.tc_lst, cells):
                    if text:
                        run(tc.p_lst[0], text, bold=bold)
            # The header row repeats on every page a long table runs over.
            header = table.tr_lst[0].get_or_add_trPr()
            header.append(header.makeelement(W + "tblHeader", {}))

    add(document.title, title)
    for kind, value in document.intro:
        write(kind, value)
    for section in document.sections:
        add(section.heading, heading)
        for kind, value in section.parts:
            write(kind, value)
    properties = CoreProperties(parse_xml(lean_template.properties))
    properties.title, properties.language, properties.author = document.title, language, "Orkest in de Klas"
    properties.last_modified_by, properties.revision = "Orkest in de Klas", 1
    properties.created = properties.modified = FIXED_DATETIME
    made = {DOCUMENT: serialize_part_xml(root), PROPERTIES: fixed_time(serialize_part_xml(properties._element))}
    return write_zip([deflated(entry[0], made[entry[0]]) if entry[0] in made else entry
                      for entry in lean_template.entries])
