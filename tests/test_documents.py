"""The funding formats' downloads (orkest/documents/, orkest/mkdocs/downloads.py): made from each
page's Markdown, opened by their libraries, the same bytes on every build, and every fault of a
page that cannot make them named with its source file and what to do."""

from __future__ import annotations

import datetime
import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from document_files import (
    AMOUNT_PAGES,
    LANGUAGES,
    OFFICE,
    PAGES,
    downloads,
    headings,
    notes,
    source,
    workbook,
)
from mkdocs.exceptions import PluginError
from odf import opendocument, table, teletype, text

from orkest.checks.content_policy import Policy
from orkest.checks.files import file_problems
from orkest.documents.cache import ENV
from orkest.links import internal_link_problems
from orkest.mkdocs.downloads import Downloads
from orkest.testing import build_site, fixture_project

CASES = [(page, language) for page in PAGES for language in LANGUAGES]
FILES = sum(len(formats) for formats in PAGES.values()) * len(LANGUAGES)


@pytest.mark.parametrize(("page", "language"), CASES)
def test_each_document_opens_and_holds_every_section_of_its_page(site, page, language):
    files = downloads(site.root, page, language)
    expected = headings(source(page, language))
    word = [paragraph.text for paragraph in docx.Document(files["docx"]).paragraphs]
    odt = opendocument.load(files["odt"])
    written = [teletype.extractText(heading) for heading in odt.getElementsByType(text.H)]
    for heading in expected:
        assert heading in word, (files["docx"], heading)
        assert heading in written, (files["odt"], heading)
    # The fill-in tables are real tables with their header row, as many as the page has.
    tables = sum(1 for block in source(page, language).read_text(encoding="utf-8").split("\n\n")
                 if block.lstrip().startswith("|"))
    assert len(docx.Document(files["docx"]).tables) == tables
    assert len(odt.getElementsByType(table.TableHeaderRows)) == tables
    with zipfile.ZipFile(files["odt"]) as archive:  # every style a paragraph names exists
        content, styles = archive.read("content.xml").decode(), archive.read("styles.xml").decode()
    named = set(re.findall(r'text:style-name="([^"]+)"', content))
    assert named <= set(re.findall(r'style:name="([^"]+)"', styles + content)), files["odt"]
    # Its notes too, such as "an example to adapt, not legal advice".
    odt_text = "\n".join(teletype.extractText(paragraph) for paragraph in odt.getElementsByType(text.P))
    for note in notes(source(page, language)):
        assert any(note in paragraph for paragraph in word), (files["docx"], note)
        assert note in odt_text, (files["odt"], note)


def sheet_titles(page: str, language: str) -> list[str]:
    return [re.search(r"^title: (.*)$", source(name, language).read_text(encoding="utf-8"), re.M)[1]
            for name in workbook(page)]


@pytest.mark.parametrize(("page", "language"), [case for case in CASES if case[0] in AMOUNT_PAGES])
def test_each_workbook_holds_formulas_on_a_sheet_per_page(site, page, language):
    files = downloads(site.root, page, language)
    titles = sheet_titles(page, language)
    workbook = openpyxl.load_workbook(files["xlsx"])
    assert workbook.sheetnames == titles
    formulas = [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row
                if isinstance(cell.value, str) and cell.value.startswith("=")]
    assert any(f.startswith("=SUM(") for f in formulas) and any("'" + titles[0] + "'!" in f for f in formulas)
    assert {cell.number_format for sheet in workbook for row in sheet.iter_rows() for cell in row
            if str(cell.value).startswith(("=SUM(", "='"))} == {'"€" #,##0.00'}
    # The difference cell (left of the cell saying whether the totals match): red if not 0, green if 0.
    last = workbook.worksheets[-1]
    check = next(cell for row in last.iter_rows() for cell in row if str(cell.value).startswith("=IF(ROUND("))
    difference = last.cell(check.row, check.column - 1).coordinate
    assert [(str(rules.sqref), rule.operator, rule.formula, rule.dxf.fill.bgColor.rgb)
            for rules in last.conditional_formatting for rule in rules.rules] == [
        (difference, "notEqual", ["0"], "FFF4C7C3"), (difference, "equal", ["0"], "FFB7E1CD")]
    properties = workbook.properties
    assert (properties.title, properties.language, properties.creator) == (", ".join(titles), language,
                                                                          "Orkest in de Klas")
    assert properties.created == properties.modified == datetime.datetime(2026, 1, 1)
    ods = opendocument.load(files["ods"])
    sheets = ods.spreadsheet.getElementsByType(table.Table)
    assert [sheet.getAttribute("name") for sheet in sheets] == titles
    ods_formulas = [cell.getAttribute("formula") for cell in ods.spreadsheet.getElementsByType(table.TableCell)
                    if cell.getAttribute("formula")]
    assert len(ods_formulas) == len(formulas) and all(f.startswith("of:=") for f in ods_formulas)


