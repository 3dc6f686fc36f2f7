"""A workbook laid out as cells and formulas, for any spreadsheet format (xlsx.py, ods.py write it).

Cell kinds: "header" (a column heading, bold), "text", "input" (an amount to fill in),
"formula", "total" (a bold label), "heading" (a section heading above one of several tables,
bold), "note" (the page's note, such as "an example to adapt", italic). Formulas are small
tuples, written out by xlsx.py and ods.py in their own syntax:
("sum", sheet, column, first_row, last_column, last_row), ("ref", sheet, column, row),
("minus", formula, formula), ("check", formula, ok_text, wrong_text). Rows and columns count from 0.
Every sheet keeps its column headings in view (frozen below `header_row`, repeated on each
printed page), wraps long text and prints fitted to the page's width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orkest.documents.model import EMPTY_CELL, Document

AMOUNT = re.compile(r"^€\s*\.\.\.$")
WIDEST = 40  # characters: a longer cell wraps


@dataclass
class Cell:
    kind: str
    value: object = ""


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    header_row: int = 0  # the row of the column headings
    grand_total: tuple[int, int] | None = None  # (column, row) of the sheet's total, if it sums
    difference: tuple[int, int] | None = None  # (column, row) of the difference cell, if any
    widths: list[int] = field(default_factory=list)  # characters per column


def text_cell(text: str) -> Cell:
    return Cell("text", "" if text in (EMPTY_CELL, "") or AMOUNT.match(text) else text)


def note_rows(document: Document) -> list[list[Cell]]:
    """The page's notes before its first section, each a row, then a blank row."""
    notes = [f"{label}: {text}" if label else text for kind, (label, text) in
             ((kind, value) for kind, value in document.intro if kind == "note")]
    return [[Cell("note", note)] for note in notes] + ([[]] if notes else [])


def set_widths(sheet: Sheet) -> Sheet:
    """Each column as wide as its longest cell (12 to WIDEST characters); notes and headings overflow."""
    sized = [row for row in sheet.rows if not any(cell.kind in ("note", "heading") for cell in row)]
    sheet.widths = [min(WIDEST, max([12] + [len(row[i].value) + 2 for row in sized
                                            if len(row) > i and isinstance(row[i].value, str)]))
                    for i in range(max(len(row) for row in sheet.rows))]
    return sheet


def column_name(column: int) -> str:
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name
