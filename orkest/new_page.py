"""A new page pair (page.md + page.en.md) from the templates in archetypes/."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHETYPES = ROOT / "archetypes"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def new_page_pair(page_type: str, path: Path, today: str | None = None) -> list[Path]:
    """Write path.md and path.en.md from archetypes/<type>.md and .en.md; return them."""
    path = Path(str(path).removesuffix(".md"))
    if not SLUG.match(path.name):
        raise ValueError(f"'{path.name}': use lower-case letters, digits and hyphens only, "
                         "like klarinet-riet")
    if "docs" not in path.parts:
        raise ValueError(f"'{path}' is not inside the docs/ folder")
    targets = [path.with_name(f"{path.name}.md"), path.with_name(f"{path.name}.en.md")]
    for target in targets:
        if target.exists():
            raise ValueError(f"{target} already exists")
    words = path.name.split("-")
    values = {
        "title": " ".join(words).capitalize(),
        "instrument": words[0].capitalize(),
        "date": today or datetime.date.today().isoformat(),
    }
    for target, suffix in zip(targets, (".md", ".en.md")):
        template = (ARCHETYPES / f"{page_type}{suffix}").read_text(encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            re.sub(r"\{\{ (\w+) \}\}", lambda m: values[m[1]], template), encoding="utf-8"
        )
    return targets
