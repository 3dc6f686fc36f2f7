"""The reader budgets of bench/budgets.toml, on the real site, on every test run: what a page
view costs in real Chromium (every request, orkest/testing/page_view.py), each page's HTML, and
an index per language that stays small. (No page loads anything from another host:
tests/test_site.py. The long benchmark, also for growth with the number of pages: ./scripts/benchmark.)"""

from __future__ import annotations

import random
import tomllib

import pytest

from orkest.testing import ROOT, built_pages, page_url_path, serving
from orkest.testing.page_view import KB, measuring
from orkest.testing.page_weight import gzip_size

BUDGETS = tomllib.loads((ROOT / "bench" / "budgets.toml").read_text(encoding="utf-8"))
READER = BUDGETS["reader"]


def html_over_budget(site_root) -> list[str]:
    problems = []
    for page in built_pages(site_root):
        size = gzip_size(page)
        if size > READER["max_html_gzip_kb"] * KB:
            problems.append(f"{page.relative_to(site_root)}: HTML is {size / KB:.1f} KB gzip "
                            f"(budget {READER['max_html_gzip_kb']} KB)")
    return problems


def page_views_over_budget(browser, site_root, base_url: str) -> list[str]:
    """Every built page and the 404 page, viewed without interaction; one line per page over budget."""
    files = {page_url_path(site_root, page): page for page in built_pages(site_root)}
    if (site_root / "404.html").exists():
        files["/404.html"] = site_root / "404.html"
    with measuring(browser, base_url) as meter:
        views = meter.views(list(files))
    problems = []
    for path, view in views.items():
        name = f"{files[path].relative_to(site_root)} ({path})"
        if view.gzip_bytes > READER["max_page_view_gzip_kb"] * KB:
            problems.append(
                f"{name}: a page view fetches {view.summary(base_url)} (budget {READER['max_page_view_gzip_kb']} KB "
                "gzip for every request but images and media: make the biggest smaller, or fetch them only "
                "when the reader asks)")
        problems += [f"{name}: asks another host for {url}" for url in view.foreign]
    return problems


@pytest.mark.browser
def test_every_page_view_keeps_to_the_page_view_budget(browser, site, server):
    # Every request counts: the theme's lunr search, replaced by Pagefind, fetched its whole
    # index, worker and lunr (about 90 KB gzip) on every page view; search now waits to be opened.
    problems = page_views_over_budget(browser, site.root, server)
    assert not problems, f"{len(problems)} page views over budget:\n" + "\n".join(problems)


@pytest.mark.browser
def test_a_page_view_over_budget_names_the_page_its_size_and_its_biggest_requests(browser, tmp_path):
    page = tmp_path / "financiering" / "index.html"
    page.parent.mkdir()
    page.write_text('<!doctype html><html lang="nl"><title>Te zwaar</title><p>Begroting</p>'
                    '<script src="../assets/tabel.js"></script><link rel="stylesheet" href="../assets/klein.css">',
                    encoding="utf-8")
    (tmp_path / "assets").mkdir()
    # 160,000 random hex digits: 89.6 KB gzip, as a big bundled library would be.
    filler = random.Random(12).randbytes(80_000).hex()
    (tmp_path / "assets" / "tabel.js").write_text(f'const tabel = "{filler}";', encoding="utf-8")
    (tmp_path / "assets" / "klein.css").write_text("p { color: #222; }", encoding="utf-8")
    with serving(tmp_path) as url:
        problems = page_views_over_budget(browser, tmp_path, url)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.startswith("financiering/index.html (/financiering/): a page view fetches 89.")
    assert " KB gzip in 3 requests; biggest: /assets/tabel.js 89.6 KB (js), /financiering/ " in problem
    assert "(budget 75 KB gzip for every request but images and media" in problem
    assert problem.index("/assets/tabel.js") < problem.index("/financiering/ ") < problem.index("/assets/klein.css")


def test_every_page_s_html_keeps_to_its_budget(site):
    assert html_over_budget(site.root) == []


def test_a_page_over_its_html_budget_is_named_with_its_size(tmp_path):
    page = tmp_path / "financiering" / "index.html"
    page.parent.mkdir()
    filler = " ".join(f"<p>{n * 7919 % 104729}</p>" for n in range(40_000))  # barely compressible
    page.write_text(f"<html><body>{filler}</body></html>", encoding="utf-8")
    problems = html_over_budget(tmp_path)
    assert len(problems) == 1
    assert problems[0].startswith("financiering/index.html: HTML is ") and problems[0].endswith("(budget 30 KB)")

