"""Page checks (orkest/checks/front_matter.py, page_source.py, cross_page.py): each fault gets a message
naming the field and what is allowed, and a faulty page fails the build and ./scripts/check
alike, both naming the file (and line)."""

from __future__ import annotations

import fastjsonschema
import pytest
from jsonschema import Draft202012Validator

from orkest.checks.front_matter import (
    FIELDS,
    PASSES,
    SCHEMA,
    docs_problems,
    front_matter_problems,
    source_problems,
)
from orkest.checks.page_source import decode_source
from orkest.checks.quick import quick_check
from orkest.testing import build_site, fixture_project

GOOD = ("title: Trompetventielen oliën\n"
        "description: Stap voor stap de ventielen van een trompet oliën.\n"
        "type: instruction\ninstrument: Trompet\naudience: [music-teacher]\n")


def page(front_matter: str) -> str:
    return f"---\n{front_matter}---\n\n# Kop\n\nTekst.\n"


# Saved as Latin-1 by an old editor: the é on line 9 is the byte 0xE9, not UTF-8.
LATIN_1 = page(GOOD).encode("utf-8").replace(b"# Kop", b"# Caf\xe9")
NOT_UTF8 = ('docs/index.md:9: the file is not valid UTF-8 (byte 0xE9 after "# Caf"): save it as UTF-8 '
            "(in most editors: Save As or Save with Encoding, then UTF-8)")
BOM = b"\xef\xbb\xbf"


def titled(title: str, page_type: str = "manual") -> str:
    return page(f"title: {title}\ndescription: Een pagina die alleen voor een test bestaat.\n"
                f"type: {page_type}\naudience: [music-teacher]\n")


def gates(tmp_path, pages: dict[str, str | bytes], nav=("index.md",)) -> tuple[list[str], list[str]]:
    """The problems the build lists (it must fail) and those ./scripts/check reports, for the same pages."""
    project = fixture_project(tmp_path, pages, nav)
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0, result.stderr
    _, _, listing = result.stderr.partition(" place(s):\n")
    built = [line.removeprefix("  - ") for line in listing.splitlines() if line.startswith("  - ")]
    return built, quick_check([], project / "docs", project / "mkdocs.yml")


def test_a_good_page_has_no_problems():
    assert front_matter_problems(page(GOOD)) == []


@pytest.mark.parametrize("front_matter, message", [
    (GOOD.replace("type: instruction", "type: instuction"),
     "the field 'type' has 'instuction', which is not one of the choices: overview, manual, "
     "instruction, template, code, story. Did you mean 'instruction'?"),
    (GOOD.replace("title: Trompetventielen oliën\n", ""),
     "the field 'title' is missing: the page title, as it appears in the menu and the browser tab. "
     "Add a line like: title: Trompetventielen oliën"),
    (GOOD.replace("[music-teacher]", "[muziekdocent]"),
     "the field 'audience' has 'muziekdocent', which is not one of the choices: music-teacher, "
     "conductor, class-teacher, coordinator, school-leader, funder, contributor."),
    (GOOD.replace("[music-teacher]", "music-teacher"),
     "the field 'audience' should be a list, like [a, b], not 'music-teacher'"),
    (GOOD.replace("description: Stap voor stap de ventielen van een trompet oliën.\n", ""),
     "the field 'description' is missing: one sentence saying what the reader gets from the page "
     "(search engines show it). Add a line like: description: Stap voor stap de ventielen van een trompet oliën."),
    (GOOD.replace("instrument: Trompet\n", ""),
     "the field 'instrument' is missing (a page of type 'instruction' needs it): the instrument an "
     "instruction is about, in the page's language (e.g. Trompet / Trumpet). Add a line like: instrument: Trompet"),
    (GOOD + "groep: [5, 9]\n", "the field 'groep' has 9; groep numbers go from 1 to 8"),
    (GOOD.replace("description: Stap voor stap de ventielen van een trompet oliën.", "description: Kort."),
     "the field 'description' is 5 characters long; it should be at least 30"),
])
def test_each_fault_names_the_field_and_what_is_allowed(front_matter, message):
    assert front_matter_problems(page(front_matter)) == [message]


@pytest.mark.parametrize("front_matter, missing", [
    ("title: Hobo\n", ["description", "type", "audience"]),
    ("title: Hobo spelen\ntype: instruction\n", ["description", "audience", "instrument"]),
])
def test_every_missing_field_is_named_once(front_matter, missing):
    problems = front_matter_problems(page(front_matter))
    assert [p.split(" is missing")[0] for p in problems] == [f"the field '{name}'" for name in missing]


def test_a_misspelled_field_is_named_with_a_suggestion():
    problems = front_matter_problems(page(GOOD.replace("title:", "titel:")))
    assert problems[1] == ("unknown field(s) 'titel' (did you mean 'title'?); the fields a page can "
                           "have: title, description, type, audience, instrument, groep, date, downloads, workbook, search, hide")
    assert problems[0].startswith("the field 'title' is missing")


def test_invalid_yaml_names_the_line():
    bad = GOOD.replace("description: Stap voor stap", "description: Let op: stap voor stap")
    assert front_matter_problems(page(bad)) == [
        "the front matter cannot be read on line 3: mapping values are not allowed here "
        "(tip: put text with a ':' in it between quotes)"
    ]


@pytest.mark.parametrize("source", ["", "# Alleen een kop\n", "---\n---\n"])
def test_empty_pages_get_a_message_not_a_crash(source):
    problems = front_matter_problems(source)
    assert problems and all(isinstance(p, str) for p in problems)


