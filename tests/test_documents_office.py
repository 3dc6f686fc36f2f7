"""A real office suite opens every download (LibreOffice headless; ./scripts/test installs it), and
the workbooks' totals and difference recalculate there once test numbers are filled in."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from document_files import (
    AMOUNT_PAGES,
    PAGES,
    TABLE_PAGES,
    WORKBOOK_PAGES,
    downloads,
    headings,
    markdown_tables,
    source,
)
from odf import opendocument, table

# csv: comma, quote, UTF-8, from line 1, values not as shown (plain numbers), every sheet (-1).
CSV_EVERY_SHEET = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
BUDGET_POSTS, COVERAGE_SOURCES = 12, 8  # the body rows of the two pages' tables
TOTAL, DIFFERENCE = 5, 5  # column of the total: budget (after 3 years), coverage (after 3 kinds)
TOTAL_LABELS = {"nl": {"Totaal", "Totaal dekking", "Totaal begroting"},
                "en": {"Total", "Total coverage", "Total budget"}}


@pytest.fixture(scope="module")
def soffice(tmp_path_factory):
    found = shutil.which("soffice")
    if not found:
        pytest.fail("LibreOffice (soffice) not found: run ./scripts/test, which installs "
                    "libreoffice-writer-nogui and libreoffice-calc-nogui", pytrace=False)
    profile = tmp_path_factory.mktemp("libreoffice-profile")  # its own: never another run's lock

    def convert(files: list[Path], target: str, out: Path) -> None:
        result = subprocess.run([found, f"-env:UserInstallation=file://{profile}", "--headless",
                                 "--convert-to", target, "--outdir", str(out), *map(str, files)],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
    return convert


def test_libreoffice_opens_every_document_with_every_section(site, soffice, tmp_path):
    for kind in ("docx", "odt"):
        files = {(page, language): downloads(site.root, page, language)[kind]
                 for page in PAGES for language in ("nl", "en")}
        for language in ("nl", "en"):  # one folder per language: the same name may occur in both
            out = tmp_path / kind / language
            soffice([path for (_, lang), path in files.items() if lang == language], "txt:Text", out)
            for (page, lang), path in files.items():
                if lang == language:
                    written = (out / f"{path.stem}.txt").read_text(encoding="utf-8-sig")
                    assert all(heading in written for heading in headings(source(page, lang))), path


def sheets_as_csv(soffice, workbooks: list[Path], out: Path) -> dict[str, dict[str, list[list[str]]]]:
    """Every sheet of each workbook (names differing in stem), as LibreOffice calculates it."""
    soffice(workbooks, CSV_EVERY_SHEET, out)
    return {workbook.stem: {path.stem.removeprefix(workbook.stem + "-"): list(csv.reader(path.open(encoding="utf-8")))
                            for path in out.glob(f"{workbook.stem}-*.csv")} for workbook in workbooks}


def test_posts_sheets_and_difference_recalculate_in_libreoffice(site, soffice, tmp_path):
    xlsx = downloads(site.root, "financiering/begroting", "nl")["xlsx"]
    workbook = openpyxl.load_workbook(xlsx)
    budget, coverage = workbook.worksheets
    for row in range(2, 2 + BUDGET_POSTS):
        for year in range(3):
            budget.cell(row, 3 + year).value = 100 * row + year  # columns C-E: year 1-3
    for row in range(2, 2 + COVERAGE_SOURCES):
        for kind in range(3):
            coverage.cell(row, 3 + kind).value = 150 * row + kind  # committed, requested, still to find
    filled = tmp_path / "ingevuld.xlsx"
    workbook.save(filled)
    sheets = sheets_as_csv(soffice, [filled], tmp_path / "xlsx")[filled.stem]
    costs = sum(100 * row + year for row in range(2, 2 + BUDGET_POSTS) for year in range(3))
    cover = sum(150 * row + kind for row in range(2, 2 + COVERAGE_SOURCES) for kind in range(3))
    rows = sheets[budget.title]
    assert float(rows[1][TOTAL]) == 200 + 201 + 202  # a post's total over the years
    assert [float(v) for v in rows[1 + BUDGET_POSTS][2:TOTAL + 1]] == [
        sum(100 * row + year for row in range(2, 2 + BUDGET_POSTS)) for year in range(3)] + [costs]
    rows = sheets[coverage.title]
    assert float(rows[1 + COVERAGE_SOURCES][TOTAL]) == cover
    assert float(rows[2 + COVERAGE_SOURCES][TOTAL]) == costs  # the coverage plan reads the budget's total
    difference = rows[-1]
    assert float(difference[DIFFERENCE]) == cover - costs != 0 and difference[DIFFERENCE + 1].startswith("Klopt niet")


def test_the_opendocument_workbook_recalculates_and_shows_a_match(site, soffice, tmp_path):
    ods = downloads(site.root, "financiering/dekkingsplan", "en")["ods"]
    document = opendocument.load(ods)
    budget, coverage = document.spreadsheet.getElementsByType(table.Table)
    for sheet, rows, value in ((budget, BUDGET_POSTS, 30.0), (coverage, COVERAGE_SOURCES, 45.0)):
        for line in sheet.getElementsByType(table.TableRow)[1:1 + rows]:
            for cell in line.getElementsByType(table.TableCell)[2:5]:
                cell.setAttribute("valuetype", "float")
                cell.setAttribute("value", str(value))
    filled = tmp_path / "filled.ods"
    document.save(str(filled))
    sheets = sheets_as_csv(soffice, [filled], tmp_path / "ods")[filled.stem]
    costs, cover = 30.0 * 3 * BUDGET_POSTS, 45.0 * 3 * COVERAGE_SOURCES
    assert costs == cover  # 1,080 each: the difference is zero and the sheet says they match
    rows = sheets[coverage.getAttribute("name")]
    assert float(sheets[budget.getAttribute("name")][1 + BUDGET_POSTS][TOTAL]) == costs
    assert float(rows[1 + COVERAGE_SOURCES][TOTAL]) == cover
    assert float(rows[-1][DIFFERENCE]) == 0 and rows[-1][DIFFERENCE + 1] == "Matches"


def test_libreoffice_opens_every_workbook(site, soffice, tmp_path):
    for language in ("nl", "en"):
        for kind in ("xlsx", "ods"):  # one run per language and format: the pages' names differ
            files = {page: downloads(site.root, page, language)[kind] for page in sorted(WORKBOOK_PAGES)}
            converted = sheets_as_csv(soffice, list(files.values()), tmp_path / language / kind)
            for page, path in files.items():
                sheets = converted[path.stem]
                if page in AMOUNT_PAGES:
                    assert len(sheets) == 2
                    for rows in sheets.values():  # empty amounts: every total calculates to 0
                        totals = [row for row in rows if row and row[0] in TOTAL_LABELS[language]]
                        assert totals and all(float(row[TOTAL]) == 0 for row in totals), rows
                else:  # a plain sheet: the page's table, row by row, as LibreOffice reads it
                    [rows] = sheets.values()
                    table_rows = [row for rows_ in markdown_tables(source(page, language)) for row in rows_]
                    assert all(row in rows for row in table_rows), (path, rows)


def test_libreoffice_reads_a_plain_sheets_layout(site, soffice, tmp_path):
    """Each format converted to the other keeps what makes the sheet usable: bold headings repeated on
    every printed page, long text wrapped, widths, landscape, fitted to the page's width."""
    for page in sorted(TABLE_PAGES):
        files = downloads(site.root, page, "nl")
        soffice([files["ods"]], "xlsx", tmp_path / "from-ods")
        soffice([files["xlsx"]], "ods", tmp_path / "from-xlsx")
        sheet = openpyxl.load_workbook(tmp_path / "from-ods" / files["xlsx"].name).active
        header = next(number for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
                      if row[0] == markdown_tables(source(page, "nl"))[0][0][0])
        assert sheet.print_title_rows == f"${header}:${header}" and sheet.cell(header, 1).font.b
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.page_setup.orientation == "landscape" and sheet.cell(header + 1, 2).alignment.wrap_text
        assert sheet.column_dimensions["A"].width > 12
        with zipfile.ZipFile(tmp_path / "from-xlsx" / files["ods"].name) as archive:
            content, styles = archive.read("content.xml").decode(), archive.read("styles.xml").decode()
        assert "<table:table-header-rows>" in content and 'fo:wrap-option="wrap"' in content
        assert 'style:scale-to-X="1"' in styles and 'style:print-orientation="landscape"' in styles


def test_libreoffice_colours_the_difference_cell_as_the_xlsx_asks(site, soffice, tmp_path):
    """Red when coverage and costs differ, green when they match: the two conditions LibreOffice reads."""
    xlsx = downloads(site.root, "financiering/dekkingsplan", "nl")["xlsx"]
    soffice([xlsx], "ods", tmp_path)
    with zipfile.ZipFile(tmp_path / f"{xlsx.stem}.ods") as archive:
        content, styles = archive.read("content.xml").decode(), archive.read("styles.xml").decode()
    conditions = re.findall(r'<calcext:condition calcext:apply-style-name="([^"]+)" calcext:value="([^"]+)"', content)
    assert [value for _, value in conditions] == ["!=0", "=0"]
    for (name, _), colour in zip(conditions, ("#f4c7c3", "#b7e1cd")):
        assert re.search(f'style:display-name="{name}"[^>]*><style:table-cell-properties '
                         f'fo:background-color="{colour}"', styles), (name, colour)
