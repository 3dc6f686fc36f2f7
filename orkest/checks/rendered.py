"""./scripts/check's content check: each page rendered by the build's own Markdown setup
and held to the build's own content policy (orkest/checks/content_policy.py), without a
full build.

The Markdown extensions and their settings come from mkdocs.yml, the project's own among
them (orkest.markdown.*), so a page this accepts, the build accepts, and the other way round.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import markdown
from mkdocs.config import load_config

from orkest.checks.content_policy import Policy, locate
from orkest.checks.files import page_image_problem
from orkest.checks.page_source import FRONT_MATTER
from orkest.markdown.video import VideoError, VideoExtension
from orkest.markdown.video_sources import EMBED_ORIGINS
from orkest.site import languages_from_config

VIDEO = "orkest.markdown.video"


class RenderedCheck:
    """Renders pages as the build does; one Markdown converter per language."""

    def __init__(self, config_file: Path, docs_dir: Path) -> None:
        config = load_config(str(config_file))
        self.docs_dir = docs_dir
        # The languages of this mkdocs.yml (its i18n plugin's languages:).
        self.languages = languages_from_config(Path(config_file))
        self.policy = Policy.load(EMBED_ORIGINS)
        self._extensions = list(config.markdown_extensions)
        self._settings = dict(config.mdx_configs)
        self._converters: dict[str, markdown.Markdown] = {}
        # The pages nav: lists (None: there is no nav:, and MkDocs lists every page itself).
        self._menu = None if config.nav is None else set(_nav_pages(config.nav))
        # Pages left out of the menu on purpose (not_in_nav: patterns, as MkDocs matches them).
        self._not_in_nav = config.not_in_nav

    def in_menu(self, page: str) -> bool:
        """Whether nav: lists this page (a path under docs/), as `mkdocs build --strict` requires."""
        return (self._menu is None or page in self._menu
                or self._not_in_nav is not None and self._not_in_nav.match_file(page))

    def _converter(self, language: str) -> markdown.Markdown:
        if language not in self._converters:
            settings = {**self._settings, VIDEO: {**self._settings.get(VIDEO, {}), "language": language,
                                                  "base_dir": str(self.docs_dir)}}
            self._converters[language] = markdown.Markdown(extensions=self._extensions,
                                                           extension_configs=settings)
        return self._converters[language]

    def problems(self, page: Path, source: str) -> list[str]:
        shown = page.resolve().relative_to(self.docs_dir.resolve().parent).as_posix()
        converter = self._converter(self.languages.of(page)).reset()
        videos = next(ext for ext in converter.registeredExtensions if isinstance(ext, VideoExtension))
        videos.start_page(page.resolve().relative_to(self.docs_dir.resolve()).as_posix())
        front_matter = FRONT_MATTER.match(source)
        body = source[front_matter.end():] if front_matter else source
        try:
            html = converter.convert(body)
        except VideoError as error:
            return [f"{shown}: video: {problem}" for problem in error.problems]
        inspection = self.policy.inspect(html)
        problems = [f"{shown}:{line}: {message}" if line else f"{shown}: {message}"
                    for line, message in locate(source, inspection.refusals)]
        images = [path for path in (self._local(page, address) for address in inspection.images) if path]
        budget = page_image_problem(images, self.policy.files)
        return problems + ([f"{shown}: {budget}"] if budget else [])

    def _local(self, page: Path, address: str) -> Path | None:
        # As the build reads it (orkest/mkdocs/content_check.py): decoded (%2F is a /), then
        # normalised from the site's root, so ../ never leaves docs/.
        folder = page.resolve().parent.relative_to(self.docs_dir.resolve()).as_posix()
        wanted = posixpath.normpath(posixpath.join("/", folder, unquote(address.split("#")[0].split("?")[0])))
        path = self.docs_dir / wanted.lstrip("/")
        return path if path.is_file() else None


def _nav_pages(entries) -> list[str]:
    """Every page path in nav: (a title's page, a section's entries, at any depth)."""
    if isinstance(entries, str):
        return [PurePosixPath(entries).as_posix()]
    values = entries.values() if isinstance(entries, dict) else entries
    return [page for value in values for page in _nav_pages(value)]
