"""The workbook of one or more pages, laid out as cells and formulas for any spreadsheet format.

The rule a page's table must follow to become a sheet: its **amount columns** are those with
a body cell reading `€ ...`. With one amount column (the budget) that column becomes one
column per school year (YEARS) and a total per row; with several (the coverage plan's
committed, requested, still to find) they stay and get a total per row. A row whose first
cell is bold is a total row: the first one sums the rows above it; a later one (the coverage
plan's "Total budget") takes the grand total of the sheet before it. The last sheet of a
workbook of several sheets ends with a difference row (its total minus the previous sheet's)
and a cell saying whether they match. Formulas are kept as small tuples, written out by
xlsx.py and ods.py in their own syntax:
("sum", sheet, column, first_row, last_column, last_row), ("ref", sheet, column, row),
("minus", formula, formula), ("check", formula, ok_text, wrong_text). Rows and columns count from 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from orkest.documents.model import EMPTY_CELL, Document, ModelError, Table

YEARS = 3
AMOUNT = re.compile(r"^€\s*\.\.\.$")


@dataclass
class Cell:
    kind: str  # "header", "text", "input" (an amount to fill in), "formula", "total" (a bold label)
    value: object = ""


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]] = field(default_factory=list)
    grand_total: tuple[int, int] = (0, 0)  # (column, row) of the sheet's total
    difference: tuple[int, int] | None = None  # (column, row) of the difference cell, if any
    widths: list[int] = field(default_factory=list)  # characters per column


def amount_table(document: Document) -> Table:
    for table in document.tables():
        if amount_columns(table):
            return table
    raise ModelError("a workbook needs a table with an amount column (body cells reading '€ ...'); "
                     "add one, or remove xlsx and ods from the page's downloads")


def amount_columns(table: Table) -> list[int]:
    """The columns where a post (not a total row) reads `€ ...`."""
    return [i for i in range(len(table.header))
            if any(AMOUNT.match(row.cells[i]) for row in table.rows if not row.total)]


def text_cell(text: str) -> Cell:
    return Cell("text", "" if text in (EMPTY_CELL, "") or AMOUNT.match(text) else text)


def sheet_from(document: Document, index: int, words: dict, previous: Sheet | None, last: bool) -> Sheet:
    table = amount_table(document)
    amounts = amount_columns(table)
    if amounts != list(range(amounts[0], amounts[-1] + 1)) or amounts[0] == 0:
        raise ModelError(f"the amount columns of the table '{' | '.join(table.header)}' must stand side by side, "
                         "after the label column: move them together")
    years = [f"{words['year']} {n}" for n in range(1, YEARS + 1)]
    amount_names = years if len(amounts) == 1 else [table.header[i] for i in amounts]
    header: list[str] = []
    for i, name in enumerate(table.header):
        if i == amounts[0]:
            header += amount_names + [words["total"]]
        elif i not in amounts:
            header.append(name)
    first = amounts[0]
    total_column = first + len(amount_names)
    sheet = Sheet(document.title[:31], [[Cell("header", name) for name in header]])
    body_rows = [row for row in table.rows if not row.total]
    totals = [row for row in table.rows if row.total]
    last_body = len(body_rows)  # rows 1..last_body hold the posts
    for number, row in enumerate(body_rows, start=1):
        labels = [text_cell(cell) for i, cell in enumerate(row.cells) if i not in amounts]
        inputs = [Cell("input") for _ in amount_names]
        line = labels[:first] + inputs + [Cell("formula", ("sum", index, first, number, total_column - 1, number))]
        sheet.rows.append(line + labels[first:])
    for count, row in enumerate(totals):
        number = len(sheet.rows)
        labels = [Cell("total", row.cells[0])] + [Cell("text") for _ in range(first - 1)]
        rest = [Cell("text") for _ in header[total_column + 1:]]
        if count == 0:
            sums = [Cell("formula", ("sum", index, column, 1, column, last_body))
                    for column in range(first, total_column + 1)]
            sheet.grand_total = (total_column, number)
        elif previous is None:
            raise ModelError(f"the total row '{row.cells[0]}' takes the total of the sheet before it, "
                             "but this sheet comes first: list the budget page first in 'workbook'")
        else:
            sums = [Cell("text") for _ in amount_names] + [
                Cell("formula", ("ref", index - 1, *previous.grand_total))]
        sheet.rows.append(labels + sums + rest)
    if not totals:
        raise ModelError("the amount table has no total row: end it with a row whose first cell is bold, "
                         "e.g. | **Totaal** | | **€ ...** | |")
    if last and previous is not None:
        difference = ("minus", ("ref", index, *sheet.grand_total), ("ref", index - 1, *previous.grand_total))
        number = len(sheet.rows) + 1
        sheet.rows.append([])
        sheet.rows.append([Cell("total", words["difference"])] + [Cell("text") for _ in range(total_column - 1)]
                          + [Cell("formula", difference),
                             Cell("formula", ("check", difference, words["matches"], words["differs"]))])
        sheet.difference = (total_column, number)
    width = max(len(header), max(len(row) for row in sheet.rows))
    sheet.widths = [min(40, max([12] + [len(row[i].value) + 2 for row in sheet.rows
                                        if len(row) > i and isinstance(row[i].value, str)]))
                    for i in range(width)]
    return sheet


def workbook_sheets(documents: list[Document], words: dict) -> list[Sheet]:
    """One sheet per page, in order; each later total row and the difference read the sheet before."""
    sheets: list[Sheet] = []
    for index, document in enumerate(documents):
        sheets.append(sheet_from(document, index, words, sheets[-1] if sheets else None,
                                 index == len(documents) - 1))
    return sheets


def column_name(column: int) -> str:
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name
