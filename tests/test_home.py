"""The home page as a front door (Chromium): a card per audience in the first screen of a phone,
each leading to its route of three to five pages, and the most used tasks; screenshots of the
home and of a page per type for reviewers (SCREENSHOTS, kept by CI as an artifact)."""

from __future__ import annotations

import struct
from urllib.request import urlopen

import pytest

from orkest.testing import ROOT
from orkest.testing.accessibility import WIDTHS, sample_pages

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "test-screenshots"
ROUTES = ".md-typeset .home-routes a"
TASKS = ".md-typeset .home-tasks a"
# The audiences the home page must route: coordinators and school leaders share one card.
CARDS = 6

ROUTE_OF_CARD = """card => {
  const heading = document.getElementById(decodeURIComponent(card.hash.slice(1)));
  let list = heading && heading.nextElementSibling;
  while (list && list.tagName !== "UL" && list.tagName !== "H2") list = list.nextElementSibling;
  return {heading: heading ? heading.textContent.replace("¶", "").trim() : null,
          links: list && list.tagName === "UL" ? [...list.querySelectorAll(":scope > li > a")].map(a => a.href) : []};
}"""


def page_exists(url: str) -> bool:
    with urlopen(url) as response:  # noqa: S310 - the local test server
        return response.status == 200


@pytest.mark.parametrize("home", ["/", "/en/"])
def test_every_audience_has_a_card_in_the_first_screen_of_a_phone(browser, server, home):
    width, height = WIDTHS["phone"]
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(f"{server}{home}")
        cards = page.locator(ROUTES)
        assert cards.count() == CARDS, f"{home}: {cards.count()} route cards, expected one per audience"
        for index in range(CARDS):
            card = cards.nth(index)
            box = card.bounding_box()
            name = card.inner_text().strip()
            assert card.is_visible() and box and box["y"] >= 0 and box["y"] + box["height"] <= height, \
                f"{home}: the card '{name}' is not in the first screen at {width}x{height}"
            route = card.evaluate(ROUTE_OF_CARD)
            assert route["heading"], f"{home}: the card '{name}' leads to no heading on the page"
            assert 3 <= len(route["links"]) <= 5, f"{home}: '{route['heading']}' lists {len(route['links'])} pages"
            assert all(page_exists(link) for link in route["links"])
        tasks = page.locator(TASKS)
        assert tasks.count() >= 3
        assert all(page_exists(tasks.nth(i).evaluate("a => a.href")) for i in range(tasks.count()))
    finally:
        context.close()


def png_size(path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


def test_screenshots_of_the_home_and_a_page_per_type_are_written_for_reviewers(browser, server, site):
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    shots = [(path, width) for path in ("/", "/en/") for width in WIDTHS]
    shots += [(path, "desktop") for path in sample_pages(ROOT / "docs", site.root) if path not in ("/", "/en/")]
    written = []
    for path, width in shots:
        size = WIDTHS[width]
        context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        try:
            page = context.new_page()
            page.goto(f"{server}{path}")
            name = (path.strip("/").replace("/", "_") or "home") + f"-{width}.png"
            page.screenshot(path=SCREENSHOTS / name)
            written.append((SCREENSHOTS / name, size))
        finally:
            context.close()
    for file, (width, height) in written:
        assert png_size(file) == (width, height), f"{file.name} is not a {width}x{height} screenshot"
    assert {file.name for file, _ in written} >= {"home-phone.png", "home-desktop.png", "en-phone.png", "en-desktop.png"}
