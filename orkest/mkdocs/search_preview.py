"""Search in the preview: Pagefind indexes the site after each rebuild in the background, so
an edit shows without waiting for the index, and is searchable a moment later.

A session step (orkest/mkdocs/plugin.py SESSION_STEPS): one indexing runs at a time; saves
made meanwhile are indexed together once it ends, and no dirty rebuild waits for the index
(a full rebuild, which empties the site folder, lets a running indexing end first). A
full build indexes in the finishing step.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from orkest.finish.search_index import SearchIndexError

log = logging.getLogger("mkdocs.plugins.orkest.search")


@dataclass(frozen=True)
class Indexed:
    said: str  # the indexing's summary line (orkest/finish/search_index.py SearchIndex.summary)

    def summary(self) -> str:
        return self.said


def index_site(site_dir: Path, niceness: int = 15) -> Indexed:
    """Pagefind's indexing in a process of its own, at a low priority: writing thousands of page
    extracts is Python work, which in this process would hold its interpreter from the next rebuild."""
    process = subprocess.Popen([sys.executable, "-m", "orkest.finish.search_index", str(site_dir)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.setpriority(os.PRIO_PROCESS, process.pid, niceness)
    said, problem = process.communicate()
    if process.returncode != 0:
        raise SearchIndexError(problem.strip() or said.strip())
    return Indexed(said.strip())


class SearchPreview:
    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.indexing: threading.Thread | None = None
        self.wanted: Path | None = None  # the site to index once the running indexing ends
        self.lock = threading.Lock()

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving, self.dirty = command == "serve", dirty

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # A full rebuild empties the site folder first: the indexing writing into it must end before.
        if not self.serving or self.dirty or config.plugins["i18n"].building:
            return
        with self.lock:
            running = self.indexing
        if running is not None:
            running.join()  # no build can ask for more meanwhile: this is the build thread

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.serving or config.plugins["i18n"].building:
            return
        with self.lock:
            self.wanted = Path(config.site_dir)
            if self.indexing is None:
                self.indexing = threading.Thread(target=self._index_while_wanted, daemon=True)
                self.indexing.start()

    def _index_while_wanted(self) -> None:
        while True:
            with self.lock:
                site_dir, self.wanted = self.wanted, None
                if site_dir is None:
                    self.indexing = None  # under the lock: the next save starts a new one
                    return
            try:
                # Pagefind uses every core: at a low priority it never slows the next rebuild.
                log.info(index_site(site_dir, niceness=15).summary())
            except SearchIndexError as error:
                log.warning("%s", error)  # the preview goes on; the build (and CI) stops on it
