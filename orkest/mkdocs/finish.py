"""The finishing step (orkest/finish/) in the MkDocs build: once, after every language."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from orkest.finish import finish_site, report
from orkest.finish.csp import ThemeScripts, extra_assets_problems
from orkest.finish.search_index import index_site
from orkest.mkdocs.project_paths import project_dir, source_name

log = logging.getLogger("mkdocs.plugins.orkest.finish")


class Finish:
    def __init__(self) -> None:
        self.serving = False
        self.sources: dict[str, tuple[str, str]] = {}  # built file -> (source file, content)

    def on_startup(self, command: str, dirty: bool) -> None:
        # `mkdocs serve` adds its own inline live-reload script to every page, with a value
        # that changes per request: no hash can cover it, so previews get no policy tag.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        problems = extra_assets_problems(config.extra_javascript, config.extra_css)
        if problems:
            raise PluginError("\n".join(problems))
        return config

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        self.sources[page.file.dest_uri] = (f"{source_name(page, config)} (page /{page.url})", page.content or "")
        return context

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        override = Path(config.theme.custom_dir or "", template_name)
        shown = os.path.relpath(override, project_dir(config)) if override.is_file() else template_name
        self.sources[template_name] = (Path(shown).as_posix(), "")
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        if config.plugins["i18n"].building:
            return  # an inner language build: the whole site is finished once, at the end
        started = time.perf_counter()
        scripts = ThemeScripts(config.theme.dirs, config.theme["features"], config.extra.get("scope"))
        result = finish_site(Path(config.site_dir), scripts, config.site_url or "/",
                             with_meta=not self.serving, sources=self.sources,
                             repair=config.plugins["orkest"].config.repair_html)
        log.info("finish: %d files in %.3f s (the policy check of the finished pages: %.3f s); "
                 "%d allowed inline-script hashes in use",
                 result.pages, time.perf_counter() - started, result.check_seconds, result.hashes)
        message = report(result)
        if message:
            raise PluginError(message)
        log.info(index_site(Path(config.site_dir)).summary())  # the search index, of the finished pages
