"""Lighthouse (npm, node_modules) in the project's Chromium: the accessibility and best-practices
scores of a page, and the audits that cost it points, each named."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from orkest.testing import CHROMIUM, CHROMIUM_ARGS, ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices")


@dataclass(frozen=True)
class Report:
    url: str
    form_factor: str
    scores: dict[str, int]  # category -> 0..100
    failed: tuple[str, ...]  # "audit-id: title" of each scored audit below 1

    def __str__(self) -> str:
        return f"{self.url} ({self.form_factor}): {self.scores}" + "".join(f"\n  {line}" for line in self.failed)


def audit(url: str, form_factor: str = "mobile") -> Report:
    """One Lighthouse run; `form_factor` mobile (its default: a phone, throttled) or desktop."""
    if not LIGHTHOUSE.exists():
        raise AssertionError("lighthouse missing: run ./scripts/test (it runs npm ci)")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        command = [str(LIGHTHOUSE), url, f"--only-categories={','.join(CATEGORIES)}", "--output=json",
                   f"--output-path={output}", "--quiet", f"--chrome-flags={flags}",
                   *(["--preset=desktop"] if form_factor == "desktop" else [])]
        result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=180)
        if result.returncode or not output.exists():
            raise AssertionError(f"lighthouse failed on {url}: {result.stderr[-2000:]}")
        report = json.loads(output.read_text(encoding="utf-8"))
    failed = tuple(f"{key}: {item['title']}" for key, item in report["audits"].items()
                   if item.get("score") is not None and item["score"] < 1
                   and item.get("scoreDisplayMode") in ("binary", "numeric"))
    return Report(url, form_factor, {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
                  failed)
