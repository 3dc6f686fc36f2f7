"""The page as .docx (python-docx): title, sections, help texts in italics, questions, tables."""

from __future__ import annotations

import io

from docx import Document as WordDocument

from orkest.documents.model import EMPTY_CELL, Document
from orkest.documents.reproducible import FIXED_DATETIME, fixed_zip
from orkest.documents.sheets import AMOUNT


def fill_in(text: str) -> str:
    """A cell the page shows as "..." or "€ ..." is left empty for the writer."""
    return "" if text == EMPTY_CELL or AMOUNT.match(text) else text


def write_docx(document: Document, language: str) -> bytes:
    word = WordDocument()
    word.add_heading(document.title, level=0)
    for text in document.intro:
        word.add_paragraph().add_run(text).italic = True
    for section in document.sections:
        word.add_heading(section.heading, level=1)
        for kind, value in section.parts:
            if kind == "help":
                word.add_paragraph().add_run(value).italic = True
            elif kind in ("questions", "checklist"):
                for item in value:
                    word.add_paragraph(("☐ " if kind == "checklist" else "") + item, style="List Bullet")
            elif kind == "table":
                table = word.add_table(rows=1 + len(value.rows), cols=len(value.header))
                table.style = "Table Grid"
                for column, name in enumerate(value.header):
                    table.cell(0, column).paragraphs[0].add_run(name).bold = True
                for number, row in enumerate(value.rows, start=1):
                    for column, text in enumerate(row.cells):
                        table.cell(number, column).paragraphs[0].add_run(fill_in(text)).bold = row.total
                # The header row repeats on every page a long table runs over.
                header = table.rows[0]._tr.get_or_add_trPr()
                header.append(header.makeelement("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader", {}))
    properties = word.core_properties
    properties.title, properties.language, properties.author = document.title, language, "Orkest in de Klas"
    properties.last_modified_by, properties.revision = "Orkest in de Klas", 1
    properties.created = properties.modified = FIXED_DATETIME
    output = io.BytesIO()
    word.save(output)
    return fixed_zip(output.getvalue())
