"""One way to build the site, a variant of it or a small fixture project, and to serve and
open it: shared by the tests (tests/conftest.py) and the benchmarks (bench/)."""

from __future__ import annotations

import contextlib
import functools
import os
import resource
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# The project folder: the package is installed in place (pip install --editable .).
ROOT = Path(__file__).resolve().parents[2]
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
# Given to fixture pages written without front matter, so each test shows only its own fault.
VALID_FRONT_MATTER = (
    "---\ntitle: Testpagina\ndescription: Een pagina die alleen voor een test bestaat.\n"
    "type: manual\naudience: [music-teacher]\n---\n\n"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_site(site_dir: Path, site_url: str, *extra: str, cwd: Path = ROOT, generator: str = "mkdocs",
               env: dict[str, str] | None = None, repo_url: str | None = REPO_URL) -> subprocess.CompletedProcess:
    """`<generator> build --strict` of the project in `cwd` into `site_dir`, for `site_url`;
    with "edit this page" links to `repo_url` (None: a build without a repository address)."""
    base = {k: v for k, v in os.environ.items() if k != "REPO_URL"}
    env = {**base, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url,
           **({"REPO_URL": repo_url} if repo_url else {}), **(env or {})}
    command = [sys.executable, "-m", generator, "build", "--strict", "--site-dir", str(site_dir)]
    return subprocess.run([*command, *extra], cwd=cwd, env=env, capture_output=True, text=True)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build_then_run(site_dir: Path, *commands: str) -> tuple[list[float], list[str]]:
    """The real site's strict build into `site_dir`, then `python -m orkest COMMAND site_dir` for
    each command, as the deploy runs them: each step's CPU (user+sys, its child processes
    included) and each command's output. A failing step stops the run with what it said."""
    cpu, said, started = [], [], children_cpu()
    result = build_site(site_dir, "https://www.orkestindeklas.nl/")
    for command in (None, *commands):
        if command is not None:
            result = subprocess.run([sys.executable, "-m", "orkest", command, str(site_dir)],
                                    capture_output=True, text=True)
        done = children_cpu()
        if result.returncode != 0:
            raise SystemExit(result.stderr)
        cpu.append(done - started)
        said.append(result.stdout)
        started = done
    return cpu, said[1:]


def project_copy(destination: Path, config: str | None = None, docs: bool = True) -> Path:
    """A copy of the project (its docs, theme changes and configuration) to vary and build."""
    destination.mkdir(parents=True, exist_ok=True)
    names = ("overrides", "docs") if docs else ("overrides",)
    for name in names:
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    (destination / "mkdocs.yml").write_text(
        config if config is not None else (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return destination


def variant_config(replacements: dict[str, str], config: str | None = None) -> str:
    """mkdocs.yml with each text replaced once; a text that is gone fails loudly, so a
    benchmark or test never measures a variant that quietly stopped being one."""
    text = config if config is not None else (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in replacements.items():
        if old not in text:
            raise ValueError(f"mkdocs.yml no longer holds {old!r}: update the variant")
        text = text.replace(old, new, 1)
    return text


def fixture_project(tmp_path: Path, pages: dict[str, str | bytes],
                    nav: tuple[str, ...] = ("index.md",)) -> Path:
    """A small project with the real configuration and theme, and these files in docs/."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    entries = "".join(f"\n  - {page}" for page in nav)
    project = project_copy(tmp_path / "project", f"{config}\nnav:{entries}\n", docs=False)
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


def site_with_a_fault(tmp_path: Path, fault: str) -> Path:
    """A two-page site whose Dutch page /geld/ holds `fault` (HTML) in the built page: what the
    content policy would refuse in the Markdown, to show that a browser check names it."""
    project = fixture_project(tmp_path, {
        "index.md": "# Start\n\nGoed.\n", "index.en.md": "# Home\n\nFine.\n",
        "geld.md": "# Geld\n\nFAULT\n", "geld.en.md": "# Money\n\nFine.\n",
    }, nav=("index.md", "geld.md"))
    site = tmp_path / "site"
    result = build_site(site, "http://127.0.0.1/", cwd=project)
    assert result.returncode == 0, result.stderr
    built = site / "geld" / "index.html"
    built.write_text(built.read_text(encoding="utf-8").replace("<p>FAULT</p>", fault), encoding="utf-8")
    return site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@contextlib.contextmanager
def serving(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve a built site on http://127.0.0.1:<port>, as a static host would."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def built_pages(site_dir: Path) -> Iterator[Path]:
    """Every content page of the built site (not the 404 page or theme assets)."""
    for path in sorted(site_dir.rglob("index.html")):
        relative = path.relative_to(site_dir).as_posix()
        if not relative.startswith(("assets/", "search/")):
            yield path


def page_url_path(site_dir: Path, page: Path) -> str:
    """'/en/instrumenten/' for site/en/instrumenten/index.html."""
    folder = page.parent.relative_to(site_dir).as_posix()
    return "/" if folder == "." else f"/{folder}/"
