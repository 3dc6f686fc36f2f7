"""What another generator's build of this site kept: `python -m orkest.testing.canary SITE`.

It reads only the output (SITE, e.g. site/ after `zensical-i18n build`) and prints a
Markdown table: pages per language, the Content-Security-Policy, hreflang links, videos,
labelled checklist checkboxes and the three generated pages. Most of these come from our
MkDocs plugin, which another generator may not run. It never fails on what is missing (the
weekly canary in .github/workflows/longevity.yml reports, it does not gate): it exits 0,
also when SITE holds no pages at all, and says so.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

LANGUAGES = {"nl": "", "en": "en/"}  # language: its folder in the built site
CSP = 'meta[http-equiv="Content-Security-Policy" i]'
HREFLANG = "link[rel=alternate][hreflang]"
# Generated pages: the page (folder under the language's root) and what shows it was filled.
GENERATED = {
    "Pages per audience (`voor-wie`)": ("voor-wie/", "h2#per-audience"),
    "Video overview (`instrumenten/videos`)": ("instrumenten/videos/", ".video-overview"),
    "Translation status (`meedoen/vertaalstatus`)": ("meedoen/vertaalstatus/", "h2#missing"),
}


@dataclass
class Row:
    check: str
    cells: dict[str, str]  # language: what was found
    result: str  # works, partly or missing


def language_pages(site: Path, language: str) -> list[Path]:
    """The content pages of one language: every index.html in its folder, not theme assets
    or search, and for Dutch not the English folder."""
    root = site / LANGUAGES[language]
    others = tuple(folder for other, folder in LANGUAGES.items() if other != language and folder)
    pages = []
    for page in sorted(root.rglob("index.html")) if root.is_dir() else []:
        relative = page.relative_to(root).as_posix()
        if not relative.startswith(("assets/", "search/", *others)):
            pages.append(page)
    return pages


def _lang(tree: LexborHTMLParser) -> str:
    html = tree.css_first("html")
    return (html.attributes.get("lang") if html is not None else None) or "none"


def _result(found: list[bool]) -> str:
    return "works" if found and all(found) else "partly" if any(found) else "missing"


def inspect(site: Path) -> list[Row]:
    pages = {language: language_pages(site, language) for language in LANGUAGES}
    parsed = {language: [LexborHTMLParser(p.read_text(encoding="utf-8", errors="replace"))
                         for p in found] for language, found in pages.items()}
    rows = []

    cells, found = {}, []
    for language, trees in parsed.items():
        langs = Counter(_lang(tree) for tree in trees)
        cells[language] = ", ".join([f"{len(trees)} pages", *(
            f"lang {lang}" + (f" ×{count}" if len(langs) > 1 else "") for lang, count in sorted(langs.items()))])
        found.append(bool(trees) and set(langs) == {language})
    rows.append(Row("Pages (`index.html`) and their `<html lang>`", cells, _result(found)))

    for check, selector in (("Content-Security-Policy (`<meta>`)", CSP),
                            ("hreflang links (`<link rel=alternate hreflang>`)", HREFLANG)):
        cells, found = {}, []
        for language, trees in parsed.items():
            having = sum(1 for tree in trees if tree.css_first(selector) is not None)
            cells[language] = f"{having} of {len(trees)} pages"
            found += [tree.css_first(selector) is not None for tree in trees]
        rows.append(Row(check, cells, _result(found)))

    for check, selector in (("Videos (`figure.video`)", "figure.video"),
                            ("Labelled checklist checkboxes (`label.task-list-control input`)",
                             "label.task-list-control input")):
        cells, found = {}, []
        for language, trees in parsed.items():
            count = sum(len(tree.css(selector)) for tree in trees)
            cells[language] = f"{count} on {sum(1 for tree in trees if tree.css_first(selector))} pages"
            found.append(count > 0)
        rows.append(Row(check, cells, _result(found)))

    for check, (folder, selector) in GENERATED.items():
        cells, found = {}, []
        for language in LANGUAGES:
            page = site / LANGUAGES[language] / folder / "index.html"
            if not page.is_file():
                cells[language], filled = "no page", False
            else:
                tree = LexborHTMLParser(page.read_text(encoding="utf-8", errors="replace"))
                filled = tree.css_first(selector) is not None
                cells[language] = f"filled (`{selector}`)" if filled else f"not filled (no `{selector}`)"
            found.append(filled)
        rows.append(Row(f"Generated: {check}", cells, _result(found)))
    return rows


def markdown_table(rows: list[Row]) -> str:
    lines = ["| Check | Dutch (`/`) | English (`/en/`) | Result |", "| --- | --- | --- | --- |"]
    lines += [f"| {row.check} | {row.cells['nl']} | {row.cells['en']} | {row.result} |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orkest.testing.canary", description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="the built site's folder, e.g. site/")
    args = parser.parse_args(argv)
    rows = inspect(args.site)
    print(markdown_table(rows))
    if not any(language_pages(args.site, language) for language in LANGUAGES):
        print(f"\nNo pages in {args.site}: the build wrote nothing there (did it crash? see its log).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
