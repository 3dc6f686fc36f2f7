"""Translation status from git: "last updated", "not yet translated", "may be behind".

Every language mkdocs-static-i18n builds besides the default one is a translation
(orkest/mkdocs/project_paths.py site_languages):

- Each page shows when its file last changed (from git), in the reader's language.
- A translated page whose original (the default language's page.md) changed in git after
  it did gets a notice.
- A page shown in a translation's build from its original file (no translation yet;
  mkdocs-static-i18n's fallback) gets a notice and is kept out of search engines (noindex).
- The page holding `<!-- translation-status -->` (docs/meedoen/vertaalstatus.md) lists,
  for every translation language, missing and outdated translations for contributors, and
  translations with fewer sections (## headings) than their original.

Dates come from one `git log` per build. In a shallow clone or outside git there is no
history: pages then show no dates and the status page says so; nothing fails.
"""

from __future__ import annotations

import datetime
import logging
import subprocess
from pathlib import Path

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from orkest.checks.twins import (  # the same checks ./scripts/check runs
    missing_sections,
    missing_twins,
)
from orkest.mkdocs.project_paths import project_dir, site_languages
from orkest.site import FALLBACK, Languages

log = logging.getLogger("mkdocs.plugins.translation_status")

MARKER = "<!-- translation-status -->"


def last_changes(project: Path) -> dict[str, int] | None:
    """Latest commit time (Unix seconds) of every file under docs/, or None without history."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True,
                              check=True).stdout
    try:
        if git("rev-parse", "--is-shallow-repository").strip() == "true":
            log.info("translation status: shallow clone, no history (use a full clone)")
            return None
        output = git("log", "--format=%x00%ct", "--name-only", "--", "docs")
    except (OSError, subprocess.CalledProcessError):
        log.info("translation status: no git history here")
        return None
    changes: dict[str, int] = {}
    for commit in output.split("\0")[1:]:
        stamp, *names = commit.strip().splitlines()
        for name in names:
            changes.setdefault(name, int(stamp))  # newest commit first
    return changes


def outdated_translations(changes: dict[str, int], docs_dir: Path, project: Path,
                          languages: Languages = FALLBACK) -> list[tuple[str, str]]:
    """(original, translation) pairs, of every translation language, whose original changed
    after the translation."""
    pairs = []
    for translation in sorted(docs_dir.rglob("*.md")):
        language = languages.of(translation)
        if language == languages.default:
            continue
        original = translation.with_name(translation.name.removesuffix(f".{language}.md") + ".md")
        names = [p.relative_to(project).as_posix() for p in (original, translation)]
        if all(n in changes for n in names) and changes[names[0]] > changes[names[1]]:
            pairs.append((names[0], names[1]))
    return pairs


class TranslationStatus:
    def __init__(self) -> None:
        self.history: dict[str, int] | None = None  # from git, once per build
        self.days: dict[tuple[int, str], str] = {}  # many pages share a day; formatting one costs 0.5 ms
        self.site: tuple[Path, Languages] | None = None  # the project folder and languages, read once
        self.findings: dict | None = None  # what the status page lists: the same for every language

    def day(self, stamp: int, language: str) -> str:
        if (stamp, language) not in self.days:
            self.days[stamp, language] = _day(stamp, language)
        return self.days[stamp, language]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Once per build (both languages): on_config runs again for each language.
        if config.plugins["i18n"].current_language in (None, config.plugins["i18n"].default_language):
            self.history = last_changes(project_dir(config))
        return config

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        if self.site is None:
            self.site = project_dir(config), site_languages(config)
        project, languages = self.site
        language = config.plugins["i18n"].current_language
        history = self.history
        source = Path(page.file.abs_src_path).relative_to(project).as_posix()
        translated = language != languages.default
        context["translation_fallback"] = translated and not source.endswith(f".{language}.md")
        # A page the plugin makes (an audience's list) has no history of its own.
        dated = history and source in history and not page.file.generated_by
        context["last_updated"] = self.day(history[source], language) if dated else None
        context["original_updated"] = None
        if history and translated and not context["translation_fallback"]:
            original = source.removesuffix(f".{language}.md") + ".md"
            if original in history and source in history and history[original] > history[source]:
                context["original_updated"] = self.day(history[original], language)
        if MARKER in (page.content or ""):
            if self.findings is None:
                self.findings = _findings(Path(config.docs_dir), project, history, languages)
            page.content = page.content.replace(MARKER, _status(config, page, nav, project, languages,
                                                                context["ui"], self.findings))
        return context


def _day(stamp: int, language: str) -> str:
    return format_date(datetime.date.fromtimestamp(stamp), format="long", locale=language)


def _findings(docs_dir: Path, project: Path, history, languages: Languages) -> dict:
    """Missing, outdated and shorter translations, by file name."""
    return {"history": history is not None,
            "missing": missing_twins(docs_dir, languages),
            "outdated": outdated_translations(history or {}, docs_dir, project, languages),
            "short": missing_sections(docs_dir, languages)}


def _status(config: MkDocsConfig, page: Page, nav, project: Path, languages: Languages, ui, findings: dict) -> str:
    site_pages = {Path(p.file.abs_src_path).relative_to(project).as_posix(): p for p in nav.pages}

    def pair(original: str, translation: str) -> tuple[dict, dict]:
        # Only this language's pages are in the build; mkdocs-static-i18n knows each twin's URL.
        alternates = (site_pages.get(original) or site_pages[translation]).file.alternates
        # A one-language preview builds no twin in the other language: name that file, no link.
        twins = (alternates.get(languages.default), alternates.get(languages.of(Path(translation))))
        return tuple({"name": name, "url": get_relative_url(twin.url, page.url) if twin else None}
                     for name, twin in zip((original, translation), twins))

    template = config.theme.get_env().get_template("partials/translation-status.html")
    return template.render(
        ui=ui,
        history=findings["history"],
        missing=findings["missing"],
        outdated=[pair(o, t) for o, t in findings["outdated"]],
        short=[(*pair(o, t), need, have) for o, t, need, have in findings["short"]],
    )
