"""What a reader downloads for a page: gzip bytes of its HTML and of the CSS and JavaScript
it links to. Shared by the benchmarks and by tests/test_budgets.py."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

ASSET = re.compile(r'(?:href|src)="([^"]+\.(?:css|js))"')


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def first_load_bytes(page: Path) -> dict[str, int]:
    """gzip bytes of a page's HTML and of each kind of asset it links to from this site."""
    sizes = {"html": gzip_size(page), "css": 0, "js": 0}
    for asset in dict.fromkeys(ASSET.findall(page.read_text(encoding="utf-8"))):
        if "://" not in asset:
            sizes[asset.rsplit(".", 1)[1]] += gzip_size((page.parent / asset).resolve())
    return sizes
