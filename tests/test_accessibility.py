"""axe-core with every rule, best practice included, as readers meet the site: at 1280 and 390 px,
in the light and the dark scheme, and with the search dialog open. No finding at all.

Every page passes axe's WCAG rules at the desktop width in tests/test_browser.py; here a page of
each page type per language (orkest/testing/accessibility.sample_pages: 16 pages, with the home,
a generated list and the 404 page) in all four views keeps the run within the time budget. Not one finding, of any impact."""

from __future__ import annotations

import pytest

from orkest.testing import ROOT, serving, site_with_a_fault
from orkest.testing.accessibility import (
    BLOCKING,
    View,
    all_views,
    findings,
    sample_pages,
)

pytestmark = pytest.mark.browser


# Beyond the bar (no serious or critical finding): no finding at all, moderate and minor too.
def test_a_page_of_every_type_has_no_finding_in_any_view(browser, server, site):
    paths = sample_pages(ROOT / "docs", site.root)
    found = findings(browser, server, paths, all_views())
    assert [str(finding) for finding in found] == []


def test_the_open_search_dialog_has_no_finding_in_any_view(browser, server):
    found = findings(browser, server, ["/", "/en/"], all_views(search=True))
    assert [str(finding) for finding in found] == []


def test_a_fault_is_named_with_its_page_view_and_rule(tmp_path, browser):
    # A link without a name.
    site = site_with_a_fault(tmp_path, '<p><a href="../"></a></p>')
    with serving(site) as url:
        found = findings(browser, url, ["/geld/", "/en/geld/"], [View("phone", "dark")])
    blocking = [str(finding) for finding in found if finding.impact in BLOCKING]
    assert blocking and all(line.startswith("/geld/ [phone dark]: link-name (serious)") for line in blocking)
