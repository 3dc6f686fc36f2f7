"""The workbook as .ods: one sheet per page, OpenFormula formulas, headings frozen and repeated.

odfpy writes the workbook without its rows (styles, metadata, view settings, the columns); lxml
writes the rows into its content and the cells' styles they use.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree
from odf.config import (
    ConfigItem,
    ConfigItemMapEntry,
    ConfigItemMapIndexed,
    ConfigItemMapNamed,
    ConfigItemSet,
)
from odf.namespaces import FONS, OFFICENS, STYLENS, TABLENS, TEXTNS
from odf.number import CurrencyStyle, CurrencySymbol, Number
from odf.number import Text as NumberText
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import (
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    Style,
    TableColumnProperties,
    TableProperties,
)
from odf.table import Table, TableColumn

from orkest.documents.cells import Sheet, column_name
from orkest.documents.odf_common import fixed_namespaces, set_metadata
from orkest.documents.reproducible import deflated, fixed_zip, raw_entries, write_zip

OFFICE, STYLE, TABLE, TEXT = (f"{{{namespace}}}" for namespace in (OFFICENS, STYLENS, TABLENS, TEXTNS))
CONTENT = "content.xml"


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


# The cells' styles (automatic, in content.xml, each only where a cell uses it): data style, text, cell properties.
WRAP = {"fo:wrap-option": "wrap", "style:vertical-align": "top"}  # long text wraps within its column
CELL_STYLES = {"money": ("euro", {}, {}), "bold": (None, {"fo:font-weight": "bold"}, WRAP),
               "total": ("euro", {"fo:font-weight": "bold"}, {}), "text": (None, {}, WRAP),
               "note": (None, {"fo:font-style": "italic"}, {})}
KINDS = {"header": "bold", "total": "bold", "heading": "bold", "note": "note"}  # a text cell's style; any other: text


def styles(document: OpenDocumentSpreadsheet, language: str) -> Style:
    """The money format, the printed page and the sheets' style (odfpy); returns the sheets' style."""
    euro = CurrencyStyle(name="euro")
    euro.addElement(CurrencySymbol(language=language, country="NL", text="€"))
    euro.addElement(NumberText(text=" "))
    euro.addElement(Number(decimalplaces=2, minintegerdigits=1, grouping=True))
    document.styles.addElement(euro)
    # Printed landscape, fitted to the page's width (LibreOffice's scale-to-X; as many pages down as needed).
    layout = PageLayout(name="landscape")
    layout.addElement(PageLayoutProperties(printorientation="landscape", pagewidth="29.7cm", pageheight="21cm",
                                           qattributes={(STYLENS, "scale-to-X"): "1"}))
    document.automaticstyles.addElement(layout)
    document.masterstyles.addElement(MasterPage(name="sheet", pagelayoutname=layout))
    table = Style(name="table", family="table", masterpagename="sheet")
    table.addElement(TableProperties(display="true"))
    document.automaticstyles.addElement(table)
    return table


def cell_styles(automatic, used: set[str]) -> None:
    """The cells' styles that are used, first among the automatic styles (as odfpy put them)."""
    for position, name in enumerate(name for name in CELL_STYLES if name in used):
        data_style, text, cell = CELL_STYLES[name]
        made = automatic.makeelement(STYLE + "style", {STYLE + "name": name, STYLE + "family": "table-cell",
                                                       STYLE + "display-name": name})
        if data_style:
            made.set(STYLE + "data-style-name", data_style)
        for tag, properties in (("text-properties", text), ("table-cell-properties", cell)):
            if properties:
                etree.SubElement(made, STYLE + tag, {qualified(key): value for key, value in properties.items()})
        automatic.insert(position, made)


def qualified(name: str) -> str:
    """lxml's name for "fo:font-weight" and the like."""
    prefix, local = name.split(":")
    return f"{{{ {'fo': FONS, 'style': STYLENS}[prefix]}}}{local}"


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


def skeleton(sheets: list[Sheet], title: str, language: str) -> bytes:
    """The workbook without its rows (odfpy): styles, metadata, view settings, each sheet with its columns."""
    fixed_namespaces()
    document = OpenDocumentSpreadsheet()
    set_metadata(document, title, language)
    table_style = styles(document, language)
    for here, sheet in enumerate(sheets):
        table = Table(name=sheet.name, stylename=table_style)
        for number, width in enumerate(sheet.widths):
            column_style = Style(name=f"s{here}c{number}", family="table-column")
            column_style.addElement(TableColumnProperties(columnwidth=f"{width * 0.2:.1f}cm"))
            document.automaticstyles.addElement(column_style)
            table.addElement(TableColumn(stylename=column_style))
        document.spreadsheet.addElement(table)
    frozen_headings(document, sheets)
    output = io.BytesIO()
    document.write(output)
    return fixed_zip(output.getvalue())


def write_ods(sheets: list[Sheet], title: str, language: str) -> bytes:
    """The skeleton with each sheet's rows written into its content with lxml (odfpy building and
    serialising every cell in Python was most of a workbook's time)."""
    data = skeleton(sheets, title, language)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = etree.fromstring(archive.read(CONTENT))
    used: set[str] = set()
    for here, (sheet, table) in enumerate(zip(sheets, content.iter(TABLE + "table"))):
        for number, row in enumerate(sheet.rows):
            if number == sheet.header_row:  # repeated at the top of every printed page
                line = etree.SubElement(etree.SubElement(table, TABLE + "table-header-rows"), TABLE + "table-row")
            else:
                line = etree.SubElement(table, TABLE + "table-row")
            is_total = any(cell.kind == "total" for cell in row)
            for cell in row:
                target = etree.SubElement(line, TABLE + "table-cell")
                if cell.kind == "formula":
                    # No cached result: an office suite opening the file calculates every formula.
                    target.set(TABLE + "formula", "of:=" + formula(cell.value, sheets, here))
                    style = "total" if is_total else "money"
                elif cell.kind == "input":
                    style = "money"
                elif cell.value:
                    target.set(OFFICE + "value-type", "string")
                    style = KINDS.get(cell.kind, "text")
                    etree.SubElement(target, TEXT + "p").text = cell.value
                else:
                    continue
                target.set(TABLE + "style-name", style)
                used.add(style)
    cell_styles(content.find(OFFICE + "automatic-styles"), used)
    made = deflated(CONTENT, etree.tostring(content, xml_declaration=True, encoding="UTF-8"))
    return write_zip([made if entry[0] == CONTENT else entry for entry in raw_entries(data)])
