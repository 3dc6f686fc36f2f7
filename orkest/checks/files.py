"""Files under docs/: what may be published, judged by their content, not only their name.

A pull request could add a symbolic link (which publishes whatever it points to), an
"image" that is really a web page, or an SVG that runs a script on the site's origin
when opened. Every file is checked here: by the build (orkest/mkdocs/content_check.py) and
by ./scripts/check, with one message per problem naming the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from orkest.checks.svg import svg_problems

GOOD_NAME = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
# The bytes each published type starts with: (offset, bytes), any one of them.
SIGNATURES = {
    ".png": [(0, b"\x89PNG\r\n\x1a\n")],
    ".jpg": [(0, b"\xff\xd8\xff")],
    ".jpeg": [(0, b"\xff\xd8\xff")],
    ".gif": [(0, b"GIF87a"), (0, b"GIF89a")],
    ".webp": [(8, b"WEBP")],
    ".mp4": [(4, b"ftyp")],
    ".webm": [(0, b"\x1a\x45\xdf\xa3")],
    ".pdf": [(0, b"%PDF-")],
    ".vtt": [(0, b"WEBVTT"), (0, b"\xef\xbb\xbfWEBVTT")],
}
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
# PDF actions that run code or open other programs in the reader's PDF viewer.
PDF_ACTIONS = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|OpenAction|AA)\b")


def file_problems(docs_dir: Path, files: dict) -> list[str]:
    """Every problem with the files under docs/, each starting with the file's name."""
    problems = []
    for folder, subfolders, names in os.walk(docs_dir, followlinks=False):
        for name in sorted(subfolders + names):
            path = Path(folder, name)
            shown = path.relative_to(docs_dir.parent).as_posix()
            if path.is_symlink():
                problems.append(f"{shown}: is a symbolic link (to {os.readlink(path)}): copy the file "
                                "into the repository instead; a link could publish a file from "
                                "outside it")
            elif path.is_file():
                problems += [f"{shown}: {problem}" for problem in _problems(path, files)]
        subfolders[:] = [s for s in subfolders if not Path(folder, s).is_symlink()]
    return problems


def _problems(path: Path, files: dict) -> list[str]:
    problems = []
    stem = path.name.split(".")[0]
    if not GOOD_NAME.match(path.name) or not stem:
        problems.append("file name: use only lower-case letters, digits and hyphens "
                        "(no spaces, capitals or accents), like klarinet-riet.md")
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"}:
        return [*problems, "HTML files are not published: write the page in Markdown (.md)"]
    if suffix not in files["types"]:
        return [*problems, f"file type '{path.suffix}' is not allowed here "
                           f"(allowed: {', '.join(files['types'])})"]
    size_kb = path.stat().st_size / 1024
    if size_kb > files["max_file_kb"]:
        problems.append(f"the file is {size_kb / 1024:.1f} MB, more than {files['max_file_kb'] // 1024} MB: "
                        "make it smaller (shorter video, lower resolution) or link to it instead")
    elif suffix in IMAGE_TYPES and size_kb > files["max_image_kb"]:
        problems.append(f"the picture is {size_kb:.0f} KB, more than {files['max_image_kb']} KB: "
                        "convert it to WebP and scale it to at most 1,600 pixels wide")
    if suffix == ".md":
        return problems
    head = path.read_bytes()[:16] if suffix != ".svg" else b""
    if suffix in SIGNATURES and not any(head[at:at + len(magic)] == magic for at, magic in SIGNATURES[suffix]):
        problems.append(f"the file is not really a {suffix} file (its first bytes say otherwise): "
                        f"export it again as {suffix}, or give it the right extension")
    elif suffix == ".svg":
        problems += svg_problems(path.read_bytes())
    elif suffix == ".pdf" and PDF_ACTIONS.search(path.read_bytes()):
        problems.append("the PDF contains actions or scripts (JavaScript, Launch, OpenAction or embedded "
                        "files): print it again to PDF without them")
    return problems


def page_image_problem(images: list[Path], files: dict) -> str | None:
    """The per-page picture budget, for the pictures (and posters) one page shows."""
    total_kb = sum(path.stat().st_size for path in set(images)) / 1024
    if total_kb <= files["max_page_images_kb"]:
        return None
    return (f"the pictures on this page are {total_kb:.0f} KB together, more than "
            f"{files['max_page_images_kb']} KB: convert them to WebP, scale them to at most "
            "1,600 pixels wide, or spread them over more pages")
