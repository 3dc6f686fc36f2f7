"""A page's files per format, from its document model and its workbook's pages."""

from __future__ import annotations

from pathlib import Path

from orkest.documents.docx import write_docx
from orkest.documents.model import Document, ModelError, read_document
from orkest.documents.ods import write_ods
from orkest.documents.odt import write_odt
from orkest.documents.sheets import workbook_sheets
from orkest.documents.xlsx import write_xlsx

FORMATS = ("docx", "odt", "xlsx", "ods")


def generate(document: Document, formats: list[str], workbook: list[Document], words: dict,
             language: str, made: dict | None = None) -> dict[str, bytes]:
    """The files of one page, per format; raises ModelError saying what to change.

    `made` keeps workbooks already made in this build: pages sharing one workbook share its
    bytes (its title names its sheets, not the page)."""
    unknown = [name for name in formats if name not in FORMATS]
    if unknown:
        raise ModelError(f"unknown download format '{unknown[0]}': use any of {', '.join(FORMATS)}")
    made = {} if made is None else made
    files: dict[str, bytes] = {}
    for name in formats:
        if name == "docx":
            files[name] = write_docx(document, language)
        elif name == "odt":
            files[name] = write_odt(document, language)
        else:
            key = (name, language, repr(workbook))
            if key not in made:
                sheets = workbook_sheets(workbook, words)
                title = ", ".join(sheet.name for sheet in sheets)
                made[key] = (write_xlsx if name == "xlsx" else write_ods)(sheets, title, language)
            files[name] = made[key]
    return files


def read_page(path: Path) -> Document:
    return read_document(path.read_text(encoding="utf-8"))
