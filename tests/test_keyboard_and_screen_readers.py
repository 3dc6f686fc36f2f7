"""In headless Chromium, beyond the WCAG rules of test_browser.py: axe's rules for the search
dialog and tables on a phone, the skip link, the language switcher keeping the reader's place,
and the theme's toggles closed again when the reader comes back to a page."""

from __future__ import annotations

import time

import pytest

from orkest.testing.browser import AXE

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 800}
TABLE_PAGE = "/academie/leerdoelen-per-groep/"  # wide tables: they scroll sideways on a phone


def axe_rule_problems(page, where: str, rules: list[str]) -> list[str]:
    """axe-core's violations of these rules only (best-practice ones included), one line each."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated: the page's policy refuses a <script>
    result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'rule', values: rules}})", rules)
    return [f"{where}: {v['id']}: " + ", ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in result["violations"]]


def test_tables_and_the_search_dialog_pass_axe_on_a_phone(server, tab):
    page = tab.page
    page.set_viewport_size(PHONE)
    for path in (TABLE_PAGE, "/en" + TABLE_PAGE):
        page.goto(f"{server}{path}", wait_until="load")
        regions = page.locator(".table-region")
        assert regions.count() >= 1
        assert page.evaluate("[...document.querySelectorAll('.table-region')].some(r => r.scrollWidth > r.clientWidth)")
        problems = axe_rule_problems(page, f"{path} closed", ["scrollable-region-focusable", "aria-dialog-name"])
        page.keyboard.press("/")
        page.keyboard.type("viool")
        page.locator("[data-search-results] li").first.wait_for(state="attached")
        problems += axe_rule_problems(page, f"{path} search open", ["scrollable-region-focusable", "aria-dialog-name"])
        assert problems == []


def test_a_table_on_a_phone_scrolls_by_keyboard(server, tab):
    page = tab.page
    page.set_viewport_size(PHONE)
    page.goto(f"{server}{TABLE_PAGE}", wait_until="load")
    region = page.locator(".table-region").first
    assert region.get_attribute("role") == "region" and region.get_attribute("aria-label")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert region.evaluate("e => e.scrollLeft") > 0


def settles(page, expression: str, expected, seconds: float = 3.0) -> bool:
    """Whether `expression` comes to `expected` within `seconds` (page.evaluate: the page's policy
    refuses wait_for_function's string evaluation)."""
    deadline = time.monotonic() + seconds
    while page.evaluate(expression) != expected:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_the_search_results_box_is_a_tab_stop_only_while_search_is_open(server, tab):
    page = tab.page
    page.goto(f"{server}/", wait_until="load")
    focusable = "(() => { const box = document.querySelector('.md-search__scrollwrap'); box.focus();" \
                " return document.activeElement === box; })()"
    assert page.evaluate(focusable) is False
    page.keyboard.press("/")
    page.locator("input.md-search__input:focus").wait_for()
    assert page.evaluate(focusable) is True
    page.keyboard.press("Escape")
    assert settles(page, focusable, False)  # once the theme's closing transition has ended


@pytest.mark.parametrize("path", ["/instrumenten/trompet-ventielen-olien/", "/en/voor-wie/conductor/"])
def test_the_skip_link_shows_on_focus_and_lands_on_the_title(server, tab, path):
    page = tab.page
    page.goto(f"{server}{path}", wait_until="load")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    # Fully shown once the theme's fade-in (under 0.2 s) has ended.
    assert settles(page, "getComputedStyle(document.querySelector('a.md-skip')).opacity", "1")
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["width"] > 20
    page.keyboard.press("Enter")
    h1 = page.locator("article h1")
    assert page.evaluate("location.hash") == "#" + h1.get_attribute("id")
    page.keyboard.press("Tab")  # the next stop is in or after the title, not the menu before it
    assert page.evaluate("""() => { const h1 = document.querySelector('article h1'), at = document.activeElement;
        return h1.contains(at) || !!(h1.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING); }""")


def test_the_switcher_shows_the_languages_as_text_and_keeps_the_section(server, tab):
    page = tab.page
    for start, language, expected in [
        ("/instrumenten/trompet-ventielen-olien/#stap-voor-stap", "en",
         "/en/instrumenten/trompet-ventielen-olien/#step-by-step"),
        ("/en/instrumenten/trompet-ventielen-olien/#step-by-step", "nl",
         "/instrumenten/trompet-ventielen-olien/#stap-voor-stap"),
    ]:
        page.goto(f"{server}{start}", wait_until="load")
        switcher = page.locator("nav.language-switch")
        assert switcher.locator("[aria-hidden=true]").all_inner_texts() == ["NL", "EN"]  # shown
        assert switcher.get_attribute("aria-label")
        current = page.locator("a.language-switch__link[aria-current=page]")
        assert current.get_attribute("hreflang") == page.get_attribute("html", "lang")
        link = page.locator(f"a.language-switch__link[hreflang={language}]")
        link.focus()  # reached by keyboard, and visibly so
        assert link.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
        page.keyboard.press("Enter")
        page.wait_for_url(f"{server}{expected}")
        heading = page.locator("#" + expected.split("#")[1])
        top = heading.bounding_box()["y"]
        assert 0 <= top < PHONE["height"], f"{expected}: the section is not in view (at {top} px)"


def test_the_switcher_keeps_the_place_scrolled_to_without_an_anchor(server, tab):
    page = tab.page
    page.goto(f"{server}/instrumenten/trompet-ventielen-olien/", wait_until="load")
    page.evaluate("document.getElementById('veelgemaakte-fouten').scrollIntoView()")
    page.click("a.language-switch__link[hreflang=en]")
    page.wait_for_url(f"{server}/en/instrumenten/trompet-ventielen-olien/#common-mistakes")


def test_the_search_field_shows_keyboard_focus(server, tab):
    page = tab.page
    page.goto(f"{server}/", wait_until="load")
    page.focus("input.md-search__input")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-search__form')).outlineStyle") != "none"


def test_the_menu_is_closed_again_when_the_reader_comes_back(server, tab):
    page = tab.page
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/instrumenten/", wait_until="load")
    page.click("label.md-header__button[for=__drawer]")
    assert page.evaluate("document.getElementById('__drawer').checked")
    page.goto(f"{server}/financiering/", wait_until="load")
    page.go_back(wait_until="load")
    assert page.url == f"{server}/instrumenten/"
    assert page.evaluate("document.getElementById('__drawer').checked") is False
