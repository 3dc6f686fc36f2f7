"""The box on the home page and the contributor guide that links to the offline copies with
their sizes: written into those built pages once the copies exist (only then is a size known).

Each language's pages get the box in their own words (orkest/strings.yml `offline_pack`),
before the end of the article; a box from an earlier run is replaced, and pack.py leaves it
out of the copies (a copy does not link to itself).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import jinja2

from orkest.offline.pack import NOTE, Language
from orkest.site import UI_STRINGS

# The pages, in each language's folder, that link to the copies.
LINKED_FROM = ("index.html", "meedoen/index.html")
ARTICLE_END = "</article>"
TEMPLATE = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent)),
                              autoescape=True, keep_trailing_newline=True).get_template("note.html")


def size_text(size: int, words: dict) -> str:
    return words["size"].format(size=f"{size / 1_000_000:.1f}".replace(".", words["decimal"]))


def write_notes(site_dir: Path, languages: list[Language], zips: dict[str, tuple[str, int]]) -> list[str]:
    """The box on every page of LINKED_FROM in every language; `zips`: language -> (site path, bytes).
    Returns the problems (a page that is not there, a page without an article)."""
    problems = []
    for language in languages:
        words = UI_STRINGS[language.code]["offline_pack"]
        for name in LINKED_FROM:
            page = language.prefix + name
            path = site_dir / page
            if not path.is_file():
                problems.append(f"{page}: not in the built site; it should link to the offline copies "
                                "(orkest/offline/size_note.py LINKED_FROM)")
                continue
            packs = [{"href": posixpath.relpath(zip_path, posixpath.dirname(page) or "."), "language": code,
                      "label": words["link"].format(language=words["languages"][code], size=size_text(size, words))}
                     for code, (zip_path, size) in zips.items()]
            html = NOTE.sub("", path.read_text(encoding="utf-8"))
            end = html.rfind(ARTICLE_END)
            if end < 0:
                problems.append(f"{page}: no </article> to put the offline copies' box before")
                continue
            path.write_text(html[:end] + TEMPLATE.render(words=words, packs=packs) + html[end:], encoding="utf-8")
    return problems
