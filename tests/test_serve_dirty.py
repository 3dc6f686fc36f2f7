"""The default preview (./scripts/serve: `mkdocs serve --dirty`, both languages) rebuilds only
what changed, and still shows every menu label and generated listing (orkest/mkdocs/dirty_preview.py)."""

from __future__ import annotations

import html
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from selectolax.lexbor import LexborHTMLParser

from orkest.site import AUDIENCES
from orkest.testing import ROOT
from orkest.testing.preview import fetch, front_matter, serve_copy, wait_until_served

DEFAULT_PREVIEW = ("--dirty",)  # what ./scripts/serve passes unless told --clean


def test_serve_script_previews_dirty_by_default():
    assert 'rebuild=--dirty' in (ROOT / "scripts" / "serve").read_text(encoding="utf-8")


def menu_labels(page_html: str) -> list[str]:
    return [" ".join(link.text().split()) for link in LexborHTMLParser(page_html).css("nav.md-nav a.md-nav__link")]


def titles(folder: Path, english: bool) -> set[str]:
    """The front matter titles of a folder's pages in one language (the Dutch file where no translation exists)."""
    found = set()
    for dutch in folder.glob("*.md"):
        if dutch.name.endswith(".en.md") or dutch.name == "index.md":  # a section's index is the section's label
            continue
        english_file = dutch.with_name(dutch.name.removesuffix(".md") + ".en.md")
        found.add(front_matter(english_file if english and english_file.exists() else dutch)["title"])
    return found


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n{text}\n", encoding="utf-8")


def test_an_edit_shows_with_every_menu_label_and_the_listing(tmp_path):
    with serve_copy(ROOT, tmp_path, "en/", *DEFAULT_PREVIEW) as (project, url, _):
        docs = project / "docs"
        # Several saves in a row, in both languages.
        append(docs / "instrumenten" / "onderhoud.md", "Eerste opgeslagen zin.")
        wait_until_served(f"{url}/instrumenten/onderhoud/", "Eerste opgeslagen zin.", 30)
        append(docs / "starten" / "meerjarenplan.en.md", "Second saved sentence.")
        wait_until_served(f"{url}/en/starten/meerjarenplan/", "Second saved sentence.", 30)
        append(docs / "instrumenten" / "onderhoud.md", "Derde opgeslagen zin.")
        wait_until_served(f"{url}/instrumenten/onderhoud/", "Derde opgeslagen zin.", 30)
        for prefix, english in (("", False), ("/en", True)):
            for address in ("/instrumenten/onderhoud/", "/instrumenten/lenen-en-ruilen/", "/starten/meerjarenplan/"):
                labels = menu_labels(fetch(f"{url}{prefix}{address}"))
                assert labels and "None" not in labels, f"{prefix}{address}: {labels}"
                folder = docs / address.strip("/").split("/")[0]
                assert titles(folder, english) <= set(labels), f"{prefix}{address}: {labels}"
            lists = html.unescape(" ".join(fetch(f"{url}{prefix}/voor-wie/{audience}/") for audience in AUDIENCES))
            # Every page but the listing itself and the home page (whose label mkdocs.yml's nav gives).
            listed = {path for path in docs.rglob("*.md") if path.parent != docs and
                      path.name.endswith(".en.md") == english}
            missing = [path.name for path in listed if front_matter(path)["title"] not in lists]
            assert not missing, f"{prefix}/voor-wie/'s audience lists do not list {missing}"
            overview = fetch(f"{url}{prefix}/instrumenten/videos/")
            assert overview.count('class="video-card"') >= 3, f"{prefix}/instrumenten/videos/ lost its videos"


def test_a_new_title_shows_in_the_menu_of_other_pages(tmp_path):
    with serve_copy(ROOT, tmp_path, "en/", *DEFAULT_PREVIEW) as (project, url, _):
        edited = project / "docs" / "instrumenten" / "onderhoud.md"
        old = front_matter(edited)["title"]
        edited.write_text(edited.read_text(encoding="utf-8").replace(f"title: {old}", "title: Zorg voor je instrument", 1),
                          encoding="utf-8")
        wait_until_served(f"{url}/instrumenten/onderhoud/", "Zorg voor je instrument", 30)
        other = menu_labels(fetch(f"{url}/instrumenten/lenen-en-ruilen/"))
        assert "Zorg voor je instrument" in other and old not in other, other
        lists = [html.unescape(fetch(f"{url}/voor-wie/{audience}/")) for audience in front_matter(edited)["audience"]]
        assert all("Zorg voor je instrument" in listed and old not in listed for listed in lists)


def test_the_preview_finds_every_front_matter_problem_a_full_check_finds(tmp_path):
    from orkest.checks.front_matter import docs_findings, docs_problems
    from orkest.mkdocs.dirty_preview import DirtyPreview
    from orkest.testing import fixture_project

    project = fixture_project(tmp_path, {
        "index.md": "# Start\n", "index.en.md": "# Home\n",
        "a.md": "---\ntitle: Zelfde\ndescription: x\ntype: manual\naudience: [music-teacher]\n---\n",
        "b.md": "---\ntitle: Zelfde\ntype: wrong\naudience: [music-teacher]\n---\n",
        "c.md": b"---\ntitle: caf\xe9\n---\n",
    })
    docs = project / "docs"
    preview = DirtyPreview()
    full = docs_problems(docs)
    assert len(full) >= 4 and preview.docs_findings(docs) == docs_findings(docs)
    # A second look reads only what changed, and still lists every problem and every front matter.
    (docs / "a.md").write_text("---\ntitle: Anders\n---\n", encoding="utf-8")
    assert preview.docs_findings(docs) == docs_findings(docs)
    assert docs_problems(docs) != full


