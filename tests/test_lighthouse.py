"""Lighthouse accessibility and best practices: 100 on a sample of pages (the home in both
languages on a phone and a desktop, a template with tables, the videos, an instruction with a video)."""

from __future__ import annotations

import pytest

from orkest.testing import build_site, fixture_project, serving
from orkest.testing.lighthouse import audit

pytestmark = pytest.mark.browser

SAMPLED = [("/", "mobile"), ("/", "desktop"), ("/en/", "mobile"), ("/financiering/begroting/", "mobile"),
           ("/en/instrumenten/videos/", "mobile"), ("/instrumenten/trompet-ventielen-olien/", "desktop")]


def test_sampled_pages_score_100_for_accessibility_and_best_practices(server):
    reports = [audit(f"{server}{path}", form_factor) for path, form_factor in SAMPLED]
    print("\n".join(str(report) for report in reports))  # the figures, for the closing note
    assert [str(report) for report in reports if min(report.scores.values()) < 100] == []


def test_a_page_that_loses_points_is_named_with_the_audit(tmp_path):
    project = fixture_project(tmp_path, {"index.md": "# Start\n\nFAULT\n", "index.en.md": "# Home\n\nFine.\n"})
    assert build_site(tmp_path / "site", "http://127.0.0.1/", cwd=project).returncode == 0
    built = tmp_path / "site" / "index.html"
    # Put into the built page: the content policy would refuse a nameless link in the Markdown.
    built.write_text(built.read_text(encoding="utf-8").replace("<p>FAULT</p>", '<p><a href="en/"></a></p>'),
                     encoding="utf-8")
    with serving(tmp_path / "site") as url:
        report = audit(f"{url}/")
    assert report.scores["accessibility"] < 100
    assert any(line.startswith("link-name: ") for line in report.failed), report
