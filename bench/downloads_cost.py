"""What making the pages' downloads costs the build: CPU time of the real site's strict build with
the orkest plugin's `downloads: false` against the default, N builds each (taking turns): with the
files kept from an earlier build (orkest/documents/cache.py), and made anew (an empty cache). The
verdict is the median of each turn's ratio: this machine's speed drifts by a third within minutes,
and the builds of one turn run within seconds of each other. Exit code 1 if made anew is over the
budget in bench/budgets.toml.

    .venv/bin/python bench/downloads_cost.py --runs 5
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import tomllib
from pathlib import Path

from orkest.documents.cache import ENV
from orkest.testing import ROOT, build_site, variant_config

BUDGET = tomllib.loads(Path(__file__).with_name("budgets.toml").read_text(encoding="utf-8"))["downloads"]


def build_cpu(config: Path, site: Path, cache: Path | None = None) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    # As a contributor's Python runs, with its bytecode cache (this machine's shell turns it off).
    env = {"PYTHONDONTWRITEBYTECODE": "", **({ENV: str(cache)} if cache else {})}
    result = build_site(site, "http://127.0.0.1/", "--config-file", str(config), env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        off = ROOT / ".downloads-off.yml"  # beside mkdocs.yml: docs_dir and overrides resolve as in the real build
        off.write_text(variant_config({"  - orkest\n": "  - orkest:\n      downloads: false\n"}), encoding="utf-8")
        try:
            times: dict[str, list[float]] = {"without": [], "with": [], "made anew": []}
            # Each build into an empty folder, as the deploy builds: into the last build's folder this
            # machine's disk (ext4 with `discard`) charges its deletes to the next build's writes.
            builds = {"without": lambda run: build_cpu(off, Path(folder) / f"off-{run}"),
                      "with": lambda run: build_cpu(ROOT / "mkdocs.yml", Path(folder) / f"kept-{run}"),
                      "made anew": lambda run: build_cpu(ROOT / "mkdocs.yml", Path(folder) / f"anew-{run}",
                                                         Path(folder) / f"empty-cache-{run}")}
            for run in range(runs):  # every other turn in the other order: a drift within a turn evens out
                for kind in builds if run % 2 == 0 else reversed(builds):
                    times[kind].append(builds[kind](run))
        finally:
            off.unlink()
    each = {kind: [made / without for made, without in zip(times[kind], times["without"])]
            for kind in ("with", "made anew")}
    kept, anew = (statistics.median(each[kind]) - 1 for kind in each)
    print(f"build CPU, median of {runs}: without downloads {statistics.median(times['without']):.2f} s; "
          f"the median turn: with the files kept +{kept * 100:.1f}%, made anew +{anew * 100:.1f}% "
          f"(budget +{BUDGET['max_cpu_share'] * 100:.0f}%)")
    print({k: [round(t, 2) for t in v] for k, v in times.items()})
    if anew > BUDGET["max_cpu_share"]:
        sys.exit("made anew, the downloads are over their budget")


if __name__ == "__main__":
    main()
