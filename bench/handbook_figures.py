"""What the PDF handbooks cost and weigh: CPU time (user+sys, Chromium's processes included) of
`python -m orkest handbooks site/` against the plain strict build of the real site it runs on,
median of N (each run a fresh build, then the handbooks); pages and bytes of each PDF.

    .venv/bin/python bench/handbook_figures.py --runs 3
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
from pathlib import Path

from save_results import save

from orkest.testing import build_then_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    builds, handbooks, report = [], [], ""
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            (build, made), (report,) = build_then_run(Path(folder) / f"site-{run}", "handbooks")
            builds.append(build)
            handbooks.append(made)
    pdfs = {match[1]: {"pages": int(match[2]), "bytes": int(match[3])}
            for match in re.finditer(r"^(\S+\.pdf): (\d+) pages, (\d+) bytes$", report, re.M)}
    build, made = statistics.median(builds), statistics.median(handbooks)
    save("handbook_figures", {
        "runs": runs, "build_cpu_seconds": round(build, 2), "handbooks_cpu_seconds": round(made, 2),
        "handbooks_per_build": round(made / build, 2), "site_with_handbooks_per_build": round((build + made) / build, 2),
        "build_cpu_each_run": [round(t, 2) for t in builds], "handbooks_cpu_each_run": [round(t, 2) for t in handbooks],
        "pdfs": pdfs, "pages": sum(p["pages"] for p in pdfs.values()), "bytes": sum(p["bytes"] for p in pdfs.values()),
    })


if __name__ == "__main__":
    main()
