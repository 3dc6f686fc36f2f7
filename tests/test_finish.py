"""The finishing step on its own (`python -m orkest finish SITE`): what the plugin does to
every built page, for a site built another way."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from orkest.testing import ROOT

POLICY_TAG = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def test_finishing_a_site_again_from_the_command_line_gives_the_same_pages(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    pages = sorted(copy.rglob("*.html"))
    for page in pages:  # as a generator without the plugin would leave them
        page.write_text(POLICY_TAG.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "orkest", "finish", str(copy), "--config", "mkdocs.yml"],
                            cwd=ROOT, capture_output=True, text=True, env={"SITE_URL": site.url, "PATH": ""})
    assert result.returncode == 0, result.stderr
    assert f"{len(pages)} files repaired and secured" in result.stdout
    differing = [p.relative_to(copy).as_posix() for p in pages
                 if p.read_bytes() != (site.root / p.relative_to(copy)).read_bytes()]
    assert differing == []


def test_the_command_names_each_page_it_will_not_secure(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    page = copy / "instrumenten" / "index.html"
    html = POLICY_TAG.sub("", page.read_text(encoding="utf-8"))
    page.write_text(html.replace("</article>", "<script>alert(1)</script></article>", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "orkest", "finish", str(copy)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "instrumenten/index.html: an inline script that no allowed template writes" in result.stderr
    assert "hint:" in result.stderr


def test_our_stylesheets_are_minified_and_the_themes_left_alone(tmp_path):
    from orkest.finish.stylesheets import minify_stylesheets

    folder = tmp_path / "assets" / "stylesheets"
    folder.mkdir(parents=True)
    (folder / "extra.css").write_text("/* why */\n.a  {\n  color: red;\n}\n", encoding="utf-8")
    (folder / "main.min.css").write_text("/* kept */ .b { color: blue; }", encoding="utf-8")
    assert minify_stylesheets(tmp_path) > 0
    assert (folder / "extra.css").read_text(encoding="utf-8") == ".a{color:red}"
    assert (folder / "main.min.css").read_text(encoding="utf-8") == "/* kept */ .b { color: blue; }"


def test_the_built_site_serves_extra_css_minified(site):
    css = (site.root / "assets" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert "/*" not in css and "\n  " not in css and ".home-routes" in css
