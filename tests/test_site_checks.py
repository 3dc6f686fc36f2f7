"""Each site check, fed a bad example, fails and names the file and the problem."""

from __future__ import annotations

from pathlib import Path

from site_checks import (
    language_problems,
    missing_built_twins,
    sitemap_problems,
    third_party_resources,
)

from orkest.checks.twins import missing_twins

SITE_URL = "https://example.nl/"


def write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def page(lang: str, hreflang: dict[str, str], switcher: dict[str, str], body: str = "") -> str:
    links = "".join(f'<link rel="alternate" hreflang="{k}" href="{v}">' for k, v in hreflang.items())
    options = "".join(f'<a class="language-switch__link" hreflang="{k}" href="{v}">x</a>' for k, v in switcher.items())
    return f'<html lang="{lang}"><head>{links}</head><body>{options}{body}</body></html>'


def good_pair(site: Path, folder: str) -> None:
    nl, en = f"{SITE_URL}{folder}/", f"{SITE_URL}en/{folder}/"
    alternates = {"nl": nl, "en": en, "x-default": nl}
    write(site / folder / "index.html", page("nl", alternates, {"nl": "./", "en": f"../en/{folder}/"}))
    write(site / "en" / folder / "index.html", page("en", alternates, {"nl": f"../../{folder}/", "en": "./"}))


def test_missing_twins_names_the_page_and_the_missing_file(tmp_path):
    docs = tmp_path / "docs"
    write(docs / "both.md"), write(docs / "both.en.md")
    write(docs / "instrumenten" / "hobo.md")
    write(docs / "alleen-engels.en.md")
    assert missing_twins(docs) == [
        "docs/alleen-engels.en.md: has no Dutch original (add docs/alleen-engels.md)",
        "docs/instrumenten/hobo.md: has no English version (add docs/instrumenten/hobo.en.md)",
    ]


def test_missing_built_twin_is_reported(tmp_path):
    good_pair(tmp_path, "a")
    write(tmp_path / "b" / "index.html", page("nl", {}, {}))
    assert missing_built_twins(tmp_path) == ["b/index.html: no twin page at /en/b/"]


def test_third_party_fonts_scripts_frames_and_css_imports_are_reported(tmp_path):
    write(tmp_path / "index.html", page("nl", {}, {}, body=(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="preconnect" href="https://fonts.gstatic.com">'
        '<script src="https://cdn.example.com/analytics.js"></script>'
        '<iframe src="https://www.youtube.com/embed/abc"></iframe>'
        '<div style="background: url(https://tracker.example.com/p.gif)"></div>'
        '<a href="https://www.leerorkest.nl/">a link a reader clicks is fine</a>'
        '<script src="/assets/own.js"></script>'
    )))
    write(tmp_path / "assets" / "extra.css", '@import "https://fonts.example.com/x.css";')
    problems = third_party_resources(tmp_path, "example.nl")
    assert problems == [
        "index.html: <link> loads https://fonts.googleapis.com/css?family=Roboto",
        "index.html: <link> loads https://fonts.gstatic.com",
        "index.html: <script> loads https://cdn.example.com/analytics.js",
        "index.html: <iframe> loads https://www.youtube.com/embed/abc",
        "index.html: <div> loads https://tracker.example.com/p.gif",
        "assets/extra.css: stylesheet loads https://fonts.example.com/x.css",
    ]


def test_language_problems_catch_lang_relative_hreflang_and_a_switcher_to_home(tmp_path):
    good_pair(tmp_path, "a")
    write(tmp_path / "b" / "index.html", page(
        "en",  # wrong: a Dutch page
        {"nl": "/b/", "en": f"{SITE_URL}en/b/"},  # relative nl, no x-default
        {"en": "/en/"},  # the switcher drops the reader on the English home page
    ))
    problems = [p for p in language_problems(tmp_path, SITE_URL) if p.startswith("b/")]
    assert problems == [
        "b/index.html: <html lang> is 'en', expected 'nl'",
        "b/index.html: hreflang 'nl' is '/b/', expected 'https://example.nl/b/'",
        "b/index.html: hreflang 'x-default' is None, expected 'https://example.nl/b/'",
        "b/index.html: the language switcher leads to '/en/', not to /en/b/",
    ]


def test_good_pages_pass_the_language_check(tmp_path):
    good_pair(tmp_path, "a")
    assert language_problems(tmp_path, SITE_URL) == []


def test_sitemap_without_alternates_is_reported(tmp_path):
    good_pair(tmp_path, "a")
    write(tmp_path / "sitemap.xml", (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        f'<url><loc>{SITE_URL}a/</loc></url></urlset>'
    ))
    assert sitemap_problems(tmp_path, SITE_URL) == [
        "sitemap.xml: https://example.nl/a/ has alternate 'nl' = None, expected 'https://example.nl/a/'",
        "sitemap.xml: https://example.nl/a/ has alternate 'en' = None, expected 'https://example.nl/en/a/'",
        "sitemap.xml: https://example.nl/en/a/ is missing",
    ]
