"""A dirty preview leaves out a language build only when no change shows in that language
(orkest/mkdocs/language_views.py); every kind of change that does show makes it build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orkest.mkdocs.dirty_preview import Source
from orkest.mkdocs.language_views import LanguageView, change_reaching, docs_versions
from orkest.site import Languages

PAGE = "---\ntitle: Trompet\naudience: [music-teacher]\n---\n\n# Trompet\n\n## Olie\n\nTekst.\n"


def view(docs: Path, history: tuple = (), templates: tuple = ("mkdocs.yml", 1)) -> LanguageView:
    files = docs_versions(str(docs))
    sources = {path: (version, Source(Path(path), docs)) for path, version in files.items() if path.endswith(".md")}
    return LanguageView(files, sources, templates, history)


def reason(docs: Path, seen: LanguageView, **now) -> str | None:
    current = view(docs, **now)
    return change_reaching("en", seen, current, Languages(), lambda path: Source(Path(path), docs))


@pytest.fixture
def docs(tmp_path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "trompet.md").write_text(PAGE, encoding="utf-8")
    (folder / "trompet.en.md").write_text(PAGE.replace("Trompet", "Trumpet"), encoding="utf-8")
    (folder / "alleen.md").write_text(PAGE.replace("Trompet", "Alleen"), encoding="utf-8")
    (folder / "foto.webp").write_bytes(b"RIFF....WEBP")
    return folder


def touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_a_dutch_sentence_reaches_no_english_page(docs):
    seen = view(docs)
    touch(docs / "trompet.md", PAGE + "\nNog een zin.\n")
    assert reason(docs, seen) is None


@pytest.mark.parametrize("change, expected", [
    (lambda docs: touch(docs / "trompet.en.md", PAGE + "\nOne more sentence.\n"), "trompet.en.md changed"),
    (lambda docs: touch(docs / "trompet.md", PAGE + "\n## Nieuw\n"), "translation status or the lists"),
    (lambda docs: touch(docs / "trompet.md", PAGE.replace("music-teacher", "conductor")), "translation status or the lists"),
    (lambda docs: touch(docs / "alleen.md", PAGE + "\nZin.\n"), "has no translation"),
    (lambda docs: (docs / "foto.webp").write_bytes(b"RIFF....WEBPVP8 "), "foto.webp changed"),
    (lambda docs: (docs / "nieuw.md").write_text(PAGE, encoding="utf-8"), "added or removed"),
    (lambda docs: (docs / "alleen.md").unlink(), "added or removed"),
])
def test_every_change_that_shows_in_english_builds_it(docs, change, expected):
    seen = view(docs)
    change(docs)
    assert expected in (reason(docs, seen) or "None")


def test_templates_history_and_a_first_build_always_build(docs):
    seen = view(docs)
    assert "template" in reason(docs, seen, templates=("mkdocs.yml", 2))
    assert "history" in reason(docs, seen, history=(("docs/trompet.md", 5),))
    assert change_reaching("en", None, seen, Languages(), lambda path: None) == "not built yet"


def test_an_english_sentence_reaches_no_dutch_page_but_a_new_english_section_does(docs):
    seen = view(docs)
    touch(docs / "trompet.en.md", PAGE.replace("Trompet", "Trumpet") + "\nOne more sentence.\n")
    now = view(docs)
    assert change_reaching("nl", seen, now, Languages(), lambda path: Source(Path(path), docs)) is None
    touch(docs / "trompet.en.md", PAGE.replace("Trompet", "Trumpet") + "\n## New\n")
    now = view(docs)
    assert "translation status" in change_reaching("nl", seen, now, Languages(), lambda path: Source(Path(path), docs))
