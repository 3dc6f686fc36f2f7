"""The finishing step: what is done to the built site, whatever generator built it.

Each HTML file is repaired (repairs.py) and given its Content-Security-Policy, after it
is checked for anything the policy must not trust (csp.py). The MkDocs plugin finishes
each page as it is written (finish_page) and the rest of the site's HTML files once every
language is built (finish_site); `python -m orkest finish site/` finishes a site built
another way.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from orkest.finish.csp import HINT, ThemeScripts
from orkest.finish.repairs import repaired
from orkest.finish.site_files import html_files


@dataclass
class Finished:
    pages: int = 0
    problems: list[str] = field(default_factory=list)
    hashes: int = 0
    check_seconds: float = 0.0  # the finished-page check alone, for the policy's time budget


def base_url(relative: Path, site_url: str) -> str:
    """The base URL a generator gives a page: the way back to the site's root (MkDocs' rule),
    and for the root 404 page the site's own path, since it is served at any depth."""
    if relative.as_posix() == "404.html":
        return urlsplit(site_url or "/").path
    depth = len(relative.parent.parts)
    return "/".join([".."] * depth) or "."


def finish_page(html: str, relative: Path, scripts: ThemeScripts, result: Finished, site_url: str = "/",
                with_meta: bool = True, where: str = "", content: str = "", repair: bool = True) -> str:
    """One built page repaired and secured, its problems added to `result` under `where`
    (the source file, when the generator knows it); `content` is the part the content policy held."""
    html = _repaired_around(html, content) if repair else html
    started = time.perf_counter()
    html, problems = scripts.finish(html, base_url(relative, site_url), content, with_meta)
    result.check_seconds += time.perf_counter() - started
    result.problems += [f"{where or relative.as_posix()}: {problem}" for problem in problems]
    result.pages += 1
    return html


def finish_site(site_dir: Path, scripts: ThemeScripts, site_url: str = "/", with_meta: bool = True,
                repair: bool = True, skip: frozenset[str] = frozenset(), result: Finished | None = None,
                only: list[str] | None = None) -> Finished:
    """Repair and secure every HTML file of the site (or `only` these, relative to site_dir)
    but those in `skip` (relative paths, already finished as they were written), adding to
    `result` if given."""
    result = result or Finished()
    paths = [site_dir / name for name in sorted(only)] if only is not None else html_files(site_dir)
    for path in paths:
        relative = path.relative_to(site_dir)
        if relative.as_posix() in skip:
            continue
        html = finish_page(path.read_text(encoding="utf-8"), relative, scripts, result, site_url, with_meta,
                           repair=repair)
        path.write_text(html, encoding="utf-8")
    result.hashes = len(scripts.hashes_used)
    return result


def _repaired_around(html: str, content: str) -> str:
    """The theme's HTML repaired, the page's content left exactly as the content policy saw it:
    a repair by text could otherwise turn the content's text into markup."""
    before, found, after = html.partition(content) if content else (html, "", "")
    return repaired(before) + found + (repaired(after) if found else "")


def report(result: Finished) -> str | None:
    """The problems as one message, or None."""
    if not result.problems:
        return None
    listing = "\n  - ".join(result.problems)
    return (f"Content-Security-Policy: {len(result.problems)} thing(s) on the pages that the policy "
            f"must not trust:\n  - {listing}\n{HINT}")
