"""orkest/mkdocs/search.py: the theme config of each page points at its language's index."""

from __future__ import annotations

import json
import re

import pytest
from mkdocs.exceptions import PluginError

from orkest.mkdocs.search import rewrite_theme_config

PAGE = (
    '<html><script id="__config" type="application/json">'
    '{"base": "../..", "search": "../../assets/javascripts/workers/search.a7633da7.min.js"}'
    "</script></html>"
)


def theme_config(html: str) -> dict:
    return json.loads(re.search(r'type="application/json">(.*?)</script>', html)[1])


def test_english_page_searches_the_english_index_through_the_stemming_worker():
    settings = theme_config(rewrite_theme_config(PAGE, "en", "a/b.en.md"))
    assert settings == {
        "base": "../../en/",
        "search": "../../assets/javascripts/workers/search-worker.js?theme=search.a7633da7.min.js",
    }


def test_dutch_page_keeps_the_root_index():
    assert theme_config(rewrite_theme_config(PAGE, "", "a/b.md"))["base"] == "../.."


def test_a_changed_theme_fails_loudly_naming_the_page():
    with pytest.raises(PluginError, match=r"a/b\.md: the theme's __config script was not found"):
        rewrite_theme_config("<html></html>", "", "a/b.md")
    changed = PAGE.replace("workers/search.a7633da7.min.js", "search.js")
    with pytest.raises(PluginError, match=r"a/b\.md: unexpected search worker"):
        rewrite_theme_config(changed, "", "a/b.md")


def test_every_built_page_uses_its_own_language_index(site):
    for html in site.root.rglob("*.html"):
        relative = html.relative_to(site.root).as_posix()
        if relative.startswith("assets/"):
            continue
        settings = theme_config(html.read_text(encoding="utf-8"))
        assert "workers/search-worker.js?theme=search." in settings["search"], relative
        assert settings["base"].endswith("/en/") == relative.startswith("en/"), relative
