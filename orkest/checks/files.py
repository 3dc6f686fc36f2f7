"""Files under docs/: what may be published, judged by their content, not only their name.

A pull request could add a symbolic link (which publishes whatever it points to), an
"image" that is really a web page, an SVG that runs a script on the site's origin
when opened (orkest/checks/svg.py), or a PDF that runs one in the reader's PDF viewer.
Every file is checked here: by the build (orkest/mkdocs/content_check.py) and by
./scripts/check, with one message per problem naming the file.
"""

from __future__ import annotations

import os
import re
import zlib
from pathlib import Path

from orkest.checks.svg import svg_problems

GOOD_NAME = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
# For file and folder names alike: both become part of the page's address.
NAME_RULE = "use only lower-case letters, digits and hyphens (no spaces, capitals or accents)"
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
# PDF names for actions that run code, send data, open other files or launch programs, and for
# what sets them off. /URI is allowed: an exported handbook has one for every link to a website.
PDF_ACTIONS = {b"JavaScript", b"JS", b"OpenAction", b"AA", b"Launch", b"SubmitForm", b"ImportData", b"GoToR",
               b"GoToE", b"RichMedia", b"EmbeddedFile", b"EmbeddedFiles", b"FileAttachment", b"XFA"}
# Encryption and packings (filters) this check cannot see through, so anything could hide behind them.
PDF_UNREADABLE = {b"Encrypt", b"ASCIIHexDecode", b"AHx", b"ASCII85Decode", b"A85", b"LZWDecode", b"LZW",
                  b"RunLengthDecode", b"RL"}
# A name is "/" and what follows up to a space or delimiter, with #xx for any byte (/J#61vaScript).
PDF_NAME = re.compile(rb"/([^\x00\t\n\x0c\r ()<>\[\]{}/%]*)")
PDF_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# Where a stream's data starts: on the line after "stream" (pdf.js, PDFium) or right after it and any
# spaces (more lenient readers). Every "stream" is tried, as the text around it may lie.
PDF_STREAM_STARTS = (re.compile(rb"(?<!end)stream[^\r\n]*(?:\r\n?|\n)?"), re.compile(rb"(?<!end)stream\s*"))
# Past this much unpacked data a PDF is refused: what lies beyond would go unchecked (or be a zip bomb).
PDF_UNPACKED_LIMIT = 20 * 1024 * 1024


def file_problems(docs_dir: Path, files: dict, known: dict | None = None) -> list[str]:
    """Every problem with the files under docs/, each starting with the file's name. `known`
    keeps each file's findings by its version (a preview checks again only what changed)."""
    known = {} if known is None else known
    problems: list[str] = []
    root = os.path.dirname(os.path.abspath(docs_dir)) + os.sep
    folders = [os.path.abspath(docs_dir)]
    while folders:
        with os.scandir(folders.pop(0)) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
        for entry in entries:
            shown = entry.path[len(root):].replace(os.sep, "/")
            if entry.is_symlink():
                problems.append(f"{shown}: is a symbolic link (to {os.readlink(entry.path)}): copy the file "
                                "into the repository instead; a link could publish a file from "
                                "outside it")
            elif entry.is_file():
                stat = entry.stat()
                version = stat.st_mtime_ns, stat.st_size
                kept = known.get(entry.path)
                if kept is None or kept[0] != version:
                    kept = known[entry.path] = version, _problems(Path(entry.path), files)
                problems += [f"{shown}: {problem}" for problem in kept[1]]
            elif entry.is_dir():
                if not GOOD_NAME.match(entry.name):
                    problems.append(f"{shown}: folder name: {NAME_RULE}, like instrumenten")
                folders.append(entry.path)
    return problems