@pytest.mark.browser
def test_an_edit_is_searchable_in_the_preview_soon_after_it_shows(tmp_path, browser):
    with serve_copy(ROOT, tmp_path, "en/", *DEFAULT_PREVIEW) as (project, url, _):
        append(project / "docs" / "instrumenten" / "onderhoud.md", "Hier staat het woord kleppenwasbeurt.")
        wait_until_served(f"{url}/instrumenten/onderhoud/", "kleppenwasbeurt", 30)
        page = browser.new_page()
        found: list[str] = []
        deadline = time.monotonic() + 30  # the preview indexes in the background, after the page shows
        while time.monotonic() < deadline and "/instrumenten/onderhoud/" not in found:
            page.goto(f"{url}/?q=kleppenwasbeurt", wait_until="load")
            try:
                page.wait_for_selector("[data-search][data-search-state=done]", state="attached", timeout=5_000)
            except PlaywrightTimeout:
                continue  # loaded while the preview swapped in a new index: ask again
            found = [href.split("#")[0] for href in page.eval_on_selector_all(
                ".md-search-result__link", "links => links.map(a => new URL(a.href).pathname)")]
        page.close()
        assert "/instrumenten/onderhoud/" in found, found


def rebuilt_lines(log: Path, after: int) -> list[str]:
    """The preview's "N of M 'nl' pages rebuilt" lines written after the first `after` characters."""
    return [line.split("dirty preview: ", 1)[1] for line in log.read_text(encoding="utf-8")[after:].splitlines()
            if "dirty preview: " in line]


def conductor_pages(list_html: str) -> list[str]:
    """The pages the conductors' list shows."""
    return [link.attributes["href"] for link in LexborHTMLParser(list_html).css("article > ul a")]


def test_generated_pages_are_rebuilt_only_when_what_they_list_changes(tmp_path):
    with serve_copy(ROOT, tmp_path, "en/", *DEFAULT_PREVIEW) as (project, url, log):
        edited = project / "docs" / "instrumenten" / "onderhoud.md"
        # A sentence changes no listing: only the page itself is rebuilt.
        before = len(log.read_text(encoding="utf-8"))
        append(edited, "Een zin die geen lijst verandert.")
        wait_until_served(f"{url}/instrumenten/onderhoud/", "Een zin die geen lijst verandert.", 30)
        time.sleep(0.5)
        dutch = [line for line in rebuilt_lines(log, before) if "'nl'" in line]
        assert dutch and dutch[0].startswith("1 of "), dutch
        # ... and no English page shows a Dutch sentence: the English build is left out.
        assert "no change shows in 'en': its build is left out" in rebuilt_lines(log, before), rebuilt_lines(log, before)
        # An English sentence: the English site is built first, and the Dutch build left out.
        before = len(log.read_text(encoding="utf-8"))
        append(project / "docs" / "instrumenten" / "onderhoud.en.md", "A sentence that changes no list.")
        wait_until_served(f"{url}/en/instrumenten/onderhoud/", "A sentence that changes no list.", 30)
        time.sleep(0.5)
        said = rebuilt_lines(log, before)
        assert "no change shows in 'nl': 'en' is built first" in said and \
            "no change shows in 'nl': its build is left out" in said, said
        assert "Een zin die geen lijst verandert." in fetch(f"{url}/instrumenten/onderhoud/")
        # A build reads pages and templates: that sets off no further rebuild.
        builds = log.read_text(encoding="utf-8").count("Building documentation")
        time.sleep(2)
        assert log.read_text(encoding="utf-8").count("Building documentation") == builds
        # A page with a video: the video overview is rebuilt with it, and still lists every video.
        before = len(log.read_text(encoding="utf-8"))
        append(project / "docs" / "instrumenten" / "trompet-ventielen-olien.md", "Een zin bij de video.")
        wait_until_served(f"{url}/instrumenten/trompet-ventielen-olien/", "Een zin bij de video.", 30)
        time.sleep(0.5)
        dutch = [line for line in rebuilt_lines(log, before) if "'nl'" in line]
        assert dutch and dutch[0].startswith("2 of "), dutch
        assert fetch(f"{url}/instrumenten/videos/").count('class="video-card"') >= 3
        # A new section leaves its translation behind: the status page lists the translation.
        append(edited, "## Een nieuwe sectie\n\nNieuwe tekst.")
        wait_until_served(f"{url}/meedoen/vertaalstatus/", "onderhoud.en.md", 30)
        wait_until_served(f"{url}/en/meedoen/vertaalstatus/", "onderhoud.en.md", 30)  # the English build follows
        # A new audience puts the page in that audience's list.
        assert not any("onderhoud" in href for href in conductor_pages(fetch(f"{url}/voor-wie/conductor/")))
        edited.write_text(edited.read_text(encoding="utf-8").replace("audience: [", "audience: [conductor, ", 1),
                          encoding="utf-8")
        deadline = time.monotonic() + 30
        while not any("onderhoud" in href for href in conductor_pages(fetch(f"{url}/voor-wie/conductor/"))):
            assert time.monotonic() < deadline, "the audience listing did not follow the new audience"
            time.sleep(0.1)
