"""The checks that take seconds, for pre-commit: front matter, both languages, files, and
each page's HTML against the content policy, with the build's own rules."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the build's own checks
from file_policy import file_problems  # noqa: E402
from metadata import docs_problems  # noqa: E402
from page_source import decode_source  # noqa: E402
from twins import missing_sections, missing_twins  # noqa: E402

from orkest.rendered_check import RenderedCheck  # noqa: E402


def quick_check(files: list[Path], docs_dir: Path = ROOT / "docs",
                config_file: Path = ROOT / "mkdocs.yml") -> list[str]:
    pages = [f for f in files if f.suffix == ".md" and f.exists() and not f.is_symlink()] if files else None
    rendered = RenderedCheck(config_file, docs_dir)
    problems = file_problems(docs_dir, rendered.policy.files)
    problems += docs_problems(docs_dir, pages) + missing_twins(docs_dir)
    for page in sorted(docs_dir.rglob("*.md")) if pages is None else pages:
        if not page.is_symlink():
            problems += rendered.problems(page, decode_source(page.read_bytes())[0])
    return problems


def quick_warnings(docs_dir: Path = ROOT / "docs") -> list[str]:
    """What ./scripts/check reports without failing: translations with fewer sections."""
    return [f"{translation}: has {have} of the {need} sections (## headings) of its original "
            f"{original}: translate the missing part, or check that nothing was left out"
            for original, translation, need, have in missing_sections(docs_dir)]
