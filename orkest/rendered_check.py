"""./scripts/check's content check: each page rendered by the build's own Markdown setup
and held to the build's own content policy (hooks/html_policy.py), without a full build.

The Markdown extensions and their settings come from mkdocs.yml, the project's own
extensions from the same functions the hooks call, so a page this accepts, the build
accepts, and the other way round.
"""

from __future__ import annotations

from pathlib import Path

import markdown
from file_policy import page_image_problem
from html_policy import Policy, locate
from markdown_extensions import PROJECT_EXTENSIONS
from md_extensions.video_sources import EMBED_ORIGINS
from mkdocs.config import load_config
from page_source import FRONT_MATTER
from twins import DEFAULT_LANGUAGE, OTHER_LANGUAGES, source_language
from videos import video_extension

LANGUAGES = [DEFAULT_LANGUAGE, *OTHER_LANGUAGES]


class RenderedCheck:
    """Renders pages as the build does; one Markdown converter per language."""

    def __init__(self, config_file: Path, docs_dir: Path) -> None:
        config = load_config(str(config_file))
        self.docs_dir = docs_dir
        self.policy = Policy.load(EMBED_ORIGINS)
        self._extensions = list(config.markdown_extensions)
        self._settings = dict(config.mdx_configs)
        self._converters: dict[str, tuple[markdown.Markdown, object]] = {}

    def _converter(self, language: str):
        if language not in self._converters:
            videos = video_extension(language, LANGUAGES, str(self.docs_dir))
            extensions = [*self._extensions, *(extension() for extension in PROJECT_EXTENSIONS), videos]
            self._converters[language] = (markdown.Markdown(extensions=extensions,
                                                            extension_configs=self._settings), videos)
        return self._converters[language]

    def problems(self, page: Path, source: str) -> list[str]:
        shown = page.resolve().relative_to(self.docs_dir.resolve().parent).as_posix()
        converter, videos = self._converter(source_language(page))
        relative = page.resolve().relative_to(self.docs_dir.resolve()).as_posix()
        videos.start_page(relative)
        front_matter = FRONT_MATTER.match(source)
        body = source[front_matter.end():] if front_matter else source
        html = converter.reset().convert(body)
        problems = [f"{shown}: video: {problem}" for problem in videos.problems]
        inspection = self.policy.inspect(html)
        for line, message in locate(source, inspection.refusals):
            problems.append(f"{shown}:{line}: {message}" if line else f"{shown}: {message}")
        images = [path for path in (self._local(page, address) for address in inspection.images) if path]
        budget = page_image_problem(images, self.policy.files)
        return problems + ([f"{shown}: {budget}"] if budget else [])

    @staticmethod
    def _local(page: Path, address: str) -> Path | None:
        path = (page.parent / address.split("#")[0].split("?")[0]).resolve()
        return path if path.is_file() else None
