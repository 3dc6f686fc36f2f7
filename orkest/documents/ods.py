"""The workbook as .ods (odfpy): one sheet per page, OpenFormula formulas, headings frozen and repeated."""

from __future__ import annotations

import io

from odf.config import (
    ConfigItem,
    ConfigItemMapEntry,
    ConfigItemMapIndexed,
    ConfigItemMapNamed,
    ConfigItemSet,
)
from odf.namespaces import STYLENS
from odf.number import CurrencyStyle, CurrencySymbol, Number
from odf.number import Text as NumberText
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import (
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import P

from orkest.documents.cells import Sheet, column_name
from orkest.documents.odf_common import fixed_namespaces, set_metadata
from orkest.documents.reproducible import fixed_zip


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
            "total": Style(name="total", family="table-cell", datastylename="euro"),
            "text": Style(name="text", family="table-cell"),
            "note": Style(name="note", family="table-cell")}
    for name in ("bold", "total"):
        made[name].addElement(TextProperties(fontweight="bold"))
    made["note"].addElement(TextProperties(fontstyle="italic"))
    for name in ("bold", "text"):  # long text wraps within its column
        made[name].addElement(TableCellProperties(wrapoption="wrap", verticalalign="top"))
    for style in made.values():
        document.automaticstyles.addElement(style)
    # Printed landscape, fitted to the page's width (LibreOffice's scale-to-X; as many pages down as needed).
    layout = PageLayout(name="landscape")
    layout.addElement(PageLayoutProperties(printorientation="landscape", pagewidth="29.7cm", pageheight="21cm",
                                           qattributes={(STYLENS, "scale-to-X"): "1"}))
    document.automaticstyles.addElement(layout)
    document.masterstyles.addElement(MasterPage(name="sheet", pagelayoutname=layout))
    made["table"] = Style(name="table", family="table", masterpagename="sheet")
    made["table"].addElement(TableProperties(display="true"))
    document.automaticstyles.addElement(made["table"])
    return made


def frozen_headings(document: OpenDocumentSpreadsheet, sheets: list[Sheet]) -> None:
    """The view settings that keep each sheet's headings and first column in view, as LibreOffice writes them."""
    tables = ConfigItemMapNamed(name="Tables")
    for sheet in sheets:
        entry = ConfigItemMapEntry(name=sheet.name)
        below = sheet.header_row + 1
        for name, kind, value in (("HorizontalSplitMode", "short", 2), ("VerticalSplitMode", "short", 2),
                                  ("HorizontalSplitPosition", "int", 1), ("VerticalSplitPosition", "int", below),
                                  ("ActiveSplitRange", "short", 2), ("PositionLeft", "int", 0),
                                  ("PositionRight", "int", 1), ("PositionTop", "int", 0),
                                  ("PositionBottom", "int", below)):
            entry.addElement(ConfigItem(name=name, type=kind, text=str(value)))
        tables.addElement(entry)
    view = ConfigItemMapEntry()
    view.addElement(ConfigItem(name="ViewId", type="string", text="view1"))
    view.addElement(tables)
    views = ConfigItemMapIndexed(name="Views")
    views.addElement(view)
    settings = ConfigItemSet(name="ooo:view-settings")
    settings.addElement(views)
    document.settings.addElement(settings)


def write_ods(sheets: list[Sheet], title: str, language: str) -> bytes:
    fixed_namespaces()
    document = OpenDocumentSpreadsheet()
    set_metadata(document, title, language)
    style = styles(document, language)
    for here, sheet in enumerate(sheets):
        table = Table(name=sheet.name, stylename=style["table"])
        for number, width in enumerate(sheet.widths):
            column_style = Style(name=f"s{here}c{number}", family="table-column")
            column_style.addElement(TableColumnProperties(columnwidth=f"{width * 0.2:.1f}cm"))
            document.automaticstyles.addElement(column_style)
            table.addElement(TableColumn(stylename=column_style))
        for number, row in enumerate(sheet.rows):
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
                    kind = {"header": "bold", "total": "bold", "heading": "bold", "note": "note"}.get(cell.kind, "text")
                    target = TableCell(valuetype="string", stylename=style[kind])
                    target.addElement(P(text=cell.value))
                else:
                    target = TableCell()
                line.addElement(target)
            if number == sheet.header_row:  # repeated at the top of every printed page
                header = TableHeaderRows()
                header.addElement(line)
                table.addElement(header)
            else:
                table.addElement(line)
        document.spreadsheet.addElement(table)
    frozen_headings(document, sheets)
    output = io.BytesIO()
    document.write(output)
    return fixed_zip(output.getvalue())
