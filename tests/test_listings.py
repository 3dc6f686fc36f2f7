"""Browse by audience and instrument (orkest/mkdocs/listings.py): every page links to the list
of its audience and instrument, each list holds exactly its pages, and a long list is cut
into pages of `listing_page_size`, so that no page view grows with the site."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from orkest.checks.page_source import front_matter_fields
from orkest.testing import (
    ROOT,
    build_site,
    built_pages,
    page_url_path,
    project_copy,
    variant_config,
)

LIST_PAGE = re.compile(r"^(en/)?voor-wie/[^/]+/(\d+/)?index\.html$")


def parsed(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def target(page_path: str, href: str) -> str:
    """The URL path a relative link on `page_path` leads to."""
    return posixpath.normpath(posixpath.join(page_path, href)).rstrip("/") + "/"


def list_pages(site_dir: Path) -> dict[str, LexborHTMLParser]:
    return {page_url_path(site_dir, path): parsed(path) for path in built_pages(site_dir)
            if LIST_PAGE.match(path.relative_to(site_dir).as_posix())}


def listed(url_path: str, page: LexborHTMLParser) -> set[str]:
    return {target(url_path, link.attributes["href"]) for link in page.css("article > ul li a")}


HOMES = ("/", "/en/")


def test_every_page_links_to_lists_that_hold_it(site):
    lists = list_pages(site.root)
    assert len(lists) >= 14, sorted(lists)
    for path in built_pages(site.root):
        url_path = page_url_path(site.root, path)
        if url_path in lists or url_path in HOMES:  # the home page has its own layout
            continue
        links = parsed(path).css("p.page-meta a")
        assert links, f"{path.relative_to(site.root)} does not say who it is for"
        for link in links:
            list_path = target(url_path, link.attributes["href"])
            assert list_path in lists, f"{url_path}: {link.html} leads to no audience or instrument list"
            if not url_path.endswith("/voor-wie/"):  # the listing page is in no list of its own
                assert url_path in listed(list_path, lists[list_path]), f"{list_path} does not list {url_path}"


def test_each_list_holds_exactly_the_pages_of_its_audience(site):
    sources = [path for path in (ROOT / "docs").rglob("*.md") if path.name not in ("voor-wie.md", "voor-wie.en.md")]
    for language, prefix in (("nl", ""), ("en", "/en")):
        pages = [path for path in sources if path.name.endswith(".en.md") == (language == "en")]
        conductors = [path for path in pages if "conductor" in front_matter_fields(path.read_text(encoding="utf-8"))[0]["audience"]]
        shown = listed(f"{prefix}/voor-wie/conductor/", parsed(site.root / prefix.lstrip("/") / "voor-wie/conductor/index.html"))
        assert len(shown) == len(conductors) > 3, (language, sorted(shown))
        overview = parsed(site.root / prefix.lstrip("/") / "voor-wie/index.html")
        entry = next(item for item in overview.css("#per-audience + ul li") if "conductor/" in item.css_first("a").attributes["href"])
        assert f"({len(conductors)} " in entry.text(), entry.text()


def test_a_long_list_is_cut_into_linked_pages_with_their_twins(tmp_path):
    config = variant_config({"  - orkest\n": "  - orkest:\n      listing_page_size: 5\n"})
    site_dir = tmp_path / "site"
    result = build_site(site_dir, "https://www.orkestindeklas.nl/", cwd=project_copy(tmp_path / "project", config))
    assert result.returncode == 0, result.stderr
    lists = list_pages(site_dir)
    parts = sorted((path for path in lists if path.startswith("/voor-wie/coordinator/")),
                   key=lambda path: int(path.split("/")[3] or 1))
    assert len(parts) > 3, parts
    every = set()
    for part in parts:
        shown = listed(part, lists[part])
        assert 0 < len(shown) <= 5, (part, shown)
        every |= shown
        pager = lists[part].css_first("p.listing-pager")
        assert [target(part, link.attributes["href"]) for link in pager.css("a")] == [p for p in parts if p != part]
        assert pager.css_first("strong").text() == str(parts.index(part) + 1)
        twin = lists[part].css_first('link[rel=alternate][hreflang=en]').attributes["href"]
        assert twin == f"https://www.orkestindeklas.nl/en{part}", twin
    overview = parsed(site_dir / "voor-wie/index.html")
    entry = next(item for item in overview.css("#per-audience + ul li") if "coordinator/" in item.css_first("a").attributes["href"])
    assert f"({len(every)} " in entry.text(), (entry.text(), len(every))
