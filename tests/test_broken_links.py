"""The strict build fails on a broken page link or anchor and names the file and the link."""

from __future__ import annotations

import pytest

from orkest.testing import build_site, fixture_project


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


# Only the first bytes, which the file policy checks: enough for the build.
VIDEO_FILES = {"video/les-nl.mp4": b"\0\0\0\x18ftypmp42", "video/les-nl.webp": b"RIFF\0\0\0\0WEBPVP8 ",
               "video/les-nl.vtt": "WEBVTT\n\n00:00.000 --> 00:05.000\nHallo.\n",
               "video/les-en.vtt": "WEBVTT\n\n00:00.000 --> 00:05.000\nHello.\n"}
GOOD = 'poster="video/les-nl.webp" captions="video/les-{lang}.vtt"'


@pytest.mark.parametrize("line, problem", [
    ('![type:video](https://example.com/les.mp4){ title="Les" }', "'https://example.com/les.mp4' is on example.com"),
    (f'![type:video](video/weg.mp4){{ title="Les" {GOOD} }}', "video file not found: 'docs/video/weg.mp4'"),
    ('![type:video](video/les-nl.mp4){ title="Les" poster="video/les-nl.webp" captions="video/x-{lang}.vtt" }', "caption file (nl) not found: 'docs/video/x-nl.vtt'"),
    ('![type:video](https://www.youtube.com/watch?v=kort){ title="Les" }', "has no valid YouTube video id"),
    (f'![type:video](video/les-nl.mp4){{ {GOOD} }}', "has no title"),
])
def test_each_video_fault_fails_the_build_naming_the_page(tmp_path, line, problem):
    pages = {"index.md": "# Start\n\nGoed.\n", "index.en.md": f"# Home\n\n{line}\n", **VIDEO_FILES}
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=fixture_project(tmp_path, pages))
    assert result.returncode != 0
    assert "docs/index.en.md: video problem(s):" in result.stderr
    assert problem in result.stderr
