"""The files of a built site the finishing step works on."""

from __future__ import annotations

import os
from pathlib import Path

# The search bundle's folder (search_index.py); also its `.new` and `.old` while it is swapped.
BUNDLE = "pagefind"


def html_files(site_dir: Path) -> list[Path]:
    """The site's HTML files, sorted. Not the search bundle: a preview's Pagefind may be
    writing or swapping it meanwhile (a walk would pass over a folder that is gone)."""
    return [Path(site_dir, name) for name in sorted(html_file_times(site_dir))]


def html_file_times(site_dir: Path) -> dict[str, float]:
    """Each HTML file of the site (relative, with "/") -> when it was last written; not the
    search bundle. One pass of os.scandir: a preview asks this of thousands of files per rebuild."""
    found, root = {}, os.path.abspath(site_dir)
    folders = [root]
    while folders:
        try:
            listing = os.scandir(folders.pop())
        except FileNotFoundError:  # a folder removed meanwhile (a preview's bundle swap)
            continue
        with listing:
            for entry in listing:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith(BUNDLE):
                        folders.append(entry.path)
                elif entry.name.endswith(".html"):
                    try:
                        found[entry.path[len(root) + 1:].replace(os.sep, "/")] = entry.stat().st_mtime
                    except FileNotFoundError:  # removed since it was listed
                        continue
    return found
