"""A page's document model, read from its Markdown: title, intro, sections and their parts.

Only the page's own structure is kept: the `# title`, the paragraphs before the first
`## heading` (the intro), and per section its guidance paragraphs, its questions (a plain
list), its checklist (`- [ ]`), its tables and its notes (admonitions: `!!! warning "Let op"`,
kept because they say what a reader must know, such as "an example to adapt"). Inline Markdown (links, emphasis, code) is
reduced to its text: a document is filled in on paper or in an office suite, not browsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?")
EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
ATTRIBUTES = re.compile(r"\s*\{[:#.][^}]*\}\s*$")
BOLD_CELL = re.compile(r"^\*\*(.*)\*\*$")
SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
CHECK_ITEM = re.compile(r"^[-*] \[[ xX]\] (.*)$")
LIST_ITEM = re.compile(r"^(?:[-*]|\d+\.) (.*)$")
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s*([\w-]+)(?:[^"]*"([^"]*)")?\s*$')
EMPTY_CELL = "..."  # what a page shows where the writer fills something in


class ModelError(ValueError):
    """The page's Markdown cannot make the document; the message says what to change."""


def plain(text: str) -> str:
    """Inline Markdown as the text a reader sees."""
    text = LINK.sub(r"\1", text)
    while EMPHASIS.search(text):
        text = EMPHASIS.sub(r"\2", text)
    return ATTRIBUTES.sub("", text).strip()


@dataclass
class Row:
    cells: list[str]
    total: bool = False  # a bold first cell: a total row (in a workbook it sums)


@dataclass
class Table:
    header: list[str]
    rows: list[Row]


@dataclass
class Section:
    heading: str
    # ("help", text) | ("questions"|"checklist", items) | ("table", Table) | ("note", (label, text))
    parts: list[tuple[str, object]] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [value for kind, value in self.parts if kind == "table"]


@dataclass
class Document:
    title: str
    intro: list[tuple[str, object]]  # its "help" and "note" parts
    sections: list[Section]

    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables()]


def split_row(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def table_from(lines: list[str]) -> Table:
    header = [plain(cell) for cell in split_row(lines[0])]
    rows = []
    for line in lines[2:]:
        cells = split_row(line)
        cells += [""] * (len(header) - len(cells))
        total = bool(BOLD_CELL.match(cells[0]))
        rows.append(Row([plain(cell) for cell in cells[:len(header)]], total))
    return Table(header, rows)


def blocks(lines: list[str]) -> list[list[str]]:
    """Lines grouped into blocks separated by blank lines."""
    grouped, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            grouped.append(current)
            current = []
    return grouped + ([current] if current else [])


def parts_of(lines: list[str]) -> list[tuple[str, object]]:
    parts: list[tuple[str, object]] = []
    for block in blocks(lines):
        if admonition := ADMONITION.match(block[0]):
            label = admonition[2] if admonition[2] is not None else admonition[1].capitalize()
            parts.append(("note", (plain(label), plain(" ".join(line.strip() for line in block[1:])))))
        elif block[0].startswith("    ") and parts and parts[-1][0] == "note":  # a note's next paragraph
            label, text = parts[-1][1]
            parts[-1] = ("note", (label, f"{text} {plain(' '.join(line.strip() for line in block))}".strip()))
        elif len(block) >= 2 and block[0].lstrip().startswith("|") and SEPARATOR.match(block[1].strip()):
            parts.append(("table", table_from(block)))
        elif all(CHECK_ITEM.match(line) for line in block):
            parts.append(("checklist", [plain(CHECK_ITEM.match(line)[1]) for line in block]))
        elif LIST_ITEM.match(block[0]):
            items = [LIST_ITEM.match(line)[1] if LIST_ITEM.match(line) else None for line in block]
            merged: list[str] = []
            for item, line in zip(items, block):
                if item is None and merged:  # a list item continued on the next line
                    merged[-1] += " " + line.strip()
                else:
                    merged.append(item if item is not None else line.strip())
            parts.append(("questions", [plain(item) for item in merged]))
        elif not block[0].startswith(("<!--", "!!!", "???", "```", "<")):
            parts.append(("help", plain(" ".join(line.strip() for line in block))))
    return parts


def read_document(markdown: str, title: str | None = None) -> Document:
    """The document model of a page's Markdown (front matter allowed; its title if no `# `)."""
    body = FRONT_MATTER.sub("", markdown, count=1).splitlines()
    heading, intro, found = None, [], []  # found: (heading, its lines) per section
    for line in body:
        if line.startswith("# ") and heading is None and not found and not any(intro):
            heading = plain(line[2:])
        elif line.startswith("## "):
            found.append((plain(line[3:]), []))
        else:
            (found[-1][1] if found else intro).append(line.strip() and line)
    heading = heading or title
    if not heading:
        raise ModelError("the page has no title (a '# ' heading or front matter 'title')")
    if not found:
        raise ModelError("the page has no sections: a document needs at least one '## ' heading")
    sections = [Section(name, parts_of(lines)) for name, lines in found]
    return Document(heading, [part for part in parts_of(intro) if part[0] in ("help", "note")], sections)
