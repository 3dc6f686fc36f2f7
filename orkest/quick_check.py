"""The checks that take seconds, for pre-commit: front matter and both languages."""

from __future__ import annotations

import sys
from pathlib import Path

from twins import missing_twins

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from metadata import front_matter_problems  # noqa: E402  (the build's own check)


def quick_check(files: list[Path], docs_dir: Path = ROOT / "docs") -> list[str]:
    pages = [f for f in files if f.suffix == ".md"] if files else sorted(docs_dir.rglob("*.md"))
    problems = []
    for page in pages:
        if page.exists():
            shown = page.resolve().relative_to(docs_dir.resolve().parent)
            problems += [f"{shown}: {p}" for p in front_matter_problems(page.read_text(encoding="utf-8"))]
    return problems + missing_twins(docs_dir)
