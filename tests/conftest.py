"""Shared fixtures: the site is built once per session (with its PDF handbooks, as deployed),
served on localhost, and opened in Debian's headless Chromium for the browser tests."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from orkest.testing import CHROMIUM, CHROMIUM_ARGS, build_site, free_port, serving
from orkest.testing.browser import RECORD_CSP_VIOLATIONS


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    url: str  # the site_url it was built for: where the test server serves it
    log: str
    seconds: float
    cpu_seconds: float  # the build's own user and system time, with everything it ran
    handbooks_cpu_seconds: float  # the same for `python -m orkest handbooks`, Chromium included
    handbooks_log: str
    offline_cpu_seconds: float  # `python -m orkest offline`'s, which writes the offline copies after the build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    # Built for the address the test server will use, as production is built for its own.
    site_dir, url = tmp_path_factory.mktemp("site"), f"http://127.0.0.1:{free_port()}/"
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = build_site(site_dir, url)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}", pytrace=False)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    seconds = time.perf_counter() - started
    # The handbooks, as the deploy makes them after the build: index pages link to them.
    handbooks = subprocess.run([sys.executable, "-m", "orkest", "handbooks", str(site_dir)],
                               capture_output=True, text=True)
    printed = resource.getrusage(resource.RUSAGE_CHILDREN)
    if handbooks.returncode != 0:
        pytest.fail(f"python -m orkest handbooks failed:\n{handbooks.stderr}", pytrace=False)
    handbooks_cpu = printed.ru_utime - after.ru_utime + printed.ru_stime - after.ru_stime
    # The offline copies, as the deploy makes them (after the handbooks): their links on the home page
    # and the guide are then checked with every other link, and their pages held to every page check.
    offline = subprocess.run([sys.executable, "-m", "orkest", "offline", str(site_dir)], capture_output=True, text=True)
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    if offline.returncode != 0:
        pytest.fail(f"python -m orkest offline failed:\n{offline.stderr}", pytrace=False)
    offline_cpu = done.ru_utime - printed.ru_utime + done.ru_stime - printed.ru_stime
    return BuiltSite(site_dir, url, result.stderr, seconds, cpu, handbooks_cpu, handbooks.stdout, offline_cpu)


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
