"""The checks that take seconds, for pre-commit: front matter, both languages, unsafe content."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the build's own checks
from content_check import content_problems  # noqa: E402
from metadata import docs_problems  # noqa: E402
from page_source import decode_source  # noqa: E402
from twins import missing_sections, missing_twins  # noqa: E402


def quick_check(files: list[Path], docs_dir: Path = ROOT / "docs") -> list[str]:
    pages = [f for f in files if f.suffix == ".md" and f.exists()] if files else None
    return docs_problems(docs_dir, pages) + missing_twins(docs_dir) + _content_problems(docs_dir)


def _content_problems(docs_dir: Path) -> list[str]:
    try:
        return content_problems(docs_dir)
    except UnicodeDecodeError:
        # hooks/content_check.py reads every page as UTF-8 and stops at the first that is not.
        return [f"{page.relative_to(docs_dir.parent).as_posix()}: is not valid UTF-8, so the content "
                "check (scripts, images, links, headings) did not run: save it as UTF-8 and check again"
                for page in sorted(docs_dir.rglob("*.md")) if decode_source(page.read_bytes())[1]]


def quick_warnings(docs_dir: Path = ROOT / "docs") -> list[str]:
    """What ./scripts/check reports without failing: translations with fewer sections."""
    return [f"{translation}: has {have} of the {need} sections (## headings) of its original "
            f"{original}: translate the missing part, or check that nothing was left out"
            for original, translation, need, have in missing_sections(docs_dir)]
