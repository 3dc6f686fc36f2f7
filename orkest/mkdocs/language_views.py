"""What a dirty preview's further language builds saw, and whether a change reaches them.

mkdocs-static-i18n builds every further language after the first, even when not one of its
pages changed: at 1,000 pages per language that build is half of a rebuild, for nothing. A
Dutch sentence shows in no English page, so the English build is left out unless something
that changed shows there, and an English sentence is built without the Dutch site
(LanguageChoice decides, change_reaching says why; orkest/mkdocs/dirty_preview.py holds them).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from orkest.mkdocs.listings import MARKER as LISTING_MARKER
from orkest.mkdocs.translation_status import MARKER as STATUS_MARKER
from orkest.site import Languages

log = logging.getLogger("mkdocs.plugins.orkest.dirty_preview")


@dataclass(frozen=True)
class LanguageView:
    """What one language's last good build was made from."""

    files: dict[str, tuple[int, int]]  # every file under docs/ -> its version
    sources: dict[str, tuple]  # every page file -> (its version, what it held: dirty_preview.Source)
    templates: tuple  # the versions of mkdocs.yml, the UI strings and the templates
    history: tuple  # the git history of docs/ (the translation status shows it)


def docs_versions(docs_dir: str) -> dict[str, tuple[int, int]]:
    versions = {}
    for root, _, names in os.walk(docs_dir):
        for name in names:
            path = os.path.join(root, name)
            stat = os.stat(path)
            versions[path] = stat.st_mtime_ns, stat.st_size
    return versions


def change_reaching(language: str, seen: LanguageView | None, now: LanguageView, languages: Languages,
                    source_now: Callable[[str], object]) -> str | None:
    """Why `language` must be built again, or None when nothing that changed since it was
    last built shows in it (only pages of other languages, in ways they alone show).
    `source_now` reads a changed page (dirty_preview.Source): `now.sources` may be empty."""
    if seen is None:
        return "not built yet"
    if seen.templates != now.templates:
        return "mkdocs.yml, a template or the UI strings changed"
    if seen.history != now.history:
        return "the git history changed"
    changed = {path for path, version in now.files.items() if seen.files.get(path) != version}
    for path in sorted(changed | (seen.files.keys() - now.files.keys())):
        name = os.path.relpath(path)
        page_language = languages.of(Path(path))
        if not path.endswith(".md"):
            return f"{name} changed"
        if path not in seen.files or path not in now.files:
            return f"{name} was added or removed"
        if page_language == language:
            return f"{name} changed"
        if page_language == languages.default and not os.path.exists(languages.version_in(path, language)):
            return f"{name} has no translation, so {language} shows it"
        # Another language's page shows here only as a count: its sections (the translation
        # status) and its front matter (the lists' links to their other languages).
        before, after = seen.sources.get(path), source_now(path)
        if before is None:
            return f"{name} changed"
        for marker in (LISTING_MARKER, STATUS_MARKER):  # its front matter, its number of sections
            if before[1].listed[marker] != after.listed[marker]:
                return f"{name} changed what the translation status or the lists show"
    return None


class LanguageChoice:
    """Which languages a dirty rebuild builds, and which first: state for a whole preview session."""

    def __init__(self) -> None:
        self.views: dict[str, LanguageView] = {}  # language -> what its last good build was made from
        self.pending: dict[str, LanguageView] = {}  # ... this build's, kept once it succeeds
        self.switched_off: list = []  # the i18n language settings this rebuild left out

    def saw(self, language: str, view: LanguageView) -> None:
        self.pending[language] = view

    def built(self, language: str) -> None:
        if language in self.pending:
            self.views[language] = self.pending.pop(language)

    def switch_on_again(self) -> None:
        """The next rebuild starts with every language on (mkdocs-static-i18n's own settings)."""
        for language in self.switched_off:
            language.build = True
        self.switched_off = []

    def reasons(self, i18n, now: LanguageView, languages: Languages, source_now) -> list[tuple]:
        """(each language i18n builds (its settings), why a change reaches it, or None)."""
        return [(language, change_reaching(language.locale, self.views.get(language.locale), now, languages, source_now))
                for language in i18n.config.languages if language.build and language.locale in languages.all]

    def start_with_a_changed_language(self, i18n, now: LanguageView, languages: Languages, source_now) -> None:
        """mkdocs-static-i18n builds its default language first: when no change shows there, the
        rebuild starts with a language one does show in (the default is then left out after it)."""
        if i18n.current_language is not None or i18n.config.build_only_locale:
            return
        reasons = {language.locale: reason for language, reason in self.reasons(i18n, now, languages, source_now)}
        changed = [locale for locale, reason in reasons.items() if reason is not None]
        if reasons.get(i18n.default_language, "") is None and changed:
            i18n.current_language = changed[0]
            log.info("dirty preview: no change shows in '%s': '%s' is built first", i18n.default_language, changed[0])

    def leave_out_unchanged(self, i18n, now: LanguageView, languages: Languages, source_now) -> None:
        """Switch off, for this rebuild only, each further language that no change reaches."""
        for other, reason in self.reasons(i18n, now, languages, source_now):
            if other.locale == i18n.current_language:
                continue
            if reason is None:
                other.build = False
                self.switched_off.append(other)
                log.info("dirty preview: no change shows in '%s': its build is left out", other.locale)
            else:
                log.debug("dirty preview: '%s' is built: %s", other.locale, reason)
