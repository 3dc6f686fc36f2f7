"""Search (Pagefind, overrides/assets/javascripts/search.js) in headless Chromium on the built
site: nothing fetched before it is opened, Dutch stemming, one language per reader, filters,
the keyboard, the shared address, the security policy and axe."""

from __future__ import annotations

import re
import shutil
import tempfile
import tomllib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from orkest.finish.search_index import (
    BUNDLE,
    run_pagefind,
    scratch_folder,
    search_extract,
)
from orkest.finish.site_files import html_files
from orkest.testing import ROOT, built_pages, page_url_path
from orkest.testing.browser import axe_problems, csp_problems
from orkest.testing.page_view import KB, measuring

pytestmark = pytest.mark.browser
BUDGETS = tomllib.loads((ROOT / "bench" / "budgets.toml").read_text(encoding="utf-8"))["search"]

REAL_SITE_INDEXING_SHARE = 0.25
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link:first-child"
# The listing pages the plugin fills (orkest/mkdocs/search_marks.py): never indexed.
LISTINGS = ("/voor-wie/", "/meedoen/vertaalstatus/", "/instrumenten/videos/")


def open_search(page, server: str, path: str) -> None:
    page.goto(f"{server}{path}", wait_until="load")
    page.click("input.md-search__input")


def results(page, query: str | None = None) -> list[str]:
    """Type `query` (if given), wait for the answer, and return each result's path."""
    if query is not None:
        page.fill("input.md-search__input", query)
    # search-dialog.js says "done" once the newest query's results are drawn.
    page.wait_for_selector("[data-search][data-search-state=done]", state="attached", timeout=10_000)
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.getAttribute('href'))")
    return [href.split("#")[0] for href in hrefs]


def body_texts(site, folder: str = "") -> dict[str, str]:
    """Path -> the indexed article text of each page of one language."""
    texts = {}
    for built in built_pages(site.root):
        path = page_url_path(site.root, built)
        if folder and not path.startswith(f"/{folder}/") or not folder and path.startswith("/en/"):
            continue
        body = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser").find(attrs={"data-pagefind-body": True})
        if body:
            texts[path] = body.get_text(" ")
    return texts


def test_only_article_bodies_of_real_pages_are_marked_for_the_index(site):
    marked = {path for folder in ("", "en") for path in body_texts(site, folder)}
    every = {page_url_path(site.root, built) for built in built_pages(site.root)}
    # The audience and instrument lists under /voor-wie/ are generated listings too.
    left_out = {path for path in every - marked if not re.match(r"^(/en)?/voor-wie/[^/]+/$", path)}
    assert left_out == set(LISTINGS) | {f"/en{path}" for path in LISTINGS}
    assert any(path.startswith("/voor-wie/") for path in every - marked - set(LISTINGS))
    assert "data-pagefind-body" not in (site.root / "404.html").read_text(encoding="utf-8")
    trumpet = (site.root / "instrumenten/trompet-ventielen-olien/index.html").read_text(encoding="utf-8")
    filters = dict(re.findall(r'data-pagefind-filter="(\w+)">([^<]+)<', trumpet))
    assert filters["instrument"] == "Trompet" and filters["type"] == "Instructie"


def test_nothing_is_fetched_for_search_until_it_is_opened(tab, server):
    page = tab.page
    page.goto(f"{server}/instrumenten/", wait_until="networkidle")
    page.mouse.move(200, 300)
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    assert [url for url in tab.requests if re.search(r"pagefind|search-dialog|search_index|workers/search", url)] == []
    page.click("input.md-search__input")
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('wasm.nl'))")
    assert not [url for url in tab.requests if "/pagefind/" in url and "wasm.en" in url]


def test_dutch_search_is_stemmed_and_finds_only_dutch_pages(tab, server, site):
    only_singular = {path for path, text in body_texts(site).items()
                     if re.search(r"\binstrument\b", text, re.I) and not re.search(r"\binstrumenten\b", text, re.I)}
    assert only_singular, "the test needs a Dutch page that says 'instrument' but not 'instrumenten'"
    page = tab.page
    open_search(page, server, "/")
    found = results(page, "instrumenten")
    assert found and not [path for path in found if path.startswith("/en/")]
    # The dialog shows ten; the page saying only "instrument" must be among all results.
    everything = page.evaluate("""async () => {
        const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI).href);
        const answer = await pagefind.search('instrumenten');
        return Promise.all(answer.results.map(r => r.data().then(d => d.url)));
    }""")
    assert only_singular & set(everything), f"no result among {sorted(only_singular)}"
    assert not [url for url in tab.requests if "wasm.en" in url or "/pagefind/index/en_" in url]
    assert results(page, "ventielen olien")[0] == "/instrumenten/trompet-ventielen-olien/"
    assert csp_problems(page, "/ (searching)") == []


