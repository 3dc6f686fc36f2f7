"""Browse by audience and by instrument.

Each page shows who it is for (and its instrument), linking to the list of the pages for that
audience or instrument. The listing page (docs/voor-wie.md, holding the line
`<!-- audience-and-instrument-listing -->`) names every audience and instrument with its number
of pages; each has its own generated list page (/voor-wie/music-teacher/,
/voor-wie/instrument-trompet/), cut into pages of the plugin's `listing_page_size`, so that no page view grows with
the site. All of it comes from the front matter that orkest/checks/front_matter.py reads and
checks. HTML: overrides/partials/page-meta.html, listing.html and listing-group.html.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from orkest.mkdocs.project_paths import site_languages
from orkest.site import AUDIENCES, FALLBACK

LISTING_SOURCE = "voor-wie.md"
MARKER = "<!-- audience-and-instrument-listing -->"
GROUP_MARKER = "<!-- audience-or-instrument-list -->"


@dataclass(frozen=True)
class Group:
    kind: str  # "audience" or "instrument"
    key: str  # the audience id, or the instrument in lower case (one group however pages capitalise it)

    @property
    def slug(self) -> str:
        return self.key if self.kind == "audience" else "instrument-" + re.sub(r"\W+", "-", self.key).strip("-")


def groups_of(meta: dict, original: dict) -> list[Group]:
    """The audiences and instrument of a page; `original` is its default-language version's front
    matter, which names the instrument for every language (a list's address is the same in all)."""
    groups = [Group("audience", audience) for audience in meta.get("audience") or []]
    if meta.get("instrument"):
        groups.append(Group("instrument", str(original.get("instrument") or meta["instrument"]).lower()))
    return groups


class ListFile(File):
    """One generated list page; a dirty preview rebuilds it only when what it lists may have changed."""

    rebuild = True

    def is_modified(self) -> bool:
        return self.rebuild or not os.path.isfile(self.abs_dest_path)


class Listings:
    def __init__(self) -> None:
        self.front_matter: dict[str, dict] = {}  # every page file (normalised path) -> its front matter
        self.listing: File | None = None  # this language build's listing page
        self.members: dict[Group, list[File]] = {}  # the pages of each group, in reading order once the nav is known
        self.spellings: dict[str, str] = {}  # instrument key -> the spelling of its first page
        self.list_files: dict[Group, list[ListFile]] = {}
        self.page_size = 0  # entries per list page (the plugin's listing_page_size)
        self.languages = FALLBACK  # this build's, read once per language build

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        i18n = config.plugins["i18n"]
        language, sources = i18n.current_language, {LISTING_SOURCE}
        sources.add(LISTING_SOURCE.replace(".md", f".{language}.md"))  # the English build's is voor-wie.en.md
        self.listing, self.members, self.spellings = None, {}, {}
        self.languages = site_languages(config)
        for file in files.documentation_pages():
            if file.src_uri in sources:
                self.listing = file
                continue
            meta = self.front_matter.get(os.path.normpath(file.abs_src_path or ""), {})
            for group in self.groups_for(file.abs_src_path or "", meta):
                self.members.setdefault(group, []).append(file)
                if group.kind == "instrument":
                    self.spellings.setdefault(group.key, str(meta["instrument"]))
        self.list_files = {}
        if self.listing is None:  # small test sites: the labels are shown without links
            return files
        counts = self.counts_per_language(config)
        self.page_size = config.plugins["orkest"].config.listing_page_size
        # Audiences in the schema's order, instruments by name.
        order = {audience: position for position, audience in enumerate(AUDIENCES)}
        for group, members in sorted(self.members.items(),
                                     key=lambda item: (item[0].kind, order.get(item[0].key, 0), item[0].key)):
            chunks = math.ceil(len(members) / self.page_size)
            self.list_files[group] = [self.list_file(config, group, number, chunks, counts) for number in range(1, chunks + 1)]
            for file in self.list_files[group]:
                files.append(file)
                i18n.i18n_files_per_language[language].append(file)  # its sitemap
        return files

    def list_file(self, config: MkDocsConfig, group: Group, number: int, chunks: int, counts) -> ListFile:
        i18n = config.plugins["i18n"]
        language = i18n.current_language
        base = PurePosixPath(self.listing.src_uri).with_suffix("").with_suffix("").as_posix()
        path = f"{base}/{group.slug}/" + (f"{number}/" if number > 1 else "")
        file = ListFile(f"{path}index.md", src_dir=None, dest_dir=config.site_dir,
                        use_directory_urls=config.use_directory_urls, inclusion=InclusionLevel.NOT_IN_NAV,
                        dest_uri=f"{prefix(language, i18n)}{path}index.html")
        # Made from the listing page: its source is what the other steps name (history, checks, errors).
        file.generated_by, file.abs_src_path = "orkest", self.listing.abs_src_path
        file._content = f"{GROUP_MARKER}\n"  # its title and list are made as it renders, in its language's words
        file.group, file.number, file.chunks = group, number, chunks
        # What mkdocs-static-i18n gives its own files: the language switcher and hreflang use them.
        file.locale = file.locale_alternate_of = language
        file.alternates = {}
        for other, groups in counts.items():  # in the order of the site's languages
            if other == language:
                file.alternates[language] = file
            elif groups.get(group.slug, 0) > (number - 1) * self.page_size:
                file.alternates[other] = AlternateUrl(f"{prefix(other, i18n)}{path}")
        return file

    def groups_for(self, path: str, meta: dict) -> list[Group]:
        original = self.front_matter.get(self.languages.version_in(path, self.languages.default), meta)
        return groups_of(meta, original)

    def counts_per_language(self, config: MkDocsConfig) -> dict[str, dict[str, int]]:
        """language -> group slug -> its number of pages, from every page file's front matter."""
        counts: dict[str, dict[str, int]] = {language: {} for language in config.plugins["i18n"].build_languages}
        for path, meta in self.front_matter.items():
            per_group = counts.get(self.languages.of(path))
            if per_group is None or os.path.basename(path).startswith(LISTING_SOURCE.removesuffix(".md") + "."):
                continue
            for group in self.groups_for(path, meta):
                per_group[group.slug] = per_group.get(group.slug, 0) + 1
        return counts

    def on_nav(self, nav, config: MkDocsConfig, files):
        order = {page.file.src_uri: position for position, page in enumerate(nav.pages)}
        for members in self.members.values():
            members.sort(key=lambda file: order.get(file.src_uri, len(order)))
        return nav

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        ui = context["ui"]  # this language's words (orkest/mkdocs/ui_strings.py)
        context["audience_labels"] = ui["audiences"]
        links = {group: get_relative_url(self.list_files[group][0].url, page.url)
                 for group in self.groups_for(page.file.abs_src_path, page.meta) if group in self.list_files}
        # Where the page's audiences and instrument link to (none on small test sites without a listing).
        context["audience_links"] = {group.key: url for group, url in links.items() if group.kind == "audience"}
        context["instrument_link"] = next((url for group, url in links.items() if group.kind == "instrument"), None)
        group = getattr(page.file, "group", None)
        if group is not None:
            # Edited where its words and its list come from: the listing page (and the pages' front matter).
            page.title, page.edit_url = self.title(group, ui, page.file), self.listing.page.edit_url
            page.content = self.render(config, "partials/listing-group.html", page, ui=ui, group=group,
                                       label=self.label(group, ui), chunk=page.file.number, chunks=page.file.chunks,
                                       pages=self.chunk(page.file), overview=get_relative_url(self.listing.url, page.url),
                                       pager=[get_relative_url(file.url, page.url) for file in self.list_files[group]])
        elif MARKER in (page.content or ""):
            groups = [{"kind": group.kind, "label": self.label(group, ui), "count": len(self.members[group]),
                       "url": get_relative_url(files[0].url, page.url)} for group, files in self.list_files.items()]
            page.content = page.content.replace(MARKER, self.render(config, "partials/listing.html", page,
                                                                    ui=ui, groups=groups))
        return context

    def chunk(self, file: ListFile) -> list[dict]:
        start = (file.number - 1) * self.page_size
        return [{"title": member.page.title, "url": get_relative_url(member.url, file.url)}
                for member in self.members[file.group][start:start + self.page_size]]

    def label(self, group: Group, ui: dict) -> str:
        return ui["audiences"][group.key] if group.kind == "audience" else self.spellings[group.key]

    def title(self, group: Group, ui: dict, file: ListFile) -> str:
        words = ui["listing"]
        title = f"{words['for']} {self.label(group, ui)}" if group.kind == "audience" else \
            f"{words['instrument_page']}: {self.label(group, ui)}"
        return title if file.chunks == 1 else f"{title} ({file.number} {words['of']} {file.chunks})"

    @staticmethod
    def render(config: MkDocsConfig, template: str, page: Page, **context) -> str:
        return config.theme.get_env().get_template(template).render(page=page, **context)


@dataclass(frozen=True)
class AlternateUrl:
    """A list page of another language build, as the language switcher, hreflang and the sitemap need it."""

    url: str
    page: None = None


def prefix(language: str, i18n) -> str:
    """Where mkdocs-static-i18n writes a language: the default at the root, the others in a folder."""
    return "" if language == i18n.default_language else f"{language}/"
