"""In headless Chromium: language switcher, no third-party requests and no accessibility
violations, on the built site served locally (search: tests/test_search.py)."""

from __future__ import annotations

import pytest
from site_checks import page_language

from orkest.testing import (
    build_site,
    built_pages,
    fixture_project,
    page_url_path,
    serving,
    site_with_a_fault,
)
from orkest.testing.browser import axe_problems, csp_problems

pytestmark = pytest.mark.browser


def test_switcher_takes_the_reader_to_the_same_page(tab, server):
    page = tab.page
    for start, language, expected in [
        ("/instrumenten/trompet-ventielen-olien/", "en", "/en/instrumenten/trompet-ventielen-olien/"),
        ("/en/financiering/begroting/", "nl", "/financiering/begroting/"),
        ("/", "en", "/en/"),
    ]:
        page.goto(f"{server}{start}")
        page.click(f"a.language-switch__link[hreflang={language}]")
        page.wait_for_load_state()
        assert page.url == f"{server}{expected}"
        assert page.get_attribute("html", "lang") == language
        assert csp_problems(page, expected) == []
    # Straight to the twin: no sitemap downloads, no detour through a redirect.
    assert not [url for url in tab.requests if url.endswith("sitemap.xml")]
    page_addresses_without_slash = [
        url for url in tab.requests if not url.endswith("/") and "." not in url.rsplit("/", 1)[1]
    ]
    assert page_addresses_without_slash == []


def test_every_page_stays_on_this_site_passes_axe_and_keeps_its_policy(server, site, tab):
    page = tab.page
    problems = []
    for built in built_pages(site.root):
        path = page_url_path(site.root, built)
        page.goto(f"{server}{path}", wait_until="load")
        where = f"{path} ({page_language(site.root, built)})"
        problems += axe_problems(page, where) + csp_problems(page, where)
    assert tab.foreign == [], "requests to other hosts"
    assert problems == []


def test_an_accessibility_fault_in_a_page_is_named_with_page_and_rule(tmp_path, tab):
    # Put into the built page: the content policy would refuse both in the Markdown.
    fault = ('<p>Lees verder in <a href="../"><span class="twemoji"></span></a>.</p>'
             '<img src="../assets/images/favicon.png" width="40" height="40">')
    site = site_with_a_fault(tmp_path, fault)
    with serving(site) as url:
        problems = []
        for path in ("/geld/", "/en/geld/"):
            tab.page.goto(f"{url}{path}", wait_until="load")
            problems += axe_problems(tab.page, path)
    assert [p.split(": ")[:2] for p in problems] == [["/geld/", "image-alt"], ["/geld/", "link-name"]]
    assert "Images must have alternative text" in problems[0] and "img" in problems[0]


def test_table_column_alignment_shows_under_the_security_policy(tmp_path, tab):
    # orkest/markdown/table_alignment.py writes classes; an inline style would be blocked.
    table = "# Start\n\n| Links | Midden | Rechts | Gewoon |\n|:--|:-:|--:|---|\n| a | b | c | d |\n"
    project = fixture_project(tmp_path, {"index.md": table, "index.en.md": "# Home\n\nFine.\n"})
    assert build_site(tmp_path / "site", "http://127.0.0.1/", cwd=project).returncode == 0
    with serving(tmp_path / "site") as url:
        tab.page.goto(f"{url}/", wait_until="load")
        aligned = tab.page.eval_on_selector_all(
            ".md-typeset table th, .md-typeset table td", "cells => cells.map(c => getComputedStyle(c).textAlign)")
        problems = csp_problems(tab.page, "/")
    assert aligned == ["left", "center", "right", "left"] * 2
    assert problems == []
