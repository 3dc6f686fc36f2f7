"""Print (Chromium's PDF of a page, read with poppler): a page of each type in both languages says
where it came from on every sheet, starts with real text, and prints its videos as poster and
transcript, not as a player."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from orkest.testing import ROOT
from orkest.testing.accessibility import sample_pages
from orkest.testing.printing import print_problems, printed_pages

pytestmark = pytest.mark.browser


def built_page(site_root, path: str) -> BeautifulSoup:
    built = site_root / path.lstrip("/") / ("" if path.endswith(".html") else "index.html")
    return BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")


def transcripts(page: BeautifulSoup) -> list[str]:
    """The last line of each video's transcript on the built page (the line that would be cut)."""
    return [details.find_all("p")[-1].get_text() for details in page.select("details.video__transcript")]


def link_addresses(page: BeautifulSoup) -> list[str]:
    """The full address each link of the page's content prints (orkest/markdown/print_addresses.py)."""
    return [link["data-print-address"] for link in page.select("article [data-print-address]")]


def printed(browser, url: str, pdf, bypass_csp: bool = False, style: str | None = None) -> list[str]:
    context = browser.new_context(bypass_csp=bypass_csp)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load")
        if style:
            page.add_style_tag(content=style)
        page.pdf(path=str(pdf), format="A4")
    finally:
        context.close()
    return printed_pages(pdf)


def test_a_page_of_every_type_prints_with_its_address_real_text_and_transcripts(browser, server, site, tmp_path):
    address = urlsplit(site.url).netloc
    problems, videos, internal_links = [], 0, 0
    for path in sample_pages(ROOT / "docs", site.root):
        page = built_page(site.root, path)
        lines, links = transcripts(page), link_addresses(page)
        videos += len(lines)
        internal_links += sum(link.startswith(site.url) for link in links)
        pages = printed(browser, f"{server}{path}", tmp_path / "page.pdf")
        problems += print_problems(pages, path, address, lines, links)
    assert videos, "the sample holds no page with a video: the transcript rule was not tried"
    assert internal_links, "the sample holds no link to another page of the site: the address rule was not tried"
    assert problems == [], "\n".join(problems)


def test_a_page_that_prints_badly_is_named_with_what_to_change(browser, server, site, tmp_path):
    # The page made to print badly in the browser: its address hidden, its text pushed to page 2.
    spoiled = ".print-source { display: none !important } .md-typeset h1 { break-after: page !important }" \
              " @page { @bottom-left { content: none } } .md-typeset a::after { content: none !important }"
    path = "/instrumenten/fagot-in-elkaar-zetten/"
    pages = printed(browser, f"{server}{path}", tmp_path / "bad.pdf", bypass_csp=True, style=spoiled)
    problems = print_problems(pages, path, urlsplit(site.url).netloc, ["a line the transcript never says"],
                              link_addresses(built_page(site.root, path)))
    assert any(p.startswith(f"{path}: printed page 2 does not say where it came from") for p in problems)
    assert any(p.startswith(f"{path}: printed page 1 holds only") and "let it run over pages" in p for p in problems)
    assert any("transcript is not on paper" in p for p in problems)
    assert any("a link's address is not on paper" in p and "extra.css" in p for p in problems)
