"""A copy of a project under `mkdocs serve`, and waiting for what it serves: for the preview
tests and the benchmark alike."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from orkest.testing import free_port


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


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_until_served(url: str, text: str, seconds: float) -> float:
    """Seconds until the page at `url` holds `text` (the preview has rebuilt it)."""
    started = time.monotonic()
    while text not in fetch(url):
        assert time.monotonic() - started < seconds, f"{text!r} not at {url} after {seconds} s"
        time.sleep(0.2)
    return time.monotonic() - started


@contextlib.contextmanager
def serve_copy(source: Path, tmp_path: Path, first_page: str, *args: str, **env: str):
    """A copy of the project at `source` under `mkdocs serve`, so the test can edit its pages."""
    project = tmp_path / "served"
    for name in ("docs", "overrides"):
        shutil.copytree(source / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(source / "mkdocs.yml", project / "mkdocs.yml")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *args],
            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
            stdout=output, stderr=output,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/{first_page}", seconds=90)
            yield project, f"http://127.0.0.1:{port}", log
        finally:
            server.terminate()
            server.wait(timeout=10)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
