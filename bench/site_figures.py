"""Figures for the real site: pages per language, build time, home page views, search index.

Run: .venv/bin/python bench/site_figures.py  (after ./scripts/test or ./scripts/serve
installed .venv). Prints a table and writes bench/results/site_figures.json.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from page_views import chromium
from save_results import save

from orkest.testing import build_site, serving
from orkest.testing.page_view import measuring

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> float:
    started = time.perf_counter()
    result = build_site(site_dir, "https://www.orkestindeklas.nl/", "-q", "-f", str(config))
    if result.returncode != 0:
        raise SystemExit(f"{config.name}: the build failed:\n{result.stderr}")
    return time.perf_counter() - started


def search_index_bytes(site_dir: Path, language: str) -> int:
    """One language's whole Pagefind index on disk (its chunks are stored gzip); a reader
    downloads only the chunks a query needs."""
    folders = ("index", "fragment", "filter")
    return sum(p.stat().st_size for folder in folders for p in (site_dir / "pagefind" / folder).glob(f"{language}_*"))


def main() -> None:
    times, site_dir = [], Path(tempfile.mkdtemp())
    for _ in range(3):
        times.append(build(site_dir))
    pages = {"nl": 0, "en": 0}
    for page in site_dir.rglob("index.html"):
        relative = page.relative_to(site_dir).as_posix()
        if not relative.startswith(("assets/", "search/")):
            pages["en" if relative.startswith("en/") else "nl"] += 1
    # Every request of a page view in Chromium, gzip bytes by kind (orkest/testing/page_view.py).
    with chromium() as browser, serving(site_dir) as url, measuring(browser, url) as meter:
        homes = {path: {**view.by_kind(), "total (images and media apart)": view.gzip_bytes}
                 for path, view in meter.views(["/", "/en/"]).items()}
    figures = {
        "pages_per_language": pages,
        "build_seconds_median_of_3": round(statistics.median(times), 2),
        "build_seconds_runs": [round(t, 2) for t in times],
        "home_page_view_gzip_bytes": homes,
        "search_index_bytes": {language: search_index_bytes(site_dir, language) for language in pages},
    }
    save("site_figures", figures)


if __name__ == "__main__":
    main()
