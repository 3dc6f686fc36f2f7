"""The languages side by side: every page.md has its page.<language>.md twin in each
other language of the site (mkdocs.yml's i18n `languages:`).

Used by the build (translation status page, orkest/checks/cross_page.py), ./scripts/check and the tests.
Each function takes the site's Languages, or reads them once from the mkdocs.yml beside docs_dir.
"""

from __future__ import annotations

import re
from pathlib import Path

from orkest.checks.page_source import (
    decode_source,
    lines_outside_code,
)
from orkest.site import (
    DEFAULT_LANGUAGE,
    FALLBACK,
    LANGUAGE_NAMES,
    OTHER_LANGUAGES,
    Languages,
    project_languages,
)

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGE_NAMES", "OTHER_LANGUAGES", "Languages"]  # re-exported for callers
SECTION = re.compile(r"^\s*##(?!#)(\s|$)")


def source_language(path: Path, languages: Languages = FALLBACK) -> str:
    return languages.of(path)


def missing_twins(docs_dir: Path, languages: Languages | None = None) -> list[str]:
    """Pages that lack a language (suffix layout: page.md + page.<language>.md)."""
    languages = languages or project_languages(docs_dir)
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir.parent)
        language = languages.of(path)
        stem = path.name.removesuffix(".md").removesuffix(f".{language}")
        if language == languages.default:
            for other in languages.others:
                if not (path.parent / f"{stem}.{other}.md").exists():
                    problems.append(
                        f"{relative}: has no {languages.english_name(other)} version "
                        f"(add {relative.parent / f'{stem}.{other}.md'})"
                    )
        elif not (path.parent / f"{stem}.md").exists():
            problems.append(
                f"{relative}: has no {languages.english_name(languages.default)} original "
                f"(add {relative.parent / f'{stem}.md'})"
            )
    return problems


def twin_pairs(docs_dir: Path, languages: Languages | None = None) -> list[tuple[Path, Path]]:
    """(original, translation) for every page and each language it is translated into."""
    languages = languages or project_languages(docs_dir)
    pairs = []
    for original in sorted(docs_dir.rglob("*.md")):
        if languages.of(original) == languages.default:
            stem = original.name.removesuffix(".md")
            pairs += [(original, twin) for other in languages.others
                      if (twin := original.with_name(f"{stem}.{other}.md")).exists()]
    return pairs


def missing_sections(docs_dir: Path, languages: Languages | None = None) -> list[tuple[str, str, int, int]]:
    """(original, translation, its sections, the translation's) where the translation has
    fewer sections (## headings): a part was left out, or not yet translated."""
    short = []
    for original, translation in twin_pairs(docs_dir, languages):
        counts = [section_count(path) for path in (original, translation)]
        if counts[1] < counts[0]:
            names = [path.relative_to(docs_dir.parent).as_posix() for path in (original, translation)]
            short.append((*names, *counts))
    return short


def section_count(path: Path) -> int:
    """How many ## headings the page has, outside code blocks."""
    return sections_in(decode_source(path.read_bytes())[0])


def sections_in(text: str) -> int:
    return sum(bool(SECTION.match(line)) for line in lines_outside_code(text))
