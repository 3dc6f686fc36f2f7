"""The content check (hooks/content_check.py) names file and line for each unsafe pattern."""

from __future__ import annotations

import pytest
from content_check import content_problems


@pytest.mark.parametrize("line, problem", [
    ("<script>alert(1)</script>", "a <script> tag"),
    ('<a href="#" onclick="steel()">klik</a>', "an inline event handler"),
    ("[klik](javascript:alert(1))", "a javascript: link"),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "an <iframe>, <object> or <embed>"),
    ('<object data="x.swf"></object>', "an <iframe>, <object> or <embed>"),
    ('<form action="https://example.com">', "a <form>"),
    ("![een viool](https://example.com/viool.jpg)", "an image from another website"),
    ('<img src="https://example.com/x.png" alt="x">', "a resource from another website"),
    ("![](viool.png)", "an image without alt text"),
    ("Zie [](../financiering/begroting.md).", "a link without text"),
    ('<a href="../">  </a>', "a link without text"),
    ('<p style="color: red">Let op</p>', 'a style="..." attribute'),
])
def test_each_unsafe_pattern_is_named_with_file_and_line(tmp_path, line, problem):
    page = tmp_path / "docs" / "instrumenten" / "viool.md"
    page.parent.mkdir(parents=True)
    page.write_text(f"---\ntitle: x\n---\n\n# Viool\n\n{line}\n", encoding="utf-8")
    problems = content_problems(tmp_path / "docs")
    assert len(problems) == 1 and problems[0].startswith("docs/instrumenten/viool.md:7: " + problem)


def test_code_examples_and_good_pages_are_fine(tmp_path):
    page = tmp_path / "docs" / "a.md"
    page.parent.mkdir(parents=True)
    page.write_text("# A\n\n## B\n\nWrite `<script>` never.\n\n```html\n<script>x</script>\n```\n\n"
                    "![een viool](viool.png)\n", encoding="utf-8")
    assert content_problems(tmp_path / "docs") == []


def test_skipped_heading_level(tmp_path):
    page = tmp_path / "docs" / "a.md"
    page.parent.mkdir(parents=True)
    page.write_text("# A\n\n### C\n", encoding="utf-8")
    assert content_problems(tmp_path / "docs") == [
        "docs/a.md:3: heading level 3 after level 1: headings may not skip a level"]


@pytest.mark.parametrize("name, problem", [
    ("Mijn Viool.md", "file name: use only lower-case letters"),
    ("viool-oude-versie.docx", "file type '.docx' is not allowed here"),
    ("geïnstrumenteerd.md", "file name: use only lower-case letters"),
])
def test_bad_file_names_and_types(tmp_path, name, problem):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / name).write_text("# A\n", encoding="utf-8")
    problems = content_problems(tmp_path / "docs")
    assert any(p.startswith(f"docs/{name}: {problem}") for p in problems), problems


def test_oversize_file_says_what_to_do(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "les.mp4").write_bytes(b"\0" * (5 * 1024 * 1024 + 1))
    assert content_problems(tmp_path / "docs") == [
        "docs/les.mp4: the file is 5.0 MB, more than 5 MB: make it smaller "
        "(shorter video, lower resolution) or link to it instead"]


def test_the_real_site_is_clean():
    from conftest import ROOT

    assert content_problems(ROOT / "docs") == []
