"""The menu fits and stays small: every top-level tab shows from 1024 px up (in Chromium),
and no page's menu grows with the size of its section (issue 14)."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from orkest.testing import ROOT, build_site, built_pages, fixture_project, page_url_path
from orkest.testing.menu_links import menu_links

MAX_TABS = 8
MAX_MENU_LINKS = 60
WIDTHS = (1024, 1280, 1366)
TOP_LEVEL = re.compile(r"^  - ", re.M)


def top_level_entries() -> int:
    return len(TOP_LEVEL.findall((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]))


# Each tab's box, whether it lies inside the viewport and the bar, and whether a click at its
# centre reaches it (not covered, not scrolled out of a bar whose scrollbar the theme hides).
TAB_BOXES = """() => {
  const bar = document.querySelector(".md-tabs__list");
  const limit = bar.getBoundingClientRect();
  return [...bar.querySelectorAll("a.md-tabs__link")].map(link => {
    const box = link.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return {text: link.textContent.trim(), href: link.href,
            inside: box.width > 0 && box.left >= Math.max(0, limit.left) - 0.5
                    && box.right <= Math.min(innerWidth, limit.right) + 0.5 && box.bottom <= innerHeight,
            clickable: hit !== null && link.contains(hit),
            overflowing: bar.scrollWidth > bar.clientWidth};
  });
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_every_tab_is_visible_and_clickable(tab, server, width):
    page = tab.page
    page.set_viewport_size({"width": width, "height": 800})
    # The home pages, and a page whose own tab is the last one (the active tab is set bold).
    for start in ("/", "/en/", "/meedoen/controles/", "/en/meedoen/controles/"):
        page.goto(f"{server}{start}", wait_until="load")
        tabs = page.evaluate(TAB_BOXES)
        assert len(tabs) == top_level_entries() <= MAX_TABS, (start, tabs)
        hidden = [t["text"] for t in tabs if not (t["inside"] and t["clickable"]) or t["overflowing"]]
        assert hidden == [], f"{start} at {width} px: tabs not wholly visible: {hidden}"
    # And a click on the last tab, the one that used to be hidden, takes the reader there.
    last = page.locator("a.md-tabs__link").last
    target = last.get_attribute("href")
    last.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == urlsplit(urljoin(f"{server}/en/meedoen/controles/", target)).path


def test_no_page_of_the_site_has_a_long_menu(site):
    counts = {page_url_path(site.root, page): menu_links(page.read_text(encoding="utf-8"))
              for page in built_pages(site.root)}
    assert len(counts) > 100
    too_long = {path: count for path, count in counts.items() if count > MAX_MENU_LINKS}
    assert too_long == {}
    # Every page has its menu: at least the tabs in the bar and in the phone's drawer.
    assert min(counts.values()) >= 2 * top_level_entries()


TOPICS, TOPIC_SIZE = 6, 20  # like bench/corpus.py: a section split into topics of twenty pages


def big_section_project(tmp_path):
    """A site whose one large tab holds 120 pages in six topics (today's menu showed all 120
    on each of them): a cheap stand-in for the 1,000-page corpus of bench/nav_figures.py."""
    pages, nav = {}, ["  - index.md", "  - Klein:", "      - klein/een.md", "  - Groot:"]
    for topic in range(1, TOPICS + 1):
        nav.append(f"      - Onderwerp {topic}:")
        for number in range(1, TOPIC_SIZE + 1):
            name = f"groot/o{topic}/pagina-{number:02d}"
            nav.append(f"          - {name}.md")
            pages[f"{name}.md"] = f"# Pagina {topic}.{number}\n\nTekst.\n"
            pages[f"{name}.en.md"] = f"# Page {topic}.{number}\n\nText.\n"
    pages |= {"index.md": "# Start\n\nWelkom.\n", "index.en.md": "# Home\n\nWelcome.\n",
              "klein/een.md": "# Een\n\nTekst.\n", "klein/een.en.md": "# One\n\nText.\n"}
    project = fixture_project(tmp_path, pages)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").split("\nnav:")[0] + "\nnav:\n" + "\n".join(nav) + "\n",
                      encoding="utf-8")
    return project, {name for name in pages if name.startswith("groot/")}


def test_a_menu_stays_bounded_and_every_page_of_a_big_section_stays_reachable(tmp_path):
    project, sources = big_section_project(tmp_path)
    result = build_site(project / "site", "https://example.nl/", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    section = {page_url_path(site, page): page for page in built_pages(site) if "/groot/" in page.as_posix()}
    assert len(section) == len(sources)  # both languages
    counts = {path: menu_links(page.read_text(encoding="utf-8")) for path, page in section.items()}
    assert max(counts.values()) <= MAX_MENU_LINKS, sorted(counts.items(), key=lambda kv: -kv[1])[:3]
    # Browsable by the menu alone: from the first page, following menu links, every page is found.
    for start in ("/groot/o1/pagina-01/", "/en/groot/o1/pagina-01/"):
        seen, todo = {start}, [start]
        while todo:
            path = todo.pop()
            tree = LexborHTMLParser(section[path].read_text(encoding="utf-8"))
            for link in tree.css("nav.md-nav--primary a[href]"):
                target = urlsplit(urljoin(f"https://example.nl{path}", link.attributes["href"])).path
                if target in section and target not in seen:
                    seen.add(target)
                    todo.append(target)
        language = [p for p in section if p.startswith("/en/") == start.startswith("/en/")]
        assert sorted(seen) == sorted(language)
