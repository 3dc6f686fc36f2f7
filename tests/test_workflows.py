"""GitHub configuration: pinned actions, least permissions, timeouts, one gate, a deploy
that only follows CI, and owner review for everything that builds or checks the site."""

from __future__ import annotations

import re

import yaml
from codeowners import codeowners_rules, owners_of
from conftest import ROOT
from workflow_checks import workflow_problems

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# Jobs that report but never block a merge, so the gate leaves them out.
ADVISORY_JOBS = {"new-external-links"}
CODEOWNERS = ROOT / ".github" / "CODEOWNERS"
# What builds, checks or publishes the site (issue 10, section 4): owners must review it.
OWNER_GATED = (".github/", "hooks/", "orkest/", "overrides/", "scripts/", "requirements/",
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
