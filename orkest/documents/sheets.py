"""A workbook of one or more pages: a sheet per page, in order.

A page with a table of amounts (amounts.py) becomes a sheet with formulas; any other page
with tables (the year plan) becomes a plain sheet of its tables, to edit: the same rows and
columns as on the page, its notes (such as "an example to adapt") above them.
"""

from __future__ import annotations

from orkest.documents.amounts import amount_columns, amount_sheet
from orkest.documents.cells import Cell, Sheet, note_rows, set_widths, text_cell
from orkest.documents.model import Document, ModelError


def plain_sheet(document: Document) -> Sheet:
    """The page's tables one below the other; with several, each under its section's heading."""
    tables = [(section.heading, table) for section in document.sections for table in section.tables()]
    sheet = Sheet(document.title[:31], note_rows(document))
    for number, (heading, table) in enumerate(tables):
        if number:
            sheet.rows.append([])
        if len(tables) > 1:
            sheet.rows.append([Cell("heading", heading)])
        if number == 0:
            sheet.header_row = len(sheet.rows)
        sheet.rows.append([Cell("header", name) for name in table.header])
        for row in table.rows:
            cells = [text_cell(text) for text in row.cells]
            if row.total:
                cells[0].kind = "total"
            sheet.rows.append(cells)
    return set_widths(sheet)


def has_amounts(document: Document) -> bool:
    return any(amount_columns(table) for table in document.tables())


def workbook_sheets(documents: list[Document], words: dict) -> list[Sheet]:
    """One sheet per page, in order; each later total row and the difference read the sheet before."""
    sheets: list[Sheet] = []
    for index, document in enumerate(documents):
        if not document.tables():
            raise ModelError("a workbook needs a table on each of its pages: add one, "
                             "or remove xlsx and ods from the page's downloads")
        amounts = [table for table in document.tables() if amount_columns(table)]
        sheets.append(amount_sheet(document, amounts[0], index, words, sheets[-1] if sheets else None,
                                   index == len(documents) - 1) if amounts else plain_sheet(document))
    return sheets
