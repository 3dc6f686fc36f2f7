"""The checks that take seconds, for pre-commit: front matter, both languages, files, and
each page's HTML against the content policy, with the build's own rules."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the build's own checks
from file_policy import file_problems  # noqa: E402
from html_policy import Policy  # noqa: E402
from metadata import front_matter_problems  # noqa: E402
from twins import missing_twins  # noqa: E402

from orkest.rendered_check import RenderedCheck  # noqa: E402


def quick_check(files: list[Path], docs_dir: Path = ROOT / "docs", config_file: Path = ROOT / "mkdocs.yml") -> list[str]:
    pages = [f for f in files if f.suffix == ".md"] if files else sorted(docs_dir.rglob("*.md"))
    problems = file_problems(docs_dir, Policy.load().files)
    rendered = RenderedCheck(config_file, docs_dir)
    for page in pages:
        if page.exists() and not page.is_symlink():
            shown = page.resolve().relative_to(docs_dir.resolve().parent)
            source = page.read_text(encoding="utf-8")
            problems += [f"{shown}: {p}" for p in front_matter_problems(source)]
            problems += rendered.problems(page, source)
    return problems + missing_twins(docs_dir)
