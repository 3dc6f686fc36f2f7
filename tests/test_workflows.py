"""GitHub Actions and Dependabot: pinned actions, least permissions, timeouts, one gate."""

from __future__ import annotations

import yaml
from conftest import ROOT
from workflow_checks import workflow_problems

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# Jobs that report but never block a merge, so the gate leaves them out.
ADVISORY_JOBS = {"new-external-links"}


def test_every_workflow_is_pinned_least_privileged_and_time_limited():
    assert len(WORKFLOWS) >= 3
    assert [p for path in WORKFLOWS for p in workflow_problems(path)] == []


def test_the_gate_needs_every_blocking_job_and_the_link_weekly_never_blocks():
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    blocking = set(ci["jobs"]) - {"gate"} - ADVISORY_JOBS
    assert set(ci["jobs"]["gate"]["needs"]) == blocking
    weekly = yaml.safe_load((ROOT / ".github/workflows/external-links.yml").read_text(encoding="utf-8"))
    assert set(weekly[True]) == {"schedule", "workflow_dispatch"}  # never on push or pull request


def test_dependabot_watches_pip_npm_and_actions():
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "npm", "github-actions"}


def test_a_careless_workflow_is_named_with_each_problem(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  build:\n    runs-on: ubuntu-24.04\n"
        "    steps:\n      - uses: actions/checkout@v4\n", encoding="utf-8")
    problems = workflow_problems(bad)
    assert all(p.startswith("bad.yml: ") for p in problems)
    for expected in ("top-level permissions must be {}", "pull_request_target",
                     "job 'build' has no timeout-minutes", "job 'build' does not say which permissions",
                     "'actions/checkout@v4': pin actions by full commit SHA",
                     "checkout must set persist-credentials: false", "line 7: say which version"):
        assert any(expected in p for p in problems), (expected, problems)
