"""The issue's budget for what readers take away: the whole site as the deploy makes it (the strict
build, then the PDF handbooks, then the offline copies) in at most twice the plain build's CPU.
Each step's CPU (user+sys, Chromium and every other child process included), median of N runs,
each a fresh build with empty caches; written to bench/results/deploy_figures.json.

    .venv/bin/python bench/deploy_figures.py --runs 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from save_results import save

from orkest.documents.cache import ENV as DOWNLOADS_CACHE
from orkest.mkdocs.template_cache import FOLDER as TEMPLATE_CACHE
from orkest.testing import build_then_run

STEPS = ("build", "handbooks", "offline")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    each: dict[str, list[float]] = {step: [] for step in STEPS}
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            shutil.rmtree(TEMPLATE_CACHE, ignore_errors=True)  # as on a fresh machine
            os.environ[DOWNLOADS_CACHE] = tempfile.mkdtemp(dir=folder)
            cpu, _ = build_then_run(Path(folder) / f"site-{run}", *STEPS[1:])
            for step, seconds in zip(STEPS, cpu):
                each[step].append(round(seconds, 2))
    median = {step: statistics.median(times) for step, times in each.items()}
    whole = sum(median.values()) / median["build"]
    for step in STEPS:
        print(f"{step}: {median[step]:.2f} s CPU ({median[step] / median['build']:.2f}x the build)")
    print(f"{'ok  ' if whole <= 2 else 'MISS'} the whole site with handbooks and offline copies: {whole:.2f}x the "
          "plain build's CPU (budget 2x)")
    save("deploy_figures", {"runs": runs, "cpu_seconds_each_run": each,
                            "cpu_seconds": {step: round(t, 2) for step, t in median.items()},
                            "whole_per_build": round(whole, 2)})


if __name__ == "__main__":
    main()
