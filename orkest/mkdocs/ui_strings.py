"""The words our templates print, per language: orkest/strings.yml, or the file the
plugin's `strings:` option names (a project's own).

Once per build every language mkdocs-static-i18n builds must have its table there, with
the default language's entries: otherwise the build stops, naming the file and the
language (adding a language is its i18n entry, its table there and its pages). Each
page's template gets its language's table as `ui`; the video extension gets the file's
tables, and picks its language's.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from orkest.mkdocs.error_page import ERROR_PAGE
from orkest.mkdocs.project_paths import project_dir, site_languages
from orkest.site import PACKAGE, STRINGS_FILE, MissingStrings, load_strings

VIDEO_EXTENSION = "orkest.markdown.video"


def strings_file(config: MkDocsConfig) -> Path:
    plugin = config.plugins.get("orkest")
    return Path(plugin.config.strings) if plugin is not None else STRINGS_FILE


def shown_name(path: Path, config: MkDocsConfig) -> str:
    """orkest/strings.yml for the package's file, else the path from the project folder."""
    path = path.resolve()
    for base in (PACKAGE.parent, project_dir(config)):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return os.fspath(path)


class UiStrings:
    def __init__(self) -> None:
        self.tables: dict[str, dict] | None = None  # read and checked once per build

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.tables is None:
            path = strings_file(config)
            try:
                self.tables = load_strings(path, site_languages(config), shown_name(path, config))
            except MissingStrings as error:
                raise PluginError(f"the words for readers are incomplete:\n  - {error}") from None
        config.mdx_configs.setdefault(VIDEO_EXTENSION, {})["strings"] = self.tables
        return config

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        context["ui"] = self.tables[config.plugins["i18n"].current_language]  # every word our templates print
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        # The 404 page has no Page, but its header's search dialog needs this language's words.
        context["ui"] = self.tables[config.plugins["i18n"].current_language]
        if template_name == ERROR_PAGE:
            # The one 404 page speaks every language, each linking to its own home page.
            # It is served at any depth, so its links start at the site's own path.
            i18n = config.plugins["i18n"]
            languages = site_languages(config)
            root = urlsplit(config.site_url or "/").path
            context["error_page_languages"] = [
                {"locale": locale, "words": self.tables[locale]["error_page"],
                 "home": urljoin(root, i18n.get_language_config(locale).link.lstrip("/"))}
                for locale in (languages.default, *languages.others)]
        return context
