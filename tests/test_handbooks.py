"""The PDF handbooks (orkest/handbooks/): every top-level section of mkdocs.yml's nav but the
home's, in both languages, as one PDF linked from its index page, with a cover, a table of
contents whose page numbers are right, an outline of its pages in navigation order and links
inside it; a section whose page is missing or cannot be printed fails naming the page."""

from __future__ import annotations

import datetime
import math
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from pypdf import PdfReader

from orkest.__main__ import main
from orkest.checks.files import _pdf_problems
from orkest.config import plugin_settings, read_config
from orkest.testing import ROOT
from orkest.testing.accessibility import BLOCKING, all_views, findings
from orkest.testing.printing import printed_pages

pytestmark = pytest.mark.browser

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
FILE_PREFIXES = {"nl": "handboek-", "en": "handbook-"}


@dataclass(frozen=True)
class ExpectedSection:
    language: str
    label: str
    index: Path  # the built index page
    titles: list[str]


def flattened(entries) -> list[str]:
    """The nav's page files in order, groups opened."""
    files = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        files += flattened(value) if isinstance(value, list) else [value]
    return files


def built_file(site_root: Path, language: str, source: str) -> Path:
    folder = source.removesuffix(".md").removesuffix("index").strip("/")
    prefix = "" if language == "nl" else f"{language}/"
    return site_root / prefix / folder / "index.html"


def title_of(page: Path) -> str:
    heading = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article h1")
    for anchor in heading.select(".headerlink"):
        anchor.decompose()
    return heading.get_text(strip=True)


def expected_sections(site_root: Path) -> list[ExpectedSection]:
    """From mkdocs.yml, not from the built menus the handbooks read: the sections they must make."""
    config = read_config(ROOT / "mkdocs.yml")
    i18n = plugin_settings(config, "i18n")
    translations = {language["locale"]: language.get("nav_translations") or {} for language in i18n["languages"]}
    sections = []
    for language in ("nl", "en"):
        for entry in config["nav"]:
            label, children = next(iter(entry.items()))
            files = flattened(children)
            if "index.md" in files:  # the home's tab
                continue
            pages = [built_file(site_root, language, source) for source in files]
            sections.append(ExpectedSection(language, translations[language].get(label, label) if language != "nl"
                                            else label, pages[0], [title_of(page) for page in pages]))
    return sections


def plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def handbook_box(index: Path):
    box = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser").select_one("aside.handbook")
    assert box is not None, f"{index}: no handbook box"
    return box


def handbook_pdf(index: Path) -> Path:
    return index.parent / handbook_box(index).a["href"]


def outline_top(reader: PdfReader) -> list[tuple[str, int]]:
    return [(entry.title, reader.get_destination_page_number(entry) + 1)
            for entry in reader.outline if not isinstance(entry, list)]


def table_of_contents(pages: list[str], titles: list[str], where: str) -> list[int]:
    """The page number the printed table of contents gives each title, read in order."""
    text, numbers, position = plain(" ".join(pages[1:4])), [], 0
    for title in titles:
        found = re.compile(re.escape(plain(title)) + r" (\d+)").search(text, position)
        assert found, f"{where}: the table of contents lacks '{title}' with a page number (in order)"
        numbers.append(int(found[1]))
        position = found.end()
    return numbers


@pytest.fixture(scope="module")
def sections(site) -> list[ExpectedSection]:
    return expected_sections(site.root)


def test_every_section_has_its_handbook_in_both_languages(site, sections):
    assert len(sections) == 12  # six sections (the home's tab has none), two languages
    for section in sections:
        pdf = handbook_pdf(section.index)
        assert pdf.is_file(), f"{section.index}: links to {pdf.name}, which is not there"
        assert pdf.name.startswith(FILE_PREFIXES[section.language]) and pdf.suffix == ".pdf"


def test_each_handbook_has_its_pages_in_outline_and_contents_with_right_page_numbers(site, sections):
    problems = []
    for section in sections:
        pdf = handbook_pdf(section.index)
        where, reader, pages = pdf.relative_to(site.root).as_posix(), PdfReader(pdf), printed_pages(pdf)
        outline = outline_top(reader)
        if [title for title, _ in outline] != [section.label, *section.titles]:
            problems.append(f"{where}: outline {[title for title, _ in outline]} is not the cover and the pages "
                            f"in navigation order {section.titles}")
            continue
        numbers = table_of_contents(pages, section.titles, where)
        problems += [f"{where}: the contents put '{title}' on page {number}, the outline on page {page}"
                     for title, number, (_, page) in zip(section.titles, numbers, outline[1:], strict=True)
                     if number != page]
        problems += [f"{where}: '{title}' is not on page {number}, where the contents put it"
                     for title, number in zip(section.titles, numbers, strict=True)
                     if plain(title) not in plain(pages[number - 1])]
        if numbers != sorted(set(numbers)):
            problems.append(f"{where}: the pages are not in navigation order: {numbers}")
    assert problems == []


def test_the_cover_names_title_language_date_and_address(site, sections):
    today = datetime.datetime.now(datetime.UTC).date()
    for section in sections:
        pdf = handbook_pdf(section.index)
        cover = plain(printed_pages(pdf)[0])
        address = f"{site.url}{'' if section.language == 'nl' else section.language + '/'}" + \
            section.index.parent.relative_to(site.root / ("" if section.language == "nl" else section.language)) \
            .as_posix() + "/"
        for wanted in (section.label, LANGUAGE_NAMES[section.language],
                       format_date(today, format="long", locale=section.language), address):
            assert wanted in cover, f"{pdf}: the cover lacks '{wanted}': {cover}"


