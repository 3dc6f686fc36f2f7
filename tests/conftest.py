"""Shared fixtures: the site is built once per session, served on localhost, and
opened in Debian's headless Chromium for the browser tests."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_checks import RECORD_CSP_VIOLATIONS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the orkest package: contributor tools the tests share
sys.path.insert(0, str(ROOT / "hooks"))  # the build hooks and their Markdown extensions
# Where "edit this page" points in test builds (the deploy workflow passes the real one).
REPO_URL = "https://github.com/example/orkest-in-de-klas"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags for a sandboxed, offline machine: no background calls home to Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    url: str  # the site_url it was built for: where the test server serves it
    log: str
    seconds: float


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_site(site_dir: Path, site_url: str, *extra: str, cwd: Path = ROOT):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, "REPO_URL": REPO_URL}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    return subprocess.run([*command, *extra], cwd=cwd, env=env, capture_output=True, text=True)


# Given to fixture pages written without front matter, so each test shows only its own fault.
VALID_FRONT_MATTER = (
    "---\ntitle: Testpagina\ndescription: Een pagina die alleen voor een test bestaat.\n"
    "type: manual\naudience: [music-teacher]\n---\n\n"
)


def fixture_project(tmp_path: Path, pages: dict[str, str | bytes],
                    nav: tuple[str, ...] = ("index.md",)) -> Path:
    """A small project with the real configuration, theme and hooks, and these files in docs/."""
    project = tmp_path / "project"
    for name in ("overrides", "hooks"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    entries = "".join(f"\n  - {page}" for page in nav)
    (project / "mkdocs.yml").write_text(f"{config}\nnav:{entries}\n", encoding="utf-8")
    for name, content in pages.items():
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            if name.endswith(".md") and not content.startswith("---"):
                # Its own title: two pages in one folder and language may not share one.
                content = VALID_FRONT_MATTER.replace("Testpagina", f"Testpagina {name}") + content
            path.write_text(content, encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    # Built for the address the test server will use, as production is built for its own.
    site_dir, url = tmp_path_factory.mktemp("site"), f"http://127.0.0.1:{free_port()}/"
    started = time.perf_counter()
    result = build_site(site_dir, url)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}", pytrace=False)
    return BuiltSite(site_dir, url, result.stderr, time.perf_counter() - started)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@contextlib.contextmanager
def serving(directory: Path, port: int = 0):
    """Serve a built site on http://127.0.0.1:<port>, as a static host would."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site) -> str:
    """The built site, on the address it was built for."""
    with serving(site.root, urlsplit(site.url).port) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. A missing browser fails, never skips."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run ./scripts/test, which installs it",
                    pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class RecordedPage:
    """A browser tab that records every request and blocks any that leave localhost."""

    page: object
    requests: list[str]
    foreign: list[str]


@pytest.fixture
def tab(browser):
    context = browser.new_context()
    requests: list[str] = []
    foreign: list[str] = []

    def route(route):
        url = route.request.url
        requests.append(url)
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    context.route("**/*", route)
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    yield RecordedPage(context.new_page(), requests, foreign)
    context.close()
