"""The link checks a contributor can run locally, with the same settings as CI.

- internal: build the site (strict) and run lychee offline over every built page, with
  #anchors and downloads; the same check the test suite runs. Each broken link is named by
  the file a contributor edits and its line (docs/page.md:12), with a hint.
- external: every http(s) link in docs/, with the retries, cache, per-host limits and
  accepted status codes of `external-links.toml` (the weekly workflow runs this).
- changed: only the external links a branch adds or changes against a base branch
  (the pull-request check), so a contributor is never held up by someone else's link.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from orkest.checks.page_source import FENCE
from orkest.link_sources import (
    hint_for,
    line_of,
    link_warning,
    log_messages,
    source_of,
    written_link,
)

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "external-links.toml"
LYCHEE = Path(sys.executable).with_name("lychee")
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")
# Where the build's "edit this page" links point when REPO_URL is not set: only the path matters.
PLACEHOLDER_REPO_URL = "https://github.com/example/orkest-in-de-klas"
THEME_OR_HOOK = "the link comes from the theme (overrides/) or the build code (orkest/)"


@dataclass(frozen=True)
class BrokenLink:
    file: str  # as the contributor sees it: docs/financiering/index.md
    line: int  # 0: the link is not in the file's text (it comes from the theme or a hook)
    url: str
    problem: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.url}: {self.problem}"


def lychee_command(*args: str) -> list[str]:
    if not LYCHEE.exists():
        raise SystemExit(f"lychee not found next to {sys.executable}: run ./scripts/links")
    return [str(LYCHEE), "--no-progress", *args]


def lychee_report(site_dir: Path) -> dict:
    """lychee's JSON report, offline over a built site: pages, anchors and downloads."""
    result = subprocess.run(
        lychee_command("--offline", "--include-fragments", "--index-files", "index.html",
                       "--root-dir", str(site_dir), "--format", "json", f"{site_dir}/**/*.html"),
        capture_output=True, text=True,
    )
    if result.returncode not in (0, 2):
        raise RuntimeError(f"lychee failed:\n{result.stderr}")
    return json.loads(result.stdout)


def internal_link_problems(site_dir: Path, project: Path = ROOT) -> list[BrokenLink]:
    """Every broken internal link of a built site, named by its source file and line.

    A page without a source in docs/ (404.html) is named by its built file.
    """
    report = lychee_report(site_dir)
    broken = []
    for name, failures in sorted(report["error_map"].items()):
        page = Path(name)
        text = page.read_text(encoding="utf-8") if page.is_file() else ""
        source = source_of(text, project)
        for failure in failures:
            link = written_link(text.splitlines(), failure, page)
            problem = failure["status"]["text"].split(". ")[0]  # "File not found", without advice
            line = line_of(project / source, link) if source else 0
            if source is None:
                shown = page.relative_to(site_dir).as_posix() if page.is_relative_to(site_dir) else name
                hint = f"{shown} has no file in docs/: {THEME_OR_HOOK}"
            elif not line:
                shown, hint = source, f"the link is not in the text of {source}: {THEME_OR_HOOK}"
            else:
                shown, hint = source, hint_for(problem)
            broken.append(BrokenLink(shown, line, link, problem, hint))
    return broken


def build_problems(output: str, project: Path) -> tuple[list[BrokenLink], list[str]]:
    """The strict build's warnings and errors: broken links by source file and line, and the rest."""
    broken: list[BrokenLink] = []
    others: list[str] = []
    for level, message in log_messages(output):
        if found := link_warning(message, project):
            broken.append(BrokenLink(*found))
        else:
            others.append(f"{level}: {message}")
    # A Dutch page shown in English as well is built, and warned about, twice.
    return list(dict.fromkeys(broken)), list(dict.fromkeys(others))


def external_link_problems(files: list[Path], config: Path = CONFIG, cwd: Path = ROOT) -> list[BrokenLink]:
    """Every external link in these Markdown files, checked with the settings in `config`."""
    if not files:
        return []
    result = subprocess.run(
        lychee_command("--config", str(config), "--format", "json", "--scheme", "https",
                       "--scheme", "http", *map(str, files)),
        capture_output=True, text=True, cwd=cwd,  # the cache (.lycheecache) lives in cwd
    )
    if result.returncode not in (0, 2):
        raise RuntimeError(f"lychee failed:\n{result.stderr}")
    report = json.loads(result.stdout)
    broken = []
    for name, failures in sorted(report["error_map"].items()) + sorted(report["timeout_map"].items()):
        shown = _shown(Path(name), cwd)
        for failure in failures:
            line = (failure.get("span") or {}).get("line", 0)
            broken.append(BrokenLink(shown, line, failure["url"], failure["status"]["text"]))
    return broken


