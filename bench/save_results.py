"""Where the measurement scripts write their figures: bench/results/<name>.json."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def save(name: str, figures: dict) -> None:
    """Write the figures as JSON (CI can compare runs) and print them."""
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(figures, indent=2) + "\n"
    (RESULTS / f"{name}.json").write_text(text, encoding="utf-8")
    print(text, end="")