def office_files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.suffix in OFFICE}


def test_two_builds_give_byte_identical_files_with_fixed_times(site, tmp_path):
    builds = []
    for number in (1, 2):  # each with an empty cache: every file made anew
        result = build_site(tmp_path / f"site-{number}", site.url, env={ENV: str(tmp_path / f"cache-{number}")})
        assert result.returncode == 0, result.stderr
        builds.append(office_files(tmp_path / f"site-{number}"))
        kept = [zipfile.ZipFile(path).namelist() for path in (tmp_path / f"cache-{number}").iterdir()]
        assert sum(len(formats) for formats in kept) == FILES  # one file per page, holding its formats
    first, second = builds
    assert office_files(site.root) == first  # the files a build kept are the files a build makes
    assert len(first) == FILES
    assert first == second
    for data in first.values():
        assert {entry.date_time for entry in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_every_download_box_names_format_size_and_language(site):
    page = (site.root / "en" / "financiering" / "begroting" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)" download aria-describedby="([^"]+)">([^<]+)</a>', page)
    assert [href for href, _, _ in links] == ["budget.docx", "budget.odt", "budget.xlsx", "budget.ods"]
    for href, described, label in links:
        size = (site.root / "en" / "financiering" / "begroting" / href).stat().st_size
        assert label.endswith(f", {-(-size // 1024)} KB") and f"(.{href.split('.')[-1]})" in label
        assert re.search(f'<span id="{described}">English\\. ', page)


TEMPLATE = ("---\ntitle: Kapotte begroting\ndescription: Een begroting die alleen voor een test bestaat.\n"
            "type: template\naudience: [funder]\n{extra}---\n\n# Kapotte begroting\n\n## Kosten\n\n"
            "**Wat schrijf je?** Alles.\n\n{table}")
TABLE = "| Post | Toelichting |\n|---|---|\n| Huur | ... |\n"


@pytest.mark.parametrize(("extra", "table", "message"), [
    ("downloads: [xlsx]\n", "", "a workbook needs a table on each of its pages"),
    ("downloads: [docx, ods]\nworkbook: [weg.md]\n", TABLE, "its 'workbook' names pages that do not exist: weg.md"),
])
def test_a_template_page_whose_files_cannot_be_made_fails_the_build_naming_it(tmp_path, extra, table, message):
    page = TEMPLATE.format(extra=extra, table=table)
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "kapot.md": page},
                              nav=("index.md", "kapot.md"))
    result = build_site(tmp_path / "site", "http://127.0.0.1/", cwd=project)
    assert result.returncode != 0
    assert "docs/kapot.md: its downloads cannot be made: " in result.stderr and message in result.stderr
    assert "Fix the page, or change its front matter 'downloads'" in result.stderr


def test_a_download_the_build_lost_fails_naming_the_page(tmp_path):
    step = Downloads()
    step.written = {"docs/financiering/begroting.md": [tmp_path / "begroting.xlsx"]}
    with pytest.raises(PluginError, match=r"docs/financiering/begroting.md: its download box links to files "
                                          r"the build did not keep: begroting.xlsx\. Check that"):
        step.on_post_build(config=None)


def test_a_missing_download_is_a_broken_link_named_by_its_page(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    (copy / "financiering" / "begroting" / "begroting.xlsx").unlink()
    problems = [str(problem) for problem in internal_link_problems(copy)]
    assert [p for p in problems if "begroting.xlsx" in p] == [p for p in problems if p.startswith(
        "docs/financiering/begroting.md: begroting.xlsx: ")] != []


@pytest.mark.parametrize("name", ["sjabloon.docx", "sjabloon.odt", "sjabloon.xlsx", "sjabloon.ods"])
def test_office_files_put_in_docs_are_still_refused(tmp_path, name):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / name).write_bytes(b"PK\x03\x04")
    problems = file_problems(tmp_path / "docs", Policy.load().files)
    assert any(p.startswith(f"docs/{name}: ") and "is not allowed here" in p for p in problems), problems


def test_a_kept_file_is_used_only_for_the_same_page_words_and_generator(tmp_path, monkeypatch):
    from orkest.documents import cache

    monkeypatch.setenv(cache.ENV, str(tmp_path))
    words = {"year": "Jaar"}
    name = cache.key(["docx"], "nl", words, ["# Begroting\n"])
    assert name != cache.key(["docx"], "nl", words, ["# Begroting!\n"])  # an edit to the page
    assert name != cache.key(["docx"], "nl", {"year": "Year"}, ["# Begroting\n"])  # other words
    assert name != cache.key(["docx"], "en", words, ["# Begroting\n"]) != cache.key(["odt"], "nl", words, ["# Begroting\n"])
    assert cache.cached(name, ["docx"]) is None
    cache.keep(name, {"docx": b"PK"})
    assert cache.cached(name, ["docx"]) == {"docx": b"PK"} and cache.cached(name, ["docx", "odt"]) is None
