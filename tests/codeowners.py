"""Who must review a path, read from .github/CODEOWNERS the way GitHub reads it."""

from __future__ import annotations

import re
from pathlib import Path


def codeowners_rules(path: Path) -> list[tuple[str, list[str]]]:
    """Each line's pattern and owners, in file order (comments and blank lines left out)."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def owners_of(rules: list[tuple[str, list[str]]], path: str) -> list[str]:
    """The owners of a file's repository path; as on GitHub, the last matching line wins."""
    owners: list[str] = []
    for pattern, line_owners in rules:
        if pattern_matches(pattern, path):
            owners = line_owners
    return owners


def pattern_matches(pattern: str, path: str) -> bool:
    # gitignore rules: a slash before the end anchors the pattern at the root, a trailing
    # slash means "this folder", and a pattern also covers everything below what it names.
    anchored = "/" in pattern.rstrip("/")
    body = re.escape(pattern.strip("/"))
    body = body.replace(r"\*\*", ".*").replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
    start = "" if anchored else "(?:.*/)?"
    end = "/.+" if pattern.endswith("/") else "(?:/.+)?"
    return re.fullmatch(start + body + end, path) is not None
