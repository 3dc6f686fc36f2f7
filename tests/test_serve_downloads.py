"""The default preview (`mkdocs serve --dirty`) keeps every download up to date: a page's files follow
an edit of the page, and a workbook also follows an edit of the other pages it reads (the coverage
plan's workbook holds the budget's sheet: front matter `workbook: [begroting.md, dekkingsplan.md]`)."""

from __future__ import annotations

import io
import time
import urllib.request

import docx
import openpyxl
from odf import opendocument, teletype
from odf.table import TableCell

from orkest.testing import ROOT
from orkest.testing.preview import serve_copy, wait_until_served

POST, NEW_POST = "| Dirigent |", "| Dirigent en assistent |"
HEADING, NEW_HEADING = "## Mensen\n", "## Mensen en rollen\n"


def download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


def texts(kind: str, data: bytes) -> list[str]:
    """Every paragraph or cell text of a downloaded file."""
    if kind == "docx":
        word = docx.Document(io.BytesIO(data))
        return [paragraph.text for paragraph in word.paragraphs] + [
            cell.text for table in word.tables for row in table.rows for cell in row.cells]
    if kind == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        return [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value]
    document = opendocument.load(io.BytesIO(data))
    return [teletype.extractText(cell) for cell in document.spreadsheet.getElementsByType(TableCell)]


def wait_for_text(url: str, kind: str, text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while text not in texts(kind, download(url)):
        assert time.monotonic() < deadline, f"{url} still lacks {text!r} after {seconds} s"
        time.sleep(0.2)


def test_an_edit_of_the_budget_refreshes_its_files_and_the_coverage_plans_workbook(tmp_path):
    with serve_copy(ROOT, tmp_path, "en/", "--dirty") as (project, url, _):
        files = {"budget docx": (f"{url}/financiering/begroting/begroting.docx", "docx"),
                 "budget xlsx": (f"{url}/financiering/begroting/begroting.xlsx", "xlsx"),
                 "coverage xlsx": (f"{url}/financiering/dekkingsplan/dekkingsplan.xlsx", "xlsx"),
                 "coverage ods": (f"{url}/financiering/dekkingsplan/dekkingsplan.ods", "ods")}
        before = {name: download(address) for name, (address, _) in files.items()}
        for name, (address, kind) in files.items():
            assert "Dirigent" in texts(kind, before[name]) and "Dirigent en assistent" not in texts(kind, before[name])
        budget = project / "docs" / "financiering" / "begroting.md"
        text = budget.read_text(encoding="utf-8")
        assert POST in text and HEADING in text
        budget.write_text(text.replace(POST, NEW_POST, 1).replace(HEADING, NEW_HEADING, 1), encoding="utf-8")
        wait_until_served(f"{url}/financiering/begroting/", "Mensen en rollen", 30)
        wait_for_text(files["budget docx"][0], "docx", "Mensen en rollen", 10)  # the page's own file: a heading
        for name, (address, kind) in files.items():  # the amount row, in every file that holds it
            wait_for_text(address, kind, "Dirigent en assistent", 10)
            assert download(address) != before[name], name
        # The English pages read their English twins, which did not change.
        english = download(f"{url}/en/financiering/dekkingsplan/coverage-plan.xlsx")
        assert "Conductor" in texts("xlsx", english)
