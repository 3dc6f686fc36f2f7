"""Paths as a contributor sees them: from the project folder (docs/instrumenten/x.en.md)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from orkest.site import Languages, languages_from_config


def project_dir(config: MkDocsConfig) -> Path:
    """The folder holding mkdocs.yml (also when mkdocs ran with a relative -f path)."""
    return Path(os.path.abspath(config.config_file_path)).parent


def source_name(page: Page, config: MkDocsConfig) -> str:
    """The file a contributor edits for this page, e.g. docs/instrumenten/x.en.md."""
    # Plain string work rather than pathlib or relpath: this runs for every page, several times.
    project = os.path.dirname(os.path.abspath(config.config_file_path)) + os.sep
    source = page.file.abs_src_path
    relative = source[len(project):] if source.startswith(project) else os.path.relpath(source, project)
    return relative.replace(os.sep, "/")


def site_languages(config: MkDocsConfig) -> Languages:
    """The languages mkdocs-static-i18n builds (config.plugins["i18n"]), the default first."""
    i18n = config.plugins["i18n"]
    if i18n.config.build_only_locale:
        # A one-language preview: i18n then makes that language the default, but a page.md is
        # still the original: read the languages as mkdocs.yml gives them.
        return languages_from_config(Path(config.config_file_path))
    default = i18n.default_language
    built = [lang for lang in i18n.config.languages if lang.build and lang.locale != "null"]
    return Languages(default, tuple(lang.locale for lang in built if lang.locale != default),
                     {lang.locale: lang.name for lang in built})
