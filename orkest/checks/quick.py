"""The checks that take seconds, for pre-commit: front matter, every language, files, and
each page's HTML against the content policy, with the build's own rules."""

from __future__ import annotations

from pathlib import Path

from orkest.checks.files import file_problems
from orkest.checks.front_matter import docs_problems
from orkest.checks.page_source import decode_source
from orkest.checks.rendered import RenderedCheck
from orkest.checks.twins import (
    missing_sections,
    missing_twins,
)


# Paths as ./scripts/check runs it: from the project folder.
def quick_check(files: list[Path], docs_dir: Path = Path("docs"),
                config_file: Path = Path("mkdocs.yml")) -> list[str]:
    pages = [f for f in files if f.suffix == ".md" and f.exists() and not f.is_symlink()] if files else None
    rendered = RenderedCheck(config_file, docs_dir)
    problems = file_problems(docs_dir, rendered.policy.files)
    languages = rendered.languages
    problems += (docs_problems(docs_dir, pages, languages) + missing_twins(docs_dir, languages)
                 + menu_problems(docs_dir, rendered))
    for page in sorted(docs_dir.rglob("*.md")) if pages is None else pages:
        if not page.is_symlink():
            problems += rendered.problems(page, decode_source(page.read_bytes())[0])
    return problems


def menu_problems(docs_dir: Path, rendered: RenderedCheck) -> list[str]:
    """Pages (in the default language: the others follow it) that nav: in mkdocs.yml leaves
    out; `mkdocs build --strict` fails on each."""
    return [f"{page.relative_to(docs_dir.parent).as_posix()}: is not in the menu: add it under nav: in mkdocs.yml"
            for page in sorted(docs_dir.rglob("*.md"))
            if rendered.languages.of(page) == rendered.languages.default and not page.is_symlink()
            and not rendered.in_menu(page.relative_to(docs_dir).as_posix())]


def quick_warnings(docs_dir: Path = Path("docs")) -> list[str]:
    """What ./scripts/check reports without failing: translations with fewer sections."""
    return [f"{translation}: has {have} of the {need} sections (## headings) of its original "
            f"{original}: translate the missing part, or check that nothing was left out"
            for original, translation, need, have in missing_sections(docs_dir)]
