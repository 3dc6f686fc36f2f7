"""Where making the downloads' CPU goes in a real build (empty cache): importing the three office
libraries, each writer, reading the pages, keeping the files. Each run is a build of the real site
in a fresh process, timed part by part (process CPU time); the median of N runs per part. Less
noisy on a shared machine than bench/downloads_cost.py's difference of two whole builds: the parts
and the whole process (Python's start, every import and its child processes included, as
bench/downloads_cost.py times a build) are timed in the same run, so a
drift of the machine's speed moves both alike. The share is checked against bench/budgets.toml.

    .venv/bin/python bench/downloads_breakdown.py --runs 3
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from pathlib import Path

from orkest.testing import ROOT

BUDGET = tomllib.loads(Path(__file__).with_name("budgets.toml").read_text(encoding="utf-8"))["downloads"]


def timed(totals: dict, name: str, function):
    def run(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] += time.process_time() - started
    return run


def one_build() -> dict[str, float]:
    """One build in this process with every part of the downloads timed."""
    os.environ.update({"NO_MKDOCS_2_WARNING": "1", "ORKEST_DOWNLOADS_CACHE": tempfile.mkdtemp()})
    totals: dict[str, float] = defaultdict(float)
    started = time.process_time()
    import orkest.documents.make as make  # what the first page with downloads imports
    totals["importing python-docx, XlsxWriter, odfpy"] = time.process_time() - started
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from orkest.documents import cache, model
    from orkest.mkdocs.downloads import Downloads

    for name in ("write_docx", "write_odt", "write_xlsx", "write_ods", "workbook_sheets"):
        setattr(make, name, timed(totals, name, getattr(make, name)))
    model.read_document = timed(totals, "reading the pages (model.py)", model.read_document)
    cache.keep = timed(totals, "keeping the files (cache.py)", cache.keep)
    Downloads.on_page_context = timed(totals, "the whole step (downloads.py)", Downloads.on_page_context)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=tempfile.mkdtemp(), strict=True)
    started = time.process_time()
    build(config)
    totals["the whole build"] = time.process_time() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build's Pagefind and git
    totals["the whole process"] = time.process_time() + children.ru_utime + children.ru_stime  # since Python started
    made = totals["importing python-docx, XlsxWriter, odfpy"] + totals["the whole step (downloads.py)"]
    totals["share of the rest of the process"] = made / (totals["the whole process"] - made)
    return dict(totals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a single run, as JSON
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(one_build()))
        return
    bytecode = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}  # cached, as Python does by default
    runs = [json.loads(subprocess.run([sys.executable, __file__, "--one"], capture_output=True, text=True, env=bytecode,
                                      check=True, cwd=ROOT).stdout.splitlines()[-1]) for _ in range(arguments.runs)]
    for name in runs[0]:
        value = statistics.median(run[name] for run in runs)
        print(f"{name}: {value:.1%}" if name.startswith("share") else f"{name}: {value:.3f} s")
    share = statistics.median(run["share of the rest of the process"] for run in runs)
    if share > BUDGET["max_cpu_share"]:
        sys.exit(f"the downloads add {share:.1%} to the build, over their budget of {BUDGET['max_cpu_share']:.0%}")


if __name__ == "__main__":
    main()
