"""The rules of the site that more than one layer needs, each in one place.

The languages are mkdocs-static-i18n's `languages:` in mkdocs.yml: where MkDocs runs the
plugin reads them from the i18n plugin (orkest/mkdocs/project_paths.py), the checks from
the mkdocs.yml next to docs/ (project_languages). The constants below are only the
fallback for a folder without a mkdocs.yml (unit tests on a bare docs folder).
Adding a language: its entry under i18n `languages:` in mkdocs.yml, its table in
orkest/strings.yml (or the file the plugin's `strings:` option names), its .<locale>.md pages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from orkest.config import plugin_settings, read_config, read_yaml

PACKAGE = Path(__file__).resolve().parent
# The Dutch original first; every page.md has a page.<language>.md twin.
DEFAULT_LANGUAGE = "nl"
OTHER_LANGUAGES = ("en",)
# In messages to contributors (English), and on the site in the language itself.
LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}
NATIVE_NAMES = {"nl": "Nederlands", "en": "English"}
PAGE_SCHEMA = read_yaml(PACKAGE / "checks" / "page_schema.yml")
PAGE_TYPES = PAGE_SCHEMA["properties"]["type"]["enum"]
AUDIENCES = PAGE_SCHEMA["properties"]["audience"]["items"]["enum"]
# What readers see, per language: audience labels and the words our templates print.
STRINGS_FILE = PACKAGE / "strings.yml"
UI_STRINGS = read_yaml(STRINGS_FILE)


def english_name(locale: str) -> str:
    """'Papiamento' for 'pap': the name contributors' messages (in English) use."""
    if locale in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[locale]
    try:
        return Locale.parse(locale.replace("-", "_")).get_display_name("en") or locale
    except (UnknownLocaleError, ValueError):
        return locale


@dataclass(frozen=True)
class Languages:
    """The site's languages: the default one (the originals, page.md) and the others, in
    mkdocs.yml's order (their translations, page.<locale>.md)."""

    default: str = DEFAULT_LANGUAGE
    others: tuple[str, ...] = OTHER_LANGUAGES
    names: dict[str, str] = field(default_factory=lambda: dict(NATIVE_NAMES), compare=False)

    @property
    def all(self) -> tuple[str, ...]:
        return (self.default, *self.others)

    def english_name(self, locale: str) -> str:
        return english_name(locale)

    def of(self, path: Path) -> str:
        """The language of a page file: page.en.md is English, page.md the default."""
        suffixes = os.path.basename(path).split(".")[1:-1]  # a Path or a str: the preview asks for thousands
        return suffixes[-1] if suffixes and suffixes[-1] in self.others else self.default

    def version_in(self, path: Path | str, language: str) -> Path | str:
        """The file of the same page in `language` (page.md <-> page.en.md), whether it exists or
        not; a str for a str (string work: the lists ask this of every page in every build)."""
        folder, name = os.path.split(path)
        stem = name.removesuffix(".md").removesuffix(f".{self.of(name)}")
        version = os.path.join(folder, f"{stem}.md" if language == self.default else f"{stem}.{language}.md")
        return Path(version) if isinstance(path, Path) else version


# Without a mkdocs.yml: the languages of this project as they were before it had one to read.
FALLBACK = Languages()


def languages_from_config(config_file: Path) -> Languages:
    """The languages mkdocs-static-i18n builds, from a mkdocs.yml's i18n `languages:` (locale,
    default, build), the default first; without an i18n plugin: the fallback."""
    settings = plugin_settings(read_config(config_file), "i18n")
    entries = [entry for entry in (settings or {}).get("languages") or [] if isinstance(entry, dict)]
    built = [entry for entry in entries if entry.get("build", True) and entry.get("locale") != "null"]
    default = next((entry["locale"] for entry in built if entry.get("default") is True), None)
    if default is None:
        return FALLBACK
    return Languages(default, tuple(entry["locale"] for entry in built if entry["locale"] != default),
                     {entry["locale"]: entry.get("name") or entry["locale"] for entry in built})


def project_languages(docs_dir: Path) -> Languages:
    """The languages of the project whose docs folder this is (its mkdocs.yml beside it)."""
    config_file = Path(docs_dir).parent / "mkdocs.yml"
    return languages_from_config(config_file) if config_file.is_file() else FALLBACK


class MissingStrings(ValueError):
    """A language the site builds has no table (or an incomplete one) in the strings file."""


def _keys(table, prefix: str = "") -> set[str]:
    if not isinstance(table, dict):
        return set()
    return {f"{prefix}{key}" for key in table} | {
        name for key, value in table.items() for name in _keys(value, f"{prefix}{key}.")}


def load_strings(path: Path, languages: Languages, shown: str | None = None) -> dict[str, dict]:
    """The reader-facing words per language, from a strings file (orkest/strings.yml by
    default); every language of the site must have a table with the default's entries."""
    shown = shown or str(path)
    try:
        table = read_yaml(path) or {}
    except (OSError, yaml.YAMLError) as error:
        raise MissingStrings(f"{shown}: cannot be read: {error}") from error
    if not isinstance(table, dict):
        raise MissingStrings(f"{shown}: should hold one table per language (nl:, en:, ...)")
    problems = []
    reference = languages.default if isinstance(table.get(languages.default), dict) else next(
        (locale for locale in languages.all if isinstance(table.get(locale), dict)), None)
    for locale in languages.all:
        if not isinstance(table.get(locale), dict):
            problems.append(f"{shown} has no words for the language '{locale}' ({english_name(locale)}), "
                            f"which mkdocs.yml's i18n languages build: add a top-level '{locale}:' table "
                            f"with the same entries as '{reference or languages.default}:'")
        elif reference and (missing := sorted(_keys(table[reference]) - _keys(table[locale]))):
            problems.append(f"{shown}: the '{locale}:' table lacks {', '.join(missing)} "
                            f"(the '{reference}:' table has them)")
    if problems:
        raise MissingStrings("\n  - ".join(problems))
    return table
