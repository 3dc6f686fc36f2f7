"""The strict build fails on a broken page link or anchor and names the file and the link."""

from __future__ import annotations

import shutil

from conftest import ROOT, build_site


def fixture_project(tmp_path, pages: dict[str, str]):
    """A small project with the real configuration, theme and hooks, and these pages."""
    project = tmp_path / "project"
    for name in ("overrides", "hooks"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    (project / "mkdocs.yml").write_text(config + "\nnav:\n  - Start: index.md\n", encoding="utf-8")
    for name, text in pages.items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(text, encoding="utf-8")
    return project


def test_broken_link_and_broken_anchor_fail_the_build(tmp_path):
    project = fixture_project(tmp_path, {
        "index.md": "# Start\n\nZie [de begroting](financiering/begroting.md).\n",
        "index.en.md": "# Home\n\n## Funding\n\nSee [the budget](#budget).\n",
    })
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    assert ("Doc file 'index.md' contains a link 'financiering/begroting.md', "
            "but the target is not found among documentation files.") in result.stderr
    assert ("Doc file 'index.en.md' contains a link '#budget', "
            "but there is no such anchor on this page.") in result.stderr


def test_the_same_project_without_faults_builds(tmp_path):
    project = fixture_project(tmp_path, {
        "index.md": "# Start\n\n## Geld\n\nZie [geld](#geld).\n",
        "index.en.md": "# Home\n\n## Money\n\nSee [money](#money).\n",
    })
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode == 0, result.stderr
