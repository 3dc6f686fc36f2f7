"""./scripts/new and ./scripts/check (the orkest package): new pages pass the checks,
and the quick check names the file and the problem."""

from __future__ import annotations

import functools
import re
import textwrap

import pytest

from orkest import __main__ as orkest_command
from orkest.checks.front_matter import front_matter_problems
from orkest.checks.quick import quick_check, quick_warnings
from orkest.new_page import new_page_pair
from orkest.site import PAGE_TYPES
from orkest.testing import ROOT, VALID_FRONT_MATTER, build_site, fixture_project

# A fenced yaml or markdown block, at any indentation (in a list item, in a box).
CODE_BLOCK = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?:yaml|yml|markdown|md)\b[^\n]*\n"
                        r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S)


def front_matter_examples(folder) -> list[tuple[str, str]]:
    """(file:line, text) for each code block in these pages that begins with '---'."""
    examples = []
    for page in sorted(folder.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for block in CODE_BLOCK.finditer(text):
            body = textwrap.dedent(block["body"])
            if body.startswith("---"):
                line = text.count("\n", 0, block.start()) + 1
                examples.append((f"{page.relative_to(ROOT).as_posix()}:{line}", body))
    return examples


GUIDE_EXAMPLES = front_matter_examples(ROOT / "docs" / "meedoen")


def test_the_contributor_guide_has_front_matter_examples_in_both_languages():
    where = [name for name, _ in GUIDE_EXAMPLES]
    assert any(".en.md:" in name for name in where) and any(".en.md:" not in name for name in where)


@pytest.mark.parametrize("where, example", GUIDE_EXAMPLES, ids=[name for name, _ in GUIDE_EXAMPLES])
def test_every_front_matter_example_in_the_contributor_guide_passes_the_check(where, example):
    assert front_matter_problems(example) == [], where


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_archetype_makes_a_valid_page_pair(tmp_path, page_type):
    created = new_page_pair(page_type, tmp_path / "docs" / "instrumenten" / "klarinet-riet",
                            today="2026-11-22")
    assert [p.name for p in created] == ["klarinet-riet.md", "klarinet-riet.en.md"]
    for page in created:
        text = page.read_text(encoding="utf-8")
        assert front_matter_problems(text) == [], page
        assert "{{" not in text and 'title: "Klarinet riet"' in text


def test_every_page_type_of_the_schema_has_an_archetype_in_both_languages():
    # The types come from the schema alone (orkest/site.py); the archetypes must follow it.
    assert {p.name for p in (ROOT / "archetypes").glob("*.md")} == {
        f"{t}{suffix}" for t in PAGE_TYPES for suffix in (".md", ".en.md")}


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
    project = fixture_project(tmp_path, {
        "hobo.md": VALID_FRONT_MATTER + "# Hobo\n\n## Riet\n\nA.\n\n## Spelen\n\nB.\n",
        "hobo.en.md": VALID_FRONT_MATTER + "# Oboe\n\n## Reed\n\nA.\n"}, nav=("hobo.md",))
    docs = project / "docs"
    monkeypatch.setattr(orkest_command, "quick_check",
                        functools.partial(quick_check, docs_dir=docs, config_file=project / "mkdocs.yml"))
    monkeypatch.setattr(orkest_command, "quick_warnings", functools.partial(quick_warnings, docs))
    assert orkest_command.main(["check"]) == 0
    assert capsys.readouterr().err == (
        "warning: docs/hobo.en.md: has 1 of the 2 sections (## headings) of its original docs/hobo.md: "
        "translate the missing part, or check that nothing was left out\n")


def test_a_page_not_in_the_menu_fails_the_build_and_the_check(tmp_path):
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "index.en.md": "# Home\n",
                                         "a/hobo.md": "# Hobo\n", "a/hobo.en.md": "# Oboe\n"})
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    assert "not included in the \"nav\" configuration:\n  - a/hobo.md\n" in result.stderr, result.stderr
    assert quick_check([], project / "docs", project / "mkdocs.yml") == [
        "docs/a/hobo.md: is not in the menu: add it under nav: in mkdocs.yml"]


def test_a_page_not_in_nav_leaves_out_passes_the_build_and_the_check(tmp_path):
    # mkdocs.yml's not_in_nav: names the pages about the site (privacy, colophon), linked from the footer.
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "index.en.md": "# Home\n",
                                         "privacy.md": "# Privacy\n", "privacy.en.md": "# Privacy\n"})
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode == 0, result.stderr
    assert quick_check([], project / "docs", project / "mkdocs.yml") == []