def internal_links(page) -> int:
    """Link annotations of a printed page that jump within the PDF (not to a web address)."""
    links = [annotation.get_object() for annotation in page.get("/Annots") or []]
    return sum(1 for link in links if "/Dest" in link or link.get("/A", {}).get("/S") == "/GoTo")


def structure_counts(node, counts: Counter | None = None) -> Counter:
    """How often each structure type (/H1, /P, ...) occurs in a tagged PDF's structure tree."""
    counts = Counter() if counts is None else counts
    node = node.get_object()
    if isinstance(node, list):
        for child in node:
            structure_counts(child, counts)
    elif isinstance(node, dict):
        if "/S" in node:
            counts[node["/S"]] += 1
        if "/K" in node:
            structure_counts(node["/K"], counts)
    return counts


def test_links_inside_a_handbook_jump_within_it_and_its_headings_are_tagged(site, sections):
    for section in sections:
        reader = PdfReader(handbook_pdf(section.index))
        assert internal_links(reader.pages[1]) >= len(section.titles), \
            f"{section.index}: the contents' entries do not jump to their pages"
        assert sum(internal_links(page) for page in reader.pages[2:]) > 0, \
            f"{section.index}: no link between the handbook's pages jumps within the PDF"
        catalog = reader.trailer["/Root"]
        assert bool(catalog.get("/MarkInfo", {}).get("/Marked")) and "/StructTreeRoot" in catalog, \
            f"{section.index}: the handbook is not a tagged PDF (page.pdf(tagged=True))"
        headings = structure_counts(catalog["/StructTreeRoot"])
        assert headings["/H1"] == len(section.titles) + 1 and headings["/H2"] > 0, \
            f"{section.index}: its headings are not tagged as headings: {headings}"


def test_each_handbook_holds_no_script_action_or_attachment(site, sections):
    # The file policy's own check for a PDF put in docs/: links to websites may stay.
    for section in sections:
        assert _pdf_problems(handbook_pdf(section.index).read_bytes()) == [], section.index


def test_the_index_page_box_shows_size_pages_and_date_of_the_file(site, sections):
    for section in sections:
        pdf = handbook_pdf(section.index)
        size = pdf.stat().st_size
        shown = f"{math.ceil(size / 1024)} KB" if size < 1024 * 1024 else \
            f"{size / 1024 / 1024:.1f} MB".replace(".", "," if section.language == "nl" else ".")
        text = plain(handbook_box(section.index).get_text(" "))
        assert shown in text and f"{len(PdfReader(pdf).pages)} pag" in text, f"{section.index}: {text}"
        cover_date = format_date(datetime.datetime.now(datetime.UTC).date(), format="long", locale=section.language)
        assert cover_date in text, f"{section.index}: the box does not say when the handbook was made: {text}"


def test_the_index_pages_with_the_box_have_no_serious_accessibility_finding(browser, server, site, sections):
    # Every rule, best practice included, in all four views; tests/test_browser.py runs the WCAG rules on every page.
    paths = [f"/{section.index.parent.relative_to(site.root).as_posix()}/" for section in sections[::5]]
    found = findings(browser, server, paths, all_views())
    assert [str(finding) for finding in found if finding.impact in BLOCKING] == []


def site_copy(site, tmp_path: Path) -> Path:
    """The built pages without search, the downloads or the handbooks: enough to read the sections."""
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy, ignore=shutil.ignore_patterns("pagefind", "*.pdf", "*.docx", "*.odt", "*.xlsx",
                                                                   "*.ods", "*.mp4", "*.webm"))
    return copy


def test_a_missing_page_fails_naming_it_and_the_page_before(site, tmp_path, capsys):
    copy = site_copy(site, tmp_path)
    (copy / "starten" / "duurzaamheid" / "index.html").unlink()
    assert main(["handbooks", str(copy)]) == 1
    error = capsys.readouterr().err
    assert f"docs/starten/meerjarenplan.md (built: {copy / 'starten' / 'meerjarenplan' / 'index.html'}): " \
           f"the navigation's next page, {site.url}starten/duurzaamheid/, is not in the built site" in error
    assert "build the whole site, or remove the page from mkdocs.yml's nav" in error


def test_a_page_without_a_printable_title_fails_naming_it(site, tmp_path, capsys):
    copy = site_copy(site, tmp_path)
    page = copy / "en" / "financiering" / "begroting" / "index.html"
    page.write_text(re.sub(r"<h1[^>]*>.*?</h1>", "", page.read_text(encoding="utf-8"), count=1, flags=re.S),
                    encoding="utf-8")
    assert main(["handbooks", str(copy)]) == 1
    assert f"error: docs/financiering/begroting.en.md (built: {page}): has no title (an <h1> in its <article>), " \
           "so it cannot be placed in a handbook: give the page a title" in capsys.readouterr().err


def test_a_page_whose_article_does_not_print_fails_naming_it(site, tmp_path):
    copy = site_copy(site, tmp_path)
    page = copy / "over-leerorkest" / "ontstaan" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        '<article class="md-content__inner md-typeset">', '<article class="md-content__inner md-typeset" hidden>', 1),
        encoding="utf-8")
    # In a process of its own: the session's browser already runs Playwright in this one.
    result = subprocess.run([sys.executable, "-m", "orkest", "handbooks", str(copy)], capture_output=True, text=True)
    error = result.stderr
    assert result.returncode == 1, error
    assert f"error: docs/over-leerorkest/ontstaan.md (built: {page}): did not print into the handbook " \
           "'Over Leerorkest'" in error
    assert "give it an article that prints, with its title as its only <h1>" in error
