"""Hygiene of the GitHub Actions workflows: what a supply-chain reviewer would check first."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def workflow_problems(path: Path) -> list[str]:
    """Problems in one workflow file, each starting with the file's name."""
    text = path.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow.get(True, workflow.get("on")) or {}  # YAML reads a bare `on:` as True
    problems = []
    if workflow.get("permissions") != {}:
        problems.append("top-level permissions must be {} (each job asks for what it needs)")
    if "pull_request_target" in triggers:
        problems.append("pull_request_target runs contributor code with the repository's secrets")
    for name, job in workflow.get("jobs", {}).items():
        if "timeout-minutes" not in job:
            problems.append(f"job {name!r} has no timeout-minutes")
        if "permissions" not in job:
            problems.append(f"job {name!r} does not say which permissions it needs")
        for step in job.get("steps", []):
            uses = step.get("uses")
            if uses and not uses.startswith("./") and not PINNED.match(uses):
                problems.append(f"job {name!r} uses {uses!r}: pin actions by full commit SHA")
            if uses and uses.startswith("actions/checkout@") and \
                    (step.get("with") or {}).get("persist-credentials") is not False:
                problems.append(f"job {name!r}: checkout must set persist-credentials: false")
    for number, line in enumerate(text.splitlines(), start=1):
        if "uses:" in line and "@" in line and not re.search(r"@[0-9a-f]{40} # v\d", line):
            problems.append(f"line {number}: say which version a pinned SHA is (# vX.Y.Z)")
    return [f"{path.name}: {problem}" for problem in problems]
