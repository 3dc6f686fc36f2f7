"""`mkdocs serve` (what ./scripts/serve runs): both languages, and an edit reloads the page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import ROOT, free_port

pytestmark = pytest.mark.browser


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.3)


@pytest.fixture
def served_copy(tmp_path):
    """A copy of the project under `mkdocs serve`, so the test can edit its pages."""
    project = tmp_path / "project"
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=log, stderr=log,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/en/", seconds=90)
        yield project, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_serve_shows_both_languages_and_reloads_after_an_edit(served_copy, browser):
    project, url = served_copy
    page = browser.new_page()
    page.goto(f"{url}/instrumenten/")
    assert page.get_attribute("html", "lang") == "nl"
    page.goto(f"{url}/en/instrumenten/")
    assert page.get_attribute("html", "lang") == "en"

    edited = project / "docs" / "instrumenten" / "index.en.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nFreshly saved sentence.\n",
                      encoding="utf-8")
    started = time.monotonic()
    # No navigation by the test: the page reloads itself when the rebuild is done.
    page.wait_for_selector("text=Freshly saved sentence.", timeout=30_000)
    print(f"edit visible after {time.monotonic() - started:.1f} s")
    page.close()
