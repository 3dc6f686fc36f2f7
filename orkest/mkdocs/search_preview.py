"""Search in the preview: Pagefind indexes the site after each rebuild in the background, so
an edit shows without waiting for the index, and is searchable a moment later.

A session step (orkest/mkdocs/plugin.py SESSION_STEPS): one indexing runs at a time, and the
next rebuild's indexing waits for the one before. A full build indexes in the finishing step.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from orkest.finish.search_index import SearchIndexError, index_site

log = logging.getLogger("mkdocs.plugins.orkest.search")


class SearchPreview:
    def __init__(self) -> None:
        self.serving = False
        self.indexing: threading.Thread | None = None

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.serving or config.plugins["i18n"].building:
            return
        if self.indexing is not None:
            self.indexing.join()
        self.indexing = threading.Thread(target=_index, args=(Path(config.site_dir),), daemon=True)
        self.indexing.start()


def _index(site_dir: Path) -> None:
    try:
        # Pagefind uses every core: at a low priority it never slows the rebuild after the next save.
        log.info(index_site(site_dir, niceness=15).summary())
    except SearchIndexError as error:
        log.warning("%s", error)  # the preview goes on; the build (and CI) stops on it
