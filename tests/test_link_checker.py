"""lychee over the built site, offline: every internal link, anchor and download in pages,
templates, the language switcher and generated pages (Markdown links are also checked
by the strict build)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LYCHEE = Path(sys.executable).with_name("lychee")


def lychee(site: Path) -> subprocess.CompletedProcess:
    command = [str(LYCHEE), "--offline", "--include-fragments", "--no-progress",
               "--index-files", "index.html", "--root-dir", str(site), f"{site}/**/*.html"]
    return subprocess.run(command, capture_output=True, text=True)


def test_the_built_site_has_no_broken_internal_link_or_anchor(site):
    result = lychee(site.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 Errors" in result.stdout


def write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{html}</body></html>", encoding="utf-8")


def test_broken_links_in_raw_html_anchors_and_downloads_are_named(tmp_path):
    write(tmp_path / "index.html", '<h2 id="geld">Geld</h2><a href="#geld">ok</a>')
    write(tmp_path / "instrumenten" / "index.html",
          '<a href="../bestaat-niet/">weg</a>'
          '<a href="../#budget">anker</a>'
          '<a href="video/les-nl-en.vtt" download>ondertitels</a>')
    result = lychee(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "instrumenten/index.html" in output
    assert "bestaat-niet" in output
    assert "#budget" in output and "Cannot find fragment" in output
    assert "video/les-nl-en.vtt" in output and "File not found" in output
    assert f"[{tmp_path}/instrumenten/index.html]:" in output  # the page holding the links
