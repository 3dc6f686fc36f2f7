"""Search: Pagefind indexes the finished site into one bundle at /pagefind/.

Pagefind splits the index by each page's `<html lang>`, with that language's stemmer (Dutch
for `nl`), so a reader's browser only ever downloads its own language's index. Only pages
whose templates mark their article body (`data-pagefind-body`, overrides/main.html) are
indexed: the 404 page and the generated listings carry no mark. The reader's browser loads
the bundle only when search is opened (overrides/assets/javascripts/search.js).

Pagefind reads a copy of each page cut down to its <html> tag and its article: the menu, most of
a page's bytes, is never indexed, and parsing it was most of Pagefind's time.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import pagefind_bin

from orkest.finish.site_files import BUNDLE, html_files

# Theme markup that is not the page's text: heading permalinks ("¶") and the edit button.
NOT_CONTENT = ".headerlink, .md-content__button"
# Pagefind's own ready-made interfaces: the site has its own (search.js), so they are never loaded.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
                # search.js runs Pagefind in the page (noWorker): one request less.
                "pagefind-worker.js")


# The theme's article holds everything Pagefind reads from a page but its language (on <html>).
ARTICLE_START, ARTICLE_END, HTML_START = "<article", "</article>", "<html"


def search_extract(html: str) -> str:
    """What Pagefind needs of a page: its <html> tag (the language) and its article; the whole
    page when either cannot be found, so that a page is never left out by cutting it."""
    html_start = html.find(HTML_START)
    html_end = html.find(">", html_start) + 1
    start, end = html.find(ARTICLE_START, html_end), html.rfind(ARTICLE_END)
    if html_start < 0 or not html_end <= start < end:
        return html
    return f"{html[html_start:html_end]}<body>{html[start:end + len(ARTICLE_END)]}</body></html>"


# Pagefind's own rule: once any page marks its body, the pages that do not are left out.
BODY_MARK = "data-pagefind-body"


def write_extracts(site_dir: Path, into: Path) -> None:
    """The search extract of every HTML page of `site_dir` that Pagefind indexes, at the same
    paths under `into`: not the pages without a marked body (the generated lists, the 404 page)
    when any page has one, which Pagefind would read only to leave out."""
    unmarked, marked = [], False
    for path in html_files(site_dir):
        extract = search_extract(path.read_text(encoding="utf-8"))
        if BODY_MARK in extract:
            marked = True
            _write(into / path.relative_to(site_dir), extract)
        else:
            unmarked.append((into / path.relative_to(site_dir), extract))
    if not marked:
        for target, extract in unmarked:
            _write(target, extract)


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message holds what it said."""


@dataclass(frozen=True)
class SearchIndex:
    bundle: Path
    pages: dict[str, int]  # language -> pages indexed
    cpu_seconds: float  # user and system time of Pagefind and of writing its copies of the pages

    def summary(self) -> str:
        counts = ", ".join(f"{count} pages in '{language}'" for language, count in sorted(self.pages.items()))
        return f"search: Pagefind indexed {counts or 'no pages'} in {self.cpu_seconds:.3f} s CPU"


def scratch_folder(site_dir: Path) -> Path:
    """Memory (Linux's /dev/shm) when there is some, else beside the site, on its disk: creating
    thousands of small files costs more CPU on a disk, and far more in some system temp folders."""
    memory = Path("/dev/shm")
    return memory if memory.is_dir() and os.access(memory, os.W_OK) else site_dir.parent


@contextmanager
def one_cpu():
    """Processes started inside run on one CPU (Linux): Pagefind's threads on two CPUs spend about
    a sixth more CPU time waking each other and flushing each other's memory maps, and finish no
    sooner (bench/search_cpu.py). The mask is this thread's own, and the child inherits it."""
    if not hasattr(os, "sched_setaffinity"):
        yield
        return
    allowed = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(allowed)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, allowed)


def run_pagefind(extracts: Path, output: Path, said=None, niceness: int = 0,
                 pinned: bool = True) -> tuple[int, resource.struct_rusage]:
    """Pagefind over the page extracts into `output`, what it says into the file `said`: its exit
    code and its own CPU time (wait4: this one child's, whatever else the process runs meanwhile)."""
    command = [str(pagefind_bin.get_executable()), "--site", str(extracts), "--output-path", str(output),
               "--exclude-selectors", NOT_CONTENT, "--quiet"]
    with one_cpu() if pinned else nullcontext():
        process = subprocess.Popen(command, stdout=said, stderr=subprocess.STDOUT if said else None)
    if niceness:
        os.setpriority(os.PRIO_PROCESS, process.pid, niceness)
    _, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), usage


def index_site(site_dir: Path, niceness: int = 0) -> SearchIndex:
    """Index the built site in `site_dir` (replacing an earlier bundle) and say what was indexed;
    `niceness` lowers Pagefind's CPU priority (a preview's next rebuild goes first)."""
    site_dir = Path(site_dir)
    bundle, fresh = site_dir / BUNDLE, site_dir / f"{BUNDLE}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    with tempfile.TemporaryDirectory(dir=scratch_folder(site_dir), prefix=f".{site_dir.name}-search-") as extracts, \
            tempfile.TemporaryFile(mode="w+", encoding="utf-8") as output:
        extracting = time.thread_time()
        write_extracts(site_dir, Path(extracts))
        extracting = time.thread_time() - extracting
        returncode, usage = run_pagefind(Path(extracts), fresh, output, niceness)
        output.seek(0)
        said = output.read().strip()
    if returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site_dir} (exit {returncode}):\n{said}")
    for name in UNUSED_FILES:
        (fresh / name).unlink(missing_ok=True)
    # Swapped in whole: a preview's reader never searches a half-written bundle, and no index
    # files are left over from pages that are gone.
    stale = site_dir / f"{BUNDLE}.old"
    shutil.rmtree(stale, ignore_errors=True)
    if bundle.exists():
        os.replace(bundle, stale)
    os.replace(fresh, bundle)
    shutil.rmtree(stale, ignore_errors=True)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = {language: details["page_count"] for language, details in entry["languages"].items()}
    return SearchIndex(bundle, pages, extracting + usage.ru_utime + usage.ru_stime)


if __name__ == "__main__":  # the preview indexes in a process of its own (orkest/mkdocs/search_preview.py)
    import sys

    try:
        print(index_site(Path(sys.argv[1])).summary())
    except SearchIndexError as error:
        sys.exit(str(error))
