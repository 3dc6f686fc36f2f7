"""`mkdocs serve` (what ./scripts/serve runs): both languages, and an edit reloads the page;
the one-language preview (PREVIEW_LANGUAGE) shows each page in that language."""

from __future__ import annotations

import html
import time
from pathlib import Path

import pytest

from orkest.testing import (
    ROOT,
    VALID_FRONT_MATTER,
    build_site,
    fixture_project,
)
from orkest.testing.preview import (
    fetch,
    front_matter,
    serve_copy,
    wait_until_served,
)

NOT_TRANSLATED = "Not yet translated"


@pytest.fixture
def served_copy(tmp_path):
    with serve_copy(ROOT, tmp_path, "en/") as (project, url, _):
        yield project, url


@pytest.mark.browser
def test_serve_shows_both_languages_and_reloads_after_an_edit(served_copy, browser):
    project, url = served_copy
    page = browser.new_page()
    page.goto(f"{url}/instrumenten/")
    assert page.get_attribute("html", "lang") == "nl"
    page.goto(f"{url}/en/instrumenten/")
    assert page.get_attribute("html", "lang") == "en"

    edited = project / "docs" / "instrumenten" / "index.en.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nFreshly saved sentence.\n",
                      encoding="utf-8")
    started = time.monotonic()
    # No navigation by the test: the page reloads itself when the rebuild is done.
    page.wait_for_selector("text=Freshly saved sentence.", timeout=30_000)
    print(f"edit visible after {time.monotonic() - started:.1f} s")
    page.close()


def built_page(site: Path, translation: Path) -> Path:
    """Where a one-language build writes docs/x/y.en.md: x/y/index.html (x/index.en.md: x/index.html)."""
    relative = translation.relative_to(ROOT / "docs")
    stem = relative.name.removesuffix(".en.md")
    folder = relative.parent if stem == "index" else relative.parent / stem
    return site / folder / "index.html"


def test_the_english_preview_shows_every_translated_page_in_english(tmp_path, monkeypatch):
    monkeypatch.setenv("PREVIEW_LANGUAGE", "en")
    result = build_site(tmp_path, "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stderr
    translations = sorted((ROOT / "docs").rglob("*.en.md"))
    assert len(translations) >= 50
    for translation in translations:
        meta = front_matter(translation)
        page = html.unescape(built_page(tmp_path, translation).read_text(encoding="utf-8"))
        name = translation.relative_to(ROOT).as_posix()
        assert f"<title>{meta['title']}" in page, f"{name}: the preview shows another page's text"
        assert f'content="{meta["description"]}"' in page, f"{name}: not its English description"
        assert NOT_TRANSLATED not in page, f"{name}: falsely marked as not yet translated"


def test_the_english_preview_marks_only_a_page_without_translation(tmp_path, monkeypatch):
    project = fixture_project(tmp_path, {
        "index.md": "# Start\n", "index.en.md": "# Home\n",
        "viool.md": "# Viool\n\nDe Nederlandse tekst.\n",
        "viool.en.md": "# Violin\n\nThe English text.\n",
        "hobo.md": "# Hobo\n\nNog niet vertaald.\n",
    }, nav=("index.md", "viool.md", "hobo.md"))
    monkeypatch.setenv("PREVIEW_LANGUAGE", "en")
    site = tmp_path / "site"
    result = build_site(site, "http://127.0.0.1:8000/", cwd=project)
    assert result.returncode == 0, result.stderr
    violin = (site / "viool" / "index.html").read_text(encoding="utf-8")
    assert "The English text." in violin and "Nederlandse" not in violin
    assert NOT_TRANSLATED not in violin
    oboe = (site / "hobo" / "index.html").read_text(encoding="utf-8")
    assert "Nog niet vertaald." in oboe and NOT_TRANSLATED in oboe


def test_the_english_preview_shows_an_edit_to_an_english_page(tmp_path):
    with serve_copy(ROOT, tmp_path, "", PREVIEW_LANGUAGE="en") as (project, url, _):
        page = f"{url}/instrumenten/onderhoud/"
        assert "Care and maintenance" in fetch(page) and NOT_TRANSLATED not in fetch(page)
        edited = project / "docs" / "instrumenten" / "onderhoud.en.md"
        edited.write_text(edited.read_text(encoding="utf-8") + "\nFreshly saved sentence.\n",
                          encoding="utf-8")
        print(f"edit served after {wait_until_served(page, 'Freshly saved sentence.', 30):.1f} s")


def wait_for_log(log: Path, text: str, count: int, seconds: float = 30) -> str:
    """The preview's output once `text` has appeared in it `count` times."""
    deadline = time.monotonic() + seconds
    while (output := log.read_text(encoding="utf-8")).count(text) < count:
        assert time.monotonic() < deadline, f"{text!r} not {count} times in:\n{output}"
        time.sleep(0.2)
    return output


def test_every_failed_rebuild_says_why_also_when_the_error_is_the_same(tmp_path):
    broken = VALID_FRONT_MATTER + '# Home\n\n![type:video](https://example.com/les.mp4){ title="Les" }\n'
    reason = "'https://example.com/les.mp4' is on example.com"
    failed = "An error happened during the rebuild"
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "index.en.md": "# Home\n"})
    with serve_copy(project, tmp_path, "") as (served, url, log):
        page = served / "docs" / "index.en.md"
        page.write_text(broken, encoding="utf-8")
        wait_for_log(log, failed, 1)
        page.write_text(VALID_FRONT_MATTER + "# Home\n\nFixed for now.\n", encoding="utf-8")
        wait_until_served(f"{url}/en/", "Fixed for now.", 30)
        page.write_text(broken, encoding="utf-8")
        output = wait_for_log(log, failed, 2)
    assert output.count(reason) == 2, output


def test_a_full_preview_rebuild_waits_for_the_background_indexing_before_emptying_the_site(monkeypatch, tmp_path):
    # A full rebuild empties the site folder; Pagefind still writing into it made that rebuild fail.
    from types import SimpleNamespace

    from orkest.mkdocs import search_preview

    finished = []

    def slow_index(site_dir, niceness=0):
        time.sleep(0.5)
        finished.append(site_dir)
        return SimpleNamespace(summary=lambda: "indexed")

    monkeypatch.setattr(search_preview, "index_site", slow_index)
    config = SimpleNamespace(site_dir=str(tmp_path), plugins={"i18n": SimpleNamespace(building=False)})
    step = search_preview.SearchPreview()
    step.on_startup(command="serve", dirty=False)
    step.on_post_build(config)
    assert not finished  # indexing runs in the background
    step.on_pre_build(config)
    assert finished == [tmp_path] and step.indexing is None
    dirty = search_preview.SearchPreview()
    dirty.on_startup(command="serve", dirty=True)
    dirty.on_post_build(config)
    started = time.monotonic()
    dirty.on_pre_build(config)  # a dirty rebuild empties nothing: it never waits
    assert time.monotonic() - started < 0.2
