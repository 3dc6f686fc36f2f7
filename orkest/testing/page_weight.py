"""gzip bytes of a built file, as a host that compresses sends it. Shared by the benchmarks
and by tests/test_budgets.py; what a whole page view costs: orkest/testing/page_view.py."""

from __future__ import annotations

import gzip
from pathlib import Path


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))
