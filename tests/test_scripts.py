"""The shell scripts a contributor runs: ./scripts/serve takes its options in any order, and
./scripts/test names each missing prerequisite with how to install it, before installing anything.

Each runs in a copy of the project with a PATH holding only the tools the test allows, so it is
the same on every machine; nothing is installed and no server is started.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from orkest.testing import ROOT

PYTHON = os.path.realpath(sys.executable)  # the interpreter itself, not a venv or pyenv shim
STUB_MKDOCS = '#!/bin/sh\necho "PREVIEW_LANGUAGE=${PREVIEW_LANGUAGE:-}"\nfor arg; do echo "arg=$arg"; done\n'


def project_copy(tmp_path: Path) -> Path:
    """The scripts and what they read, without .venv and node_modules."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "scripts", project / "scripts")
    shutil.copytree(ROOT / "requirements", project / "requirements")
    shutil.copy(ROOT / "package-lock.json", project / "package-lock.json")
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    return project


def tool_folder(tmp_path: Path, real: tuple[str, ...], fake: dict[str, str] | None = None) -> str:
    """A PATH with only these tools: links to the real ones, and small fake scripts."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in real:
        target = PYTHON if name == "python3" else shutil.which(name)
        assert target, f"{name} is needed to run this test"
        (folder / name).symlink_to(target)
    for name, script in (fake or {}).items():
        (folder / name).write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return str(folder)


def run(project: Path, script: str, *args: str, path: str | None = None, **env: str):
    environment = {k: v for k, v in os.environ.items() if k not in ("PREVIEW_LANGUAGE", "CHROMIUM")}
    environment.update(env)
    if path is not None:
        environment["PATH"] = path
    return subprocess.run([str(project / "scripts" / script), *args], env=environment,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def serve_project(tmp_path):
    """A project whose .venv is installed already and whose mkdocs prints what it was given."""
    project = project_copy(tmp_path)
    venv = project / ".venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "python").symlink_to(PYTHON)
    (venv / "mkdocs").write_text(STUB_MKDOCS, encoding="utf-8")
    (venv / "mkdocs").chmod(0o755)
    lock = hashlib.sha256((project / "requirements" / "docs.txt").read_bytes()).hexdigest()[:16]
    (project / ".venv" / f".installed-docs-{lock}").touch()
    package = hashlib.sha256((project / "pyproject.toml").read_bytes()).hexdigest()[:16]
    (project / ".venv" / f".package-{package}").touch()
    return project


@pytest.mark.parametrize("args, language, passed_on", [
    (["--dev-addr", "127.0.0.1:8001", "--language", "en"], "en", ["serve", "--dirty", "--dev-addr", "127.0.0.1:8001"]),
    (["--language", "en", "--dev-addr", "127.0.0.1:8001"], "en", ["serve", "--dirty", "--dev-addr", "127.0.0.1:8001"]),
    (["--language=nl", "--dev-addr=127.0.0.1:8001"], "nl", ["serve", "--dirty", "--dev-addr=127.0.0.1:8001"]),
    (["--dev-addr", "127.0.0.1:8001", "--language=en", "--no-livereload"], "en",
     ["serve", "--dirty", "--dev-addr", "127.0.0.1:8001", "--no-livereload"]),
    ([], "", ["serve", "--dirty"]),
    # The default preview rebuilds what changed; --clean asks for the whole site after every save.
    (["--clean", "--language", "nl"], "nl", ["serve", "--clean"]),
])
def test_serve_takes_its_options_in_any_order(serve_project, args, language, passed_on):
    result = run(serve_project, "serve", *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"PREVIEW_LANGUAGE={language}"] + [f"arg={a}" for a in passed_on]


@pytest.mark.parametrize("args, problem", [
    (["--dev-addr", "127.0.0.1:8001", "--language"], "--language needs a language"),
    (["--language", "fr"], "no language 'fr' on this site"),
])
def test_serve_says_which_languages_there_are(serve_project, args, problem):
    result = run(serve_project, "serve", *args)
    assert result.returncode == 2 and result.stdout == ""
    assert f"error: {problem}" in result.stderr
    assert "hint: say which language to preview: --language nl or --language en" in result.stderr


# Everything ./scripts/test uses before it installs anything, except what a test leaves out.
BASICS = ("bash", "dirname", "id", "python3", "git")


def test_a_missing_npm_is_named_with_how_to_install_it(tmp_path):
    project = project_copy(tmp_path)
    path = tool_folder(tmp_path, BASICS, {"java": "exit 0", "chromium": "exit 0", "soffice": "exit 0",
                                                 "pdftotext": "exit 0", "pdfinfo": "exit 0"})
    result = run(project, "test", path=path, CHROMIUM=f"{path}/chromium")
    assert result.returncode == 1
    assert "Node.js with npm: 'npm' not found (on Debian/Ubuntu: apt-get install nodejs npm)" in result.stderr
    assert "hint: install the above, then run" in result.stderr
    assert "command not found" not in result.stderr
    assert not (project / ".venv").exists()  # stopped before installing anything


def test_without_root_or_sudo_apt_get_is_never_tried(tmp_path):
    project = project_copy(tmp_path)
    tried = tmp_path / "apt-get-was-run"
    path = tool_folder(tmp_path, ("bash", "dirname", "python3", "git"), {
        "id": "echo 1000",  # a user other than root
        "apt-get": f"touch {tried}; exit 1",
        "npm": "exit 0",
    })
    result = run(project, "test", path=path, CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode == 1
    assert ("root or sudo, to install chromium default-jre-headless "
            "libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils with apt-get") in result.stderr
    assert "sudo: command not found" not in result.stderr and not tried.exists()


def test_every_missing_prerequisite_is_named_at_once(tmp_path):
    project = project_copy(tmp_path)
    result = run(project, "test", path=tool_folder(tmp_path, ("bash", "dirname", "id")),
                 CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("  - ")]
    assert len(problems) == 4, result.stderr
    for expected in ("git (the tests make repositories): 'git' not found (on Debian/Ubuntu: apt-get install git)",
                     "Python 3.11 or newer: 'python3' not found (on Debian/Ubuntu: apt-get install python3 python3-venv",
                     "chromium default-jre-headless libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils: not installed, "
                     "and there is no apt-get here",
                     "Node.js with npm: 'npm' not found"):
        assert expected in result.stderr
