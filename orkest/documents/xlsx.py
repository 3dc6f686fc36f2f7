"""The workbook as .xlsx (openpyxl): one sheet per page, formulas, the difference coloured, headings frozen."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.properties import PageSetupProperties

from orkest.documents.cells import Sheet, column_name
from orkest.documents.reproducible import FIXED_DATETIME, fixed_zip

MONEY = '"€" #,##0.00'
BOLD = Font(bold=True)
ITALIC = Font(italic=True)
WRAP = Alignment(wrap_text=True, vertical="top")
WRONG = PatternFill(fill_type="solid", start_color="FFF4C7C3", end_color="FFF4C7C3")
RIGHT = PatternFill(fill_type="solid", start_color="FFB7E1CD", end_color="FFB7E1CD")


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


def write_xlsx(sheets: list[Sheet], title: str, language: str) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for here, sheet in enumerate(sheets):
        worksheet = workbook.create_sheet(sheet.name)
        for number, row in enumerate(sheet.rows, start=1):
            for column, cell in enumerate(row, start=1):
                target = worksheet.cell(number, column)
                if cell.kind == "formula":
                    target.value = "=" + formula(cell.value, sheets, here)
                    target.number_format = MONEY
                    if any(other.kind == "total" for other in row):
                        target.font = BOLD
                elif cell.kind == "input":
                    target.number_format = MONEY
                elif cell.value:
                    target.value = cell.value
                    if cell.kind in ("header", "total", "heading"):
                        target.font = BOLD
                    elif cell.kind == "note":
                        target.font = ITALIC
                    if cell.kind in ("header", "text", "total"):
                        target.alignment = WRAP
        for column, width in enumerate(sheet.widths, start=1):
            worksheet.column_dimensions[column_name(column - 1)].width = width
        header = sheet.header_row + 1
        worksheet.freeze_panes = f"B{header + 1}"  # the headings and the first column stay in view
        worksheet.print_title_rows = f"{header}:{header}"
        worksheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        worksheet.page_setup.fitToWidth, worksheet.page_setup.fitToHeight = 1, 0  # as many pages down as it needs
        worksheet.page_setup.orientation = "landscape"
        if sheet.difference:
            cell = f"{column_name(sheet.difference[0])}{sheet.difference[1] + 1}"
            worksheet.conditional_formatting.add(cell, CellIsRule(operator="notEqual", formula=["0"], fill=WRONG))
            worksheet.conditional_formatting.add(cell, CellIsRule(operator="equal", formula=["0"], fill=RIGHT))
    properties = workbook.properties
    properties.title, properties.language, properties.creator = title, language, "Orkest in de Klas"
    properties.created = properties.modified = FIXED_DATETIME
    output = io.BytesIO()
    workbook.save(output)
    return fixed_zip(output.getvalue())
