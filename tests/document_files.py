"""Where the funding formats' downloads are, per page and language, and the headings of their pages."""

from __future__ import annotations

import re
from pathlib import Path

from orkest.testing import ROOT

FINANCE = ROOT / "docs" / "financiering"
# page -> its built folder and file names per language (names in the reader's language)
PAGES = {
    "case-for-support": {"nl": "case-for-support", "en": "case-for-support"},
    "projectplan": {"nl": "projectplan", "en": "project-plan"},
    "begroting": {"nl": "begroting", "en": "budget"},
    "dekkingsplan": {"nl": "dekkingsplan", "en": "coverage-plan"},
}
WORKBOOK_PAGES = {"begroting", "dekkingsplan"}
OFFICE = {".docx", ".odt", ".xlsx", ".ods"}


def source(page: str, language: str) -> Path:
    return FINANCE / (f"{page}.md" if language == "nl" else f"{page}.{language}.md")


def headings(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line[3:]).strip() for line in lines if line.startswith("## ")]


def downloads(site_root: Path, page: str, language: str) -> dict[str, Path]:
    folder = site_root / ("" if language == "nl" else language) / "financiering" / page
    formats = ("docx", "odt", "xlsx", "ods") if page in WORKBOOK_PAGES else ("docx", "odt")
    return {kind: folder / f"{PAGES[page][language]}.{kind}" for kind in formats}


