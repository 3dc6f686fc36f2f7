"""The workbook as .xlsx (XlsxWriter): one sheet per page, formulas, the difference coloured, headings frozen.

XlsxWriter only writes (about half of openpyxl's import time); the tests read the files back with openpyxl.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from xlsxwriter import Workbook

from orkest.documents.cells import Sheet, column_name
from orkest.documents.reproducible import (
    FIXED_DATETIME,
    fixed_time,
    raw_entries,
    write_zip,
)

MONEY = '"€" #,##0.00'
WRONG, RIGHT = "#F4C7C3", "#B7E1CD"  # the difference cell's fill: red when the totals differ, green when they match
WRAP = {"text_wrap": True, "valign": "top"}
FORMATS = {"header": {"bold": True, **WRAP}, "total": {"bold": True, **WRAP}, "heading": {"bold": True},
           "note": {"italic": True}, "text": WRAP, "money": {"num_format": MONEY},
           "total money": {"num_format": MONEY, "bold": True}}
AUTHOR = "Orkest in de Klas"


def quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def formula(term, sheets: list[Sheet], here: int) -> str:
    kind, *args = term
    if kind == "sum":
        sheet, column, row, last_column, last_row = args
        prefix = "" if sheet == here else quoted(sheets[sheet].name) + "!"
        return f"SUM({prefix}{column_name(column)}{row + 1}:{column_name(last_column)}{last_row + 1})"
    if kind == "ref":
        sheet, column, row = args
        prefix = "" if sheet == here else quoted(sheets[sheet].name) + "!"
        return f"{prefix}{column_name(column)}{row + 1}"
    if kind == "minus":
        return f"{formula(args[0], sheets, here)}-{formula(args[1], sheets, here)}"
    if kind == "check":
        text = [value.replace('"', '""') for value in args[1:]]
        return f'IF(ROUND({formula(args[0], sheets, here)},2)=0,"{text[0]}","{text[1]}")'
    raise ValueError(f"unknown formula {kind}")


def empty_result(term):
    """The formula's result with no amount filled in, stored beside it (XlsxWriter would store 0, also
    for the check's text): every sum is 0, so the totals match."""
    return term[2] if term[0] == "check" else 0


def with_language(language: str):
    """The document properties with the fixed time and the document's language (XlsxWriter sets no language)."""
    element = f"<dc:language>{escape(language)}</dc:language></cp:coreProperties>".encode()
    return lambda content: fixed_time(content).replace(b"</cp:coreProperties>", element)


def write_xlsx(sheets: list[Sheet], title: str, language: str) -> bytes:
    output = io.BytesIO()
    workbook = Workbook(output, {"in_memory": True})
    style = {name: workbook.add_format(properties) for name, properties in FORMATS.items()}
    for here, sheet in enumerate(sheets):
        worksheet = workbook.add_worksheet(sheet.name)
        for number, row in enumerate(sheet.rows):
            is_total = any(cell.kind == "total" for cell in row)
            for column, cell in enumerate(row):
                if cell.kind == "formula":
                    worksheet.write_formula(number, column, formula(cell.value, sheets, here),
                                            style["total money" if is_total else "money"], empty_result(cell.value))
                elif cell.kind == "input":
                    worksheet.write_blank(number, column, None, style["money"])
                elif cell.value:
                    worksheet.write_string(number, column, cell.value, style[cell.kind])
        for column, width in enumerate(sheet.widths):
            worksheet.set_column(column, column, width)
        worksheet.freeze_panes(sheet.header_row + 1, 1)  # the headings and the first column stay in view
        worksheet.repeat_rows(sheet.header_row)
        worksheet.fit_to_pages(1, 0)  # as wide as the page, as many pages down as it needs
        worksheet.set_landscape()
        if sheet.difference:
            cell = f"{column_name(sheet.difference[0])}{sheet.difference[1] + 1}"
            for criteria, colour in (("!=", WRONG), ("==", RIGHT)):
                worksheet.conditional_format(cell, {"type": "cell", "criteria": criteria, "value": 0,
                                                    "format": workbook.add_format({"bg_color": colour})})
    workbook.set_properties({"title": title, "author": AUTHOR, "created": FIXED_DATETIME})
    workbook.close()
    return write_zip(raw_entries(output.getvalue(), with_language(language)))
