"""The content policy on the rendered page (orkest/checks/content_policy.py, orkest/mkdocs/content_check.py).

Each class of attack is written in several spellings on one fixture page. The build must
fail naming the source file and line of each, and ./scripts/check must say the same.
Fixture pages get valid front matter of 6 lines and a blank line: text starts on line 8.
"""

from __future__ import annotations

import re

import pytest

from orkest.checks.quick import quick_check
from orkest.testing import ROOT, build_site, fixture_project

FIRST_LINE = 8

# class -> (the page's lines, [(line index in those lines, what the message must say)])
ATTACKS = {
    "scripts": ([
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<!--><script>alert(1)</script>-->",
        '<div markdown="1"><script>alert(1)</script></div>',
        "Tekst <noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    ], [(0, "<script> is not allowed"), (1, "<script> is not allowed"), (2, "<script> is not allowed"),
        (3, "<script> is not allowed"), (4, "<noscript> is not allowed")]),
    "event handlers": ([
        '<img src="viool.webp" alt="Een viool" onerror="alert(1)">',
        "Een alinea met een attribuut.",
        '{: onclick="alert(1)" }',
        "## Kop { ONMOUSEOVER=alert(1) }",
    ], [(0, "<img onerror=\"alert(1)\"> is not allowed: pages may not run scripts"),
        (2, "<p onclick=\"alert(1)\"> is not allowed"),
        (3, "<h2 onmouseover=\"alert(1)\"> is not allowed")]),
    "link schemes": ([
        "[klik](javascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        '<a href="jav&#x61;script:alert(1)">klik</a>',
        '<a href="java&Tab;script:alert(1)">klik</a>',
        "[klik](data:text/html;base64,PHNjcmlwdD4=)",
        "[klik](vbscript:msgbox)",
        "[klik][kwaad]",
        "",
        "[kwaad]: javascript:alert(1)",
    ], [(0, "'javascript:' addresses are not allowed"), (1, "'javascript:' addresses are not allowed"),
        (2, "'javascript:' addresses are not allowed"), (3, "'javascript:' addresses are not allowed"),
        (4, "'data:' addresses are not allowed"), (5, "'vbscript:' addresses are not allowed"),
        (8, "'javascript:' addresses are not allowed")]),
    "remote resources": ([
        "![Een viool](https://evil.example/viool.png)",
        "![Een viool](//evil.example/viool.png)",
        '<img src="HTTPS://evil.example/x.png" alt="x">',
        "![Een trompet](trompet.webp){ srcset=\"https://evil.example/t.png 2x\" }",
        '<video poster="https://evil.example/p.png" controls></video>',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        "![Een fagot](/\\evil.example/fagot.png)",
        '<audio src="https://evil.example/a.mp3"></audio>',
    ], [(0, "the browser would load this from outside the site"),
        (1, "an address starting with // goes to another site"),
        (2, "the browser would load this from outside the site"),
        (3, "<img srcset=\"https://evil.example/t.png 2x\"> is not allowed"),
        (4, "the browser would load this from outside the site"),
        (5, "<link> is not allowed"), (6, "an address starting with // goes to another site"),
        (7, "<audio> is not allowed")]),
    "frames, forms and redirects": ([
        '<iframe src="https://www.youtube.com/embed/x"></iframe>',
        '<object data="x.swf"></object>',
        '<form action="https://evil.example"><input name="naam"></form>',
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        '<base href="https://evil.example/">',
        "<svg><script>alert(1)</script></svg>",
        "<style>body { display: none }</style>",
    ], [(0, "<iframe> is not allowed"), (1, "<object> is not allowed"), (2, "<form> is not allowed"),
        (3, "<meta http-equiv> can reload the page"), (4, "<base> is not allowed"),
        (5, "<svg> is not allowed"), (6, "<style> is not allowed")]),
    "attributes": ([
        '<p style="color: red">Let op</p>',
        '<p data-md-component="search">x</p>',
        '<button type="button" class="video__load" data-embed-url="https://evil.example/x">Speel</button>',
        '<input type="text" disabled>',
        "## Een kop {#__config}",
        '<a href="https://www.leerorkest.nl/" target="_blank">Leerorkest</a>',
        'Zij zei: <q cite="https://evil.example/">speel</q>.',
    ], [(0, "the site's security policy ignores inline styles"),
        (1, "only the site's own extensions set data-... attributes"),
        (2, "only the video extension writes this"), (3, "use one of: checkbox"),
        (4, "ids starting with __ belong to the theme"), (5, '<a target="_blank"> is not allowed'),
        (6, '<q cite="https://evil.example/"> is not allowed: on <q> only these are allowed')]),
    "accessibility and structure": ([
        "![](viool.webp)",
        '<img src="trompet.webp">',
        "Zie [](#twee).",
        "## Twee",
        "#### Vier",
        "## Dubbel {#dubbel}",
        "## Nog eens {#dubbel}",
        'Zie <a href="#twee"></a>.',
    ], [(0, "an image without alt text"), (1, "an image without alt text"), (2, "a link without text"),
        (4, "heading level 4 after level 2"), (5, 'the id "dubbel" is used twice'),
        (7, "a link without text")]),
}


