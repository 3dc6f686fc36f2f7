"""What making the pages' downloads costs the build: CPU time of the real site's strict build with
the orkest plugin's `downloads: false` against the default, median of N builds each (alternating):
with the files kept from an earlier build (orkest/documents/cache.py), and made anew (an empty cache).

    .venv/bin/python bench/downloads_cost.py --runs 5
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
from pathlib import Path

from orkest.documents.cache import ENV
from orkest.testing import ROOT, build_site, variant_config


def build_cpu(config: Path, site: Path, cache: Path | None = None) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = build_site(site, "http://127.0.0.1/", "--config-file", str(config),
                        env={ENV: str(cache)} if cache else None)
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
            for run in range(runs):
                times["without"].append(build_cpu(off, Path(folder) / "off"))
                times["with"].append(build_cpu(ROOT / "mkdocs.yml", Path(folder) / "on"))
                times["made anew"].append(build_cpu(ROOT / "mkdocs.yml", Path(folder) / "on",
                                                    Path(folder) / f"empty-cache-{run}"))
        finally:
            off.unlink()
    without, with_, anew = (statistics.median(times[k]) for k in times)
    print(f"build CPU, median of {runs}: without downloads {without:.2f} s; with them kept {with_:.2f} s "
          f"(+{(with_ / without - 1) * 100:.1f}%); made anew {anew:.2f} s (+{(anew / without - 1) * 100:.1f}%)")
    print({k: [round(t, 2) for t in v] for k, v in times.items()})


if __name__ == "__main__":
    main()
