"""The two languages side by side: every page.md has its page.en.md twin.

Used by the build (translation status page, orkest/checks/cross_page.py), ./scripts/check and the tests.
"""

from __future__ import annotations

import re
from pathlib import Path

from orkest.checks.page_source import (
    decode_source,
    lines_outside_code,
)
from orkest.site import DEFAULT_LANGUAGE, LANGUAGE_NAMES, OTHER_LANGUAGES

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGE_NAMES", "OTHER_LANGUAGES"]  # re-exported for callers
SECTION = re.compile(r"^\s*##(?!#)(\s|$)")


def source_language(path: Path) -> str:
    suffixes = path.name.split(".")[1:-1]
    return suffixes[-1] if suffixes and suffixes[-1] in OTHER_LANGUAGES else DEFAULT_LANGUAGE


def missing_twins(docs_dir: Path) -> list[str]:
    """Pages that exist in one language only (suffix layout: page.md + page.en.md)."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir.parent)
        language = source_language(path)
        stem = path.name.removesuffix(".md").removesuffix(f".{language}")
        if language == DEFAULT_LANGUAGE:
            for other in OTHER_LANGUAGES:
                if not (path.parent / f"{stem}.{other}.md").exists():
                    problems.append(
                        f"{relative}: has no {LANGUAGE_NAMES[other]} version "
                        f"(add {relative.parent / f'{stem}.{other}.md'})"
                    )
        elif not (path.parent / f"{stem}.md").exists():
            problems.append(
                f"{relative}: has no Dutch original (add {relative.parent / f'{stem}.md'})"
            )
    return problems


def twin_pairs(docs_dir: Path) -> list[tuple[Path, Path]]:
    """(original, translation) for every page that exists in both languages."""
    pairs = []
    for original in sorted(docs_dir.rglob("*.md")):
        if source_language(original) == DEFAULT_LANGUAGE:
            stem = original.name.removesuffix(".md")
            pairs += [(original, twin) for other in OTHER_LANGUAGES
                      if (twin := original.with_name(f"{stem}.{other}.md")).exists()]
    return pairs


def missing_sections(docs_dir: Path) -> list[tuple[str, str, int, int]]:
    """(original, translation, its sections, the translation's) where the translation has
    fewer sections (## headings): a part was left out, or not yet translated."""
    short = []
    for original, translation in twin_pairs(docs_dir):
        counts = [section_count(path) for path in (original, translation)]
        if counts[1] < counts[0]:
            names = [path.relative_to(docs_dir.parent).as_posix() for path in (original, translation)]
            short.append((*names, *counts))
    return short


def section_count(path: Path) -> int:
    """How many ## headings the page has, outside code blocks."""
    return sum(bool(SECTION.match(line)) for line in lines_outside_code(decode_source(path.read_bytes())[0]))
