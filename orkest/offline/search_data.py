"""The offline copy's search: each page's text per section, as a script that sets one variable.

The pages a copy searches are the ones Pagefind indexes online (their article body is marked
`data-pagefind-body`), with the same filters (`data-pagefind-filter`). The reader's browser
builds the index with lunr.js and its Snowball stemmers (shipped with MkDocs, already
installed) when search is first opened: a <script src> file loads from file://, where
Pagefind's fetch of its index and WebAssembly is refused.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from orkest.finish.search_index import BODY_MARK, NOT_CONTENT

# Sections start at headings that have an anchor; their text is searched and shown apart.
SECTION_START = re.compile(r'(?=<h[23][^>]*\sid=")')
HEADING = re.compile(r'<h[23][^>]*\sid="([^"]+)"[^>]*>(.*?)</h[23]>', re.S)
NOT_TEXT = f"[data-pagefind-ignore], {NOT_CONTENT}, script, style"
LUNR = files("mkdocs.contrib.search")
ENGINE = Path(__file__).with_name("search.js")


def page_entry(page: str, url: str) -> dict | None:
    """What search needs of one page (None when search leaves it out): title, filters, sections."""
    tree = LexborHTMLParser(page)
    body = tree.css_first(f"[{BODY_MARK}]")
    if body is None:
        return None
    filters: dict[str, list[str]] = {}
    # Anywhere on the page, as Pagefind reads them (the theme writes them before the body).
    for node in tree.css("[data-pagefind-filter]"):
        filters.setdefault(node.attributes["data-pagefind-filter"], []).append(node.text(strip=True))
    for node in body.css(NOT_TEXT):
        node.decompose()
    heading = body.css_first("h1")
    title = heading.text(strip=True) if heading else (tree.css_first("title").text(strip=True))
    sections = []
    for chunk in SECTION_START.split(body.html or ""):
        found = HEADING.match(chunk)
        text = " ".join(LexborHTMLParser(chunk[found.end():] if found else chunk).text(separator=" ").split())
        if found:
            sections.append({"id": found.group(1), "title": _text(found.group(2)), "text": text})
        elif text:
            sections.append({"id": "", "title": title, "text": text.removeprefix(title).strip()})
    return {"url": url, "title": title, "filters": filters, "sections": sections}


def _text(fragment: str) -> str:
    return " ".join(LexborHTMLParser(fragment).text(separator=" ").split())


def index_script(entries: list[dict]) -> str:
    """The entries as a script: window.orkestOfflinePages = [...]."""
    return f"window.orkestOfflinePages = {json.dumps(entries, ensure_ascii=False, separators=(',', ':'))};\n"


def engine_files(language: str) -> dict[str, bytes]:
    """The scripts the offline search runs, by file name, in the order they must load: lunr.js,
    the Snowball stemmer for the language when lunr has one (English is lunr's own), our engine."""
    found = {"lunr.js": (LUNR / "templates" / "search" / "lunr.js").read_bytes()}
    stemmer = LUNR / "lunr-language" / f"lunr.{language}.js"
    if language != "en" and stemmer.is_file():
        found["lunr.stemmer.support.js"] = (LUNR / "lunr-language" / "lunr.stemmer.support.js").read_bytes()
        found[f"lunr.{language}.js"] = stemmer.read_bytes()
    found["search.js"] = ENGINE.read_bytes()
    return found
