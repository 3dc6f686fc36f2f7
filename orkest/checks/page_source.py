"""A page's source read as MkDocs reads it, so the build and ./scripts/check see the same text.

MkDocs decodes a page as UTF-8, drops a byte-order mark and turns Windows line ends into
"\\n". decode_source() does the same, and says where a file is not UTF-8 instead of
stopping with a traceback.
"""

from __future__ import annotations

import codecs
import re

import yaml

from orkest.config import FAST_LOADER

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?P<yaml>.*?)^(?:-{3}|\.{3})[ \t]*$", re.S | re.M)
FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.M)
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def decode_source(data: bytes) -> tuple[str, tuple[int, str] | None]:
    """The text of a page file, and (line, message) when it is not valid UTF-8 (else None).

    Bytes that are not UTF-8 become U+FFFD, so the other checks can still read the page.
    """
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text, problem = data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        before = data[line_start:error.start].decode("utf-8", errors="replace").strip()
        after = f' after "{before[-30:]}"' if before else " at the start of the line"
        problem = (data.count(b"\n", 0, error.start) + 1,
                   f"the file is not valid UTF-8 (byte 0x{data[error.start]:02X}{after}): save it "
                   "as UTF-8 (in most editors: Save As or Save with Encoding, then UTF-8)")
        text = data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n"), problem


def front_matter_fields(text: str) -> tuple[dict, dict[str, int]]:
    """A page's front matter and the line each field is on.

    Both are empty when the page has no readable front matter: orkest/checks/front_matter.py reports that.
    """
    match = FRONT_MATTER.match(text)
    if match is None:
        return {}, {}
    try:
        data = yaml.load(match["yaml"], Loader=FAST_LOADER)
    except yaml.YAMLError:
        return {}, {}
    if not isinstance(data, dict):
        return {}, {}
    # The YAML starts on line 2, below the opening '---'.
    lines = {field[1]: match["yaml"].count("\n", 0, field.start()) + 2
             for field in FIELD.finditer(match["yaml"])}
    return data, lines


def lines_outside_code(text: str) -> list[str]:
    """The page's lines after the front matter, without fenced code blocks (``` or ~~~)."""
    match = FRONT_MATTER.match(text)
    body = text[match.end():] if match else text
    kept, fence = [], ""
    for line in body.splitlines():
        opening = FENCE.match(line)
        if fence:
            closing = line.strip()
            # A fence closes with the same character, at least as many times, and nothing else.
            if closing and set(closing) == {fence[0]} and len(closing) >= len(fence):
                fence = ""
        elif opening:
            fence = opening[1]
        else:
            kept.append(line)
    return kept
