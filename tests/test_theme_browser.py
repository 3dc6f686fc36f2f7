"""In headless Chromium: the dark scheme follows the system, the toggle's choice is remembered
without a cookie, pages pass axe in the dark scheme, and the readability rules hold."""

from __future__ import annotations

import json
import re

import pytest

from orkest.testing.browser import axe_problems, csp_problems

pytestmark = pytest.mark.browser

# One page of each kind the custom colours touch: home, admonitions and a table, a checklist,
# a video, a template with downloads, code blocks, the footer's pages; both languages.
DARK_PAGES = ["/", "/en/", "/instrumenten/onderhoud/", "/starten/startpakket/checklist-start-schooljaar/",
              "/instrumenten/trompet-ventielen-olien/", "/en/financiering/begroting/", "/meedoen/paginatypes/",
              "/en/privacy/", "/colofon/", "/voor-wie/"]
CHECKLIST = "/starten/startpakket/checklist-start-schooljaar/"
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
SHOWN_TOGGLE = "form[data-md-component=palette] label:not([hidden])"
# The checklists are to fill in on paper, so all boxes are empty: the test ticks the first one.
BOX = """() => [...document.querySelectorAll('article .task-list-indicator')].slice(0, 40).map((el, index) => {
  if (index === 0) el.previousElementSibling.checked = true;
  const box = getComputedStyle(el, '::before'), checked = el.previousElementSibling.checked;
  return {checked, style: box.borderTopStyle, width: parseFloat(box.borderTopWidth),
          colour: box.borderTopColor, mark: box.content, size: parseFloat(box.width),
          page: getComputedStyle(document.body).backgroundColor};
})"""
CHANNELS = re.compile(r"[\d.]+")


def contrast(colour: str, background: str) -> float:
    """WCAG contrast of a CSS rgb()/rgba() colour laid over an opaque background."""
    *front, alpha = [*map(float, CHANNELS.findall(colour)), 1.0][:4]
    back = [float(c) for c in CHANNELS.findall(background)[:3]]
    blended = [alpha * f + (1 - alpha) * b for f, b in zip(front, back)]

    def luminance(rgb):
        linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(blended), luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_scheme_follows_the_system_until_the_reader_chooses(tab, server):
    page = tab.page
    page.emulate_media(color_scheme="light")
    page.goto(f"{server}/instrumenten/onderhoud/", wait_until="load")
    assert page.evaluate(SCHEME) == "default"
    page.emulate_media(color_scheme="dark")
    page.reload(wait_until="load")
    assert page.evaluate(SCHEME) == "slate"
    assert page.get_attribute(SHOWN_TOGGLE, "title") == "Licht kleurenschema aanzetten"
    page.click(SHOWN_TOGGLE)
    assert page.evaluate(SCHEME) == "default"
    # Remembered after a reload, on another page and in the other language, though the system says dark.
    for path in ("/instrumenten/onderhoud/", "/en/financiering/begroting/"):
        page.goto(f"{server}{path}", wait_until="load")
        assert page.evaluate(SCHEME) == "default", path
    assert page.get_attribute(SHOWN_TOGGLE, "title") == "Switch to the dark colour scheme"
    page.click(SHOWN_TOGGLE)
    page.emulate_media(color_scheme="light")
    page.reload(wait_until="load")
    assert page.evaluate(SCHEME) == "slate"
    # No cookie; in localStorage only the theme's one key, holding the scheme and nothing else.
    assert page.context.cookies() == []
    stored = page.evaluate("Object.fromEntries(Object.entries(localStorage))")
    assert list(stored) == ["/.__palette"]
    choice = json.loads(stored["/.__palette"])
    assert set(choice) == {"index", "color"} and set(choice["color"]) <= {"media", "scheme", "primary", "accent"}
    assert page.evaluate("sessionStorage.length") == 0
    # The third choice follows the system again.
    assert page.get_attribute(SHOWN_TOGGLE, "title") == "Follow your computer's colour scheme"
    page.click(SHOWN_TOGGLE)
    page.reload(wait_until="load")
    assert page.evaluate(SCHEME) == "default"
    page.emulate_media(color_scheme="dark")
    page.reload(wait_until="load")
    assert page.evaluate(SCHEME) == "slate"
    assert tab.foreign == [] and csp_problems(page, "toggle") == []


