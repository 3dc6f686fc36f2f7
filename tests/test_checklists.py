"""The checklist extension: `- [ ]` items become labelled checkboxes."""

from __future__ import annotations

import markdown

from orkest.markdown.checklists import ChecklistExtension


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[ChecklistExtension()])


def test_item_text_and_inline_markup_sit_inside_the_label():
    html = render("- [ ] Bel de **directeur** over [het rooster](rooster.md)\n- [x] Klaar")
    assert html.startswith('<ul class="task-list">')
    assert (
        '<li class="task-list-item"><label class="task-list-control">'
        '<input disabled="disabled" type="checkbox" /><span class="task-list-indicator"></span>'
        ' Bel de <strong>directeur</strong> over <a href="rooster.md">het rooster</a></label></li>'
    ) in html
    assert '<input checked="checked" disabled="disabled" type="checkbox" />' in html


def test_nested_lists_and_loose_items_stay_outside_the_label():
    html = render("- [ ] Eerste\n    - [ ] Sub\n\n- [X] Los item\n\n    Tweede alinea\n")
    assert "Eerste</label></p>\n<ul" in html
    assert "Sub</label></li>" in html
    assert "<p><label" in html and "Los item</label></p>\n<p>Tweede alinea</p>" in html


def test_plain_lists_and_brackets_elsewhere_are_left_alone():
    html = render("- gewoon item\n- [link](a.md)\n- tekst met [ ] midden\n\n[ ] geen lijst")
    assert "task-list" not in html and "<input" not in html
