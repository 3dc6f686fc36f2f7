"""Editable downloads made from a page's Markdown: the page is their one source.

A page opts in with front matter `downloads: [docx, odt, xlsx, ods]` (any of these).
docx and odt hold the page's title, its sections (## headings), the guidance as italic help
text, the questions, checklists and tables (cells shown as "..." or "€ ..." left empty).
xlsx and ods are a workbook with one sheet per page named in front matter `workbook`
(default: the page itself), made from each page's table with an amount column (the rule
is in sheets.py). Same source, same bytes (reproducible.py). Independent of MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from orkest.documents.docx import write_docx
from orkest.documents.model import Document, ModelError, read_document
from orkest.documents.ods import write_ods
from orkest.documents.odt import write_odt
from orkest.documents.sheets import workbook_sheets
from orkest.documents.xlsx import write_xlsx

FORMATS = ("docx", "odt", "xlsx", "ods")
WORKBOOKS = {"xlsx", "ods"}


def generate(document: Document, formats: list[str], workbook: list[Document], words: dict,
             language: str) -> dict[str, bytes]:
    """The files of one page, per format; raises ModelError saying what to change."""
    files: dict[str, bytes] = {}
    sheets = workbook_sheets(workbook, words) if WORKBOOKS & set(formats) else []
    for name in formats:
        if name == "docx":
            files[name] = write_docx(document, language)
        elif name == "odt":
            files[name] = write_odt(document, language)
        elif name == "xlsx":
            files[name] = write_xlsx(sheets, document.title, language)
        elif name == "ods":
            files[name] = write_ods(sheets, document.title, language)
        else:
            raise ModelError(f"unknown download format '{name}': use any of {', '.join(FORMATS)}")
    return files


def read_page(path: Path) -> Document:
    return read_document(path.read_text(encoding="utf-8"))