def _problems(path: Path, files: dict) -> list[str]:
    problems = []
    stem = path.name.split(".")[0]
    if not GOOD_NAME.match(path.name) or not stem:
        problems.append(f"file name: {NAME_RULE}, like klarinet-riet.md")
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
    with path.open("rb") as file:  # a video's first bytes, not the whole video
        head = file.read(16) if suffix != ".svg" else b""
    if suffix in SIGNATURES and not any(head[at:at + len(magic)] == magic for at, magic in SIGNATURES[suffix]):
        problems.append(f"the file is not really a {suffix} file (its first bytes say otherwise): "
                        f"export it again as {suffix}, or give it the right extension")
    elif suffix == ".svg":
        problems += svg_problems(path.read_bytes())
    elif suffix == ".pdf":
        problems += _pdf_problems(path.read_bytes())
    return problems


class _Unreadable(Exception):
    """A compressed part of the PDF that cannot be checked; the message says what to do."""


def _pdf_problems(data: bytes) -> list[str]:
    try:
        parts = [data, *_unpacked_streams(data)]
    except _Unreadable as problem:
        return [str(problem)]
    names = {PDF_ESCAPE.sub(lambda m: bytes.fromhex(m[1].decode()), name)
             for part in parts for name in PDF_NAME.findall(part)}
    problems = []
    if found := names & PDF_UNREADABLE:
        problems.append(f"the PDF is encrypted or packed in a way this check cannot read ({_shown(found)}): "
                        "print it again to PDF without a password or protection")
    if found := names & PDF_ACTIONS:
        problems.append(f"the PDF contains actions, scripts or attached files ({_shown(found)}): print it "
                        "again to PDF without them (links to websites may stay)")
    return problems


def _shown(names: set[bytes]) -> str:
    return ", ".join(f"/{name.decode('latin-1')}" for name in sorted(names))


def _unpacked_streams(data: bytes) -> list[bytes]:
    """Every zlib-compressed (FlateDecode) stream in the PDF, unpacked, also when packed twice over."""
    unpacked, budget = [], PDF_UNPACKED_LIMIT
    for start in sorted({found.end() for pattern in PDF_STREAM_STARTS for found in pattern.finditer(data)}):
        packed = memoryview(data)[start:]
        while _is_zlib(packed):
            packed = _inflate(packed, budget)
            budget -= len(packed)
            unpacked.append(packed)
    return unpacked


def _is_zlib(data: bytes | memoryview) -> bool:
    return len(data) >= 2 and data[0] & 0x8F == 0x08 and (data[0] * 256 + data[1]) % 31 == 0


def _inflate(packed: bytes | memoryview, budget: int) -> bytes:
    # Raw deflate after the 2-byte header: a PDF viewer shows a stream even if its checksum is wrong.
    inflater, out = zlib.decompressobj(-zlib.MAX_WBITS), bytearray()
    try:
        # In pieces, so a stream that runs to the end of the file is not copied whole each time.
        for at in range(2, len(packed), 65536):
            out += inflater.decompress(packed[at:at + 65536], budget + 1 - len(out))
            if inflater.eof or len(out) > budget:
                break
    except zlib.error:
        pass  # damaged: it never reaches its end, refused below
    if len(out) > budget:
        raise _Unreadable(f"the PDF unpacks to more than {PDF_UNPACKED_LIMIT // 2**20} MB, too much to check: "
                          "print it again to PDF with smaller pictures, or split it")
    if not inflater.eof:
        raise _Unreadable("a compressed part of the PDF is damaged, so it cannot be checked: print it again to PDF")
    return bytes(out)


def page_image_problem(images: list[Path], files: dict) -> str | None:
    """The per-page picture budget, for the pictures (and posters) one page shows."""
    total_kb = sum(path.stat().st_size for path in set(images)) / 1024
    if total_kb <= files["max_page_images_kb"]:
        return None
    return (f"the pictures on this page are {total_kb:.0f} KB together, more than "
            f"{files['max_page_images_kb']} KB: convert them to WebP, scale them to at most "
            "1,600 pixels wide, or spread them over more pages")
