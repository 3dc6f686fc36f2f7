"""Where a broken internal link is in the sources, as a contributor sees them.

- A built page's source file comes from its "edit this page" link (docs/x.en.md).
- The link as the built page has it comes from where lychee found it in the HTML.
- Its line is the first in the source holding that link, or a link to the same target
  (Markdown's viool.md#stemmen is viool/#stemmen in the built page).
- MkDocs' own link warnings ("Doc file 'a.md' contains a link ...") are read back from its log.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

# A line of MkDocs' log: "WARNING -  Doc file 'a.md' contains a link ...".
LOG_LINE = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(?P<text>.*)$")
DOC_LINK = re.compile(r"^Doc file '(?P<page>.+?)' contains (?:a|an (?P<kind>absolute|unrecognized "
                      r"relative)) link (?:to )?'(?P<link>.+?)'(?:, but | which |, )(?P<problem>.*)$")
NAV_LINK = re.compile(r"^A reference to '(?P<link>.+?)' is included in the 'nav' configuration, "
                      r"(?:which is|but this file is) (?P<problem>.*?)\.?$")
SUGGESTION = re.compile(r" Did you mean '(?P<suggestion>.+?)'\?$")
# Link targets in Markdown ([text](target), [id]: target) and in raw HTML (href, src).
LINK_TARGET = re.compile(r"\]\(\s*<?(?P<markdown>[^)\s>]+)|\b(?:href|src)\s*=\s*[\"'](?P<html>[^\"']+)"
                         r"|^\s*\[[^\]]+\]:\s*<?(?P<reference>[^\s>]+)")
EDIT_LINK = re.compile(r'<a\b[^>]*\brel="edit"[^>]*>')
HREF = re.compile(r'\bhref="(?P<href>[^"]+)"')
HINTS = (  # by a word of the problem, first match
    ("anchor", "link to the id of a heading that exists (a heading's ¶ link shows it), or fix the spelling"),
    ("fragment", "link to the id of a heading that exists (a heading's ¶ link shows it), or fix the spelling"),
    ("absolute", "link to the page's .md file with a relative path (../section/page.md)"),
    ("unrecognized", "link to the .md file itself (page.md, or folder/index.md)"),
    ("excluded", "link to a page that is published, or publish this one"),
    # lychee's words: a link in raw HTML, which MkDocs does not check
    ("file not found", "fix the path, or add the missing file under docs/ (in raw HTML a path is "
                       "relative to the built page: one ../ more than in Markdown)"),
    ("not found", "fix the path (relative to this file), or add the missing page or file under docs/"),
)


def source_of(page_html: str, project: Path) -> str | None:
    """The file a built page was made from (docs/x.en.md), read from its "edit this page" link."""
    tag = EDIT_LINK.search(page_html)
    href = HREF.search(tag.group()) if tag else None
    if href is None:
        return None
    parts = html.unescape(href["href"]).split("?")[0].split("/")
    # The longest end of the address that is a file here: edit/main/docs/x.md -> docs/x.md.
    for start in range(len(parts)):
        candidate = "/".join(parts[start:])
        if candidate and (project / candidate).is_file():
            return candidate
    return None


def written_link(lines: list[str], failure: dict, page: Path) -> str:
    """The link as the built page has it (its href), found where lychee saw it."""
    address = urlsplit(failure["url"])
    # The address relative to the page, not to the temporary site folder.
    relative = os.path.relpath(unquote(address.path), page.parent)
    relative += f"#{address.fragment}" if address.fragment else ""
    span = failure.get("span") or {}
    row, column = span.get("line", 0), span.get("column", 0)
    if 0 < row <= len(lines) and 1 < column <= len(lines[row - 1]):
        text = lines[row - 1]
        quote = text[column - 2]
        end = text.find(quote, column - 1) if quote in "\"'" else -1
        written = html.unescape(text[column - 1:end]) if end >= column - 1 else ""
        if written and _comparable(written) == _comparable(relative):
            return written
    return relative


def _comparable(target: str) -> tuple[str, str]:
    """A link target as the last part of its path and its anchor: viool.md#x and ../viool/#x agree."""
    path, _, anchor = target.partition("#")
    path = re.sub(r"(/?index\.html|(\.[a-z]{2})?\.md)$", "", path.split("?")[0]).rstrip("/")
    last = path.rsplit("/", 1)[-1]
    return ("" if last in ("index", ".", "..") else last), anchor


def line_of(source: Path, link: str) -> int:
    """The first line of `source` holding `link` as written, or a link to the same target; 0 if none."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    for number, line in enumerate(lines, start=1):
        if link in line:
            return number
    wanted = _comparable(link)
    for number, line in enumerate(lines, start=1):
        for match in LINK_TARGET.finditer(line):
            if _comparable(next(group for group in match.groups() if group)) == wanted:
                return number
    return 0


def hint_for(problem: str) -> str:
    """What to do about a link problem, in MkDocs' words or lychee's."""
    suggestion = SUGGESTION.search(problem)
    if suggestion:
        return f"did you mean '{suggestion['suggestion']}'?"
    return next((hint for word, hint in HINTS if word in problem.lower()), "fix or remove the link")


def log_messages(output: str) -> list[tuple[str, str]]:
    """(level, message) of each warning and error in MkDocs' log, with its continuation lines."""
    messages: list[tuple[str, str]] = []
    level = ""
    for line in output.splitlines():
        if entry := LOG_LINE.match(line):
            level = entry["level"]
            if level in ("WARNING", "ERROR", "CRITICAL"):
                messages.append((level, entry["text"]))
        elif line.startswith("Aborted with"):
            level = ""  # the build's own summary of what it printed already
        elif messages and level in ("WARNING", "ERROR", "CRITICAL") and line.strip():
            messages[-1] = (level, messages[-1][1] + "\n" + line)
    return messages


def link_warning(message: str, project: Path) -> tuple[str, int, str, str, str] | None:
    """(file, line, link, problem, hint) of one of MkDocs' link warnings; None for another message."""
    if doc := DOC_LINK.match(message):
        source = f"docs/{doc['page']}"  # MkDocs names the file inside docs_dir
        problem = SUGGESTION.sub("", doc["problem"]).removesuffix(".").removeprefix("it was ")
        if doc["kind"]:
            problem = f"{doc['kind']} link, {problem}"
        return (source, line_of(project / source, doc["link"]), doc["link"], problem,
                hint_for(f"{doc['kind'] or ''} {doc['problem']}"))
    if nav := NAV_LINK.match(message):
        return ("mkdocs.yml", line_of(project / "mkdocs.yml", nav["link"]), nav["link"], nav["problem"],
                "fix the path under nav: in mkdocs.yml (relative to docs/), or add the page")
    return None
