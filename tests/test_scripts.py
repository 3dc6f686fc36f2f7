"""The shell scripts a contributor runs: ./scripts/serve takes its options in any order.

Each runs in a copy of the project; nothing is installed and no server is started.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PYTHON = os.path.realpath(sys.executable)  # the interpreter itself, not a venv or pyenv shim
STUB_MKDOCS = '#!/bin/sh\necho "PREVIEW_LANGUAGE=${PREVIEW_LANGUAGE:-}"\nfor arg; do echo "arg=$arg"; done\n'


def project_copy(tmp_path: Path) -> Path:
    """The scripts and what they read, without .venv and node_modules."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "scripts", project / "scripts")
    shutil.copytree(ROOT / "requirements", project / "requirements")
    shutil.copy(ROOT / "package-lock.json", project / "package-lock.json")
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
    return project


@pytest.mark.parametrize("args, language, passed_on", [
    (["--dev-addr", "127.0.0.1:8001", "--language", "en"], "en", ["serve", "--dev-addr", "127.0.0.1:8001"]),
    (["--language", "en", "--dev-addr", "127.0.0.1:8001"], "en", ["serve", "--dev-addr", "127.0.0.1:8001"]),
    (["--language=nl", "--dev-addr=127.0.0.1:8001"], "nl", ["serve", "--dev-addr=127.0.0.1:8001"]),
    (["--dev-addr", "127.0.0.1:8001", "--language=en", "--no-livereload"], "en",
     ["serve", "--dev-addr", "127.0.0.1:8001", "--no-livereload"]),
    ([], "", ["serve"]),
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
