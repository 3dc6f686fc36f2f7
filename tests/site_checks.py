"""Checks of the source and the built site that guard the two languages and privacy.

Each check returns a list of problems, one line per problem, each starting with
the file it concerns, so a contributor sees at once what to fix. The tests run
them on the real site and feed each a bad example.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from orkest.site import DEFAULT_LANGUAGE, OTHER_LANGUAGES
from orkest.testing import built_pages, page_url_path

# Resources a browser fetches by itself when the page loads (not links a reader clicks).
AUTOLOADED = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "video": "src",
    "audio": "src",
    "source": "src",
    "track": "src",
    "embed": "src",
    "object": "data",
}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(?P<url>[^'")\s]+)""")


# --- built site (site/) -------------------------------------------------------


def page_language(site_dir: Path, page: Path) -> str:
    first = page.relative_to(site_dir).parts[0]
    return first if first in OTHER_LANGUAGES else DEFAULT_LANGUAGE


def twin_url_path(url_path: str, language: str) -> str:
    """The same page's path in the other language ('/a/' <-> '/en/a/')."""
    if language == DEFAULT_LANGUAGE:
        return f"/{OTHER_LANGUAGES[0]}{url_path}"
    return url_path.removeprefix(f"/{language}")


def missing_built_twins(site_dir: Path) -> list[str]:
    problems = []
    for page in built_pages(site_dir):
        language = page_language(site_dir, page)
        twin = twin_url_path(page_url_path(site_dir, page), language)
        if not (site_dir / twin.lstrip("/") / "index.html").exists():
            problems.append(f"{page.relative_to(site_dir)}: no twin page at {twin}")
    return problems


def third_party_resources(site_dir: Path, own_host: str) -> list[str]:
    """Resources from other hosts that a page or stylesheet would load without a click."""
    problems = []
    for html in sorted(site_dir.rglob("*.html")):
        soup = _soup(html)
        for tag in soup.find_all(True):
            urls = []
            if tag.name in AUTOLOADED and tag.get(AUTOLOADED[tag.name]):
                urls.append(tag[AUTOLOADED[tag.name]])
            if tag.name == "link" and tag.get("href") and _autoloaded_link(tag):
                urls.append(tag["href"])
            if tag.name == "style" or tag.get("style"):
                urls += [m["url"] for m in CSS_URL.finditer(tag.string or tag.get("style") or "")]
            for url in urls:
                host = urlsplit(url).hostname
                if host and host != own_host:
                    problems.append(f"{html.relative_to(site_dir)}: <{tag.name}> loads {url}")
    for css in sorted(site_dir.rglob("*.css")):
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            host = urlsplit(match["url"]).hostname
            if host and host != own_host:
                problems.append(f"{css.relative_to(site_dir)}: stylesheet loads {match['url']}")
    return problems


def _autoloaded_link(tag) -> bool:
    # rel="alternate"/"canonical" only name a URL; stylesheets, icons and preconnects fetch it.
    return not set(tag.get("rel", [])) <= {"alternate", "canonical", "prev", "next"}


def language_problems(site_dir: Path, site_url: str) -> list[str]:
    """<html lang>, absolute hreflang links (both languages + x-default) and the switcher."""
    problems = []
    for page in built_pages(site_dir):
        name = page.relative_to(site_dir)
        language = page_language(site_dir, page)
        url_path = page_url_path(site_dir, page)
        twin = twin_url_path(url_path, language)
        own_abs, twin_abs = urljoin(site_url, url_path), urljoin(site_url, twin)
        soup = _soup(page)
        html_lang = soup.html.get("lang")
        if html_lang != language:
            problems.append(f"{name}: <html lang> is {html_lang!r}, expected {language!r}")
        hreflang = {
            link["hreflang"]: link["href"]
            for link in soup.select("head link[rel=alternate][hreflang]")
        }
        default_abs = own_abs if language == DEFAULT_LANGUAGE else twin_abs
        expected = {language: own_abs, _other(language): twin_abs, "x-default": default_abs}
        for lang, href in expected.items():
            if hreflang.get(lang) != href:
                problems.append(
                    f"{name}: hreflang {lang!r} is {hreflang.get(lang)!r}, expected {href!r}"
                )
        switch = {a["hreflang"]: a["href"] for a in soup.select("a.language-switch__link[hreflang]")}
        target = switch.get(_other(language))
        if target is None:
            problems.append(f"{name}: the language switcher has no {_other(language)!r} link")
        elif urlsplit(urljoin(f"http://site{url_path}", target)).path != twin:
            problems.append(f"{name}: the language switcher leads to {target!r}, not to {twin}")
    return problems


def _other(language: str) -> str:
    return OTHER_LANGUAGES[0] if language == DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def sitemap_problems(site_dir: Path, site_url: str) -> list[str]:
    """Every page is in sitemap.xml with an alternate for each language."""
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
                  "x": "http://www.w3.org/1999/xhtml"}
    path = site_dir / "sitemap.xml"
    if not path.exists():
        return ["sitemap.xml: missing"]
    entries = {}
    for url in ET.parse(path).getroot().findall("s:url", namespaces):
        loc = url.findtext("s:loc", namespaces=namespaces)
        entries[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)
        }
    problems = []
    for page in built_pages(site_dir):
        language = page_language(site_dir, page)
        url_path = page_url_path(site_dir, page)
        loc = urljoin(site_url, url_path)
        if loc not in entries:
            problems.append(f"sitemap.xml: {loc} is missing")
            continue
        expected = {language: loc, _other(language): urljoin(site_url, twin_url_path(url_path, language))}
        for lang, href in expected.items():
            if entries[loc].get(lang) != href:
                problems.append(f"sitemap.xml: {loc} has alternate {lang!r} = {entries[loc].get(lang)!r}, expected {href!r}")
    return problems


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
