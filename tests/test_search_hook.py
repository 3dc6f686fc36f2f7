"""orkest/mkdocs/search.py and overrides/main.html: each page's theme settings point at its
language's index."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from orkest.mkdocs.search import search_settings
from orkest.testing import build_site, fixture_project


def theme_config(html: str) -> dict:
    # Read as a browser reads it: a lookalike inside an attribute is no element.
    return json.loads(LexborHTMLParser(html).css_first("script#__config").text())


def test_english_page_searches_the_english_index_through_the_stemming_worker():
    assert search_settings("../..", "en", "search.a7633da7.min.js") == {
        "base": "../../en/",
        "worker": "assets/javascripts/workers/search-worker.js?theme=search.a7633da7.min.js",
    }


def test_dutch_page_keeps_the_root_index():
    assert search_settings("../..", "", "search.a7633da7.min.js")["base"] == "../.."


def test_a_lookalike_settings_block_in_a_page_changes_nothing(tmp_path):
    # The settings are written by the template (overrides/main.html), not found in the page.
    decoy = ('<p title=\'<script id="__config" type="application/json">{"base": ".", '
             '"search": "a/workers/search.0a.min.js"}</script>\'>Zoeken</p>')
    project = fixture_project(tmp_path, {"index.md": "# Start\n\n" + decoy + "\n", "index.en.md": "# Home\n"})
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '"search": "a/workers' in html  # the decoy stays text in its attribute
    assert "workers/search-worker.js?theme=search." in theme_config(html)["search"]


def test_every_built_page_uses_its_own_language_index(site):
    for html in site.root.rglob("*.html"):
        relative = html.relative_to(site.root).as_posix()
        if relative.startswith("assets/"):
            continue
        settings = theme_config(html.read_text(encoding="utf-8"))
        assert "workers/search-worker.js?theme=search." in settings["search"], relative
        assert settings["base"].endswith("/en/") == relative.startswith("en/"), relative
