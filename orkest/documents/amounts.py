"""A sheet of amounts with formulas, from a page's table with an amount column (the budget, the coverage plan).

The rule such a table must follow: its **amount columns** are those with a body cell reading
`€ ...`. With one amount column (the budget) that column becomes one column per school year
(YEARS) and a total per row; with several (the coverage plan's committed, requested, still to
find) they stay and get a total per row. A row whose first cell is bold is a total row: the
first one sums the rows above it; a later one (the coverage plan's "Total budget") takes the
grand total of the sheet before it. The last sheet of a workbook of several sheets ends with a
difference row (its total minus the previous sheet's) and a cell saying whether they match.
"""

from __future__ import annotations

from orkest.documents.cells import AMOUNT, Cell, Sheet, note_rows, set_widths, text_cell
from orkest.documents.model import Document, ModelError, Table

YEARS = 3


def amount_columns(table: Table) -> list[int]:
    """The columns where a post (not a total row) reads `€ ...`."""
    return [i for i in range(len(table.header))
            if any(AMOUNT.match(row.cells[i]) for row in table.rows if not row.total)]


def amount_sheet(document: Document, table: Table, index: int, words: dict, previous: Sheet | None,
                 last: bool) -> Sheet:
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
    sheet = Sheet(document.title[:31], note_rows(document))
    sheet.header_row = top = len(sheet.rows)
    sheet.rows.append([Cell("header", name) for name in header])
    body_rows = [row for row in table.rows if not row.total]
    totals = [row for row in table.rows if row.total]
    last_body = top + len(body_rows)  # rows top+1..last_body hold the posts
    for number, row in enumerate(body_rows, start=top + 1):
        labels = [text_cell(cell) for i, cell in enumerate(row.cells) if i not in amounts]
        inputs = [Cell("input") for _ in amount_names]
        line = labels[:first] + inputs + [Cell("formula", ("sum", index, first, number, total_column - 1, number))]
        sheet.rows.append(line + labels[first:])
    for count, row in enumerate(totals):
        number = len(sheet.rows)
        labels = [Cell("total", row.cells[0])] + [Cell("text") for _ in range(first - 1)]
        rest = [Cell("text") for _ in header[total_column + 1:]]
        if count == 0:
            sums = [Cell("formula", ("sum", index, column, top + 1, column, last_body))
                    for column in range(first, total_column + 1)]
            sheet.grand_total = (total_column, number)
        elif previous is None or previous.grand_total is None:
            raise ModelError(f"the total row '{row.cells[0]}' takes the total of the sheet before it, "
                             "but no sheet with amounts comes before it: list the budget page first in 'workbook'")
        else:
            sums = [Cell("text") for _ in amount_names] + [
                Cell("formula", ("ref", index - 1, *previous.grand_total))]
        sheet.rows.append(labels + sums + rest)
    if not totals:
        raise ModelError("the amount table has no total row: end it with a row whose first cell is bold, "
                         "e.g. | **Totaal** | | **€ ...** | |")
    if last and previous is not None and previous.grand_total is not None:
        difference = ("minus", ("ref", index, *sheet.grand_total), ("ref", index - 1, *previous.grand_total))
        number = len(sheet.rows) + 1
        sheet.rows.append([])
        sheet.rows.append([Cell("total", words["difference"])] + [Cell("text") for _ in range(total_column - 1)]
                          + [Cell("formula", difference),
                             Cell("formula", ("check", difference, words["matches"], words["differs"]))])
        sheet.difference = (total_column, number)
    return set_widths(sheet)
