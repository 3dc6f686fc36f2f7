"""The link checks of ./scripts/links (orkest/links.py): internal links over the built site,
offline; external links with external-links.toml, all of them or only those a branch adds."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from orkest.links import (
    BrokenLink,
    changed_external_link_problems,
    external_link_problems,
    internal_link_problems,
    run,
    tracking_issue_body,
)
from orkest.testing import fixture_project, serving


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
    problems = [str(problem) for problem in internal_link_problems(tmp_path)]
    assert len(problems) == 3, problems
    assert all(p.startswith("instrumenten/index.html: ") for p in problems)
    text = "\n".join(problems)
    assert "bestaat-niet" in text
    assert "#budget" in text and "Cannot find fragment" in text
    assert "video/les-nl-en.vtt" in text and "File not found" in text


def line_number(project: Path, source: str, text: str) -> int:
    lines = (project / source).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def check_links(project: Path, capsys) -> tuple[int, str, str]:
    """./scripts/links on this project: exit code, stdout and stderr."""
    code = run(external=False, changed=None, report=None, project=project)
    output = capsys.readouterr()
    return code, output.out, output.err


def test_a_tree_the_strict_build_refuses_never_passes(tmp_path, capsys):
    # lychee finds /en/ in the built site; only the strict build warns that it is absolute.
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "index.en.md": "# Home\n\nSee [home](/en/).\n"})
    code, out, err = check_links(project, capsys)
    assert code == 1 and "works" not in out, out + err
    line = line_number(project, "docs/index.en.md", "(/en/)")
    assert f"docs/index.en.md:{line}: /en/: absolute link, left as is\nhint: link to the page's .md file" in err


def test_each_broken_link_is_named_by_its_source_file_and_line(tmp_path, capsys):
    project = fixture_project(tmp_path, {
        "index.md": "# Start\n\nZie [de begroting](financiering/begroting.md).\n",
        "index.en.md": "# Home\n\n## Funding\n\nSee [the budget](#budget).\n",
    })
    code, out, err = check_links(project, capsys)
    assert code == 1 and out == "2 broken internal link(s).\n"
    budget = line_number(project, "docs/index.md", "begroting.md")
    anchor = line_number(project, "docs/index.en.md", "#budget")
    assert (f"docs/index.md:{budget}: financiering/begroting.md: the target is not found among "
            "documentation files\nhint: fix the path") in err
    assert f"docs/index.en.md:{anchor}: #budget: there is no such anchor on this page\nhint: " in err
    assert tempfile.gettempdir() not in err and ".html" not in err  # sources, not the built site


def test_a_broken_link_in_raw_html_is_named_by_its_source_file_and_line(tmp_path, capsys):
    # MkDocs leaves raw HTML alone; lychee finds these in the built site.
    project = fixture_project(tmp_path, {
        "index.md": '# Start\n\n<a href="../bestaat-niet/">weg</a>\n\n<a href="viool/#stemmen">viool</a>\n',
        "index.en.md": "# Home\n", "viool.md": "# Viool\n", "viool.en.md": "# Violin\n",
    }, nav=("index.md", "viool.md"))
    code, out, err = check_links(project, capsys)
    assert code == 1 and out == "2 broken internal link(s).\n", err
    missing = line_number(project, "docs/index.md", "bestaat-niet")
    anchor = line_number(project, "docs/index.md", "#stemmen")
    assert f"docs/index.md:{missing}: ../bestaat-niet/: File not found\nhint: fix the path" in err
    assert f"docs/index.md:{anchor}: viool/#stemmen: Cannot find fragment\nhint: link to the id" in err
    assert tempfile.gettempdir() not in err


def test_a_build_that_fails_for_another_reason_says_why(tmp_path, capsys):
    project = fixture_project(tmp_path, {
        "index.md": "# Start\n\n![type:video](https://example.com/les.mp4){ title=\"Les\" }\n",
        "index.en.md": "# Home\n",
    })
    code, out, err = check_links(project, capsys)
    assert code == 1 and out.endswith(" other build problem(s).\n") and "works" not in out
    assert "ERROR: docs/index.md: video problem(s):" in err
    assert "hint: the site must build with `mkdocs build --strict`" in err


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
