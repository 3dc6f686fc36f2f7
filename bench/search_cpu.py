"""Pagefind's CPU time (user+sys) on one built site, its threads on every CPU against on one
(orkest/finish/search_index.py one_cpu): the page extracts are written once, then Pagefind indexes
them into a new folder per run, the two ways taking turns; medians of N.

    .venv/bin/python bench/search_cpu.py SITE_DIR --runs 7
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from save_results import save

from orkest.finish.search_index import run_pagefind, scratch_folder, write_extracts


def pagefind_seconds(extracts: Path, output: Path, pinned: bool) -> tuple[float, float]:
    """CPU and wall seconds of one Pagefind run."""
    started = time.perf_counter()
    returncode, usage = run_pagefind(extracts, output, pinned=pinned)
    if returncode:
        raise SystemExit(f"Pagefind failed on {extracts}")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    figures: dict[str, dict[str, list[float]]] = {way: {"cpu": [], "wall": []} for way in ("all_cpus", "one_cpu")}
    with tempfile.TemporaryDirectory(dir=scratch_folder(arguments.site)) as extracts, \
            tempfile.TemporaryDirectory(dir=arguments.site.parent) as outputs:
        write_extracts(arguments.site, Path(extracts))
        for run in range(arguments.runs):
            for way in figures:
                cpu, wall = pagefind_seconds(Path(extracts), Path(outputs) / f"{way}-{run}", way == "one_cpu")
                figures[way]["cpu"].append(round(cpu, 3))
                figures[way]["wall"].append(round(wall, 3))
    save("search_cpu", {
        "site": arguments.site.name, "runs": arguments.runs, "cpus": len(os.sched_getaffinity(0)),
        **{way: {"cpu_seconds": statistics.median(each["cpu"]), "wall_seconds": statistics.median(each["wall"]),
                 "cpu_each_run": each["cpu"]} for way, each in figures.items()},
    })


if __name__ == "__main__":
    main()
