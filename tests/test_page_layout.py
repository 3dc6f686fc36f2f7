"""The built pages' layout for readers and assistive technology: who a page is for below its
title (and out of search), the video overview as cards, the theme's toggles valid HTML."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from orkest.finish.repairs import repaired
from orkest.testing import built_pages, page_url_path

HOMES = ("/", "/en/")


def parsed(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def test_who_a_page_is_for_comes_right_after_its_title_and_stays_out_of_search(site):
    shown = 0
    for path in built_pages(site.root):
        page, url_path = parsed(path), page_url_path(site.root, path)
        meta = page.css("p.page-meta")
        if url_path in HOMES:
            assert meta == [], f"{url_path}: the home page has its own layout, no Voor-line"
            continue
        if not meta:
            continue
        shown += 1
        previous = meta[0].prev
        while previous is not None and previous.tag == "-text":
            previous = previous.prev
        assert previous is not None and previous.tag == "h1", f"{url_path}: the Voor-line is not right after the h1"
        assert "data-pagefind-ignore" in meta[0].attributes, f"{url_path}: search would index the Voor-line"
    assert shown > 100


def test_the_video_overview_is_a_card_per_video_with_poster_length_and_instrument(site):
    for prefix, length in (("", "Duur"), ("en/", "Length")):
        overview = site.root / prefix / "instrumenten/videos/index.html"
        cards = parsed(overview).css("ul.video-overview > li.video-card")
        assert len(cards) == 3
        for card in cards:
            link = card.css_first("a.video-card__link")
            assert link.css_first(".video-card__title").text(strip=True), "a card's link is named by its title"
            poster = link.css_first("img").attributes
            assert poster["alt"] == "" and poster["loading"] == "lazy"
            assert (overview.parent / poster["src"]).resolve().is_file(), poster["src"]
            target = (overview.parent / link.attributes["href"].split("#")[0] / "index.html").resolve()
            assert target.is_file() and f'id="{link.attributes["href"].split("#")[1]}"' in target.read_text("utf-8")
            facts = card.css_first(".video-card__facts").text()
            assert f"{length}: " in facts and "Instrument: " in facts
        assert not parsed(overview).css("table.video-overview")


def test_the_theme_toggles_lose_the_autocomplete_html_does_not_allow_there(site):
    toggle = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    assert repaired(toggle) == '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
    # A checkbox of another kind is not the theme's: its fault stays for the HTML checker to name.
    assert repaired('<input type="checkbox" autocomplete="off">') == '<input type="checkbox" autocomplete="off">'
    html = (site.root / "index.html").read_text(encoding="utf-8")
    assert 'data-md-toggle="search" type="checkbox" id="__search">' in html and 'autocomplete="off">' not in html


def test_every_menu_is_named_after_its_section(site):
    """A section with an index page folds with an arrow-only button that names its menu
    (aria-labelledby): repaired, the button carries its section's title (orkest/finish/repairs.py)."""
    unnamed, named = [], 0
    for path in built_pages(site.root):
        page = parsed(path)
        for menu in page.css("nav[aria-labelledby]"):
            label = page.css_first(f'[id="{menu.attributes["aria-labelledby"]}"]')
            name = label and label.text(strip=True)
            if name:
                named += 1
            else:
                unnamed.append(f"{page_url_path(site.root, path)} {menu.attributes['aria-labelledby']}")
    assert named and unnamed == []
    # A title's text stays text.
    button = ('<div class="md-nav__link md-nav__container">\n<a href="x/" class="md-nav__link ">\n'
              '<span class="md-ellipsis">\n"Pas toe" &amp; leg uit\n</span>\n</a>\n'
              '<label class="md-nav__link " for="__nav_2" id="__nav_2_label">')
    assert repaired(button).endswith('id="__nav_2_label"><span class="nav-section-name">"Pas toe" &amp; leg uit</span>')
    assert repaired(repaired(button)) == repaired(button)  # a site finished twice is the same
