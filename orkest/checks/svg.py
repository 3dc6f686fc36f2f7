"""SVG drawings under docs/: shapes and text only, nothing that runs a script or fetches from elsewhere.

An SVG opened on its own runs on the site's origin, so whatever it loads or runs, the site
does. This reads the drawing the way a browser would and refuses, with one message per
problem, everything outside a small allow-list (used by orkest/checks/files.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"
# How messages show names in other namespaces: as they are written in the file, not {uri}name.
PREFIXES = {"{http://www.w3.org/1999/xlink}": "xlink:", "{http://www.w3.org/XML/1998/namespace}": "xml:",
            "{http://www.w3.org/1999/xhtml}": "html:"}
# Drawing elements only: no script, foreignObject, style sheets, images, filters, fonts,
# animation or links (<a>, <image>, <feImage>, <animate>, <set>, <font-face-uri> all fetch or run).
SVG_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
    "pattern", "symbol", "use", "marker",
}
# Attributes whose whole value is an address (href in any namespace, src): only #id in this file.
ADDRESS_ATTRIBUTES = {"href", "src"}
# CSS that fetches: url() other than url(#id), image-set(), image(), src(), @import, and old
# expression(); presentation attributes (fill, filter, cursor...) are CSS too, so every value is read.
OUTSIDE_REFERENCE = re.compile(
    r"url\(\s*+['\"]?+\s*+(?!#)|(?:image|image-set|src|expression)\(|@import|javascript:", re.I)
FIX_SVG = "save the drawing as plain SVG (shapes and text only), or as .webp"


class _Doctype(Exception):
    """A DOCTYPE: refused before its entities are read."""


class _Reader(ET.TreeBuilder):
    """Builds the tree and keeps what ElementTree would drop: processing instructions."""

    def __init__(self) -> None:
        super().__init__()
        self.instructions: list[str] = []

    def pi(self, target: str, data: str | None = None) -> ET.Element:
        # The XML declaration (<?xml version...?>) never gets here; everything else does.
        self.instructions.append(target)
        return super().pi(target, data)

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        # Stop before any entity is expanded or fetched, in whatever encoding the file is.
        raise _Doctype


def svg_problems(data: bytes) -> list[str]:
    """Every problem with this SVG file's content, each saying what to do."""
    reader = _Reader()
    try:
        parser = ET.XMLParser(target=reader)
        parser.feed(data)
        root = parser.close()
    except _Doctype:
        return [f"the SVG declares a DOCTYPE or entities: {FIX_SVG}"]
    except (ET.ParseError, LookupError) as error:  # LookupError: an encoding Python does not know
        return [f"the SVG cannot be read ({error}): {FIX_SVG}"]
    if root.tag != f"{SVG_NS}svg":
        return [f"the file is not an SVG drawing (it starts with <{root.tag}>): {FIX_SVG}"]
    problems = [f"<?{target}?> is not allowed in an SVG (it can load a style sheet or run "
                f"something): {FIX_SVG}" for target in reader.instructions]
    for element in root.iter():
        # An element in another namespace (XHTML, XInclude, an editor's) is not a drawing element.
        if not element.tag.startswith(SVG_NS) or element.tag.removeprefix(SVG_NS) not in SVG_ELEMENTS:
            problems.append(f"<{_shown(element.tag)}> is not allowed in an SVG: {FIX_SVG}")
        for name, value in element.attrib.items():
            problems += _attribute_problems(_shown(element.tag), name, value)
    return problems


def _attribute_problems(tag: str, name: str, value: str) -> list[str]:
    local, name = name.rsplit("}", 1)[-1], _shown(name)
    if local.lower().startswith("on"):
        return [f"<{tag} {name}> runs a script: {FIX_SVG}"]
    if "\\" in value:
        return [f"<{tag} {name}> contains a backslash, which can hide an address in CSS: {FIX_SVG}"]
    # Only the spaces a browser strips from an address: "\u00a0#a" is a file next to the drawing.
    if local in ADDRESS_ATTRIBUTES and not value.strip(" \t\n\r\f").startswith("#"):
        return [f"<{tag}> refers to {value!r} outside the drawing: {FIX_SVG}"]
    if name == "xml:base" or OUTSIDE_REFERENCE.search(value):
        return [f"<{tag} {name}> refers to something outside the drawing: {FIX_SVG}"]
    return []


def _shown(name: str) -> str:
    for uri, prefix in {SVG_NS: "", **PREFIXES}.items():
        if name.startswith(uri):
            return prefix + name.removeprefix(uri)
    return name
