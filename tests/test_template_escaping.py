"""Values are text: every template of ours escapes what it prints, except our own fixed labels."""

from __future__ import annotations

import re

from orkest.testing import ROOT

PRINTED = re.compile(r"\{\{(?P<expression>.*?)\}\}", re.S)
# Our own words (label tables in the template itself), the parent block (super(), or article or header
# holding it), a fixed separator.
OWN_WORDS = re.compile(r"^\s*((words|labels|ui)(\.\w+)+|super\(\)|article|header|\"[^\"]*\" if not loop\.last|\{[^{}]*\}\[[^\]]*\])\s*$")
ESCAPED = re.compile(r"\|\s*(e|escape|tojson)\s*-?$")  # tojson: Jinja's HTML-safe JSON


def unescaped_prints(text: str) -> list[str]:
    return [m["expression"].strip() for m in PRINTED.finditer(text)
            if not OWN_WORDS.match(m["expression"]) and not ESCAPED.search(m["expression"].strip())]


def test_every_value_our_templates_print_is_escaped():
    found = {path.relative_to(ROOT).as_posix(): unescaped_prints(path.read_text(encoding="utf-8"))
             for path in sorted((ROOT / "overrides").rglob("*.html"))}
    assert {path: prints for path, prints in found.items() if prints} == {}


def test_the_check_finds_an_unescaped_value():
    text = '<td>{{ page.title }}</td><h3>{{ instrument | lower }}</h3><p>{{ words.for }} {{ label|e }}</p>'
    assert unescaped_prints(text) == ["page.title", "instrument | lower"]
