"""Build and preview speed at 100, 300 and 1,000 pages per language, and bytes per page,
for the project's configuration and for a control without the project's own code.

Run: ./scripts/benchmark  (or .venv/bin/python bench/corpus_benchmark.py --sizes 100 300).
Prints a table, checks the budgets in bench/budgets.toml (exit code 1 if one is missed) and
writes bench/results/corpus_benchmark.json.

- project: the real mkdocs.yml (the orkest plugin, overrides, extensions) with the corpus as docs/.
- control: the same theme settings, plugins and Markdown extensions, but plain Material and
  mkdocs-static-i18n: no orkest plugin or extensions, no overrides, no extra CSS or JavaScript of our own.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from corpus import make_corpus
from page_views import (
    chromium,
    growth_rows,
    page_view_figures,
    search_figures,
    search_rows,
)
from save_results import save

from orkest.testing import free_port, project_copy
from orkest.testing.page_weight import gzip_size

ROOT = Path(__file__).resolve().parent.parent

BUDGETS = tomllib.loads((Path(__file__).with_name("budgets.toml")).read_text(encoding="utf-8"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TOP_LEVEL = re.compile(r"^(?=[a-z_]+:)", re.M)
INDEXING_CPU = re.compile(r"search: Pagefind indexed .* in ([0-9.]+) s CPU")


def config_blocks() -> dict[str, str]:
    """mkdocs.yml split into its top-level settings (comments stay with the setting below them)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return {block.split(":", 1)[0]: block for block in TOP_LEVEL.split(text) if block.strip()[:1].isalpha()}


def write_configs(corpus: Path, nav: list[str]) -> dict[str, Path]:
    blocks = config_blocks()
    blocks["nav"] = "\n".join(nav) + "\n"
    project = dict(blocks)
    project["theme"] = blocks["theme"].replace("custom_dir: overrides", f"custom_dir: {ROOT}/overrides")
    project["watch"] = f"watch:\n  - {ROOT}/overrides\n"
    control = {key: block for key, block in blocks.items()
               if key not in ("extra_css", "extra_javascript", "watch")}
    control["theme"] = re.sub(r"\n\s*custom_dir: overrides", "", blocks["theme"])
    # The theme's own search (the project indexes with Pagefind in its finishing step instead),
    # and neither the project's plugin nor its Markdown extensions.
    control["plugins"] = blocks["plugins"].replace("plugins:\n", "plugins:\n  - search\n", 1).replace("  - orkest\n", "")
    control["markdown_extensions"] = re.sub(r"  - orkest\.markdown\.\w+:?\n(?:      .*\n)*", "",
                                            blocks["markdown_extensions"])
    paths = {}
    for name, config in (("project", project), ("control", control)):
        paths[name] = corpus / f"mkdocs.{name}.yml"
        paths[name].write_text("".join(config.values()), encoding="utf-8")
    return paths


def build_seconds(configs: dict[str, Path], runs: int) -> dict[str, dict[str, float]]:
    """Median wall and CPU seconds of `runs` builds per configuration. The configurations
    take turns, so a slower minute on a shared machine hits both alike."""
    wall: dict[str, list[float]] = {name: [] for name in configs}
    cpu: dict[str, list[float]] = {name: [] for name in configs}
    indexing: dict[str, list[float]] = {name: [] for name in configs}
    for run in range(runs):
        for name, config in configs.items():
            # Each build into an empty folder, as the deploy builds (a fresh clone). Into the last
            # build's folder, this machine's disk (ext4 mounted with `discard`) charges the deletes
            # to whatever writes next: there +1-2.5 s of system time at 1,000 pages per language.
            site = config.parent / f"site-{name}"
            if site.exists():
                os.replace(site, config.parent / f"site-{name}-{run}")
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
                cwd=config.parent, env=ENV, capture_output=True, text=True)
            wall[name].append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if result.returncode:
                raise SystemExit(f"{config.name}: the build failed:\n{result.stderr}")
            # The finishing step says what the search indexing cost (orkest/finish/search_index.py).
            said = INDEXING_CPU.search(result.stderr)
            indexing[name].append(float(said.group(1)) if said else 0.0)
    return {name: {"wall": statistics.median(wall[name]), "cpu": statistics.median(cpu[name]),
                   "indexing_cpu": statistics.median(indexing[name])} for name in configs}


def gzip_kb(path: Path) -> float:
    return gzip_size(path) / 1024


def page_bytes(site: Path) -> dict[str, float]:
    """gzip KB: the largest and median page HTML, search index (page views: bench/page_views.py)."""
    pages = [p for p in site.rglob("index.html") if "/deel-" in p.as_posix()]
    html = sorted(gzip_kb(p) for p in pages)
    return {
        "html_gzip_kb_max": round(html[-1], 1),
        "html_gzip_kb_median": round(statistics.median(html), 1),
        **{f"search_index_{language}_gzip_kb": search_index_kb(site, language) for language in ("nl", "en")},
    }