def attack_project(tmp_path, lines):
    return fixture_project(tmp_path, {
        "index.md": "# Start\n\n" + "\n".join(lines) + "\n",
        "index.en.md": "# Home\n\nNothing wrong here.\n",
        "viool.webp": (ROOT / "docs/instrumenten/video/viool-stapel-plaatsen-nl.webp").read_bytes(),
        "trompet.webp": (ROOT / "docs/instrumenten/video/trompet-ventielen-olien-nl.webp").read_bytes(),
    })


# "# Start" and a blank line come first: the attack lines start two lines later.
def expected(found):
    return [(FIRST_LINE + 2 + index, text) for index, text in found]


@pytest.mark.parametrize("attack", ATTACKS, ids=list(ATTACKS))
def test_each_attack_fails_the_build_with_file_and_line(tmp_path, attack):
    lines, found = ATTACKS[attack]
    project = attack_project(tmp_path, lines)
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0, f"{attack}: the build accepted it"
    assert "content policy:" in result.stderr and "hint:" in result.stderr
    for line, text in expected(found):
        assert any(f"docs/index.md:{line}: " in row and text in row for row in result.stderr.splitlines()), \
            (line, text, result.stderr)


@pytest.mark.parametrize("attack", ATTACKS, ids=list(ATTACKS))
def test_scripts_check_agrees_with_the_build(tmp_path, attack):
    lines, found = ATTACKS[attack]
    project = attack_project(tmp_path, lines)
    problems = quick_check([], project / "docs", project / "mkdocs.yml")
    for line, text in expected(found):
        assert any(p.startswith(f"docs/index.md:{line}: ") and text in p for p in problems), (line, text, problems)


def test_what_the_site_uses_passes_both(tmp_path):
    page = "\n".join([
        "Tekst met een [link](#start), een [site](https://www.leerorkest.nl/) en "
        "[e-mail](mailto:info@example.nl).",
        "",
        "![Een viool](viool.webp){ width=\"480\" }",
        "",
        "- [ ] een taak",
        "- [x] klaar",
        "",
        "!!! note \"Let op\"",
        "    Een opmerking.",
        "",
        "??? tip \"Meer\"",
        "    Uitgeklapt.",
        "",
        "| a | b |",
        "|---|---|",
        "| 1 | 2 |",
        "",
        "Een voetnoot[^1] en HTML*.",
        "",
        "[^1]: De noot.",
        "*[HTML]: HyperText Markup Language",
        "",
        "```python",
        "<script>print('code shows syntax, it does not run')</script>",
        "```",
        "",
        "![type:video](https://youtu.be/abcdefghijk){ title=\"Een les\" duration=\"1:30\" }",
    ])
    project = attack_project(tmp_path, page.splitlines())
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode == 0, result.stderr
    assert quick_check([], project / "docs", project / "mkdocs.yml") == []


def passes_both(tmp_path, lines: list[str]):
    """The built page's HTML, once the build and ./scripts/check have both accepted these lines."""
    project = attack_project(tmp_path, lines)
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode == 0, result.stderr
    assert quick_check([], project / "docs", project / "mkdocs.yml") == []
    return (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_table_column_alignment_passes_both_as_classes(tmp_path):
    built = passes_both(tmp_path, ["| Links | Midden | Rechts |", "|:--|:-:|--:|", "| a | b | c |"])
    for where in ("left", "center", "right"):
        assert built.count(f'class="align-{where}"') == 2, built
    assert "text-align" not in built.split('<article')[1].split("</article>")[0]


def test_an_anchor_without_href_passes_both(tmp_path):
    passes_both(tmp_path, ['<a id="anker"></a>', "", "Ga naar [het anker](#anker)."])


def test_a_phone_number_link_passes_both(tmp_path):
    built = passes_both(tmp_path, ["Bel [030 123 45 67](tel:+31301234567)."])
    assert 'href="tel:+31301234567"' in built


def test_inline_html_a_writer_may_type_passes_both(tmp_path):
    passes_both(tmp_path, [
        "Druk op <kbd>Ctrl</kbd> + <kbd>S</kbd>. Water is H<sub>2</sub>O.",
        "Dit is <mark>belangrijk</mark>, dit <del>oud</del> en dit <ins>nieuw</ins>.",
        '<small>De kleine lettertjes.</small> Zij zei: <q>speel zachter</q>. <s>Vorige prijs</s>.',
        "",
        '<table><caption>Lesrooster</caption><tr><td>Maandag</td></tr></table>',
    ])


def test_the_real_site_passes_the_quick_check():
    assert quick_check([]) == []


def test_every_page_of_the_real_site_is_checked_generated_ones_included(site):
    # The listings, the video overview and the translation status are filled in before the check.
    counts = [int(n) for n in re.findall(r"content policy: files and (\d+) pages checked", site.log)]
    dutch_pages = [p for p in (ROOT / "docs").rglob("*.md") if not p.name.endswith(".en.md")]
    # ... and the audience and instrument lists the plugin makes (orkest/mkdocs/listings.py).
    lists = [len(list((site.root / folder).glob("voor-wie/*/**/index.html"))) for folder in ("", "en")]
    assert lists[0] == lists[1] > 0
    assert counts == [len(dutch_pages) + lists[0], len(dutch_pages) + lists[1]], site.log
