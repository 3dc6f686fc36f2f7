"""The offline copies (orkest/offline/): each .zip unzipped into a temporary folder and opened
from file:// in Chromium with every network request refused. The session's site fixture made
them with `python -m orkest offline`, as the deploy does."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from orkest.offline import site_languages
from orkest.offline.tags import edit_tags, tag_pattern
from orkest.site import UI_STRINGS
from orkest.testing import ROOT
from orkest.testing.browser import RECORD_CSP_VIOLATIONS, csp_problems

LANGUAGES = ("nl", "en")
# Menu links (tabs, the site menu); not the table of contents, which stays on its page.
MENU_LINKS = ".md-tabs a[href], .md-nav--primary a.md-nav__link[href]"
VIDEO_PAGE = "instrumenten/trompet-ventielen-olien/index.html"
BUDGET = tomllib.loads((ROOT / "bench" / "budgets.toml").read_text(encoding="utf-8"))["offline"]


@dataclass
class OfflineTab:
    """A tab that lets the browser read files and refuses (and records) everything else."""

    page: object
    refused: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # file:// requests that failed: a file not in the copy


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory) -> dict[str, Path]:
    """Language -> the folder of its unzipped copy."""
    into = tmp_path_factory.mktemp("offline")
    folders = {}
    for language in LANGUAGES:
        with zipfile.ZipFile(site.root / "offline" / f"orkest-in-de-klas-{language}.zip") as archive:
            archive.extractall(into)
        folders[language] = into / f"orkest-in-de-klas-{language}"
    return folders


@pytest.fixture
def offline_tab(browser):
    context = browser.new_context()
    tab = OfflineTab(context.new_page())

    def route(route):
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            tab.refused.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    # A load cut short by going to the next page is not a missing file.
    tab.page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED"
                and tab.missing.append(f"{request.url}: {request.failure}"))
    yield tab
    context.close()


def search(tab: OfflineTab, query: str) -> list[str]:
    """Type the query into the header's search field; the result links' files, once drawn."""
    page = tab.page
    page.click("input.md-search__input")
    page.fill("input.md-search__input", query)
    for _ in range(100):  # polled: the copy's policy refuses wait_for_function's string
        if page.evaluate("document.querySelector('[data-search]').getAttribute('data-search-state')") == "done":
            break
        time.sleep(0.1)
    return search_hrefs(tab)


def search_hrefs(tab: OfflineTab) -> list[str]:
    return tab.page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link:first-child",
                                         "links => links.map(a => a.href.split('#')[0])")


def engine_results(tab: OfflineTab, query: str) -> list[str]:
    """Every result of the copy's engine (the dialog shows five at a time)."""
    return tab.page.evaluate("""async query => {
        const found = await window.orkestOfflineSearch.search(query, {});
        return Promise.all(found.results.map(r => r.data().then(d => d.url)));
    }""", query)


