"""The finishing step (orkest/finish/) in the MkDocs build: each page and template (the 404
page) as it is written, from memory; after the last language, any other HTML file this build
wrote into the site."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from orkest.finish import Finished, finish_page, finish_site, report
from orkest.finish.csp import ThemeScripts, extra_assets_problems
from orkest.finish.search_index import index_site
from orkest.finish.site_files import html_file_times
from orkest.finish.stylesheets import minify_stylesheets
from orkest.mkdocs.project_paths import project_dir, source_name

log = logging.getLogger("mkdocs.plugins.orkest.finish")


class Finish:
    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        self.copied_html: list[str] = []  # every language build's
        self.scripts: ThemeScripts | None = None  # the theme's allowed inline scripts, read once per build
        self.result = Finished()
        self.finished: set[str] = set()  # built files already finished, relative to site_dir
        self.contents: dict[str, str] = {}  # page file -> its content, as the content policy held it
        self.seconds = 0.0
        self.started = time.time()  # files older than this build are from an earlier one (a preview)

    def on_startup(self, command: str, dirty: bool) -> None:
        # `mkdocs serve` adds its own inline live-reload script to every page, with a value
        # that changes per request: no hash can cover it, so previews get no policy tag.
        self.serving = command == "serve"
        self.dirty = dirty

    def on_files(self, files, config: MkDocsConfig):
        # The HTML files MkDocs copies as they are (not pages): in a dirty preview, the only others.
        self.copied_html += [file.dest_uri for file in files.static_pages() if file.dest_uri.endswith(".html")]
        return files

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        problems = extra_assets_problems(config.extra_javascript, config.extra_css)
        if problems:
            raise PluginError("\n".join(problems))
        if self.scripts is None:
            self.scripts = ThemeScripts(config.theme.dirs, config.theme["features"], config.extra.get("scope"))
        return config

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        self.contents[page.file.dest_uri] = page.content or ""
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        dest = page.file.dest_uri
        return self._finish(output, dest, config, f"{source_name(page, config)} (page /{page.url})",
                            self.contents.pop(dest, ""))

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if not output or not template_name.endswith(".html"):
            return output  # not written (another language's 404 page), or not a page (sitemap.xml)
        override = Path(config.theme.custom_dir or "", template_name)
        shown = os.path.relpath(override, project_dir(config)) if override.is_file() else template_name
        return self._finish(output, template_name, config, Path(shown).as_posix())

    def _finish(self, html: str, dest: str, config: MkDocsConfig, where: str, content: str = "") -> str:
        started = time.perf_counter()
        html = finish_page(html, Path(dest), self.scripts, self.result, config.site_url or "/",
                           with_meta=not self.serving, where=where, content=content,
                           repair=config.plugins["orkest"].config.repair_html)
        self.finished.add(Path(dest).as_posix())
        self.seconds += time.perf_counter() - started
        return html

    def on_post_build(self, config: MkDocsConfig) -> None:
        if config.plugins["i18n"].building:
            return  # an inner language build: the files no page wrote are finished once, at the end
        started = time.perf_counter()
        # What no page or template wrote: HTML this build put in the site otherwise (not an earlier
        # preview's). A dirty preview writes nothing but pages, templates and copies: no walk of the site.
        site = Path(config.site_dir)
        written = ({name: (site / name).stat().st_mtime for name in self.copied_html if (site / name).exists()}
                   if self.serving and self.dirty else html_file_times(site))
        left = [name for name, when in written.items() if when >= self.started and name not in self.finished]
        result = finish_site(site, self.scripts, config.site_url or "/",
                             with_meta=not self.serving, repair=config.plugins["orkest"].config.repair_html,
                             result=self.result, only=left)
        log.info("finish: %d files in %.3f s (the policy check of the finished pages: %.3f s); "
                 "%d allowed inline-script hashes in use",
                 result.pages, self.seconds + time.perf_counter() - started, result.check_seconds, result.hashes)
        message = report(result)
        if message:
            raise PluginError(message)
        minify_stylesheets(site)
        if not self.serving:  # a preview indexes in the background (search_preview.py)
            log.info(index_site(Path(config.site_dir)).summary())
