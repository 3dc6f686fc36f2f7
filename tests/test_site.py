"""The real site: strict build, both languages, language links, sitemap, privacy."""

from __future__ import annotations

from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser
from site_checks import (
    language_problems,
    missing_built_twins,
    page_language,
    sitemap_problems,
    third_party_resources,
)

from orkest.checks.twins import missing_twins
from orkest.testing import ROOT, build_site, built_pages

MINIMUM_PAGES_PER_LANGUAGE = 30


def test_strict_build_has_no_warnings(site):
    warnings = [line for line in site.log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == []


def test_every_source_page_has_its_twin():
    assert missing_twins(ROOT / "docs") == []


def test_both_languages_are_built_with_enough_pages(site):
    per_language = {"nl": 0, "en": 0}
    for page in built_pages(site.root):
        per_language[page_language(site.root, page)] += 1
    assert per_language["nl"] == per_language["en"] >= MINIMUM_PAGES_PER_LANGUAGE


def test_every_built_page_has_its_twin(site):
    assert missing_built_twins(site.root) == []


def test_lang_hreflang_and_switcher_point_to_the_twin(site):
    assert language_problems(site.root, site.url) == []


def test_sitemap_lists_both_languages_with_alternates(site):
    assert sitemap_problems(site.root, site.url) == []


def test_no_page_loads_anything_from_another_host(site):
    assert third_party_resources(site.root, urlsplit(site.url).hostname) == []


def test_the_one_404_page_is_dutch_with_a_part_for_every_other_language(site):
    tree = LexborHTMLParser((site.root / "404.html").read_text(encoding="utf-8"))
    assert tree.css_first("html").attributes["lang"] == "nl"
    assert tree.css_first("input.md-search__input").attributes["placeholder"] == "Zoeken"
    assert tree.css_first("h1").text() == "Pagina niet gevonden"
    assert tree.css_first('article div[lang="en"] h2').text() == "Page not found"
    assert [a.attributes["href"] for a in tree.css("article div[lang] a")] == ["/", "/en/"]
    # Dutch tabs; the language menu offers each language's home page, not some other page.
    assert all(not a.attributes["href"].startswith("/en/") for a in tree.css("a.md-tabs__link"))
    assert {a.attributes["hreflang"]: a.attributes["href"] for a in tree.css("a.language-switch__link")} == {
        "nl": "/", "en": "/en/"}
    assert not (site.root / "en" / "404.html").exists()


def test_theme_strings_follow_the_language(site):
    dutch = (site.root / "index.html").read_text(encoding="utf-8")
    english = (site.root / "en" / "index.html").read_text(encoding="utf-8")
    assert "Zoeken" in dutch and "Search" in english
    # One name in both languages; the footer speaks the reader's language.
    assert "Orkest in de Klas" in english and "About this site" in english and "Over deze site" in dutch


def test_each_language_has_its_own_search_index(site):
    import json

    entry = json.loads((site.root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = {language: details["page_count"] for language, details in entry["languages"].items()}
    # Pagefind splits by <html lang>: the same pages in both, less the generated listings.
    assert set(pages) == {"nl", "en"} and pages["nl"] == pages["en"] >= MINIMUM_PAGES_PER_LANGUAGE


def test_every_page_links_to_its_own_file_for_editing(site):
    from bs4 import BeautifulSoup

    from orkest.testing import REPO_URL

    sources = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    for page in built_pages(site.root):
        edit = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("a[rel=edit]")
        assert edit is not None, page
        source = edit["href"].removeprefix(f"{REPO_URL}/edit/main/docs/")
        assert source in sources, edit["href"]
        assert source.endswith(".en.md") == (page_language(site.root, page) == "en"), edit["href"]


def build_without_repo_url(site_dir, **env):
    # Also with a relative -f path, as editors and CI scripts often do.
    return build_site(site_dir, "https://www.orkestindeklas.nl/", "-f", "mkdocs.yml", repo_url=None, env=env)


def test_without_a_repository_address_there_is_no_edit_link_and_no_warning(tmp_path):
    result = build_without_repo_url(tmp_path)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    assert 'rel="edit"' not in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_a_one_language_preview_builds_only_that_language(tmp_path):
    result = build_without_repo_url(tmp_path, PREVIEW_LANGUAGE="en")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    assert not (tmp_path / "en").exists()
    assert '<html lang="en"' in (tmp_path / "instrumenten" / "index.html").read_text(encoding="utf-8")
