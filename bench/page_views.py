"""Page views of a built benchmark corpus in real Chromium, for bench/corpus_benchmark.py:
every request a page view makes (orkest/testing/page_view.py), on a few pages per size.

The pages: each language's home page, the generated audience listing (voor-wie), and the
first, middle and last content page (deel-*) of each language: nine page views per site.
"""

from __future__ import annotations

import contextlib
import statistics
from collections.abc import Iterator
from pathlib import Path

from orkest.testing import CHROMIUM, CHROMIUM_ARGS, page_url_path, serving
from orkest.testing.page_view import KB, measuring


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def sample_paths(site: Path) -> list[str]:
    paths = []
    for prefix in ("", "en/"):
        content = sorted((site / prefix).glob("deel-*/*/index.html"))
        picked = [site / prefix / "index.html", site / prefix / "voor-wie" / "index.html",
                  content[0], content[len(content) // 2], content[-1]]
        paths += [page_url_path(site, page) for page in picked]
    return list(dict.fromkeys(paths))  # the English home page may be the only one in /en/


def page_view_figures(browser, site: Path) -> dict:
    """gzip KB of a page view (every request but images and media), median and largest, and per kind."""
    with serving(site) as url, measuring(browser, url) as meter:
        views = meter.views(sample_paths(site))
    totals = {path: view.gzip_bytes / KB for path, view in views.items()}
    median_path = sorted(totals, key=totals.get)[len(totals) // 2]
    return {
        "page_view_gzip_kb_median": round(statistics.median(totals.values()), 1),
        "page_view_gzip_kb_max": round(max(totals.values()), 1),
        "page_view_largest": max(totals, key=totals.get),
        "page_view_requests_max": max(len(view.budgeted) for view in views.values()),
        "page_view_by_kind_kb": {median_path: {kind: round(size / KB, 1)
                                               for kind, size in views[median_path].by_kind().items()}},
        "page_view_images_media_kb_max": round(max(sum(f.gzip_bytes for f in v.apart) for v in views.values()) / KB, 1),
        "page_view_foreign_requests": sorted({url for view in views.values() for url in view.foreign}),
        "page_view_gzip_kb": {path: round(kb, 1) for path, kb in totals.items()},
    }


def growth_rows(sizes: dict[str, dict], budgets: dict) -> list[tuple[str, float, float]]:
    """(budget, measured, limit): every sampled page within budget at each size, and the median
    page view no bigger at the largest size than at the smallest (the control is reported, not judged)."""
    rows = [(f"page view gzip KB, largest of the sampled pages, at {size}", figures["project"]["page_view_gzip_kb_max"],
             budgets["max_page_view_gzip_kb"]) for size, figures in sizes.items()]
    if len(sizes) > 1:
        smallest, largest = min(sizes, key=int), max(sizes, key=int)
        growth = sizes[largest]["project"]["page_view_gzip_kb_median"] - sizes[smallest]["project"]["page_view_gzip_kb_median"]
        rows.append((f"page view growth KB from {smallest} to {largest} pages", round(growth, 1),
                     budgets["max_page_view_growth_kb"]))
    return rows


# (page, first query, next query) per language: words every corpus holds (bench/corpus.py
# builds it from the site's own sentences).
SEARCHES = (("/", "instrument", "orkest"), ("/en/", "instrument", "orchestra"))
DRAWN = "() => document.querySelector('[data-search]')?.getAttribute('data-search-state') === 'done'"


def search_figures(browser, site: Path) -> dict:
    """gzip KB fetched for opening search with the first query, and for the next query, per
    language; and milliseconds from the next query's last keystroke to its results."""
    from orkest.testing.page_view import milliseconds_until

    figures = {}
    with serving(site) as url, measuring(browser, url) as meter:
        for path, first, later in SEARCHES:
            page, _ = meter.open(path)

            def ask(query: str, opening: bool = False):
                def action(tab) -> None:
                    if opening:
                        tab.click("input.md-search__input")
                    tab.fill("input.md-search__input", query)
                    tab.wait_for_function(DRAWN, timeout=10_000)
                return action

            opened = meter.during(page, ask(first, opening=True))
            following = meter.during(page, ask(later))
            page.fill("input.md-search__input", "")
            waited = milliseconds_until(page, lambda tab: tab.type("input.md-search__input", first), DRAWN)
            page.close()
            language = "en" if path.startswith("/en/") else "nl"
            figures[language] = {"first_query_gzip_kb": round(opened.gzip_bytes / KB, 1),
                                 "next_query_gzip_kb": round(following.gzip_bytes / KB, 1),
                                 "result_ms": round(waited)}
    return figures


def search_rows(sizes: dict[str, dict], budgets: dict) -> list[tuple[str, float, float]]:
    rows = []
    for size, figures in sizes.items():
        for language, measured in figures["project"].get("search", {}).items():
            rows += [(f"first query gzip KB ({language}) at {size}", measured["first_query_gzip_kb"],
                      budgets["max_first_query_gzip_kb"]),
                     (f"next query gzip KB ({language}) at {size}", measured["next_query_gzip_kb"],
                      budgets["max_next_query_gzip_kb"]),
                     (f"result ms ({language}) at {size}", measured["result_ms"], budgets["max_result_latency_ms"])]
    return rows
