"""Where the pages' downloads are, per page and language, and the headings of their pages.

The pages are the ones whose front matter asks for downloads (`downloads:`), so a page that
opts in is tested like the funding formats."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from orkest.mkdocs.downloads import slug
from orkest.testing import ROOT

DOCS = ROOT / "docs"
LANGUAGES = ("nl", "en")
OFFICE = {".docx", ".odt", ".xlsx", ".ods"}


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def source(page: str, language: str) -> Path:
    return DOCS / (f"{page}.md" if language == "nl" else f"{page}.{language}.md")


# page (its path under docs/, without .md) -> the formats its front matter asks for
PAGES = {path.relative_to(DOCS).as_posix().removesuffix(".md"): front_matter(path)["downloads"]
         for path in sorted(DOCS.rglob("*.md"))
         if path.name.count(".") == 1 and "downloads" in front_matter(path)}
WORKBOOK_PAGES = {page for page, formats in PAGES.items() if "xlsx" in formats}


def workbook(page: str) -> list[str]:
    """The pages whose tables are the page's workbook's sheets (front matter `workbook`, else itself)."""
    names = front_matter(source(page, "nl")).get("workbook") or [Path(page).name + ".md"]
    return [(Path(page).parent / name).as_posix().removesuffix(".md") for name in names]


# workbooks of amounts (a cell reads "€ ...": they get formulas) and workbooks of plain tables
AMOUNT_PAGES = {page for page in WORKBOOK_PAGES
                if any("€ ..." in source(name, "nl").read_text(encoding="utf-8") for name in workbook(page))}
TABLE_PAGES = WORKBOOK_PAGES - AMOUNT_PAGES


def markdown_tables(path: Path) -> list[list[list[str]]]:
    """Each table of the page as rows of cell texts (header first), "..." shown empty, links as their text."""
    tables = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.strip().splitlines() if line.startswith("|")]
        if len(lines) >= 2 and set(lines[1]) <= set("|-: "):
            rows = [[re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell.strip()).replace("**", "")
                     for cell in line.strip().strip("|").split("|")] for line in lines[:1] + lines[2:]]
            tables.append([["" if cell == "..." else cell for cell in row] for row in rows])
    return tables


def notes(path: Path) -> list[str]:
    """The text of each note (admonition) of the page, without its Markdown emphasis."""
    found = re.findall(r"^(?:!!!|\?\?\?)[^\n]*\n((?:    [^\n]*\n?)+)", path.read_text(encoding="utf-8"), re.M)
    return [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(body.split())).replace("**", "") for body in found]


def headings(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line[3:]).strip() for line in lines if line.startswith("## ")]


def downloads(site_root: Path, page: str, language: str) -> dict[str, Path]:
    """Format -> the built file; named after the page's title in the reader's language."""
    folder = site_root / ("" if language == "nl" else language) / page
    name = slug(front_matter(source(page, language))["title"])
    return {kind: folder / f"{name}.{kind}" for kind in PAGES[page]}