def test_english_search_finds_english_pages_only(tab, server):
    page = tab.page
    open_search(page, server, "/en/")
    oiling = results(page, "oiling valves")
    assert oiling[0] == "/en/instrumenten/trompet-ventielen-olien/"
    assert all(path.startswith("/en/") for path in oiling)
    bassoon = results(page, "bassoon")
    assert "/en/instrumenten/fagot-in-elkaar-zetten/" in bassoon[:3]
    assert all(path.startswith("/en/") for path in bassoon)
    assert not [url for url in tab.requests if "wasm.nl" in url or "/pagefind/index/nl_" in url]
    assert csp_problems(page, "/en/ (searching)") == []


@pytest.mark.parametrize("path, queries", [
    ("/", ["fagot", "trompet olie", "onderhoud", "instrumenten", "begroting"]),
    ("/en/", ["bassoon", "trumpet oil", "care", "instruments", "budget"]),
])
def test_matched_words_are_marked_never_struck_out_and_listings_stay_out(tab, server, path, queries):
    page = tab.page
    open_search(page, server, path)
    for query in queries:
        found = results(page, query)
        assert found, query
        assert not {p.removeprefix("/en") for p in found[:3]} & set(LISTINGS), (query, found[:3])
        assert page.locator(".md-search-result del, .md-search-result s").count() == 0
        assert page.locator(".md-search-result mark").count() > 0, query


@pytest.mark.parametrize("path, query, instrument", [("/", "onderhoud", "Trompet"), ("/en/", "care", "Trumpet")])
def test_a_filter_narrows_the_results_in_the_reader_s_language(tab, server, path, query, instrument):
    page = tab.page
    open_search(page, server, path)
    everything = results(page, query)
    names = page.eval_on_selector_all(".search-filters__name", "names => names.map(n => n.textContent)")
    assert names == (["Voor", "Instrument", "Groep", "Soort pagina"] if path == "/" else
                     ["For", "Instrument", "Groep", "Page type"])
    page.click(f".search-filters__chip:text-is('{instrument}')")
    page.wait_for_timeout(400)
    narrowed = results(page)
    assert narrowed and len(narrowed) < len(everything)
    assert all("trompet" in p for p in narrowed)
    assert page.get_attribute(f".search-filters__chip:text-is('{instrument}')", "aria-pressed") == "true"


def test_the_keyboard_opens_moves_opens_a_result_and_closes(tab, server):
    page = tab.page
    page.goto(f"{server}/", wait_until="load")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    assert page.is_checked("#__search")
    page.keyboard.type("ventielen olien")
    first = results(page)[0]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href')").split("#")[0] == first
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.keyboard.press("/")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0].endswith(first)


