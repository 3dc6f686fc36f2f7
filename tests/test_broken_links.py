"""The strict build fails on a broken page link or anchor and names the file and the link."""

from __future__ import annotations

from conftest import build_site, fixture_project


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


def test_a_video_fault_fails_the_build_naming_the_page_and_the_problem(tmp_path):
    project = fixture_project(tmp_path, {
        "index.md": "# Start\n\n![type:video](https://example.com/les.mp4){ title=\"Les\" }\n",
        "index.en.md": "# Home\n\n![type:video](https://youtu.be/abcdefghijk)\n",
    })
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    assert "docs/index.md: video problem(s):" in result.stderr
    assert "'https://example.com/les.mp4' is on example.com" in result.stderr
