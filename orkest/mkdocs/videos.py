"""Videos in the MkDocs build: the video extension's language, and the video overview.

The extension (orkest/markdown/video.py) renders each video and raises its own errors;
this step only tells it the language of the build, and fills the page holding
`<!-- video-overview -->` with every video of that language (title, instrument from
the page's front matter, length, poster), read from the pages as rendered, through
overrides/partials/video-overview.html. A dirty preview (orkest/mkdocs/dirty_preview.py)
renders only changed pages, so it hands this step the videos found in earlier builds.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from selectolax.lexbor import LexborHTMLParser

from orkest.mkdocs.project_paths import source_name

VIDEO_EXTENSION = "orkest.markdown.video"
OVERVIEW_MARKER = "<!-- video-overview -->"
LENGTH = re.compile(r"\d+:[0-5]\d")


class Videos:
    def __init__(self) -> None:
        self.kept: dict[str, dict[str, list[dict]]] = {}  # language -> page -> its videos; a dirty preview keeps it
        self.found: dict[str, list[dict]] = {}  # this language build's videos, per page
        self.order: list[str] = []  # this language's pages, in build order

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        i18n = config.plugins["i18n"]
        language = i18n.current_language or i18n.default_language
        names = {lang.locale: lang.name for lang in i18n.config.languages if lang.build}
        settings = config.mdx_configs.setdefault(VIDEO_EXTENSION, {})
        settings.update(language=language, languages=names, base_dir=config.docs_dir)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.found = self.kept.setdefault(config.plugins["i18n"].current_language or "", {})
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        self.order = [file.src_uri for file in files.documentation_pages()]
        return nav

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.found.pop(page.file.src_uri, None)
        if '<figure class="video"' not in html:  # only pages with a video pay for a parse
            return html
        for figure in LexborHTMLParser(html).css("figure.video"):
            title = figure.css_first("figcaption strong")
            length = figure.css_first(".video__duration")
            player = figure.css_first("video[poster]")
            self.found.setdefault(page.file.src_uri, []).append({
                "title": title.text() if title else "",
                "duration": (LENGTH.search(length.text()) or [None])[0] if length else None,
                "instrument": page.meta.get("instrument"),
                "page": {"title": page.title, "url": page.url},  # not the Page: a dirty preview keeps this
                "anchor": figure.attributes.get("id"),
                # The poster's place in the site (the page's address is a folder).
                "poster": posixpath.normpath(posixpath.join(page.url, player.attributes["poster"])) if player else None,
            })
        return html

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if OVERVIEW_MARKER not in (page.content or ""):
            return context
        # In page order; a page deleted since an earlier preview build is no longer in it.
        found = [video for source in self.order for video in self.found.get(source, [])]
        if not found:
            raise PluginError(f"{source_name(page, config)}: the video overview found no videos")
        videos = [dict(video, url=get_relative_url(video["page"]["url"], page.url) + "#" + video["anchor"],
                       poster=video.get("poster") and get_relative_url(video["poster"], page.url))
                  for video in found]
        template = config.theme.get_env().get_template("partials/video-overview.html")
        table = template.render(videos=videos, ui=context["ui"])
        page.content = page.content.replace(OVERVIEW_MARKER, table)
        return context
