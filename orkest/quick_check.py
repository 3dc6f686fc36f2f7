"""The checks that take seconds, for pre-commit: front matter, both languages, unsafe content."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the build's own checks
from content_check import content_problems  # noqa: E402
from metadata import front_matter_problems  # noqa: E402
from twins import missing_twins  # noqa: E402


def quick_check(files: list[Path], docs_dir: Path = ROOT / "docs") -> list[str]:
    pages = [f for f in files if f.suffix == ".md"] if files else sorted(docs_dir.rglob("*.md"))
    problems = []
    for page in pages:
        if page.exists():
            shown = page.resolve().relative_to(docs_dir.resolve().parent)
            problems += [f"{shown}: {p}" for p in front_matter_problems(page.read_text(encoding="utf-8"))]
    return problems + missing_twins(docs_dir) + content_problems(docs_dir)
