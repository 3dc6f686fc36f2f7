"""GitHub configuration: pinned actions, least permissions, timeouts, one gate, a deploy
that only follows CI, and owner review for everything that builds or checks the site."""

from __future__ import annotations

import re

import pytest
import yaml
from codeowners import codeowners_rules, owners_of
from workflow_checks import workflow_files, workflow_problems

from orkest.testing import ROOT

WORKFLOWS = workflow_files(ROOT / ".github" / "workflows")
# Jobs that report but never block a merge, so the gate leaves them out.
ADVISORY_JOBS = {"new-external-links"}
CODEOWNERS = ROOT / ".github" / "CODEOWNERS"
# What builds, checks or publishes the site (issue 10, section 4): owners must review it.
OWNER_GATED = (".github/", "orkest/", "overrides/", "scripts/", "requirements/",
               "pyproject.toml", "package.json", "package-lock.json", "mkdocs.yml", "tests/",
               ".ci/", ".pre-commit-config.yaml", "external-links.toml", "bench/budgets.toml")
# Pages stay open to any editor's review.
OPEN_TO_EDITORS = ("docs/index.md", "docs/meedoen/controles.md", "docs/nieuwe-map/nieuwe-pagina.en.md")


def _load(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def test_every_workflow_is_pinned_least_privileged_and_time_limited():
    assert len(WORKFLOWS) >= 3
    assert [p for path in WORKFLOWS for p in workflow_problems(path)] == []


def test_the_gate_needs_every_blocking_job_and_the_link_weekly_never_blocks():
    ci = _load("ci.yml")
    blocking = set(ci["jobs"]) - {"gate"} - ADVISORY_JOBS
    assert set(ci["jobs"]["gate"]["needs"]) == blocking
    weekly = _load("external-links.yml")
    assert set(weekly[True]) == {"schedule", "workflow_dispatch"}  # never on push or pull request


def test_deploy_publishes_only_a_push_to_main_that_passed_ci_after_the_same_gates():
    deploy = _load("deploy.yml")
    assert deploy[True] == {"workflow_run": {
        "workflows": [_load("ci.yml")["name"]], "types": ["completed"], "branches": ["main"]}}
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    for required in ("github.event.workflow_run.conclusion == 'success'",
                     "github.event.workflow_run.event == 'push'"):
        assert required in " ".join(build["if"].split())
    assert build["permissions"] == {"contents": "read"}
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["needs"] == "build" and not any("run" in step for step in publish["steps"])
    checkout = build["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"] == {"ref": "${{ github.event.workflow_run.head_sha }}",
                                "persist-credentials": False, "fetch-depth": 0}
    upload = next(i for i, step in enumerate(build["steps"])
                  if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    before_upload = [step.get("run", "") for step in build["steps"][:upload]]
    assert "./scripts/check" in before_upload
    assert any("mkdocs build --strict" in run for run in before_upload)
    built = next(i for i, run in enumerate(before_upload) if "mkdocs build --strict" in run)
    # The PDF handbooks and then the offline copies are made from the built site and deployed
    # with it, never committed (orkest/handbooks/, orkest/offline/).
    printed = next(i for i, run in enumerate(before_upload) if "-m orkest handbooks site/" in run)
    packed = next(i for i, run in enumerate(before_upload) if "-m orkest offline site" in run)
    assert built < printed < packed


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


CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1"
AFTER_CI = "on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\n    branches: [main]\n"
GATE = "github.event.workflow_run.conclusion == 'success' && github.event.workflow_run.event == 'push'"


def _workflow(on: str, name: str, permissions: str, checkout_with: str = "", condition: str = "",
              more_jobs: str = "") -> str:
    """A workflow that is clean except for what the arguments put in."""
    return (f"{on}permissions: {{}}\njobs:\n  {name}:\n"
            + (f"    if: {condition}\n" if condition else "")
            + f"    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    permissions: {permissions}\n"
            f"    steps:\n      - uses: {CHECKOUT}\n"
            "        with:\n          persist-credentials: false\n"
            + "".join(f"          {line}\n" for line in checkout_with.splitlines())
            + more_jobs)


PUBLISH_JOB = ("  deploy:\n    needs: build\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n"
               "    permissions: {pages: write, id-token: write}\n    steps:\n      - run: 'true'\n")
HEAD_SHA = "ref: ${{ github.event.workflow_run.head_sha }}"

BAD_WORKFLOWS = {
    "a .yaml file is found": (
        "release.yaml", "on: push\njobs: {}\n", ["top-level permissions must be {}"]),
    "pull_request_target": (
        "preview.yml", _workflow("on: pull_request_target\n", "build", "{contents: read}"),
        ["pull_request_target runs contributor code", "use pull_request instead"]),
    "workflow_run with write permissions": (
        "label.yml", _workflow(AFTER_CI, "label", "{pull-requests: write}", HEAD_SHA, GATE),
        ["job 'label' asks for write access (pull-requests) after a workflow_run: "
         "only the gated deploy job"]),
    "write scope outside deploy": (
        "release.yml", _workflow("on: push\n", "publish", "write-all"),
        ["job 'publish' asks for write access (write-all): only the job named 'deploy' may write"]),
    "checkout of the pull request's head in a privileged workflow": (
        "pwn.yml", _workflow("on: pull_request_target\n", "test", "{contents: read}",
                             "ref: ${{ github.event.pull_request.head.sha }}"),
        ["job 'test' checks out the pull request's code (ref: ${{ github.event.pull_request.head.sha }})"
         " in a privileged workflow: check out the base branch"]),
    "deploy on push, not gated on CI": (
        "deploy.yml", _workflow("on:\n  push:\n    branches: [main]\n", "build", "{contents: read}",
                                more_jobs=PUBLISH_JOB),
        ["job 'deploy' is not gated on CI success: trigger this workflow only by workflow_run"]),
    "deploy after CI on any branch": (
        "deploy.yml", _workflow(AFTER_CI.replace("    branches: [main]\n", ""), "build",
                                "{contents: read}", HEAD_SHA, GATE, PUBLISH_JOB),
        ["workflow_run with write access may follow only completed runs on main"]),
    "deploy after any CI run, pull requests' too": (
        "deploy.yml", _workflow(AFTER_CI, "build", "{contents: read}", HEAD_SHA, more_jobs=PUBLISH_JOB),
        ["job 'build' is not gated on CI success: add if:", "job 'deploy' is not gated on CI success"]),
    "deploy of main's tip instead of the commit CI passed": (
        "deploy.yml", _workflow(AFTER_CI, "build", "{contents: read}", "", GATE, PUBLISH_JOB),
        ["job 'build' must check out exactly the commit CI passed"]),
    "deploy that also writes the repository": (
        "deploy.yml", _workflow(AFTER_CI, "build", "{contents: read}", HEAD_SHA, GATE,
                                PUBLISH_JOB.replace("{pages: write", "{contents: write, pages: write")),
        ["job 'deploy' asks for write access (contents, id-token, pages): "
         "a deploy needs only pages: write"]),
    "the link report's issue access on pull requests": (
        "external-links.yml", _workflow("on: [schedule, pull_request]\n", "check", "{issues: write}"),
        ["job 'check' may have write access (issues) only while the workflow runs on a schedule "
         "or by hand: remove the pull_request trigger"]),
}


@pytest.mark.parametrize("case", BAD_WORKFLOWS)
def test_each_risky_workflow_is_named_with_its_problem(tmp_path, case):
    file_name, text, expected = BAD_WORKFLOWS[case]
    (tmp_path / file_name).write_text(text, encoding="utf-8")
    (found,) = workflow_files(tmp_path)
    problems = workflow_problems(found)
    assert problems and all(p.startswith(f"{file_name}: ") for p in problems), problems
    for fragment in expected:
        assert any(fragment in p for p in problems), (fragment, problems)


def test_a_fixture_deploy_shaped_like_the_real_one_passes(tmp_path):
    good = tmp_path / "deploy.yml"
    good.write_text(_workflow(AFTER_CI, "build", "{contents: read}", HEAD_SHA, GATE, PUBLISH_JOB),
                    encoding="utf-8")
    assert workflow_problems(good) == []


def test_codeowners_gates_build_code_and_workflows_but_not_pages():
    rules = codeowners_rules(CODEOWNERS)
    for gated in OWNER_GATED:
        assert (ROOT / gated).exists(), f"{gated} is listed here but not in the repository"
        # A folder is gated for the files in it now and for files added later.
        if gated.endswith("/"):
            paths = [p.relative_to(ROOT).as_posix() for p in (ROOT / gated).rglob("*") if p.is_file()]
            paths.append(f"{gated}sub/a-new-file.py")
        else:
            paths = [gated]
        for path in paths:
            assert owners_of(rules, path), f"{path} needs a code owner in .github/CODEOWNERS"
    for path in OPEN_TO_EDITORS:
        assert owners_of(rules, path) == [], f"{path} should stay open to editors' review"
    # Owners are a team handle, never a guessed person.
    assert all(re.fullmatch(r"@[\w-]+/[\w-]+", owner) for _, owners in rules for owner in owners)


def test_codeowners_is_read_as_github_reads_it(tmp_path):
    codeowners = tmp_path / "CODEOWNERS"
    codeowners.write_text("# comment\n/hooks/ @org/a\n*.toml @org/b\n/hooks/open.py\n", encoding="utf-8")
    rules = codeowners_rules(codeowners)
    assert owners_of(rules, "hooks/metadata.py") == ["@org/a"]
    assert owners_of(rules, "hooks/open.py") == []  # the last matching line wins
    assert owners_of(rules, "bench/budgets.toml") == ["@org/b"]  # no slash: any folder
    assert owners_of(rules, "docs/hooks/page.md") == []  # a leading slash: from the root only
