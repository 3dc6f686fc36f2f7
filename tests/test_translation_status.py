"""Translation status on a fixture repository with real git history (commits made here):
the outdated notice, the fallback notice with noindex, the status page (missing, outdated
and shorter translations), and a shallow clone."""

from __future__ import annotations

import os
import subprocess

import pytest

from orkest.checks.twins import section_count
from orkest.testing import VALID_FRONT_MATTER, build_site, fixture_project

STATUS = "# Vertaalstatus\n\n<!-- translation-status -->\n"
PAGES = {
    "index.md": "# Start\n", "index.en.md": "# Home\n",
    "viool.md": "# Viool\n\nDe eerste versie.\n", "viool.en.md": "# Violin\n\nThe first version.\n",
    "hobo.md": "# Hobo\n\nNog niet vertaald.\n",
    "cello.md": "# Cello\n\n## Stemmen\n\nEerst de a.\n\n## Spelen\n\nDan de streek.\n",
    # A heading in a code block is no section: the translation has 1 of the 2.
    "cello.en.md": "# Cello\n\n## Tuning\n\nThe A first.\n\n```markdown\n## Spelen\n```\n",
    "status.md": STATUS, "status.en.md": STATUS,
}
NAV = ("index.md", "viool.md", "hobo.md", "cello.md", "status.md")


def commit(project, message: str, date: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    for command in (["add", "-A"], ["-c", "user.name=Test", "-c", "user.email=test@example.org",
                                    "commit", "-q", "-m", message]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True)


@pytest.fixture(scope="module")
def history_project(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("history")
    project = fixture_project(tmp_path, PAGES, nav=NAV)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    commit(project, "First versions", "2026-01-10T12:00:00")
    (project / "docs" / "viool.md").write_text(VALID_FRONT_MATTER + "# Viool\n\nDe tweede versie.\n", encoding="utf-8")
    commit(project, "Dutch original changed", "2026-03-05T12:00:00")
    return project


@pytest.fixture(scope="module")
def built(history_project, tmp_path_factory):
    site = tmp_path_factory.mktemp("history-site")
    result = build_site(site, "https://example.nl/", cwd=history_project)
    assert result.returncode == 0, result.stderr
    return site


def read(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_a_translation_older_than_its_original_says_so(built):
    english = read(built, "en/viool")
    assert "Translation may be behind" in english and "updated on March 5, 2026" in english
    assert "Last updated on" in english and "January 10, 2026" in english
    assert "Laatst bijgewerkt op" in read(built, "viool") and "5 maart 2026" in read(built, "viool")
    assert "may be behind" not in read(built, "en")


def test_an_untranslated_page_says_so_and_is_not_indexed(built):
    english = read(built, "en/hobo")
    assert "Not yet translated" in english and '<meta name="robots" content="noindex">' in english
    dutch = read(built, "hobo")
    assert "Not yet translated" not in dutch and "noindex" not in dutch


def test_status_page_lists_missing_and_outdated_translations(built):
    status = read(built, "en/status")
    assert "docs/hobo.md: has no English version (add docs/hobo.en.md)" in status
    assert '<a href="../../viool/">docs/viool.md</a>' in status
    assert '<a href="../viool/">docs/viool.en.md</a>' in status
    dutch_status = read(built, "status")
    assert '<a href="../viool/">docs/viool.md</a>' in dutch_status
    assert '<a href="../en/viool/">docs/viool.en.md</a>' in dutch_status
    assert "Ontbrekende vertalingen" not in status and "Missing translations" in status


def test_status_page_lists_translations_missing_sections(built):
    english = read(built, "en/status").split('id="missing-sections"')[1].split("</table>")[0]
    dutch = read(built, "status").split('id="missing-sections"')[1].split("</table>")[0]
    assert "Translations missing sections" in english and "Vertalingen waarin kopjes ontbreken" in dutch
    assert '<a href="../../cello/">docs/cello.md</a>' in english and "<td>1 of 2</td>" in english
    assert '<a href="../cello/">docs/cello.en.md</a>' in english
    assert '<a href="../en/cello/">docs/cello.en.md</a>' in dutch and "<td>1 van de 2</td>" in dutch
    assert "viool" not in english  # as many sections in both


@pytest.mark.parametrize("body, sections", [
    ("## A\n\n### A.1\n\n## B\n", 2),
    ("````markdown\n```\n## In an example\n```\n````\n\n## A\n", 1),
    ("~~~\n## In code\n~~~\n", 0),
    ('!!! tip "Tip"\n\n    ## In a box\n', 1),
])
def test_sections_are_the_level_two_headings_outside_code(tmp_path, body, sections):
    page = tmp_path / "page.md"
    page.write_text(VALID_FRONT_MATTER + "# Kop\n\n" + body, encoding="utf-8")
    assert section_count(page) == sections


def test_a_shallow_clone_builds_and_says_history_is_missing(history_project, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history_project}", str(clone)],
                   check=True)
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=clone)
    assert result.returncode == 0, result.stderr
    status = read(tmp_path / "site", "en/status")
    assert "built without git history" in status
    assert "Last updated" not in read(tmp_path / "site", "en/viool")


def test_a_one_language_preview_lists_an_outdated_translation_without_its_unbuilt_twin(history_project, tmp_path):
    result = build_site(tmp_path, "https://example.nl/", cwd=history_project, env={"PREVIEW_LANGUAGE": "en"})
    assert result.returncode == 0, result.stderr
    outdated = read(tmp_path, "status").split('id="outdated"')[1].split("</table>")[0]
    assert "<td>docs/viool.md</td>" in outdated
    assert '<a href="../viool/">docs/viool.en.md</a>' in outdated
    assert "<td>docs/cello.md</td>" in read(tmp_path, "status").split('id="missing-sections"')[1]