def search_index_kb(site: Path, language: str) -> float | None:
    """One language's whole search index on disk, gzip: Pagefind's chunks (stored gzip) for the
    project, the theme's lunr index (both languages in one, at /search/) for the control."""
    chunks = [p for folder in ("index", "fragment", "filter") for p in (site / "pagefind" / folder).glob(f"{language}_*")]
    if chunks:
        return round(sum(p.stat().st_size for p in chunks) / 1024, 1)
    lunr = site / "search" / "search_index.json"
    return round(gzip_kb(lunr), 1) if lunr.exists() and language == "nl" else None


def serve_reload_seconds(config: Path, page: Path, url: str, extra: list[str], edits: int = 3,
                         env: dict | None = None) -> float:
    """Median time from saving an edit to `page` until `mkdocs serve` serves the new text."""
    import urllib.request

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}", *extra],
        cwd=config.parent, env={**ENV, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )

    def served() -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    original = page.read_text(encoding="utf-8")
    try:
        deadline = time.monotonic() + 600
        while not served() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1.5)  # let the watcher settle after the first build
        times = []
        for edit in range(edits):
            marker = f"Benchmarkzin{edit}{time.time_ns()}"
            page.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            started = time.monotonic()
            while marker not in served():
                if time.monotonic() - started > 300:
                    raise TimeoutError(f"{url} did not show the edit within 300 s")
                time.sleep(0.02)
            times.append(time.monotonic() - started)
            time.sleep(1.0)
        return statistics.median(times)
    finally:
        page.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=20)


def real_site_reload(extra: list[str], env: dict | None = None) -> float:
    """The serve budget is for the real site: a copy of the project, one page edited."""
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch)
        project_copy(project)
        page = project / "docs" / "instrumenten" / "index.md"
        return serve_reload_seconds(project / "mkdocs.yml", page, "/instrumenten/", extra, env=env)


def measure(sizes: list[int], runs: int, serve: bool) -> dict:
    results: dict = {"sizes": {}, "runs": runs}
    with tempfile.TemporaryDirectory() as scratch, chromium() as browser:
        for size in sizes:
            corpus = Path(scratch) / f"corpus-{size}"
            configs = write_configs(corpus, make_corpus(corpus, size))
            seconds = build_seconds(configs, runs)
            figures = {}
            for name, config in configs.items():
                figures[name] = {"build_seconds": round(seconds[name]["wall"], 2),
                                 "build_cpu_seconds": round(seconds[name]["cpu"], 2),
                                 "indexing_cpu_seconds": round(seconds[name]["indexing_cpu"], 2),
                                 "seconds_per_100_pages": round(seconds[name]["wall"] / size * 100, 3),
                                 "cpu_seconds_per_100_pages": round(seconds[name]["cpu"] / size * 100, 3),
                                 **page_bytes(config.parent / f"site-{name}"),
                                 **page_view_figures(browser, config.parent / f"site-{name}")}
            figures["project"]["search"] = search_figures(browser, configs["project"].parent / "site-project")
            # Judged on CPU time: on a shared machine it varies far less than wall time. The project's
            # own code, without the Pagefind indexing, which has a budget of its own; and the whole.
            project_cpu, control_cpu = figures["project"]["build_cpu_seconds"], figures["control"]["build_cpu_seconds"]
            indexing_cpu = figures["project"]["indexing_cpu_seconds"]
            figures["overhead_vs_control"] = round((project_cpu - indexing_cpu) / control_cpu - 1, 3)
            figures["indexing_cpu_share"] = round(indexing_cpu / (project_cpu - indexing_cpu), 3)
            figures["whole_build_vs_control"] = round(project_cpu / control_cpu, 3)
            if serve:
                page = corpus / "docs" / "deel-01" / "pagina-0001.md"
                # The default preview (./scripts/serve: --dirty), and a full rebuild after each save.
                figures["project"]["serve_reload_seconds"] = round(
                    serve_reload_seconds(configs["project"], page, "/deel-01/pagina-0001/", ["--dirty"]), 2)
                # A translator's edit: both language builds run (the Dutch one first, with nothing to rebuild).
                figures["project"]["serve_reload_seconds_english"] = round(serve_reload_seconds(
                    configs["project"], page.with_suffix(".en.md"), "/en/deel-01/pagina-0001/", ["--dirty"]), 2)
                if size <= 300:  # a full rebuild takes half a minute at 1,000 pages per language
                    figures["project"]["serve_clean_reload_seconds"] = round(
                        serve_reload_seconds(configs["project"], page, "/deel-01/pagina-0001/", ["--clean"]), 2)
            results["sizes"][str(size)] = figures
            print(f"{size} pages per language: done", file=sys.stderr)
    if serve:
        results["real_site_serve_reload_seconds"] = {
            "both languages (default: --dirty)": round(real_site_reload(["--dirty"]), 2),
            "both languages, --clean": round(real_site_reload(["--clean"]), 2),
            "one language (PREVIEW_LANGUAGE=nl), --clean": round(
                real_site_reload(["--clean"], {"PREVIEW_LANGUAGE": "nl"}), 2),
        }
    return results


