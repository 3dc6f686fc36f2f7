"""What the offline copies cost: CPU time (user+sys, with every child process) of the real site's
strict build and of `python -m orkest offline` on that build, median of N runs each, and each
copy's size (zip bytes); written to bench/results/offline_figures.json.

    .venv/bin/python bench/offline_figures.py --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from save_results import save

from orkest.testing import build_then_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    build, offline, sizes = [], [], {}
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            site = Path(folder) / f"site-{run}"
            (built, made), _ = build_then_run(site, "offline")
            build.append(built)
            offline.append(made)
            sizes = {path.name: path.stat().st_size for path in sorted((site / "offline").glob("*.zip"))}
    plain, packs = statistics.median(build), statistics.median(offline)
    print(f"CPU, median of {runs}: build {plain:.2f} s, offline copies {packs:.2f} s "
          f"(+{packs / plain * 100:.0f}% of the build)")
    print("sizes: " + ", ".join(f"{name} {size:,} bytes ({size / 1_000_000:.1f} MB)" for name, size in sizes.items()))
    save("offline_figures", {"runs": runs, "build_cpu_seconds": [round(t, 2) for t in build],
                             "offline_cpu_seconds": [round(t, 2) for t in offline],
                             "share_of_build": round(packs / plain, 3), "zip_bytes": sizes})


if __name__ == "__main__":
    main()
