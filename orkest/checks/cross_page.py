"""Rules that compare pages with each other, for the build (orkest/checks/front_matter.py) and ./scripts/check.

- A translation has the same `type` as its original (the default language's page): the layout and the listings
  follow the type, so the two languages would show the page differently.
- No two pages in one folder and one language share a title: the menu and the search
  results would show two entries that look the same.
"""

from __future__ import annotations

from pathlib import Path

from orkest.checks.page_source import (
    decode_source,
    front_matter_fields,
)
from orkest.checks.twins import twin_pairs
from orkest.site import PAGE_TYPES, Languages, project_languages


def cross_page_problems(docs_dir: Path, languages: Languages | None = None,
                        pages: dict[Path, tuple[dict, dict[str, int]]] | None = None) -> list[str]:
    """`pages`: every page's front matter and field lines (front_matter_fields), when already read."""
    languages = languages or project_languages(docs_dir)
    pages = pages if pages is not None else {path: _fields(path) for path in sorted(docs_dir.rglob("*.md"))}

    def where(path: Path, field: str) -> str:
        line = pages[path][1].get(field)  # None when the field is written in an unusual way
        return path.relative_to(docs_dir.parent).as_posix() + (f":{line}" if line else "")

    problems = []
    for original, translation in twin_pairs(docs_dir, languages):
        types = [pages[path][0].get("type") for path in (original, translation)]
        # A type that does not exist is reported on its own page; comparing it would only confuse.
        if all(t in PAGE_TYPES for t in types) and types[0] != types[1]:
            problems.append(f"{where(translation, 'type')}: type is '{types[1]}', but its "
                            f"{languages.english_name(languages.default)} original {where(original, 'type')} "
                            f"has '{types[0]}': use the same type in both files")
    first_with_title: dict[tuple[Path, str, str], Path] = {}
    for path, (fields, _) in pages.items():
        title = fields.get("title")
        if not isinstance(title, str) or not title.strip():
            continue
        key = (path.parent, languages.of(path), " ".join(title.split()).casefold())
        if key in first_with_title:
            problems.append(f"{where(path, 'title')}: the title '{title}' is already the title of "
                            f"{where(first_with_title[key], 'title')}, in the same folder and language: "
                            "give each page its own title")
        else:
            first_with_title[key] = path
    return sorted(problems)


# A page that is not UTF-8 or has no readable front matter is reported page by page (metadata.py).
def _fields(path: Path) -> tuple[dict, dict[str, int]]:
    return front_matter_fields(decode_source(path.read_bytes())[0])
