"""Front matter values are text: every template of ours that prints one escapes it."""

from __future__ import annotations

import re

from orkest.testing import ROOT

PRINTED = re.compile(r"\{\{(?P<expression>[^}]*)\}\}")
# Values a contributor writes in front matter (or that come from it, like a page's title).
FROM_FRONT_MATTER = re.compile(r"\b(title|description|meta\.instrument)\b")


def unescaped_prints(text: str) -> list[str]:
    return [m["expression"].strip() for m in PRINTED.finditer(text)
            if FROM_FRONT_MATTER.search(m["expression"]) and not re.search(r"\|\s*(e|escape)\b", m["expression"])]


def test_every_front_matter_value_our_templates_print_is_escaped():
    found = {path.relative_to(ROOT).as_posix(): unescaped_prints(path.read_text(encoding="utf-8"))
             for path in sorted((ROOT / "overrides").rglob("*.html"))}
    assert {path: prints for path, prints in found.items() if prints} == {}


def test_the_check_finds_an_unescaped_title():
    assert unescaped_prints('<td>{{ page.title }}</td><meta content="{{ page.meta.description|e }}">') == ["page.title"]