def changed_external_link_problems(base: str, docs: str = "docs", cwd: Path = ROOT,
                                   config: Path = CONFIG) -> list[BrokenLink]:
    """Only the external links on lines this branch added or changed since `base`.

    Each changed file is copied with every other line blanked (code fences kept, so code
    stays code), so lychee sees only the new links and reports their real line numbers.
    """
    added = added_lines(base, docs, cwd)
    with tempfile.TemporaryDirectory() as scratch:
        for name, numbers in added.items():
            lines = (cwd / name).read_text(encoding="utf-8").splitlines()
            kept = [line if n in numbers or FENCE.match(line) else ""
                    for n, line in enumerate(lines, start=1)]
            copy = Path(scratch) / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text("\n".join(kept) + "\n", encoding="utf-8")
        broken = external_link_problems([Path(scratch) / name for name in added], config, cwd)
    # Report the contributor's file, not the scratch copy.
    return [BrokenLink(link.file.split(f"{scratch}/", 1)[-1], link.line, link.url, link.problem)
            for link in broken]


def added_lines(base: str, docs: str, cwd: Path) -> dict[str, set[int]]:
    """Markdown file -> numbers of the lines added or changed since the merge base with `base`."""
    diff = subprocess.run(
        ["git", "diff", "--unified=0", "--no-color", "--diff-filter=AM", f"{base}...HEAD", "--", docs],
        capture_output=True, text=True, cwd=cwd, check=True,
    ).stdout
    added: dict[str, set[int]] = {}
    current = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:].removeprefix("b/")
            current = name if name.endswith(".md") else None
        elif current and (hunk := HUNK.match(line)):
            start, count = int(hunk["start"]), int(hunk["count"] or 1)
            added.setdefault(current, set()).update(range(start, start + count))
    return added


def tracking_issue_body(broken: list[BrokenLink], run_url: str = "") -> str:
    """The body of the one tracking issue: what is broken, file by file, in both languages."""
    lines = [
        "De wekelijkse controle vond externe links die niet (meer) werken. "
        "Pas de link aan of haal hem weg; dit issue wordt bijgewerkt bij elke controle "
        "en sluit vanzelf als alles weer werkt.",
        "",
        "The weekly check found external links that do not work (any more). Fix or remove "
        "each link; this issue is updated on every run and closes itself when all links work.",
        "",
    ]
    for file in sorted({link.file for link in broken}):
        lines.append(f"### `{file}`")
        lines += [f"- line {link.line}: <{link.url}> — {link.problem}"
                  for link in broken if link.file == file]
        lines.append("")
    if run_url:
        lines.append(f"Run: {run_url}")
    return "\n".join(lines) + "\n"


def _shown(path: Path, cwd: Path) -> str:
    absolute = path if path.is_absolute() else cwd / path
    try:
        return absolute.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def build_site(site_dir: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` with its whole log: --quiet would drop the warnings strict counts."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1",
           "REPO_URL": os.environ.get("REPO_URL") or PLACEHOLDER_REPO_URL}  # edit links name the sources
    env.pop("COLUMNS", None)  # MkDocs would wrap its messages to that width
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True)


def check_internal_links(project: Path = ROOT) -> tuple[list[BrokenLink], list[str]]:
    """Broken internal links (source file and line), and any other reason the strict build failed.

    The built site's links are checked once the site builds: until then lychee would report
    the same broken links again, in another form.
    """
    with tempfile.TemporaryDirectory() as site:
        result = build_site(Path(site), project)
        broken, others = build_problems(result.stderr, project)
        if result.returncode != 0 and not broken and not others:
            others = [result.stderr.strip() or f"mkdocs build failed (exit status {result.returncode})"]
        if broken or others:
            return broken, others
        return internal_link_problems(Path(site), project), []


def run(external: bool, changed: str | None, report: Path | None, project: Path = ROOT) -> int:
    """What `./scripts/links` does; prints one line per broken link and returns the exit code."""
    if not external and not changed:
        broken, others = check_internal_links(project)
        for problem in others:
            print(problem, file=sys.stderr)
        if others:
            print("hint: the site must build with `mkdocs build --strict`; fix the above and run "
                  "./scripts/links again", file=sys.stderr)
        for link in broken:
            print(f"{link}\nhint: {link.hint}", file=sys.stderr)
        if broken or others:
            found = [f"{len(broken)} broken internal link(s)"] if broken else []
            found += [f"{len(others)} other build problem(s)"] if others else []
            print(" and ".join(found) + ".")
            return 1
        print("Every internal link, anchor and download works.")
        return 0
    if changed:
        broken = changed_external_link_problems(changed)
    else:
        broken = external_link_problems(sorted((ROOT / "docs").rglob("*.md")))
    for link in broken:
        print(link, file=sys.stderr)
    if report is not None:
        report.write_text(tracking_issue_body(broken, os.environ.get("RUN_URL", "")), encoding="utf-8")
    print(f"{len(broken)} broken external link(s)." if broken else "Every external link checked works.")
    return 1 if broken else 0