# At 1280 px; the lead's harness runs every page at 1280 and 390 px in both schemes.
def test_pages_pass_axe_in_the_dark_scheme(tab, server, width=1280):
    page = tab.page
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme="dark")
    problems = []
    for path in DARK_PAGES:
        page.goto(f"{server}{path}", wait_until="load")
        assert page.evaluate(SCHEME) == "slate", path
        problems += axe_problems(page, f"{path} (dark, {width} px)") + csp_problems(page, path)
    assert tab.foreign == []
    assert problems == []


def test_axe_passes_in_the_dark_scheme_with_search_open(tab, server):
    page = tab.page
    page.emulate_media(color_scheme="dark")
    page.goto(f"{server}/en/", wait_until="load")
    page.click("input.md-search__input")
    page.fill("input.md-search__input", "valves")
    page.wait_for_selector("[data-search][data-search-state=done]", state="attached", timeout=10_000)
    assert page.locator(".md-search-result mark").count() > 0
    assert axe_problems(page, "/en/ (dark, search open)") == []


@pytest.mark.parametrize("mode", [{"color_scheme": "light"}, {"color_scheme": "dark"}, {"media": "print"},
                                  {"forced_colors": "active"}])
def test_checklist_boxes_show_in_every_mode(tab, server, mode):
    page = tab.page
    page.emulate_media(**mode)
    page.goto(f"{server}{CHECKLIST}", wait_until="load")
    boxes = page.evaluate(BOX)
    assert boxes, "the page has checklists"
    # A solid border at least 1.5 px wide, 3:1 against the page (WCAG 1.4.11): paper and forced colours keep it.
    assert all(box["style"] == "solid" and box["width"] >= 1.5 and box["size"] >= 16 and
               contrast(box["colour"], box["page"]) >= 3 for box in boxes), boxes[:3]
    # A ticked box shows a text tick, not a background that printing or forced colours drop.
    assert [box["mark"] for box in boxes if box["checked"]] == ['"✓"']
    assert {box["mark"] for box in boxes if not box["checked"]} == {'""'}


def test_titles_are_dark_and_tables_and_admonitions_at_body_size(tab, server):
    page = tab.page
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(f"{server}/meedoen/paginatypes/", wait_until="load")
        sizes = page.evaluate("""() => {
          const style = selector => getComputedStyle(document.querySelector(selector));
          return {body: style('article p:not([class])').fontSize, table: style('article table td').fontSize,
                  admonition: style('article .admonition p').fontSize,
                  title: style('article h1').color, text: style('article p:not([class])').color};
        }""")
        assert sizes["table"] == sizes["admonition"] == sizes["body"] == "16px", (scheme, sizes)
        assert sizes["title"] == sizes["text"], (scheme, sizes)


@pytest.mark.parametrize("width", [320, 390])
def test_the_phone_header_is_one_bar_with_the_search_button_outside_the_language_menu(tab, server, width):
    tab.page.set_viewport_size({"width": width, "height": 740})
    for path in ("/instrumenten/fagot-in-elkaar-zetten/", "/en/"):
        tab.page.goto(f"{server}{path}")
        header = tab.page.evaluate("""() => {
          const bar = document.querySelector('.md-header__inner'), search = document.querySelector('label[for=__search]');
          const bottoms = [...bar.children].filter(el => el.getClientRects().length)
            .map(el => el.getBoundingClientRect().bottom);
          return {height: document.querySelector('.md-header').getBoundingClientRect().height,
                  withinTheBar: Math.max(...bottoms) <= 48,
                  searchInLanguages: !!search.closest('.language-switch'),
                  searchShown: search.getBoundingClientRect().right <= innerWidth};
        }""")
        assert header == {"height": 48, "withinTheBar": True, "searchInLanguages": False, "searchShown": True}, path
