"""What a video page costs a reader before any click, and what the video component adds.

Run: .venv/bin/python bench/video_page_bytes.py  (after ./scripts/test installed .venv
and Chromium). Builds the site, serves it locally, loads every page with a video in
headless Chromium and counts requests and bytes until the page is idle. Writes
bench/results/video_page_bytes.json.
"""

from __future__ import annotations

import gzip
import re
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from save_results import save

from orkest.testing import CHROMIUM, CHROMIUM_ARGS, build_site, free_port, serving

ROOT = Path(__file__).resolve().parent.parent

FIGURE = re.compile(r'<figure class="video".*?</figure>', re.S)
CSS_VIDEO_RULES = re.compile(r"/\* Videos .*", re.S)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


TEXT_TYPES = {"html", "css", "js", "json", "vtt", "svg", "xml"}


def page_cost(browser, base: str, site_dir: Path, path: str) -> dict:
    """Requests a page makes until idle, and their bytes as a gzip-serving host sends them."""
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base}{path}", wait_until="networkidle")
    page.wait_for_timeout(500)
    page.close()
    by_type: dict[str, int] = {}
    for url in requested:
        if not url.startswith(base):
            by_type["other host"] = by_type.get("other host", 0) + 1
            continue
        local = url[len(base):].split("?")[0].split("#")[0]
        file = site_dir / local.lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        kind = file.suffix.lstrip(".")
        data = file.read_bytes()
        size = gz(data) if kind in TEXT_TYPES else len(data)
        by_type[kind] = by_type.get(kind, 0) + size
    return {"requests": len(requested), "bytes": sum(v for k, v in by_type.items() if k != "other host"),
            "by_type": by_type}


def main() -> None:
    site_dir = Path(tempfile.mkdtemp())
    port = free_port()
    result = build_site(site_dir, f"http://127.0.0.1:{port}/")
    result.check_returncode()
    video_pages = sorted(
        p for p in site_dir.rglob("index.html") if 'class="video"' in p.read_text(encoding="utf-8")
    )
    figure_html = [FIGURE.search(p.read_text(encoding="utf-8"))[0].encode() for p in video_pages]
    script = (ROOT / "overrides/assets/javascripts/video.js").read_bytes()
    css = CSS_VIDEO_RULES.search((ROOT / "overrides/assets/stylesheets/extra.css").read_text())[0].encode()
    figures = {"figure_html_gzip_max": max(gz(f) for f in figure_html), "video_js_gzip": gz(script),
               "video_css_gzip": gz(css)}
    figures["component_total_gzip"] = sum(figures.values())
    with serving(site_dir, port) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        paths = ["/" + p.parent.relative_to(site_dir).as_posix() + "/" for p in video_pages]
        pages = {path: page_cost(browser, url, site_dir, path) for path in paths}
        browser.close()
    report = {"component": figures, "pages_before_click": pages}
    save("video_page_bytes", report)


if __name__ == "__main__":
    main()
