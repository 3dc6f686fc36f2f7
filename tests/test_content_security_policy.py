"""The Content-Security-Policy (orkest/finish/csp.py): it trusts only the inline
scripts the allow-listed theme templates write, and a page holding anything else fails
the build, naming the page or template."""

from __future__ import annotations

import re
import shutil

import pytest

from orkest.finish.csp import sha256
from orkest.testing import build_site, built_pages, fixture_project, serving
from orkest.testing.browser import csp_problems

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
HASHES_IN_USE = re.compile(r"finish: .*; (\d+) allowed inline-script hashes in use")


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_every_built_page_has_a_policy_covering_exactly_its_inline_scripts(site):
    pages = [*built_pages(site.root), site.root / "404.html"]
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = POLICY.findall(html)
        assert len(found) == 1, page
        policy = directives(found[0])
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
        inline = re.findall(r"<script>(.*?)</script>", html, re.S)
        assert inline, f"{page}: the theme's inline scripts are expected (else drop the hashes)"
        # 'self', search's WebAssembly (Pagefind), then exactly the hashes of the page's inline scripts.
        assert policy["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"], page
        assert sorted(policy["script-src"][2:]) == sorted({sha256(code) for code in inline}), page
        # Before every script, and after <meta charset> (which must stay in the first 1024 bytes).
        assert html.index("Content-Security-Policy") < html.index("<script")
        assert html.index("<meta charset") < 1024


def test_the_build_prints_how_many_allowed_hashes_it_uses(site):
    counts = [int(n) for n in HASHES_IN_USE.findall(site.log)]
    # One per folder depth for the theme's scope script, and one for its anchor script.
    assert counts and 3 <= counts[-1] <= 12, site.log


def _fails(tmp_path, project, *expected):
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    for text in expected:
        assert text in result.stderr, (text, result.stderr)
    return result.stderr


def test_an_inline_script_added_to_a_template_fails_the_build_naming_it(tmp_path):
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "index.en.md": "# Home\n"})
    for name in ("main.html", "404.html"):
        template = project / "overrides" / name
        template.write_text(template.read_text(encoding="utf-8").replace(
            "{% block content %}", "{% block content %}<script>fetch('https://evil.example')</script>"),
            encoding="utf-8")
    _fails(tmp_path, project, "docs/index.md (page /): an inline script that no allowed template writes "
           "(from a template in overrides/", "orkest/finish/inline_scripts.yml", "overrides/404.html: an inline script")


@pytest.mark.parametrize("spelling", [
    'title: "<script>alert(1)</script>"',
    "title: '<img src=x onerror=alert(1)>'",
    'title: "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e"',
    "title: |-\n  <script>alert(1)</script>",
    "title: Trompet &lt/title&gt&ltscript&gt",
])
def test_markup_in_a_title_never_reaches_the_page(tmp_path, spelling):
    front_matter = ("---\n" + spelling + "\ndescription: Een pagina met een foute titel.\n"
                    "type: manual\naudience: [music-teacher]\n---\n\n")
    project = fixture_project(tmp_path, {"index.md": front_matter + "Tekst.\n", "index.en.md": "# Home\n"})
    _fails(tmp_path, project, "docs/index.md: the field 'title' holds markup", "put a space after every &")


def test_a_remote_script_or_style_in_the_configuration_fails_naming_mkdocs_yml(tmp_path):
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "index.en.md": "# Home\n"})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "extra_javascript:\n", "extra_javascript:\n  - https://cdn.example.org/x.js\n").replace(
        "extra_css:\n", "extra_css:\n  - //fonts.example.org/x.css\n"), encoding="utf-8")
    _fails(tmp_path, project, "mkdocs.yml: extra_javascript: 'https://cdn.example.org/x.js' is on another site",
           "mkdocs.yml: extra_css: '//fonts.example.org/x.css' is on another site")


@pytest.mark.browser
def test_a_script_that_slipped_into_a_finished_page_does_not_run(site, tmp_path, tab):
    # As if every check before had missed it: the policy in the page is the last line of defence.
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    page = copy / "financiering" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", "<script>alert('inline')</script>"
                                 "<img src=x alt=x onerror=\"alert('handler')\"></article>", 1), encoding="utf-8")
    dialogs = []
    tab.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serving(copy) as url:
        tab.page.goto(f"{url}/financiering/", wait_until="load")
        tab.page.wait_for_timeout(300)
        problems = csp_problems(tab.page, "/financiering/")
    assert dialogs == [], "the policy must stop both scripts"
    assert len(problems) == 2 and all("script-src" in p for p in problems), problems
