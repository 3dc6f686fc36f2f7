"""A page whose tables hold no amounts (the year plan) gets a plain workbook: its tables as on the
page, editable, its note ("an example to adapt") above them, the column headings bold, frozen and
repeated on every printed page, printed fitted to the page's width; no formulas, nothing invented."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from document_files import (
    LANGUAGES,
    TABLE_PAGES,
    downloads,
    front_matter,
    markdown_tables,
    notes,
    source,
)
from odf import opendocument, table, teletype

from orkest.documents.model import ModelError, read_document
from orkest.documents.sheets import workbook_sheets

CASES = [(page, language) for page in sorted(TABLE_PAGES) for language in LANGUAGES]
EXAMPLE = {"nl": "voorbeeld om aan te passen", "en": "example to adapt"}
WORDS = {"year": "Jaar", "total": "Totaal", "difference": "Verschil", "matches": "Klopt", "differs": "Klopt niet"}


def test_the_year_plan_offers_a_workbook():
    assert "starten/startpakket/jaarplan" in TABLE_PAGES


def expected_rows(page: str, language: str) -> list[list[str]]:
    """The page's tables one below the other, with a blank row between two tables."""
    tables = markdown_tables(source(page, language))
    assert tables, page
    return [row for number, rows in enumerate(tables) for row in ([[]] if number else []) + rows]


def trimmed(rows: list[list[str]]) -> list[list[str]]:
    """Rows without their empty cells at the end (formats differ in how far an empty row runs)."""
    result = []
    for row in rows:
        while row and row[-1] == "":
            row = row[:-1]
        result.append(row)
    return result


@pytest.mark.parametrize(("page", "language"), CASES)
def test_the_xlsx_holds_the_pages_tables_under_its_note(site, page, language):
    path = downloads(site.root, page, language)["xlsx"]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [front_matter(source(page, language))["title"][:31]]
    sheet = book.active
    rows = trimmed([["" if cell.value is None else str(cell.value) for cell in row] for row in sheet.iter_rows()])
    expected = expected_rows(page, language)
    header = rows.index(expected[0])
    assert rows[header:] == trimmed(expected)  # every row and cell as on the page, nothing added
    assert not any(value.startswith("=") for row in rows for value in row)
    assert header >= 2 and EXAMPLE[language] in rows[0][0].lower()
    assert rows[:header - 1] == [[note if not label else f"{label}: {note}"] for label, note in
                                 zip(note_labels(page, language), notes(source(page, language)))]
    assert all(cell.font.b for cell in sheet[header + 1] if cell.value)  # row numbers count from 1
    assert sheet.freeze_panes == f"B{header + 2}" and sheet.print_title_rows == f"${header + 1}:${header + 1}"
    setup = sheet.page_setup
    fit_width = 1 if setup.fitToWidth is None else setup.fitToWidth  # absent: the schema's default, 1 page wide
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and (fit_width, setup.fitToHeight) == (1, 0)
    assert setup.orientation == "landscape"
    widths = column_widths(sheet, len(expected[0]))
    assert all(12 <= width <= 40 for width in widths) and max(widths) == 40  # the long column wraps
    assert sheet.cell(header + 2, len(expected[0])).alignment.wrap_text


def column_widths(sheet, count: int) -> list[int]:
    """The first `count` columns' widths in whole characters, as Excel shows them (a file stores each
    with a little padding, and neighbours of one width as one range)."""
    widths: dict[int, int] = {}
    for dimension in sheet.column_dimensions.values():
        for column in range(dimension.min, dimension.max + 1):
            widths[column] = int(dimension.width)
    return [widths[column] for column in range(1, count + 1)]


def note_labels(page: str, language: str) -> list[str]:
    return re.findall(r'^!!! \w+ "([^"]*)"', source(page, language).read_text(encoding="utf-8"), re.M)


@pytest.mark.parametrize(("page", "language"), CASES)
def test_the_ods_holds_the_same_rows_with_its_headings_repeated_and_frozen(site, page, language):
    path = downloads(site.root, page, language)["ods"]
    document = opendocument.load(path)
    sheets = document.spreadsheet.getElementsByType(table.Table)
    assert [sheet.getAttribute("name") for sheet in sheets] == [front_matter(source(page, language))["title"][:31]]
    rows = trimmed([[teletype.extractText(cell) for cell in row.getElementsByType(table.TableCell)]
                    for row in sheets[0].getElementsByType(table.TableRow)])
    expected = expected_rows(page, language)
    header = rows.index(expected[0])
    assert rows[header:] == trimmed(expected) and EXAMPLE[language] in rows[0][0].lower()
    assert not any(cell.getAttribute("formula") for cell in sheets[0].getElementsByType(table.TableCell))
    repeated = sheets[0].getElementsByType(table.TableHeaderRows)
    assert len(repeated) == 1 and [teletype.extractText(cell) for cell in
                                   repeated[0].getElementsByType(table.TableCell)] == expected[0]
    with zipfile.ZipFile(path) as archive:
        settings, styles = archive.read("settings.xml").decode(), archive.read("styles.xml").decode()
    assert re.search(r'config:name="VerticalSplitPosition" config:type="int">' + str(header + 1) + "<", settings)
    assert 'style:scale-to-X="1"' in styles and 'style:print-orientation="landscape"' in styles


@pytest.mark.parametrize(("page", "language"), CASES)
def test_the_download_box_calls_it_a_sheet_to_adapt_not_one_with_formulas(site, page, language):
    folder = site.root / ("" if language == "nl" else language) / page
    html = (folder / "index.html").read_text(encoding="utf-8")
    label = {"nl": "Rekenblad om aan te passen", "en": "Spreadsheet to adapt"}[language]
    for kind in ("xlsx", "ods"):
        name = downloads(site.root, page, language)[kind].name
        assert re.search(f'<a href="{name}" download [^>]*>{label}: ', html), (page, kind)
    assert "formules" not in html and "formulas" not in html.split('class="downloads"')[1]


def test_a_workbook_page_without_a_table_or_a_total_before_it_is_named():
    plain = read_document("# Plan\n\n## Maanden\n\n| Maand | Wat |\n|---|---|\n| Mei | Les |\n")
    empty = read_document("# Leeg\n\n## Niets\n\nAlleen tekst.\n")
    coverage = read_document("# Dekking\n\n## Bronnen\n\n| Bron | Bedrag |\n|---|---|\n| Fonds | € ... |\n"
                             "| **Totaal** | **€ ...** |\n| **Totaal begroting** | **€ ...** |\n")
    with pytest.raises(ModelError, match="a workbook needs a table on each of its pages"):
        workbook_sheets([empty], WORDS)
    with pytest.raises(ModelError, match="'Totaal begroting' takes the total of the sheet before it, but no sheet "
                                         "with amounts comes before it"):
        workbook_sheets([plain, coverage], WORDS)
    assert [sheet.grand_total for sheet in workbook_sheets([plain], WORDS)] == [None]