def test_the_count_is_announced_and_a_shared_address_opens_the_results(tab, server):
    page = tab.page
    page.goto(f"{server}/en/?q=bassoon", wait_until="load")
    # The search opens itself as its script runs (deferred): wait for that, on a busy machine too.
    page.wait_for_function("() => document.querySelector('#__search').checked", timeout=10_000)
    found = results(page)
    assert "/en/instrumenten/fagot-in-elkaar-zetten/" in found
    status = page.locator("[data-search-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert re.fullmatch(r"\d+ results?", status.text_content().strip())
    page.fill("input.md-search__input", "oiling valves")
    results(page)
    assert page.url.endswith("?q=oiling+valves")
    assert csp_problems(page, "/en/?q=") == []


# Timed in the page, from the keystroke's input event to the drawn results, as a reader sees it.
TIME_QUERY = """query => new Promise(resolve => {
    const dialog = document.querySelector("[data-search]");
    const input = document.querySelector("input.md-search__input");
    const started = performance.now();
    const observer = new MutationObserver(() => {
        if (dialog.getAttribute("data-search-state") === "done") {
            observer.disconnect();
            resolve(performance.now() - started);
        }
    });
    observer.observe(dialog, {attributes: true, attributeFilter: ["data-search-state"]});
    input.value = query;
    input.dispatchEvent(new Event("input"));
})"""


def test_a_later_query_answers_within_300_ms(tab, server):
    page = tab.page
    open_search(page, server, "/")
    results(page, "viool")
    timings = sorted(page.evaluate(TIME_QUERY, query) for query in ("trompet", "fagot", "begroting", "concert", "onderhoud"))
    assert timings[len(timings) // 2] < 300, f"milliseconds: {timings}"


def test_axe_passes_with_the_search_dialog_open_and_the_404_page_searches(tab, server, site):
    page = tab.page
    problems = []
    for path, query in (("/", "onderhoud"), ("/en/", "care")):
        open_search(page, server, path)
        results(page, query)
        problems += axe_problems(page, f"{path} (search open)") + csp_problems(page, path)
    # A host serves the one 404 page at any address, at any depth.
    error_page = (site.root / "404.html").read_text(encoding="utf-8")
    page.route("**/bestaat/niet/", lambda route: route.fulfill(status=404, body=error_page, content_type="text/html"))
    page.goto(f"{server}/bestaat/niet/", wait_until="load")
    page.click("input.md-search__input")
    assert results(page, "fagot")[0].startswith("/instrumenten/")
    problems += csp_problems(page, "404")
    assert problems == []


@pytest.mark.parametrize("path, first, later", [
    ("/", "instrumenten", "fagot"), ("/en/", "instruments", "bassoon"),
])
def test_opening_search_and_each_query_keep_to_their_byte_budgets(browser, server, path, first, later):
    def ask(query: str, opening: bool = False):
        def action(page) -> None:
            if opening:
                page.click("input.md-search__input")
            results(page, query)
        return action

    with measuring(browser, server) as meter:
        page, _ = meter.open(path)
        opened = meter.during(page, ask(first, opening=True))
        following = meter.during(page, ask(later))
        page.close()
    assert opened.gzip_bytes <= BUDGETS["max_first_query_gzip_kb"] * KB, opened.summary(server, count=6)
    assert following.gzip_bytes <= BUDGETS["max_next_query_gzip_kb"] * KB, following.summary(server, count=6)


def test_five_results_show_and_the_next_five_come_when_asked(tab, server):
    page = tab.page
    open_search(page, server, "/")
    first = results(page, "leerorkest")
    assert len(first) == 5
    page.click("button.search-more")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length > 5")
    assert len(results(page)) > 5
    focused = page.evaluate("() => document.activeElement.closest('li') === "
                            "document.querySelectorAll('.md-search-result__list > li')[5]")
    assert focused, "the first new result should have the focus"


def test_pagefind_reading_only_the_html_tag_and_article_indexes_exactly_what_it_finds_in_whole_pages(site, tmp_path):
    # The index is built from cut-down copies (search_index.search_extract); the same pages,
    # texts, anchors, filters and word index must come out of the whole pages. Pagefind numbers
    # pages in the order a folder lists them, so the whole pages are copied as the extracts are written.
    whole = tmp_path / "whole"
    with tempfile.TemporaryDirectory(dir=scratch_folder(site.root)) as scratch:
        pages = Path(scratch)
        for path in html_files(site.root):
            (pages / path.relative_to(site.root)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, pages / path.relative_to(site.root))
        assert run_pagefind(pages, whole)[0] == 0

    def index_files(bundle):  # filter chunks and the meta naming them are named at random by Pagefind
        return {path.relative_to(bundle).as_posix(): path.read_bytes() for path in bundle.rglob("*")
                if path.is_file() and path.parent.name in ("fragment", "index")}

    from_extracts, from_whole = index_files(site.root / BUNDLE), index_files(whole)
    assert len(from_whole) > 100
    assert from_extracts == from_whole


def test_a_page_without_an_html_tag_or_an_article_goes_to_pagefind_whole():
    page = '<html lang="nl"><head><title>T</title></head><body><nav>menu</nav><article><h1>T</h1></article></body></html>'
    assert search_extract(page) == '<html lang="nl"><body><article><h1>T</h1></article></body></html>'
    for odd in ('<body><article>x</article></body>', '<html lang="nl"><head></head><body><p>no article</p></body></html>'):
        assert search_extract(odd) == odd


def test_indexing_adds_at_most_its_share_to_the_build_s_cpu_time(site):
    said = re.search(r"search: Pagefind indexed (\d+) pages in 'en', (\d+) pages in 'nl' in ([0-9.]+) s CPU", site.log)
    assert said, f"the build did not say what the indexing cost:\n{site.log[-2000:]}"
    english, dutch, indexing = int(said[1]), int(said[2]), float(said[3])
    assert english > 30 and dutch > 30
    share = indexing / (site.cpu_seconds - indexing)
    # The budget (15%) is held at 100-1,000 pages per language by the benchmark. The real site's 140-odd
    # pages of long text: 13% on a 2-core machine (2026-12-02), 15-23% on one whose Python ran twice
    # as fast while Pagefind did not; the test allows that machine's share, so that CI does not flake.
    assert 0 < share <= REAL_SITE_INDEXING_SHARE, (
        f"indexing took {indexing:.2f} s of the build's {site.cpu_seconds:.2f} s CPU ({share:.0%})")
