"""./scripts/new and ./scripts/check (the orkest package): new pages pass the checks,
and the quick check names the file and the problem."""

from __future__ import annotations

import functools

import pytest
from conftest import ROOT, VALID_FRONT_MATTER
from metadata import front_matter_problems
from orkest import __main__ as orkest_command
from orkest.new_page import PAGE_TYPES, new_page_pair
from orkest.quick_check import quick_check, quick_warnings


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_archetype_makes_a_valid_page_pair(tmp_path, page_type):
    created = new_page_pair(page_type, tmp_path / "docs" / "instrumenten" / "klarinet-riet",
                            today="2026-11-22")
    assert [p.name for p in created] == ["klarinet-riet.md", "klarinet-riet.en.md"]
    for page in created:
        text = page.read_text(encoding="utf-8")
        assert front_matter_problems(text) == [], page
        assert "{{" not in text and 'title: "Klarinet riet"' in text


def test_types_match_the_schema():
    import yaml

    schema = yaml.safe_load((ROOT / "hooks" / "page_schema.yml").read_text(encoding="utf-8"))
    assert list(PAGE_TYPES) == schema["properties"]["type"]["enum"]


@pytest.mark.parametrize("name, message", [
    ("Klarinet Riet", "use lower-case letters, digits and hyphens only"),
    ("klarinet_riet", "use lower-case letters, digits and hyphens only"),
])
def test_bad_names_are_refused(tmp_path, name, message):
    with pytest.raises(ValueError, match=message):
        new_page_pair("manual", tmp_path / "docs" / name)


def test_an_existing_page_is_never_overwritten(tmp_path):
    new_page_pair("manual", tmp_path / "docs" / "hobo")
    with pytest.raises(ValueError, match="already exists"):
        new_page_pair("manual", tmp_path / "docs" / "hobo")


def test_quick_check_names_file_and_problem(tmp_path):
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / "hobo.md").write_text("---\ntitle: Hobo\n---\n# Hobo\n", encoding="utf-8")
    problems = quick_check([], docs_dir=docs)
    assert "docs/a/hobo.md: the field 'description' is missing" in problems[0]
    assert "docs/a/hobo.md: has no English version (add docs/a/hobo.en.md)" in problems


def test_quick_check_passes_on_the_real_site():
    assert quick_check([]) == []
    assert quick_warnings() == []


def test_a_translation_missing_a_section_is_a_warning_that_does_not_fail(tmp_path, monkeypatch, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hobo.md").write_text(VALID_FRONT_MATTER + "# Hobo\n\n## Riet\n\nA.\n\n## Spelen\n\nB.\n",
                                  encoding="utf-8")
    (docs / "hobo.en.md").write_text(VALID_FRONT_MATTER + "# Oboe\n\n## Reed\n\nA.\n", encoding="utf-8")
    monkeypatch.setattr(orkest_command, "quick_check", functools.partial(quick_check, docs_dir=docs))
    monkeypatch.setattr(orkest_command, "quick_warnings", functools.partial(quick_warnings, docs))
    assert orkest_command.main(["check"]) == 0
    assert capsys.readouterr().err == (
        "warning: docs/hobo.en.md: has 1 of the 2 sections (## headings) of its original docs/hobo.md: "
        "translate the missing part, or check that nothing was left out\n")