def test_faulty_pages_fail_the_build_naming_each_file_and_field(tmp_path):
    project = fixture_project(tmp_path, {
        "index.md": page(GOOD.replace("type: instruction", "type: recipe")),
        "index.en.md": page(GOOD),
        "leeg.md": b"",
        "leeg.en.md": b"",
    })
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    assert "page problem(s) in 3 place(s):" in result.stderr  # both languages at once
    assert "docs/index.md: the field 'type' has 'recipe', which is not one of the choices" in result.stderr
    assert "docs/leeg.md: the page has no front matter" in result.stderr
    assert "docs/leeg.en.md: the page has no front matter" in result.stderr


def test_several_missing_fields_fail_the_build_and_the_check_each_named_once(tmp_path):
    project = fixture_project(tmp_path, {"index.md": page("title: Hobo\n"), "index.en.md": page(GOOD)})
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    for problems in (result.stderr, "\n".join(quick_check([], project / "docs", project / "mkdocs.yml"))):
        for name in ("description", "type", "audience"):
            assert problems.count(f"docs/index.md: the field '{name}' is missing") == 1, problems


def test_a_file_that_is_not_utf8_is_named_with_its_line():
    assert source_problems(LATIN_1) == [(9, NOT_UTF8.removeprefix("docs/index.md:9: "))]


@pytest.mark.parametrize("source", [BOM + page(GOOD).encode(), page(GOOD).replace("\n", "\r\n").encode()])
def test_a_byte_order_mark_and_windows_line_ends_are_read_as_mkdocs_reads_them(source):
    assert source_problems(source) == []
    assert decode_source(source) == (page(GOOD), None)


def test_a_file_that_is_not_utf8_fails_the_build_and_the_check_naming_file_and_line(tmp_path):
    built, checked = gates(tmp_path, {"index.md": LATIN_1, "index.en.md": page(GOOD)})
    assert built == [NOT_UTF8]
    assert checked == [NOT_UTF8]


def test_a_byte_order_mark_passes_the_build_and_the_check(tmp_path):
    project = fixture_project(tmp_path, {"index.md": BOM + page(GOOD).encode(),
                                         "index.en.md": BOM + page(GOOD).encode()})
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode == 0, result.stderr
    assert quick_check([], project / "docs", project / "mkdocs.yml") == []


def test_a_page_is_checked_again_after_it_changes(tmp_path):
    # The build remembers each page's problems between its language builds and preview rebuilds.
    project = fixture_project(tmp_path, {"index.md": page("title: Hobo\n"), "index.en.md": page(GOOD)})
    assert len(docs_problems(project / "docs")) == 3
    (project / "docs" / "index.md").write_text(page(GOOD), encoding="utf-8")
    assert docs_problems(project / "docs") == []


def test_a_translation_with_another_type_fails_the_build_and_the_check_naming_both_files(tmp_path):
    built, checked = gates(tmp_path, {"index.md": titled("Start", "overview"),
                                      "index.en.md": titled("Home", "manual")})
    assert built == checked == ["docs/index.en.md:4: type is 'manual', but its Dutch original "
                                "docs/index.md:4 has 'overview': use the same type in both files"]


def test_two_pages_with_one_title_in_a_folder_fail_the_build_and_the_check_naming_both(tmp_path):
    pages = {"index.md": titled("Start"), "index.en.md": titled("Home"),
             "hobo.md": titled("Viool"), "hobo.en.md": titled("Oboe"),
             "viool.md": titled(" viool "), "viool.en.md": titled("Violin"),
             # Not the same folder, or not the same language: allowed.
             "a/viool.md": titled("Viool"), "a/viool.en.md": titled("Viool")}
    built, checked = gates(tmp_path, pages, nav=("index.md", "hobo.md", "viool.md", "a/viool.md"))
    assert built == checked == ["docs/viool.md:2: the title 'viool' is already the title of "
                                "docs/hobo.md:2, in the same folder and language: give each page its own title"]


def test_the_build_and_the_check_report_the_same_problems_all_at_once(tmp_path):
    pages = {"index.md": titled("Start", "overview"), "index.en.md": page("title: Home\ntype: manual\n"),
             "hobo.md": LATIN_1, "hobo.en.md": titled("Start"), "viool.md": titled("Start"),
             "viool.en.md": titled("Violin")}
    built, checked = gates(tmp_path, pages, nav=("index.md", "hobo.md", "viool.md"))
    assert built == checked
    assert len(built) == 6, built  # 1 not UTF-8, 2 fields missing, 2 types, 1 title


def test_the_fast_check_and_the_explaining_one_agree_on_every_kind_of_fault():
    # A page the fast check lets through is never explained: the two must agree on every fault.
    good = {"title": "Trompetventielen oliën", "description": "Stap voor stap de ventielen van een trompet oliën.",
            "type": "instruction", "instrument": "Trompet", "audience": ["music-teacher"]}
    wrong_values = [None, True, 7, 2.5, "", "x", "a" * 300, "<b>", "Q&A", [], ["x"], [1, 1], [0], [9], {}, {"a": 1}]
    cases = [good, {**good, "type": "story"}, {**good, "type": "manual", "date": "2026-1-1"},
             {**good, "extra": 1}, {"title": "Hobo"}]
    cases += [{**good, field: value} for field in FIELDS for value in wrong_values]
    cases += [{k: v for k, v in good.items() if k != field} for field in good]
    explaining = Draft202012Validator(SCHEMA)
    disagreements = []
    for case in cases:
        try:
            PASSES(case)
            fast = True
        except fastjsonschema.JsonSchemaException:
            fast = False
        if fast != explaining.is_valid(case):
            disagreements.append(case)
    assert disagreements == []
