"""axe-core with every rule on the built site, in Chromium: findings per page and rule, at 1280 and
390 px, light and dark, and with the search dialog open; writes bench/results/a11y_figures.json.

    .venv/bin/python bench/a11y_figures.py [--site DIR] [--sample]

Without --site it builds the site first; --sample checks a page per page type (as the tests do).
"""

from __future__ import annotations

import argparse
import collections
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from save_results import save

from orkest.testing import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    build_site,
    built_pages,
    free_port,
    page_url_path,
    serving,
)
from orkest.testing.accessibility import all_views, findings, sample_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--sample", action="store_true")
    arguments = parser.parse_args()
    port = free_port()
    site = arguments.site or Path(tempfile.mkdtemp()) / "site"
    if not arguments.site:
        result = build_site(site, f"http://127.0.0.1:{port}/")
        if result.returncode:
            raise SystemExit(result.stderr)
    paths = (sample_pages(ROOT / "docs", site) if arguments.sample
             else sorted(page_url_path(site, page) for page in built_pages(site)))
    started = time.perf_counter()
    with serving(site, port) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        found = findings(browser, url, paths, all_views()) + findings(browser, url, ["/", "/en/"], all_views(True))
        browser.close()
    by_rule = collections.Counter(f"{finding.rule} ({finding.impact})" for finding in found)
    by_view = collections.Counter(str(finding.view) for finding in found)
    blocking = [str(finding) for finding in found if finding.impact in ("serious", "critical")]
    save("a11y_figures", {"pages": len(paths), "seconds": round(time.perf_counter() - started, 1),
                          "findings": len(found), "pages_by_rule": dict(by_rule.most_common()),
                          "by_view": dict(by_view.most_common()), "serious_or_critical": blocking[:200]})


if __name__ == "__main__":
    main()
