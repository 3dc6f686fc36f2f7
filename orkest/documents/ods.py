"""The workbook as .ods (odfpy): one sheet per page, OpenFormula formulas."""

from __future__ import annotations

import io

from odf.number import CurrencyStyle, CurrencySymbol, Number
from odf.number import Text as NumberText
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableColumnProperties, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P

from orkest.documents.odf_common import fixed_namespaces, set_metadata
from orkest.documents.reproducible import fixed_zip
from orkest.documents.sheets import Sheet, column_name


def quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def formula(term, sheets: list[Sheet], here: int) -> str:
    kind, *args = term
    if kind in ("sum", "ref"):
        sheet, column, row = args[:3]
        prefix = "" if sheet == here else quoted(sheets[sheet].name)
        start = f"{prefix}.{column_name(column)}{row + 1}"
        if kind == "ref":
            return f"[{start}]"
        return f"SUM([{start}:{prefix}.{column_name(args[3])}{args[4] + 1}])"
    if kind == "minus":
        return f"{formula(args[0], sheets, here)}-{formula(args[1], sheets, here)}"
    if kind == "check":
        text = [value.replace('"', '""') for value in args[1:]]
        return f'IF(ROUND({formula(args[0], sheets, here)};2)=0;"{text[0]}";"{text[1]}")'
    raise ValueError(f"unknown formula {kind}")


def styles(document: OpenDocumentSpreadsheet, language: str) -> dict[str, Style]:
    euro = CurrencyStyle(name="euro")
    euro.addElement(CurrencySymbol(language=language, country="NL", text="€"))
    euro.addElement(NumberText(text=" "))
    euro.addElement(Number(decimalplaces=2, minintegerdigits=1, grouping=True))
    document.styles.addElement(euro)
    made = {"money": Style(name="money", family="table-cell", datastylename="euro"),
            "bold": Style(name="bold", family="table-cell"),
            "total": Style(name="total", family="table-cell", datastylename="euro")}
    for name in ("bold", "total"):
        made[name].addElement(TextProperties(fontweight="bold"))
    for style in made.values():
        document.automaticstyles.addElement(style)
    return made


def write_ods(sheets: list[Sheet], title: str, language: str) -> bytes:
    fixed_namespaces()
    document = OpenDocumentSpreadsheet()
    set_metadata(document, title, language)
    style = styles(document, language)
    for here, sheet in enumerate(sheets):
        table = Table(name=sheet.name)
        for number, width in enumerate(sheet.widths):
            column_style = Style(name=f"s{here}c{number}", family="table-column")
            column_style.addElement(TableColumnProperties(columnwidth=f"{width * 0.2:.1f}cm"))
            document.automaticstyles.addElement(column_style)
            table.addElement(TableColumn(stylename=column_style))
        for row in sheet.rows:
            line = TableRow()
            is_total = any(cell.kind == "total" for cell in row)
            for cell in row:
                if cell.kind == "formula":
                    # No cached result: an office suite opening the file calculates every formula.
                    target = TableCell(formula="of:=" + formula(cell.value, sheets, here),
                                       stylename=style["total" if is_total else "money"])
                elif cell.kind == "input":
                    target = TableCell(stylename=style["money"])
                elif cell.value:
                    bold = cell.kind in ("header", "total")
                    target = TableCell(valuetype="string", **({"stylename": style["bold"]} if bold else {}))
                    target.addElement(P(text=cell.value))
                else:
                    target = TableCell()
                line.addElement(target)
            table.addElement(line)
        document.spreadsheet.addElement(table)
    output = io.BytesIO()
    document.write(output)
    return fixed_zip(output.getvalue())
