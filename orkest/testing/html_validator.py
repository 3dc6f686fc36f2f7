"""The Nu HTML Checker (vnu.jar from npm, run with Java) over built HTML files.

Problems name the page (relative to the site), the line and vnu's message. Errors on the
allow-list below are theme choices we keep on purpose; each says why.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from orkest.testing import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Nothing is allowed today: orkest/finish/repairs.py repairs what the theme gets wrong.
# An entry is {message pattern: pattern of the extract it may occur in}, with its reason.
ALLOWED: dict[re.Pattern, re.Pattern] = {}


def vnu_messages(site_dir: Path) -> list[dict]:
    """vnu's error messages (as JSON objects) for every HTML file under site_dir."""
    java = shutil.which("java")
    if java is None:
        raise AssertionError("Java not found: the HTML checker needs it (./scripts/test installs it)")
    if not VNU.exists():
        raise AssertionError("vnu.jar missing: run ./scripts/test (it runs npm ci)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site_dir)],
        capture_output=True, text=True,
    )
    return json.loads(result.stderr or result.stdout)["messages"]


def vnu_problems(site_dir: Path) -> list[str]:
    """Every vnu error in the site's HTML files that is not on the allow-list."""
    problems = []
    for message in vnu_messages(site_dir):
        if is_allowed(message):
            continue
        page = Path(message.get("url", "").removeprefix("file:")).resolve()
        where = page.relative_to(site_dir.resolve()) if page.is_relative_to(site_dir.resolve()) else page
        problems.append(f"{where}:{message.get('lastLine', '?')}: {message['message']}")
    return problems


def is_allowed(message: dict) -> bool:
    extract = message.get("extract", "")
    return any(rule.search(message["message"]) and place.search(extract)
               for rule, place in ALLOWED.items())
