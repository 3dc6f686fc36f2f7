"""Figures for the quality gates: how long the checks take, how much they check, and what
axe and the Nu HTML Checker find on the real site and with the theme's defaults.

Run: .venv/bin/python bench/quality_figures.py [--suite]  (after ./scripts/test installed
.venv, node_modules and Chromium). --suite also times the whole test suite three times
(about a quarter of an hour). Writes bench/results/quality_figures.json.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from save_results import save

from orkest.links import lychee_report
from orkest.testing import (
    CHROMIUM,
    CHROMIUM_ARGS,
    build_site,
    built_pages,
    free_port,
    page_url_path,
    serving,
    variant_config,
)
from orkest.testing.browser import axe_problems
from orkest.testing.html_validator import is_allowed, vnu_messages

ROOT = Path(__file__).resolve().parent.parent

RUNS = 3


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def median_seconds(action, runs: int = RUNS) -> float:
    return round(statistics.median(timed(action)[0] for _ in range(runs)), 2)


def theme_defaults_config(scratch: Path) -> Path:
    """The project without its accessibility and HTML fixes: no extra CSS, pymdownx.tasklist
    instead of the labelled checklists, no repair of the theme's HTML."""
    yaml_text = variant_config({
        "  - orkest.markdown.checklists\n": "  - pymdownx.tasklist\n",
        "  - orkest\n": "  - orkest:\n      repair_html: false\n",
        "extra_css:\n  - assets/stylesheets/extra.css\n": "extra_css: []\n",
    })
    path = ROOT / f".theme-defaults-{scratch.name}.yml"  # beside mkdocs.yml: relative paths hold
    path.write_text(yaml_text, encoding="utf-8")
    return path


def axe_violations(site: Path, url: str) -> list[str]:
    from playwright.sync_api import sync_playwright

    problems = []
    with sync_playwright() as playwright, serving(site, int(url.rsplit(":", 1)[1].strip("/"))) as base:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for built in built_pages(site):
            path = page_url_path(site, built)
            page.goto(f"{base}{path}", wait_until="load")
            problems += axe_problems(page, path)
        browser.close()
    return problems


def figures_for(site: Path, url: str) -> dict:
    messages = vnu_messages(site)
    axe = axe_violations(site, url)
    return {
        "vnu_errors": len(messages),
        "vnu_errors_not_allowed": sum(not is_allowed(m) for m in messages),
        "axe_violations": len(axe),
        "axe_rules": sorted({p.split(": ")[1] for p in axe}),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suite", action="store_true", help="also time the full test suite 3 times")
    args = parser.parse_args()
    figures: dict = {}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        url = f"http://127.0.0.1:{free_port()}/"
        site = scratch / "site"
        figures["build_seconds_median"] = median_seconds(
            lambda: build_site(site, url, "--quiet").check_returncode())
        report = lychee_report(site)
        figures["pages_checked"] = len(list(site.rglob("*.html")))
        figures["links_checked"] = report["total"]
        figures["unique_links_checked"] = report["unique"]
        figures["link_check_seconds_median"] = median_seconds(lambda: lychee_report(site))
        figures["vnu_seconds_median"] = median_seconds(lambda: vnu_messages(site))
        figures["check_seconds_median"] = median_seconds(lambda: subprocess.run(
            [sys.executable, "-m", "orkest", "check"], cwd=ROOT, check=True))
        figures["axe_seconds"], _ = timed(lambda: axe_violations(site, url))
        figures["project"] = figures_for(site, url)
        config = theme_defaults_config(scratch)
        try:
            defaults = scratch / "defaults"
            build_site(defaults, url, "--quiet", "-f", str(config)).check_returncode()
            figures["theme_defaults"] = figures_for(defaults, url)
        finally:
            config.unlink()
    if args.suite:
        figures["test_suite_seconds"] = [round(timed(lambda: subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT,
            capture_output=True, check=True))[0], 1) for _ in range(RUNS)]
        figures["test_suite_seconds_median"] = statistics.median(figures["test_suite_seconds"])
    figures["axe_seconds"] = round(figures["axe_seconds"], 1)
    save("quality_figures", figures)


if __name__ == "__main__":
    main()
