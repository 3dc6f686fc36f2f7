"""The page as .odt (odfpy): title, sections, help texts in italics, questions, tables.

Its styles, manifest and mimetype are the same in every file: written once per build (template()),
and each page adds only its content and metadata, serialised by odfpy as its write() does.
"""

from __future__ import annotations

import functools
import io

from odf.namespaces import OFFICENS, TABLENS, TEXTNS
from odf.opendocument import OpenDocumentText
from odf.style import Style, TableCellProperties, TextProperties
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, List, ListItem, P, Span

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

CELL_STYLE, VALUE_TYPE, TEXT_STYLE = (TABLENS, "style-name"), (OFFICENS, "value-type"), (TEXTNS, "style-name")


def paragraph_style(name: str, shown: str | None = None, **text) -> Style:
    style = Style(name=name, family="paragraph", **({"displayname": shown} if shown else {}))
    style.addElement(TextProperties(**text))
    return style


def blank(title: str, language: str) -> tuple[OpenDocumentText, dict[str, Style]]:
    """A text document with the styles every page uses and nothing in it."""
    fixed_namespaces()
    odt = OpenDocumentText()
    set_metadata(odt, title, language)
    styles = {"title": paragraph_style("Title", fontsize="20pt", fontweight="bold"),
              "heading": paragraph_style("Heading_20_1", shown="Heading 1", fontsize="15pt", fontweight="bold"),
              "help": paragraph_style("help", fontstyle="italic"),
              "bold": paragraph_style("bold", fontweight="bold"),
              "strong": Style(name="strong", family="text"), "cell": Style(name="cell", family="table-cell")}
    styles["strong"].addElement(TextProperties(fontweight="bold"))
    styles["cell"].addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
    for style in styles.values():
        odt.styles.addElement(style)
    # Every style is a common one: odfpy's search of each element for automatic styles in use (a
    # fifth of the file's time, twice) can only find none.
    odt._used_auto_styles = lambda segments: []
    return odt, styles


@functools.cache  # the same styles, manifest and mimetype in every file: written once per build
def template() -> tuple:
    odt, _ = blank("", "")
    output = io.BytesIO()
    odt.write(output)
    return tuple(raw_entries(fixed_zip(output.getvalue())))


def write_odt(document: Document, language: str) -> bytes:
    odt, styles = blank(document.title, language)
    strong = styles["strong"]

    def write(kind: str, value, number: int) -> None:
        if kind == "help":
            odt.text.addElement(P(stylename=styles["help"], text=value))
        elif kind == "note":  # its label in bold, as the page's box shows it
            label, text = value
            paragraph = P()
            if label:
                paragraph.addElement(Span(stylename=strong, text=f"{label}: "))
            paragraph.addText(text)
            odt.text.addElement(paragraph)
        elif kind in ("questions", "checklist"):
            items = List()
            for item in value:
                entry = ListItem()
                entry.addElement(P(text=("☐ " if kind == "checklist" else "") + item))
                items.addElement(entry)
            odt.text.addElement(items)
        elif kind == "table":
            table = Table(name=f"{document.title} {number + 1}")
            table.addElement(TableColumn(numbercolumnsrepeated=len(value.header)))
            header = TableHeaderRows()
            rows = [(header, value.header, True)] + [(table, row.cells, row.total) for row in value.rows]
            for parent, cells, bold in rows:
                line = TableRow()
                for text in cells:
                    # Attributes by their qualified names: odfpy's keyword lookup lists every allowed
                    # attribute of the element on each call (a quarter of a file's time in its cells).
                    target = TableCell(qattributes={CELL_STYLE: "cell", VALUE_TYPE: "string"})
                    target.addElement(P(qattributes={TEXT_STYLE: "bold"} if bold else None, text=fill_in(text)))
                    line.addElement(target)
                parent.addElement(line)
                if parent is header and header not in table.childNodes:
                    table.addElement(header)
            odt.text.addElement(table)

    odt.text.addElement(H(outlinelevel=1, stylename=styles["title"], text=document.title))
    for kind, value in document.intro:
        write(kind, value, 0)
    for number, section in enumerate(document.sections):
        odt.text.addElement(H(outlinelevel=2, stylename=styles["heading"], text=section.heading))
        for kind, value in section.parts:
            write(kind, value, number)
    # Only the content and the metadata are the page's own; odfpy makes them as its write() does.
    made = {"content.xml": odt.contentxml(), "meta.xml": fixed_time(odt.metaxml().encode("utf-8"))}
    return write_zip([deflated(entry[0], made[entry[0]]) if entry[0] in made else entry for entry in template()])
