"""A correct `mkdocs serve --dirty` (the default of ./scripts/serve): only what changed is rebuilt.

With --dirty MkDocs reads and writes only the pages whose file is newer than their output
(mkdocs/commands/build.py, `page.file.is_modified()`). The other pages then have no title
and no front matter, so menus read "None" and the generated pages list nothing. This step,
which lasts the whole preview session (plugin.py SESSION_STEPS), makes such a build show
what a full build shows:

- every page not read gets its front matter (so its title and what the listings need),
  read once per version of its file and kept between rebuilds;
- the front matter checks hold every page, from that same reading: a page whose file did
  not change keeps its earlier findings, so every problem is still listed (and the cross-page
  rules run over all pages);
- the generated pages (the audience listing, the translation status, the video overview)
  are rebuilt when what they list may have changed: any page's front matter or number of
  sections, a page with a video, or the git history; the video overview keeps the videos of
  pages not rebuilt;
- when a language's navigation changes (a title, a page added or removed, mkdocs.yml, a
  template or the UI strings), every page of that language is rebuilt, so no menu is stale;
- the theme's file list (Material ships 14,000 icons; MkDocs walks and filters them in every
  language build, about a third of a dirty rebuild) is kept while the theme folders stay the same.

A full build (`mkdocs build`, or a preview without --dirty) is left exactly as it was.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Section

from orkest.checks.cross_page import cross_page_problems
from orkest.checks.front_matter import front_matter_problems
from orkest.checks.page_source import decode_source, front_matter_fields
from orkest.checks.twins import sections_in
from orkest.mkdocs.downloads import twin
from orkest.mkdocs.i18n_file_memory import I18nFileMemory
from orkest.mkdocs.language_views import LanguageChoice, LanguageView, docs_versions
from orkest.mkdocs.listings import MARKER as LISTING_MARKER
from orkest.mkdocs.listings import ListFile
from orkest.mkdocs.project_paths import site_languages
from orkest.mkdocs.translation_status import MARKER as STATUS_MARKER
from orkest.mkdocs.videos import OVERVIEW_MARKER
from orkest.site import Languages

GENERATED_MARKERS = (LISTING_MARKER, STATUS_MARKER, OVERVIEW_MARKER)
THEME_FILTER = "Files.add_files_from_theme.<locals>.filter"  # MkDocs' choice of the theme's static files

log = logging.getLogger("mkdocs.plugins.orkest.dirty_preview")


class Source:
    """What the preview keeps of one version of a page file."""

    def __init__(self, path: Path, docs_dir: Path) -> None:
        shown = path.resolve().relative_to(docs_dir.resolve().parent).as_posix()
        text, not_utf8 = decode_source(path.read_bytes())
        self.fields = front_matter_fields(text)
        self.fields_key = repr(self.fields)  # what the rules between pages read of it
        found = ([not_utf8] if not_utf8 else []) + [
            (None, problem) for problem in front_matter_problems(text, self.fields[0])]
        # Worded as orkest/checks/front_matter.py docs_problems words them.
        self.problems = [f"{shown}:{line}: {problem}" if line else f"{shown}: {problem}" for line, problem in found]
        self.generates = [marker for marker in GENERATED_MARKERS if marker in text]
        # What each generated page lists of this page; a page with a video counts by its version.
        self.listed = {LISTING_MARKER: repr(self.fields[0]), STATUS_MARKER: sections_in(text),
                       OVERVIEW_MARKER: path.stat().st_mtime_ns if "![type:video]" in text else None}


def _version(path: str) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_mtime_ns, stat.st_size


class DirtyPreview:
    def __init__(self) -> None:
        self.dirty = False
        self.sources: dict[str, tuple[tuple[int, int], Source]] = {}  # file -> (its version, what it holds)
        # language -> (its navigation, its templates, what its generated pages list) at its last good build
        self.navigations: dict[str, tuple] = {}
        self.pending: dict[str, tuple] = {}  # language -> this build's navigation, kept once it succeeds
        self.videos: dict[str, dict[str, list[dict]]] = {}  # language -> page -> its videos, as rendered
        self.translation_status = None  # this build's translation status step: it holds the git history
        self.theme_files: tuple[tuple, list[str]] | None = None  # (the theme folders' state, MkDocs' pick of their files)
        self.snapshot: tuple[str, dict[str, tuple[int, int]]] = ("", {})  # (docs/, every file in it -> its version), once per rebuild
        self.built: dict[str, dict[str, tuple]] = {}  # language -> page file -> the version its page was last built from
        self.pending_built: dict[str, dict[str, tuple]] = {}  # ... in this build, kept once it succeeds
        self.languages = LanguageChoice()  # which languages a rebuild builds, first and at all
        self.cross_page: tuple[list, list[str]] | None = None  # (the pages and their front matter, the problems between them)
        self.i18n_files = I18nFileMemory()  # mkdocs-static-i18n's set-up of each file, per name and language
        self.known_files: dict = {}  # the file policy's findings per file version (orkest/checks/files.py)

    def on_startup(self, command: str, dirty: bool) -> None:
        self.dirty = dirty

    def connect(self, steps: dict) -> None:
        """Hand this build's steps what the session remembers (only in a dirty preview)."""
        if self.dirty:
            steps["front_matter"].find_findings = self.docs_findings
            steps["videos"].kept = self.videos
            steps["content"].known_files = self.known_files
            self.translation_status = steps["translation_status"]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.languages.switch_on_again()
        if self.dirty:
            self.i18n_files.install()
            if not config.plugins["i18n"].building:  # one look at docs/ for all of this rebuild's languages
                self.snapshot = config.docs_dir, docs_versions(config.docs_dir)
                self.languages.start_with_a_changed_language(config.plugins["i18n"], *self.now(config, _templates(config)))
            if self.built:  # the sitemap, thousands of lines, is for search engines: made once per session
                config.theme.static_templates.discard("sitemap.xml")
        if self.dirty and not hasattr(config.theme.get_env, "keeps_theme_files"):  # once per configuration
            make_env = config.theme.get_env

            def env_keeping_theme_files():
                env = make_env()
                listing = env.list_templates
                env.list_templates = lambda extensions=None, filter_func=None: self.theme_listing(
                    config, listing, extensions, filter_func)
                return env
            env_keeping_theme_files.keeps_theme_files = True
            config.theme.get_env = env_keeping_theme_files
        return config

    def theme_listing(self, config: MkDocsConfig, listing, extensions, filter_func) -> list[str]:
        if extensions is not None or getattr(filter_func, "__qualname__", "") != THEME_FILTER:
            return listing(extensions=extensions, filter_func=filter_func)
        # The package's folder does not change during a session; the project's overrides may.
        # mkdocs-static-i18n adds its sitemap folder again in each further language build.
        state = (tuple(dict.fromkeys(config.theme.dirs)), tuple(config.theme.static_templates), _templates(config))
        if self.theme_files is None or self.theme_files[0] != state:
            self.theme_files = state, listing(filter_func=filter_func)
        return self.theme_files[1]

    def versions(self, docs_dir: Path | str) -> dict[str, tuple[int, int]]:
        """Every file under docs/ and its version: as this rebuild found them when it began."""
        folder, found = self.snapshot
        return found if folder and os.path.samefile(folder, docs_dir) else docs_versions(str(docs_dir))

    def source(self, path: str | Path, docs_dir: Path) -> Source:
        key = os.path.normpath(path)
        version = self.snapshot[1].get(key) or _version(key)
        kept = self.sources.get(key)
        if kept is None or kept[0] != version:
            kept = self.sources[key] = (version, Source(Path(key), docs_dir))
        return kept[1]

    def docs_findings(self, docs_dir: Path, languages: Languages | None = None) -> tuple[list[str], dict]:
        """What orkest/checks/front_matter.py docs_findings finds, reading only files that changed."""
        problems, fields, key = [], {}, []
        pages = sorted(Path(path) for path in self.versions(docs_dir) if path.endswith(".md"))
        for path in pages:
            source = self.source(path, docs_dir)
            fields[path] = source.fields
            problems += source.problems
            key.append((path, source.fields_key))
        # The rules between pages read only the pages there are and their front matter.
        if self.cross_page is None or self.cross_page[0] != key:
            self.cross_page = key, cross_page_problems(docs_dir, languages, fields)
        return problems + self.cross_page[1], fields

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        if not self.dirty:
            return nav
        docs_dir = Path(config.docs_dir)
        language = config.plugins["i18n"].current_language
        pages = [file.page for file in files.documentation_pages() if file.page is not None and not isinstance(file, ListFile)]
        sources = {page.file.abs_src_path: self.source(page.file.abs_src_path, docs_dir) for page in pages}
        versions, built = self.versions(docs_dir), self.built.get(language)
        default = config.plugins["i18n"].default_language
        # Changed since this language last built it, or a page its workbook reads (the coverage plan
        # holds the budget's sheet); in a session's first build, MkDocs' own rule.
        modified = {page.file.abs_src_path: page.file.is_modified() if built is None else any(
            built.get(path) != versions.get(path)
            for path in (page.file.abs_src_path, *self.read_by(page.file.abs_src_path, sources, language, default)))
            for page in pages}
        self.pending_built[language] = {path: versions.get(path) for path in sources}
        for page in pages:
            if not modified[page.file.abs_src_path]:
                # What MkDocs' read_source would set; the title then comes from the front matter.
                page.meta, page.markdown = dict(sources[page.file.abs_src_path].fields[0]), ""
        titles = {path: source.fields[0].get("title") for path, source in sources.items()}
        listed = {marker: tuple((path, source.listed[marker]) for path, source in sorted(sources.items()))
                  for marker in GENERATED_MARKERS}
        # The translation status compares every language's pages: their sections, and the history.
        listed[STATUS_MARKER] = tuple((path, kept[1].listed[STATUS_MARKER]) for path, kept in sorted(self.sources.items())
                                      if path.endswith(".md")) + self.history()
        self.pending[language] = (_outline(nav.items, titles), _templates(config), listed)
        self.languages.saw(language, LanguageView(versions, dict(self.sources), self.pending[language][1], self.history()))
        earlier = self.navigations.get(language, (None, None, {}))
        everything = earlier[:2] != self.pending[language][:2]
        relisted = {marker for marker in GENERATED_MARKERS if earlier[2].get(marker) != listed[marker]}
        rebuilt = [page for page in pages if everything or modified[page.file.abs_src_path]
                   or relisted.intersection(sources[page.file.abs_src_path].generates)]
        chosen = {id(page) for page in rebuilt}
        for page in pages:  # MkDocs asks each page's file twice; the answer is known (no look at site/)
            page.file.is_modified = (lambda: True) if id(page) in chosen else (lambda: False)
        for file in files.documentation_pages():
            if isinstance(file, ListFile):  # the audience and instrument lists: what the listing page lists
                file.rebuild = everything or LISTING_MARKER in relisted
        log.info("dirty preview: %d of %d '%s' pages rebuilt%s", len(rebuilt), len(pages), language,
                 " (the navigation or a template changed)" if everything and language in self.navigations else "")
        return nav

    @staticmethod
    def read_by(path: str, sources: dict, language: str, default: str) -> list[str]:
        """The other pages a page's downloads are made from (front matter `workbook`), in its language."""
        names = sources[path].fields[0].get("workbook") or []
        folder = os.path.dirname(path)
        return [os.fspath(twin(Path(folder, name), language, default)) for name in names if isinstance(name, str)]

    def on_post_build(self, config: MkDocsConfig) -> None:
        i18n = config.plugins["i18n"]
        language = i18n.current_language
        if language in self.pending:
            self.navigations[language] = self.pending.pop(language)
        self.languages.built(language)
        if language in self.pending_built:
            self.built[language] = self.pending_built.pop(language)
        if self.dirty and not i18n.building:  # the first language is built; i18n builds the others next
            self.languages.leave_out_unchanged(i18n, *self.now(config, self.navigations[language][1]))

    def now(self, config: MkDocsConfig, templates: tuple) -> tuple:
        """What the language choice compares each language's last build with (language_views.py)."""
        docs_dir = Path(config.docs_dir)
        return (LanguageView(self.versions(docs_dir), {}, templates, self.history()), site_languages(config),
                lambda path: self.source(path, docs_dir))

    def history(self) -> tuple:
        return tuple(sorted((self.translation_status.history or {}).items())) if self.translation_status else ()


def _outline(items, titles: dict[str, str]) -> tuple:
    """What every page's menu, breadcrumbs and footer links are made of (page titles from
    the front matter, read or not)."""
    outline = []
    for item in items:
        if isinstance(item, Section):
            outline.append((item.title, _outline(item.children, titles)))
        elif isinstance(item, Link):
            outline.append((item.title, item.url))
        else:
            outline.append((titles.get(item.file.abs_src_path, item.title), item.url))
    return tuple(outline)


def _templates(config: MkDocsConfig) -> tuple:
    """The versions of what every page is made with besides its own file."""
    files = [config.config_file_path, config.plugins["orkest"].config.strings]
    for folder in dict.fromkeys([*config.watch, *([config.theme.custom_dir] if config.theme.custom_dir else [])]):
        for root, _, names in os.walk(folder):
            files += [os.path.join(root, name) for name in names]
    # Absolute: `mkdocs serve -f x.yml` names the configuration relatively in its first build only.
    return tuple(sorted((os.path.abspath(path), _version(path)) for path in files if os.path.isfile(path)))