def verdicts(results: dict) -> list[tuple[str, float, float, bool]]:
    """(budget, measured, limit, met) for every budget the results can speak to."""
    sizes = results["sizes"]
    rows = []
    for size, figures in sizes.items():
        rows.append((f"overhead vs control at {size} (without indexing)", figures["overhead_vs_control"],
                     BUDGETS["build"]["max_overhead_vs_control"]))
        rows.append((f"search indexing CPU share at {size}", figures["indexing_cpu_share"],
                     BUDGETS["search"]["max_indexing_cpu_share"]))
        rows.append((f"largest page HTML gzip KB at {size}", figures["project"]["html_gzip_kb_max"],
                     BUDGETS["reader"]["max_html_gzip_kb"]))
    rows += growth_rows(sizes, BUDGETS["reader"])
    rows += search_rows(sizes, BUDGETS["search"])
    if "100" in sizes and "1000" in sizes:
        for name in ("project", "control"):
            ratio = (sizes["1000"][name]["cpu_seconds_per_100_pages"]
                     / sizes["100"][name]["cpu_seconds_per_100_pages"])
            rows.append((f"linearity 1000/100 ({name})", round(ratio, 2), BUDGETS["build"]["max_linearity_ratio"]))
    for size, figures in sizes.items():
        if size == "1000" and "serve_reload_seconds" in figures["project"]:
            rows.append(("serve reload at 1000, default preview (s)", figures["project"]["serve_reload_seconds"],
                         BUDGETS["serve"]["max_reload_seconds_1000"]))
            if "serve_reload_seconds_english" in figures["project"]:
                rows.append(("serve reload at 1000, an English page (s)", figures["project"]["serve_reload_seconds_english"],
                             BUDGETS["serve"]["max_reload_seconds_1000"]))
    if "real_site_serve_reload_seconds" in results:
        # The budget holds for the default preview (./scripts/serve: both languages, --dirty).
        rows.append(("serve reload on the real site, default preview (s)",
                     results["real_site_serve_reload_seconds"]["both languages (default: --dirty)"],
                     BUDGETS["serve"]["max_reload_seconds"]))
    return [(name, value, limit, value <= limit) for name, value, limit in rows]


def table(results: dict) -> str:
    lines = ["| pages/lang | project s | control s | s/100 project | s/100 control | project/control "
             "| HTML gzip KB (median/max) | page view KB project (median/max) | page view KB control (median/max) "
             "| index nl/en KB | serve reload s |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, f in results["sizes"].items():
        p, c = f["project"], f["control"]
        lines.append(
            f"| {size} | {p['build_seconds']} | {c['build_seconds']} | {p['seconds_per_100_pages']} "
            f"| {c['seconds_per_100_pages']} | {1 + f['overhead_vs_control']:.2f} "
            f"| {p['html_gzip_kb_median']}/{p['html_gzip_kb_max']} "
            f"| {p['page_view_gzip_kb_median']}/{p['page_view_gzip_kb_max']} "
            f"| {c['page_view_gzip_kb_median']}/{c['page_view_gzip_kb_max']} "
            f"| {p['search_index_nl_gzip_kb']}/{p['search_index_en_gzip_kb']} "
            f"| {p.get('serve_reload_seconds', '-')} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--runs", type=int, default=5, help="builds per measurement (median)")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve timings")
    args = parser.parse_args()
    results = measure(args.sizes, args.runs, serve=not args.no_serve)
    results["budgets"] = [{"budget": n, "measured": v, "limit": lim, "met": ok}
                          for n, v, lim, ok in verdicts(results)]
    save("corpus_benchmark", results)
    print(table(results))
    for n, v, lim, ok in verdicts(results):
        print(f"{'ok  ' if ok else 'MISS'} {n}: {v} (limit {lim})")
    if "real_site_serve_reload_seconds" in results:
        print("real site, serve reload:", results["real_site_serve_reload_seconds"])
    return 0 if all(ok for *_, ok in verdicts(results)) else 1


if __name__ == "__main__":
    sys.exit(main())
