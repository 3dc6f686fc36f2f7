"""Every built page is valid HTML by the Nu HTML Checker (with a short, commented allow-list)."""

from __future__ import annotations

from orkest.testing.html_validator import vnu_problems


def test_every_built_page_is_valid_html(site):
    assert vnu_problems(site.root) == []


def test_invalid_html_is_named_with_page_line_and_problem(tmp_path):
    page = tmp_path / "financiering" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>Geld</title></head>\n'
        '<body>\n<figure><figcaption>Titel</figcaption><p>tekst</p><figcaption>twee</figcaption></figure>\n'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
        '</body></html>\n',
        encoding="utf-8",
    )
    problems = vnu_problems(tmp_path)
    assert any(p.startswith("financiering/index.html:4: ") and "figcaption" in p for p in problems), problems
    # Nothing is allowed: not even the theme's own toggle as it writes it (repairs.py drops it).
    assert any(p.startswith("financiering/index.html:5: ") and "autocomplete" in p for p in problems)
