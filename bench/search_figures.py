"""Search in Chromium on a built site: bytes fetched (gzip, as a host compressing text would
send them) for a page view, the first query and the next, and how long results take.

Run: .venv/bin/python bench/search_figures.py SITE_DIR  (a site built with mkdocs build).
Pagefind's own files are stored gzip already and are counted as they are.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from orkest.testing import CHROMIUM, CHROMIUM_ARGS, serving

TIMED = """query => new Promise(resolve => {
    const dialog = document.querySelector("[data-search]"), input = dialog.querySelector("input");
    const started = performance.now();
    const observer = new MutationObserver(() => {
        if (dialog.getAttribute("data-search-state") === "done") { observer.disconnect(); resolve(performance.now() - started); }
    });
    observer.observe(dialog, {attributes: true});
    input.value = query;
    input.dispatchEvent(new Event("input"));
})"""


def sent_bytes(site: Path, url: str) -> int:
    path = urlsplit(url).path
    file = site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    data = file.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


def figures(site: Path, path: str, queries: list[str]) -> dict:
    with serving(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        fetched: list[str] = []
        page.on("requestfinished", lambda request: fetched.append(request.url))
        page.goto(f"{url}{path}", wait_until="networkidle")
        steps = {"page view": sum(sent_bytes(site, u) for u in fetched)}
        viewed = len(fetched)
        page.click("input.md-search__input")
        page.wait_for_selector("[data-search-filters]:not([hidden])", state="attached")
        page.wait_for_load_state("networkidle")
        steps["opening search"] = sum(sent_bytes(site, u) for u in fetched[viewed:])
        timings = []
        for query in queries:
            before = len(fetched)
            timings.append(round(page.evaluate(TIMED, query)))
            page.wait_for_load_state("networkidle")
            steps[f"query {query!r}"] = sum(sent_bytes(site, u) for u in fetched[before:])
        browser.close()
    return {"kb_gzip": {k: round(v / 1024, 1) for k, v in steps.items()}, "result_ms": timings,
            "requests": len(fetched)}


if __name__ == "__main__":
    site = Path(sys.argv[1])
    print(json.dumps({"nl": figures(site, "/", ["instrumenten", "ventielen olien", "fagot"]),
                      "en": figures(site, "/en/", ["oiling valves", "bassoon", "budget"])}, indent=1))
