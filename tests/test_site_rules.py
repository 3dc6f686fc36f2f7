"""The rules that several layers share live in one place each, and stay in step."""

from __future__ import annotations

import re

from orkest.site import AUDIENCES, UI_STRINGS
from orkest.testing import ROOT

# Only the original language never shows the notices about a missing or older translation.
ONLY_FOR_TRANSLATIONS = {"translation_notice"}


def test_every_language_labels_exactly_the_audiences_of_the_schema():
    for language, words in UI_STRINGS.items():
        assert set(words["audiences"]) == set(AUDIENCES), language


def test_every_language_has_the_same_words_to_say():
    def shape(table: dict) -> dict:
        return {key: shape(value) if isinstance(value, dict) else None for key, value in table.items()}

    shapes = {language: shape({k: v for k, v in words.items() if k not in ONLY_FOR_TRANSLATIONS})
              for language, words in UI_STRINGS.items()}
    assert all(s == shapes["nl"] for s in shapes.values()), shapes


def test_no_python_file_edits_the_import_path():
    # An installed package needs none; a sys.path edit hides which code really runs.
    edits = [f"{path.relative_to(ROOT)}:{n}" for folder in ("orkest", "tests", "bench", "media")
             for path in (ROOT / folder).rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if re.search(r"sys\.path\s*(\.|\[|=|\+)", line)]
    assert edits == []


def test_tests_and_benchmarks_share_helpers_only_through_orkest_testing():
    # A test importing another test module (or bench/) runs that module's code as a side effect.
    imports = [f"{path.relative_to(ROOT)}:{n}" for folder in ("tests", "bench")
               for path in (ROOT / folder).rglob("*.py")
               for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
               if re.match(r"\s*(from|import)\s+(test_\w+|tests|bench)\b", line)
               or (folder == "bench" and re.match(r"\s*(from|import)\s+(conftest|site_checks)\b", line))]
    assert imports == []
