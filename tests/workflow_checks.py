"""Hygiene of the GitHub Actions workflows: what a supply-chain reviewer would check first.

Write access is where a pull request could do harm, so it is allowed in one reviewed shape:
the job named `deploy`, after a workflow_run of CI that passed for a push to main, which
checks out exactly that commit (.github/workflows/deploy.yml); and in the few jobs listed
in REVIEWED_WRITERS, which only maintainers' triggers start. Anything else is named.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
# A ref or repository holding one of these is the pull request's own, untrusted code.
PULL_REQUEST_HEAD = ("github.event.pull_request.head", "github.head_ref", "refs/pull/")
# What a job after a workflow_run must require before it touches the commit.
CI_PASSED = ("github.event.workflow_run.conclusion == 'success'",
             "github.event.workflow_run.event == 'push'")
# GitHub's status functions: with one of them a job runs even when the job it needs was skipped.
RUNS_ANYWAY = ("always()", "failure()", "cancelled()")
CI_COMMIT = "${{ github.event.workflow_run.head_sha }}"
DEPLOY_SCOPES = {"pages", "id-token"}
# Reviewed write access outside deploy, by file and job. It holds only while the workflow
# runs on a schedule or by hand, so contributor events never reach it.
REVIEWED_WRITERS = {
    ("external-links.yml", "check"): {"issues"},  # the weekly link check keeps one tracking issue
}
MAINTAINER_TRIGGERS = {"schedule", "workflow_dispatch"}


def workflow_files(folder: Path) -> list[Path]:
    """Every workflow in the folder: GitHub runs .yaml files as well as .yml."""
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])


def workflow_problems(path: Path) -> list[str]:
    """Problems in one workflow file, each starting with the file's name."""
    text = path.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text) or {}
    triggers = _triggers(workflow.get(True, workflow.get("on")))  # YAML reads a bare `on:` as True
    jobs = workflow.get("jobs") or {}
    writers = {name: scopes for name, job in jobs.items() if (scopes := write_scopes(job))}
    after_workflow_run = "workflow_run" in triggers and bool(writers)
    privileged = bool(writers) or "pull_request_target" in triggers or "workflow_run" in triggers
    problems = []
    if workflow.get("permissions") != {}:
        problems.append("top-level permissions must be {} (each job asks for what it needs)")
    if "pull_request_target" in triggers:
        problems.append("pull_request_target runs contributor code with the repository's secrets: "
                        "use pull_request instead")
    if after_workflow_run and not _follows_ci_on_main(triggers):
        problems.append("workflow_run with write access may follow only completed runs on main: "
                        "set types: [completed] and branches: [main], and remove the other triggers")
    if "deploy" in writers and "workflow_run" not in triggers:
        problems.append("job 'deploy' is not gated on CI success: trigger this workflow only by "
                        "workflow_run of CI (types: [completed], branches: [main])")
    for name, job in jobs.items():
        if "timeout-minutes" not in job:
            problems.append(f"job {name!r} has no timeout-minutes")
        if "permissions" not in job:
            problems.append(f"job {name!r} does not say which permissions it needs")
        if name in writers:
            problems += _write_problems(path.name, name, writers[name], triggers)
        if after_workflow_run and not _gated_on_ci(name, jobs):
            problems.append(f"job {name!r} is not gated on CI success: add if: "
                            f"{CI_PASSED[0]} && {CI_PASSED[1]}")
        for step in job.get("steps", []):
            uses = step.get("uses")
            if uses and not uses.startswith("./") and not PINNED.match(uses):
                problems.append(f"job {name!r} uses {uses!r}: pin actions by full commit SHA")
            if not (uses and uses.startswith("actions/checkout@")):
                continue
            options = step.get("with") or {}
            if options.get("persist-credentials") is not False:
                problems.append(f"job {name!r}: checkout must set persist-credentials: false")
            if privileged:
                problems += _pull_request_checkouts(name, options)
            if after_workflow_run and " ".join(str(options.get("ref", "")).split()) != CI_COMMIT:
                problems.append(f"job {name!r} must check out exactly the commit CI passed: "
                                f"set ref: {CI_COMMIT}")
    for number, line in enumerate(text.splitlines(), start=1):
        if "uses:" in line and "@" in line and not re.search(r"@[0-9a-f]{40} # v\d", line):
            problems.append(f"line {number}: say which version a pinned SHA is (# vX.Y.Z)")
    return [f"{path.name}: {problem}" for problem in problems]


def write_scopes(job: dict) -> set[str]:
    """The scopes a job may write to ("write-all" when it asks for everything)."""
    permissions = job.get("permissions")
    if permissions == "write-all":
        return {"write-all"}
    if isinstance(permissions, dict):
        return {scope for scope, level in permissions.items() if level in ("write", "write-all")}
    return set()


def _write_problems(file_name: str, name: str, scopes: set[str], triggers: dict) -> list[str]:
    asks = f"job {name!r} asks for write access ({', '.join(sorted(scopes))})"
    if name == "deploy":
        if scopes - DEPLOY_SCOPES:
            return [f"{asks}: a deploy needs only pages: write and id-token: write, so remove the rest"]
        return []
    reviewed = REVIEWED_WRITERS.get((file_name, name))
    if reviewed is not None and scopes <= reviewed:
        others = sorted(set(triggers) - MAINTAINER_TRIGGERS)
        if not others:
            return []
        return [f"job {name!r} may have write access ({', '.join(sorted(scopes))}) only while the "
                f"workflow runs on a schedule or by hand: remove the {', '.join(others)} trigger"]
    if "workflow_run" in triggers:
        return [f"{asks} after a workflow_run: only the gated deploy job may write there, "
                "so give this job read access"]
    return [f"{asks}: only the job named 'deploy' may write, so give this job read access or none"]


def _pull_request_checkouts(name: str, options: dict) -> list[str]:
    return [f"job {name!r} checks out the pull request's code ({key}: {options[key]}) in a "
            "privileged workflow: check out the base branch, or do this in a read-only "
            "pull_request workflow"
            for key in ("ref", "repository")
            if any(head in str(options.get(key, "")) for head in PULL_REQUEST_HEAD)]


def _follows_ci_on_main(triggers: dict) -> bool:
    run = triggers.get("workflow_run") or {}
    return (set(triggers) == {"workflow_run"} and bool(_as_list(run.get("workflows")))
            and _as_list(run.get("types")) == ["completed"]
            and _as_list(run.get("branches")) == ["main"])


def _gated_on_ci(name: str, jobs: dict, seen: frozenset[str] = frozenset()) -> bool:
    """The job runs only after CI passed for a push: its own if: says so, or a job it needs does."""
    job = jobs.get(name) or {}
    condition = " ".join(str(job.get("if", "")).split())
    # "||" or "!" could turn the required comparisons around, so such a condition does not count.
    if all(part in condition for part in CI_PASSED) and "||" not in condition and "!" not in condition:
        return True
    if any(function in condition for function in RUNS_ANYWAY):
        return False
    return any(_gated_on_ci(need, jobs, seen | {name})
               for need in _as_list(job.get("needs")) if need not in seen | {name})


def _triggers(on) -> dict:
    if isinstance(on, str):
        return {on: {}}
    if isinstance(on, list):
        return {trigger: {} for trigger in on}
    return {trigger: settings or {} for trigger, settings in (on or {}).items()}


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
