"""Videos on the site: the Markdown extension per language, build errors, the overview.

- Registers hooks/md_extensions/video.py for each language build, in that
  language, with URLs resolved the way MkDocs publishes files.
- Fails the build, naming the page, when a video has a problem.
- Fills the video overview: a page holding the line `<!-- video-overview -->`
  gets a table of every video on the site in its language (title, instrument
  from the page's front matter, length), rendered from
  overrides/partials/video-overview.html.
"""

from __future__ import annotations

import logging

from md_extensions.video import VideoExtension
from mkdocs.config.defaults import MkDocsConfig
from project_paths import source_name
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.plugins.videos")

OVERVIEW_MARKER = "<!-- video-overview -->"
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}

# Videos found in the current language build, in page order, for the overview.
found: list[dict] = []


def video_extension(language: str, languages: list[str], docs_dir: str) -> VideoExtension:
    """The video syntax in one language: the build and ./scripts/check use the same."""
    return VideoExtension(language=language, languages={lang: LANGUAGE_NAMES[lang] for lang in languages},
                          base_dir=docs_dir)


def _extension(config: MkDocsConfig) -> VideoExtension:
    return next(ext for ext in config.markdown_extensions if isinstance(ext, VideoExtension))


# After i18n (priority -100) has chosen this build's language.
@event_priority(-150)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins["i18n"]
    language = i18n.current_language or i18n.default_language
    config.markdown_extensions[:] = [
        ext for ext in config.markdown_extensions if not isinstance(ext, VideoExtension)
    ]
    config.markdown_extensions.append(video_extension(language, i18n.build_languages, config.docs_dir))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    found.clear()
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def url_for(path: str) -> str:
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(f"{source_name(page, config)}: '{path}' is not published")
        return get_relative_url(file.url, page.url)

    _extension(config).start_page(page.file.src_uri, url_for)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    extension = _extension(config)
    if extension.problems:
        problems = "\n  - ".join(extension.problems)
        raise PluginError(f"{source_name(page, config)}: video problem(s):\n  - {problems}")
    for video in extension.videos:
        found.append({
            "title": video.title,
            "duration": video.duration,
            "instrument": page.meta.get("instrument"),
            "page": page,
            "anchor": video.anchor,
        })
    return html


# Before the search plugin indexes the page, so the table is searchable too.
@event_priority(50)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    if OVERVIEW_MARKER not in (page.content or ""):
        return context
    template = config.theme.get_env().get_template("partials/video-overview.html")
    videos = [
        dict(video, url=get_relative_url(video["page"].url, page.url) + "#" + video["anchor"])
        for video in found
    ]
    if not videos:
        raise PluginError(f"{source_name(page, config)}: the video overview found no videos")
    table = template.render(videos=videos, language=config.plugins["i18n"].current_language)
    page.content = page.content.replace(OVERVIEW_MARKER, table)
    return context