def indexed_pages(folder: Path) -> list[dict]:
    script = (folder / "assets/offline/search-index.js").read_text(encoding="utf-8")
    return json.loads(script.removeprefix("window.orkestOfflinePages = ").rstrip().removesuffix(";"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_menu_link_opens_a_page_and_nothing_is_requested_from_a_network(offline_tab, unzipped, language):
    root = unzipped[language].as_uri()
    waiting, seen, problems = [f"{root}/index.html"], set(), []
    while waiting:
        url = waiting.pop()
        if url in seen:
            continue
        seen.add(url)
        offline_tab.page.goto(url, wait_until="load")
        title = offline_tab.page.evaluate("(document.querySelector('article h1') || {}).textContent || ''")
        if not title.strip():  # a folder listing, or a page without its article
            problems.append(f"{url}: no article title (a folder listing?)")
            continue
        problems += csp_problems(offline_tab.page, url)
        links = offline_tab.page.eval_on_selector_all(MENU_LINKS, "links => links.map(a => a.href.split('#')[0])")
        assert all(link.startswith(root) for link in links), f"{url}: a menu link leaves the copy"
        waiting += [link for link in links if link not in seen]
    assert problems == []
    assert len(seen) >= 60, f"only {len(seen)} pages reached through the menu"
    assert offline_tab.refused == [] and offline_tab.missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_and_file_of_every_page_is_a_file_of_the_copy(unzipped, language):
    """Not only the menu: every link, stylesheet, script, picture, video and download a page names
    is a file in the copy (never a folder, which file:// shows as a listing), or another site."""
    folder, problems, pages = unzipped[language], [], 0
    for page in folder.rglob("*.html"):
        pages += 1
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        for node in tree.css("a[href], link[href], script[src], img[src], source[src], track[src], video[poster]"):
            for name in ("href", "src", "poster"):
                value = node.attributes.get(name)
                if value is None or value.startswith("#") or urlsplit(value).scheme:  # another site, data:
                    continue
                target = (page.parent / unquote(value.split("#")[0].split("?")[0])).resolve()
                if not target.is_file() or not target.is_relative_to(folder):
                    problems.append(f"{page.relative_to(folder)}: {name}={value}")
    assert pages >= 80 and problems == []


def test_a_search_for_a_stemmed_dutch_word_finds_its_page(offline_tab, unzipped):
    folder = unzipped["nl"]
    offline_tab.page.goto((folder / "index.html").as_uri(), wait_until="load")
    shown = search(offline_tab, "instrumenten")
    status = offline_tab.page.text_content("[data-search-status]")
    assert len(shown) == 5 and re.match(r"\d+ resultaten", status), status
    # Pages that say "instrument" and never "instrumenten": only the stemmer can find them.
    only_stem = {(folder / page["url"]).as_uri() for page in indexed_pages(folder)
                 if re.search(r"\binstrument\b", " ".join(s["text"] for s in page["sections"]), re.I)
                 and not re.search(r"\binstrumenten\b", json.dumps(page), re.I)}
    assert only_stem, "no page to test the stemmer with: choose another word"
    assert only_stem <= set(engine_results(offline_tab, "instrumenten"))
    # The filters, as online: a chip per value; picking Trompet leaves only pages about the trumpet.
    pages = indexed_pages(folder)
    trumpet = next(page for page in pages if page["url"] == VIDEO_PAGE)
    assert trumpet["filters"]["instrument"] == ["Trompet"] and trumpet["filters"]["type"] == ["Instructie"]
    search(offline_tab, "ventielen")
    offline_tab.page.click("[data-search-filters] button:text-is('Trompet')")
    for _ in range(50):
        if offline_tab.page.get_attribute("[data-search]", "data-search-state") == "done":
            break
        time.sleep(0.1)
    about_trumpets = {(folder / page["url"]).as_uri() for page in pages
                      if "Trompet" in page["filters"].get("instrument", [])}
    shown = search_hrefs(offline_tab)
    assert (folder / VIDEO_PAGE).as_uri() in shown and set(shown) <= about_trumpets
    offline_tab.page.click(".md-search-result__item > a.md-search-result__link")
    offline_tab.page.wait_for_load_state("load")
    assert offline_tab.page.evaluate("document.querySelector('article h1').textContent")
    assert offline_tab.refused == [] and offline_tab.missing == []
    assert csp_problems(offline_tab.page, "nl") == []


def test_an_english_search_finds_its_page(offline_tab, unzipped):
    folder = unzipped["en"]
    offline_tab.page.goto((folder / "index.html").as_uri(), wait_until="load")
    shown = search(offline_tab, "oiling valves")
    assert shown[0] == (folder / VIDEO_PAGE).as_uri()
    marked = offline_tab.page.eval_on_selector_all(".md-search-result__item mark", "marks => marks.map(m => m.textContent)")
    assert any(word.lower().startswith("valve") for word in marked)
    assert offline_tab.refused == [] and offline_tab.missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_caption_tracks_of_a_video_page_have_cues_and_the_video_plays(offline_tab, unzipped, language):
    offline_tab.page.goto((unzipped[language] / VIDEO_PAGE).as_uri(), wait_until="load")
    cues = offline_tab.page.evaluate("""async () => {
        const tracks = [...document.querySelector('video').textTracks];
        tracks.forEach(track => { track.mode = 'hidden'; });
        for (let i = 0; i < 50 && tracks.some(t => !t.cues || !t.cues.length); i++) {
            await new Promise(done => setTimeout(done, 100));
        }
        return tracks.map(t => [t.language, t.cues ? t.cues.length : 0]);
    }""")
    assert sorted(language for language, _ in cues) == ["en", "nl"]
    assert all(count > 0 for _, count in cues), cues
    # And the video itself plays from the copy's file (the reader's press of play loads it).
    duration = offline_tab.page.evaluate("""async () => {
        const video = document.querySelector('video');
        video.preload = 'metadata';
        video.load();
        for (let i = 0; i < 50 && video.readyState < 1; i++) await new Promise(done => setTimeout(done, 100));
        return video.currentSrc.startsWith('file:') && !video.error ? video.duration : 0;
    }""")
    assert duration > 10
    assert offline_tab.refused == [] and offline_tab.missing == []
    assert csp_problems(offline_tab.page, language) == []


def test_home_and_guide_link_to_both_copies_with_their_sizes_and_a_copy_not_to_itself(site, unzipped):
    for language, prefix in (("nl", ""), ("en", "en/")):
        words = UI_STRINGS[language]["offline_pack"]
        for name in ("index.html", "meedoen/index.html"):
            page = site.root / prefix / name
            html = page.read_text(encoding="utf-8")
            assert html.count("data-offline-pack") == 1, page
            links = re.findall(r'<a href="([^"]+\.zip)" download hreflang="(\w+)">([^<]+)</a>', html)
            assert [code for _, code, _ in links] == list(LANGUAGES)
            for href, code, label in links:
                size = (page.parent / href).resolve().stat().st_size
                shown = f"{size / 1_000_000:.1f}".replace(".", words["decimal"])
                assert label == words["link"].format(language=words["languages"][code],
                                                     size=words["size"].format(size=shown))
            assert "offline-pack" not in (unzipped[language] / name).read_text(encoding="utf-8")


def test_a_second_run_gives_the_same_copies_and_one_box(site, tmp_path):
    copy = shutil.copytree(site.root, tmp_path / "site")
    run = subprocess.run([sys.executable, "-m", "orkest", "offline", str(copy)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    for language in LANGUAGES:
        name = f"offline/orkest-in-de-klas-{language}.zip"
        assert (copy / name).read_bytes() == (site.root / name).read_bytes()
    assert (copy / "index.html").read_text(encoding="utf-8").count("data-offline-pack") == 1


def test_a_page_that_names_a_missing_file_fails_naming_the_page_and_the_file(site, tmp_path):
    copy = shutil.copytree(site.root, tmp_path / "site")
    (copy / "instrumenten/video/trompet-ventielen-olien-nl-nl.vtt").unlink()
    run = subprocess.run([sys.executable, "-m", "orkest", "offline", str(copy)], capture_output=True, text=True)
    assert run.returncode == 1
    assert ("instrumenten/trompet-ventielen-olien/index.html: ../video/trompet-ventielen-olien-nl-nl.vtt names "
            "instrumenten/video/trompet-ventielen-olien-nl-nl.vtt, which is not in the built site") in run.stderr
    assert "hint:" in run.stderr


def test_making_the_copies_stays_within_its_share_of_the_build(site):
    share = site.offline_cpu_seconds / site.cpu_seconds
    assert share <= BUDGET["max_cpu_share_of_build"], (
        f"python -m orkest offline took {site.offline_cpu_seconds:.2f} s CPU, {share:.0%} of the build's "
        f"{site.cpu_seconds:.2f} s (budget {BUDGET['max_cpu_share_of_build']:.0%}, bench/budgets.toml [offline])")


def test_the_languages_come_from_the_home_page(site):
    site_url, languages = site_languages(site.root)
    assert site_url == site.url
    assert [(language.code, language.prefix) for language in languages] == [("nl", ""), ("en", "en/")]


def test_only_the_changed_attributes_change():
    page = ('<p>a &lt;b&gt;</p>\n<a class=x href="../" title="a > b">t</a>'
            '<script>var a = "<a href=1>";</script><video\n poster="p.webp" preload="none">')

    def editor(tag, attributes):
        if tag == "a":
            return {"href": attributes["href"] + "index.html", "data-x": "it's"}
        if tag == "video":
            return {"poster": None}
        return None

    assert edit_tags(page, editor, tag_pattern(("a", "video"))) == ('<p>a &lt;b&gt;</p>\n<a class=x href="../index.html" title="a > b" '
                                       'data-x="it\'s">t</a><script>var a = "<a href=1>";</script>'
                                       '<video preload="none">')
