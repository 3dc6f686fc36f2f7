"""Unsafe or unwanted content in docs/, with file and line: run by ./scripts/check and CI.

Contributions come from many people; a page must never run a script, load
something from another site, or carry a file too big for school wifi.
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_FILE_BYTES = 5 * 1024 * 1024
ALLOWED_SUFFIXES = {".md", ".png", ".jpg", ".jpeg", ".webp", ".svg", ".gif", ".mp4", ".webm",
                    ".vtt", ".pdf"}
GOOD_NAME = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
LINE_RULES = [
    (re.compile(r"<script\b", re.I), "a <script> tag: pages may not run their own scripts"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "an inline event handler (on...=): not allowed"),
    (re.compile(r"javascript:", re.I), "a javascript: link: not allowed"),
    (re.compile(r"<(iframe|object|embed)\b", re.I),
     "an <iframe>, <object> or <embed> written by hand: use ![type:video](...) for videos"),
    (re.compile(r"<form\b", re.I), "a <form>: the site collects no data from readers"),
    (re.compile(r"!\[[^\]]*\]\(\s*https?://", re.I),
     "an image from another website: store the image in the repository next to the page"),
    (re.compile(r"<(img|audio|video|source|link)\b[^>]*\s(src|href)\s*=\s*[\"']?https?://", re.I),
     "a resource from another website: store it in the repository"),
    (re.compile(r"!\[\s*\]\("), "an image without alt text: describe what the picture shows between [ ]"),
    (re.compile(r"(?<!!)\[\s*\]\(|<a\b[^>]*>\s*</a>", re.I),
     "a link without text: write what the link leads to between [ ]"),
    (re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I),
     "a style=\"...\" attribute: the site's security policy ignores it; leave the look to the theme"),
]
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s")


def content_problems(docs_dir: Path) -> list[str]:
    problems = []
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        shown = path.relative_to(docs_dir.parent).as_posix()
        problems += [f"{shown}: {p}" for p in _file_problems(path)]
        if path.suffix == ".md":
            problems += [f"{shown}:{line}: {p}" for line, p in _text_problems(path.read_text(encoding="utf-8"))]
    return problems


def _file_problems(path: Path) -> list[str]:
    problems = []
    stem = path.name[: -len("".join(path.suffixes))] if path.suffixes else path.name
    if not GOOD_NAME.match(path.name.lower()) or path.name != path.name.lower() or not stem:
        problems.append("file name: use only lower-case letters, digits and hyphens "
                        "(no spaces, capitals or accents), like klarinet-riet.md")
    if path.suffix.lower() not in ALLOWED_SUFFIXES:
        problems.append(f"file type '{path.suffix}' is not allowed here "
                        f"(allowed: {', '.join(sorted(ALLOWED_SUFFIXES))})")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(f"the file is {size / 1048576:.1f} MB, more than 5 MB: make it smaller "
                        "(shorter video, lower resolution) or link to it instead")
    return problems


def _text_problems(text: str) -> list[tuple[int, str]]:
    problems, in_code, level = [], False, 0
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        visible = re.sub(r"`[^`]*`", "", line)  # inline code shows syntax, it does not run
        problems += [(number, message) for rule, message in LINE_RULES if rule.search(visible)]
        heading = HEADING.match(line)
        if heading:
            new_level = len(heading[1])
            if level and new_level > level + 1:
                problems.append((number, f"heading level {new_level} after level {level}: "
                                         "headings may not skip a level"))
            level = new_level
    return problems
