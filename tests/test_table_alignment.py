"""The table alignment extension: a column's alignment becomes a class, not an inline style."""

from __future__ import annotations

import markdown

from orkest.markdown.table_alignment import TableAlignmentExtension


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", TableAlignmentExtension()])


def test_each_alignment_becomes_a_class_and_the_style_goes():
    html = render("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |")
    assert html == (
        "<table>\n<thead>\n<tr>\n"
        '<th class="align-left">a</th>\n<th class="align-center">b</th>\n'
        '<th class="align-right">c</th>\n<th>d</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td class="align-left">1</td>\n<td class="align-center">2</td>\n'
        '<td class="align-right">3</td>\n<td>4</td>\n'
        "</tr>\n</tbody>\n</table>"
    )


def test_a_writers_own_style_is_left_for_the_content_policy_to_refuse():
    html = render('| a |\n|---|\n| 1 { style="text-align: left;" } |\n\nTekst\n{ style="text-align: left;" }')
    assert '<td style="text-align: left;">1</td>' in html
    assert '<p style="text-align: left;">Tekst</p>' in html
    assert "align-left" not in html


def test_raw_html_tables_are_left_alone():
    html = render('<table><tr><td style="text-align: right;">1</td></tr></table>')
    assert 'style="text-align: right;"' in html and "align-right" not in html
