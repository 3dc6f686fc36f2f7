"""Menu links per page and build CPU of the menu: today's menu (navigation.sections: every
page of a tab on every page of it) against this one (a tab's groups fold, pruned), on the
synthetic corpora of bench/corpus.py (sections deel-01..deel-10, topics of twenty pages).

Run: .venv/bin/python bench/nav_figures.py  (--sizes 100 300 1000 --runs 3 by default).
Prints a table and writes bench/results/nav_figures.json. Both menus are built from the same
corpus on the same machine, taking turns (today, new, today, new, ...), median CPU of --runs
builds at each size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from corpus import make_corpus
from corpus_benchmark import build_seconds, write_configs
from save_results import save

from orkest.testing.menu_links import menu_links

FEATURES = "    - navigation.tabs\n"
TODAY = FEATURES + "    - navigation.sections\n"


def with_sections(project: Path) -> Path:
    """Today's menu: the project's configuration with navigation.sections back on."""
    text = project.read_text(encoding="utf-8")
    if FEATURES not in text or TODAY in text:
        raise SystemExit("mkdocs.yml: theme.features changed; update bench/nav_figures.py")
    today = project.with_name("mkdocs.today.yml")
    today.write_text(text.replace(FEATURES, TODAY, 1), encoding="utf-8")
    return today


def link_counts(site: Path) -> dict[str, float]:
    """Menu links per content page of the corpus (its deel-NN sections), both languages."""
    counts = [menu_links(page.read_text(encoding="utf-8"))
              for page in site.rglob("index.html") if "/deel-" in page.as_posix()]
    return {"menu_links_max": max(counts), "menu_links_median": statistics.median(counts)}


def measure(sizes: list[int], runs: int) -> dict:
    results: dict = {"runs": runs, "sizes": {}}
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            corpus = Path(scratch) / f"corpus-{size}"
            new = write_configs(corpus, make_corpus(corpus, size))["project"]
            configs = {"today": with_sections(new), "nav14": new}
            # Every size --runs times: a first build also compiles the templates (a cold cache).
            seconds = build_seconds(configs, runs)
            figures = {name: {**link_counts(corpus / f"site-{name}"),
                              "build_cpu_seconds": round(seconds[name]["cpu"], 2)} for name in configs}
            figures["cpu_ratio"] = round(figures["nav14"]["build_cpu_seconds"]
                                         / figures["today"]["build_cpu_seconds"], 3)
            results["sizes"][str(size)] = figures
    return results


def table(results: dict) -> str:
    lines = ["| pages per language | menu links per page, max (median): today | nav14 "
             "| build CPU today / nav14 (s) | nav14 / today |", "|---:|---:|---:|---:|---:|"]
    for size, f in results["sizes"].items():
        today, new = f["today"], f["nav14"]
        lines.append(f"| {size} | {today['menu_links_max']} ({today['menu_links_median']}) "
                     f"| {new['menu_links_max']} ({new['menu_links_median']}) "
                     f"| {today['build_cpu_seconds']} / {new['build_cpu_seconds']} | {f['cpu_ratio']} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--runs", type=int, default=3, help="builds per menu and size (median)")
    args = parser.parse_args()
    results = measure(sorted(args.sizes), args.runs)
    save("nav_figures", results)
    print(table(results))
    largest = results["sizes"][str(max(args.sizes))]
    # The budget (issue 14): at most 60 menu links a page, at most 0.8x today's build CPU.
    met = largest["nav14"]["menu_links_max"] <= 60 and largest["cpu_ratio"] <= 0.8
    print(f"{'ok  ' if met else 'MISS'} at {max(args.sizes)} pages: "
          f"{largest['nav14']['menu_links_max']} links (limit 60), CPU {largest['cpu_ratio']}x (limit 0.8x)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
