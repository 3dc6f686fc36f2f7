"""The link checks of ./scripts/links (orkest/links.py): internal links over the built site,
offline; external links with external-links.toml, all of them or only those a branch adds."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import serving
from orkest.links import (BrokenLink, changed_external_link_problems, external_link_problems,
                          internal_link_problems, tracking_issue_body)


def test_the_built_site_has_no_broken_internal_link_anchor_or_download(site):
    assert internal_link_problems(site.root) == []


def write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{html}</body></html>", encoding="utf-8")


def test_broken_links_in_raw_html_anchors_and_downloads_are_named(tmp_path):
    write(tmp_path / "index.html", '<h2 id="geld">Geld</h2><a href="#geld">ok</a>')
    write(tmp_path / "instrumenten" / "index.html",
          '<a href="../bestaat-niet/">weg</a>'
          '<a href="../#budget">anker</a>'
          '<a href="video/les-nl-en.vtt" download>ondertitels</a>')
    problems = internal_link_problems(tmp_path)
    assert len(problems) == 3, problems
    assert all(p.startswith("instrumenten/index.html: ") for p in problems)
    text = "\n".join(problems)
    assert "bestaat-niet" in text
    assert "#budget" in text and "Cannot find fragment" in text
    assert "video/les-nl-en.vtt" in text and "File not found" in text


@pytest.fixture
def web(tmp_path_factory):
    """Another website, on this machine: /ok.html exists, everything else is 404."""
    root = tmp_path_factory.mktemp("web")
    (root / "ok.html").write_text("ok", encoding="utf-8")
    with serving(root) as url:
        yield url


def test_external_links_are_checked_with_the_project_settings(tmp_path, web):
    page = tmp_path / "docs" / "financiering" / "fondsen.md"
    page.parent.mkdir(parents=True)
    page.write_text(f"# Fondsen\n\nZie [het fonds]({web}/ok.html).\n\n"
                    f"Oud: [weg]({web}/weg.html).\n\nCode: `{web}/in-code`\n", encoding="utf-8")
    broken = external_link_problems([page], cwd=tmp_path)
    assert broken == [BrokenLink("docs/financiering/fondsen.md", 5, f"{web}/weg.html",
                                 "Rejected status code: 404 Not Found")]
    assert str(broken[0]).startswith(f"docs/financiering/fondsen.md:5: {web}/weg.html: ")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=repo, check=True, capture_output=True)


def test_a_pull_request_checks_only_the_external_links_it_adds_or_changes(tmp_path, web):
    page = tmp_path / "docs" / "starten.md"
    page.parent.mkdir(parents=True)
    page.write_text(f"# Starten\n\n[al kapot]({web}/oud-kapot.html)\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "switch", "-q", "-c", "contribution")
    page.write_text(f"# Starten\n\n[al kapot]({web}/oud-kapot.html)\n\n[nieuw]({web}/ok.html)\n\n"
                    f"[nieuw kapot]({web}/nieuw-kapot.html)\n\n```\n{web}/code-is-geen-link\n```\n",
                    encoding="utf-8")
    (tmp_path / "docs" / "nieuw.en.md").write_text(f"# New\n\n[broken]({web}/x.html)\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "contribution")
    broken = changed_external_link_problems("main", cwd=tmp_path)
    assert sorted((b.file, b.line, b.url) for b in broken) == [
        ("docs/nieuw.en.md", 3, f"{web}/x.html"),
        ("docs/starten.md", 7, f"{web}/nieuw-kapot.html"),
    ]


def test_the_tracking_issue_lists_each_broken_link_under_its_file():
    body = tracking_issue_body([
        BrokenLink("docs/a.md", 4, "https://example.org/weg", "Rejected status code: 404 Not Found"),
        BrokenLink("docs/a.en.md", 4, "https://example.org/weg", "Rejected status code: 404 Not Found"),
    ], "https://github.com/o/r/actions/runs/1")
    assert "### `docs/a.en.md`\n- line 4: <https://example.org/weg> — Rejected status code: 404" in body
    assert "### `docs/a.md`" in body and body.index("docs/a.en.md") < body.index("docs/a.md`")
    assert "Run: https://github.com/o/r/actions/runs/1" in body
