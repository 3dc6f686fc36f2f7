"""Routes around the content policy that a security review found, each closed for good.

A contributor changes only docs/; each case must fail both gates (the build and
./scripts/check) naming the page, or build to a page where the text stays text.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from selectolax.lexbor import LexborHTMLParser

from orkest.checks.quick import quick_check
from orkest.finish.csp import ThemeScripts, may_hold_event_handler
from orkest.testing import ROOT, build_site, fixture_project

# A caption file that is also valid JavaScript: harmless as a caption, dangerous as a script.
POLYGLOT = 'WEBVTT=1;document.documentElement.setAttribute("data-pwned","yes")\n'


def project_with(tmp_path, page: str, **files):
    return fixture_project(tmp_path, {"index.md": "# Start\n\n" + page + "\n", "index.en.md": "# Home\n",
                                      "pauze.vtt": POLYGLOT, **files})


def scripts_in(site_page) -> list[str]:
    tree = LexborHTMLParser(site_page.read_text(encoding="utf-8"))
    return [node.attributes.get("src") or "inline" for node in tree.css("script")
            if node.attributes.get("type") != "application/json"]


@pytest.mark.parametrize("text", [
    '<div>\n< tabindex=""script src="pauze.vtt"></script>\n</div>',  # the tabindex repair
    "<p title='<label for=\"'><abbr title=\"'><script src=pauze.vtt></script><abbr title='\">x</abbr>'</p>",
])
def test_the_html_repairs_never_turn_the_contents_text_into_markup(tmp_path, text):
    project = project_with(tmp_path, text)
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not any("pauze" in src for src in scripts_in(tmp_path / "site" / "index.html"))


def test_content_that_ends_inside_a_tag_fails_both_gates(tmp_path):
    # In the page the theme's markup follows; an open tag would swallow it.
    project = project_with(tmp_path, '<div>\n<script src="pauze.vtt" x="')
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    message = "docs/index.md: the page ends inside an unfinished HTML tag, attribute or comment"
    assert message in result.stderr
    assert any(p.startswith(message) for p in quick_check([], project / "docs", project / "mkdocs.yml"))


def test_markup_in_the_instrument_field_fails_both_gates(tmp_path):
    front_matter = ("---\ntitle: Trompet\ndescription: Een pagina over de trompet en wat je ermee doet.\n"
                    "type: instruction\naudience: [music-teacher]\n"
                    "instrument: '\" title=''<script src=pauze.vtt></script>'' lang=\"'\n---\n\n")
    project = fixture_project(tmp_path, {"index.md": front_matter + "# Trompet\n", "index.en.md": "# Home\n"})
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    message = "docs/index.md: the field 'instrument' holds markup"
    assert message in result.stderr
    assert any(p.startswith(message) for p in quick_check([], project / "docs", project / "mkdocs.yml"))


@pytest.mark.parametrize("captions", ["https:/../../../../geheim-{lang}.vtt", "/x/{lang}/../../geheim.vtt",
                                      "../../geheim-{lang}.vtt"])
def test_a_caption_path_can_not_reach_outside_docs(tmp_path, captions):
    (tmp_path / "geheim-nl.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nGEHEIM\n", encoding="utf-8")
    video = f'![type:video](https://youtu.be/abcdefghijk){{ title="Onderhoud" captions="{captions}" }}'
    project = project_with(tmp_path, video)
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0 and "GEHEIM" not in result.stderr
    assert "docs/index.md: video problem(s):" in result.stderr
    assert any(p.startswith("docs/index.md: video:") for p in quick_check([], project / "docs", project / "mkdocs.yml"))


@pytest.mark.parametrize("tag, message", [
    ('<script src="{{ base_url }}/pauze.vtt"></script>', "a script that is not one of the site's JavaScript files"),
    ('<link rel="preconnect" href="https://preconnect.example/">', "makes the browser contact a host by itself"),
    ('<link rel="dns-prefetch" href="//dns.example/">', "makes the browser contact a host by itself"),
    ('<link rel="stylesheet" href="https://cdn.example/x.css">', "loads something from another site"),
    ('<script type="text/ecmascript">alert(1)</script>', "an inline script that no allowed template writes"),
])
def test_a_finished_page_may_load_only_the_sites_own_scripts_and_styles(tmp_path, tag, message):
    project = project_with(tmp_path, "Tekst.")
    template = project / "overrides" / "main.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}" + tag, 1), encoding="utf-8")
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    assert "docs/index.md (page /): " in result.stderr and message in result.stderr, result.stderr


@pytest.mark.parametrize("handler", [
    '<a onclick="x()">', "<a/onclick=x()>", '<a href="#"onclick=x()>', "<a href='#'ONCLICK\t=x()>",
    "<svg><g\nonload\n=x()></g></svg>", '<img src="x.webp" alt="" onerror = "x()">',
    "<a\x0conclick=x()>", "<a href=x onclick=y()>", "<p title='a'\tOnMouseOver='x()'>", "<b/x/onfocus=x() tabindex=0>",
])
def test_every_spelling_of_an_event_handler_around_the_content_is_found(handler):
    # Written around the content (by a template or a front matter value), in any spelling a browser reads.
    scripts = ThemeScripts([ROOT / "overrides", Path(material.__file__).parent / "templates"], [])
    page = f"<html><head><meta charset=utf-8></head><body>{handler}<article>Tekst.</article></body></html>"
    _, problems = scripts.finish(page, ".", "<article>Tekst.</article>")
    assert any("an event handler" in problem for problem in problems), problems


@pytest.mark.parametrize("text, expected", [
    ("<a onclick=x()>", True), ("<a/ONLOAD\n = x()>", True), ("<a href='#'onblur=x()>", True),
    ('<p class="icon content">on the button</p>', False), ("<p>sessions on = off</p>", True),
])
def test_the_quick_search_for_event_handlers_finds_every_attribute_start(text, expected):
    # A false "yes" only costs a full walk of the page; a false "no" would let a handler through.
    assert may_hold_event_handler(text) is expected
