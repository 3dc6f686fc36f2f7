"""The site's top-level sections per language, and their pages in navigation order, read from
the built pages: the theme's footer links each page to the next one of the navigation, and the
active tab names the section a page belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from orkest.link_sources import source_of

NEXT_LINK = "a.md-footer__link--next"
ACTIVE_TAB = ".md-tabs__item--active a.md-tabs__link"


class SiteError(ValueError):
    """The built site cannot be read into sections: says which file and what to do."""


@dataclass(frozen=True)
class Page:
    url: str  # its address on the site
    file: Path  # the built HTML file
    title: str
    language: str
    section: str  # the label of its tab
    section_url: str  # where the tab leads: the section's index page
    next_url: str | None
    where: str  # how a message names it: its source file (from "edit this page") and the built file


@dataclass
class Section:
    language: str
    label: str
    pages: list[Page] = field(default_factory=list)

    @property
    def index(self) -> Page:
        return self.pages[0]


@dataclass(frozen=True)
class BuiltSite:
    """The site folder and the address it was built for (a page's URL maps to a file in it)."""

    root: Path
    url: str

    @classmethod
    def read(cls, root: Path) -> BuiltSite:
        home = root / "index.html"
        if not home.is_file():
            raise SiteError(f"{home}: missing: build the site first (mkdocs build)")
        canonical = LexborHTMLParser(home.read_text(encoding="utf-8")).css_first('link[rel="canonical"]')
        if canonical is None or not canonical.attributes.get("href"):
            raise SiteError(f"{home}: has no <link rel=\"canonical\">: set site_url in mkdocs.yml")
        return cls(root, canonical.attributes["href"])

    def file_of(self, url: str) -> Path | None:
        """The built file at an address of this site, or None for another site's address."""
        base, target = urlsplit(self.url), urlsplit(url)
        if (target.scheme, target.netloc) != (base.scheme, base.netloc) or not target.path.startswith(base.path):
            return None
        relative = target.path[len(base.path):]
        return self.root / (relative + "index.html" if relative == "" or relative.endswith("/") else relative)

    def language_homes(self) -> list[str]:
        """The address of each language's home page, the site's default language first."""
        html = LexborHTMLParser((self.root / "index.html").read_text(encoding="utf-8"))
        homes = [link.attributes["href"] for link in html.css('link[rel="alternate"][hreflang]')
                 if link.attributes.get("hreflang") != "x-default" and link.attributes.get("href")]
        return homes or [self.url]

    def page(self, url: str, linked_from: Page | None = None) -> Page:
        file = self.file_of(url)
        if file is None or not file.is_file():
            where = f"{linked_from.where}: the navigation's next page, {url}," if linked_from else f"{url}:"
            raise SiteError(f"{where} is not in the built site ({file}): build the whole site, "
                            "or remove the page from mkdocs.yml's nav")
        text = file.read_text(encoding="utf-8")
        source = source_of(text, Path.cwd())
        where = f"{source} (built: {file})" if source else str(file)
        html = LexborHTMLParser(text)
        title, tab = html.css_first("article h1"), html.css_first(ACTIVE_TAB)
        if title is None or tab is None:
            missing = "title (an <h1> in its <article>)" if title is None else "active tab (navigation.tabs)"
            raise SiteError(f"{where}: has no {missing}, so it cannot be placed in a handbook: "
                            "give the page a title, or build it with the site's theme")
        for anchor in title.css(".headerlink"):
            anchor.decompose()
        following = html.css_first(NEXT_LINK)
        return Page(url=url, file=file, title=title.text(strip=True), language=html.css_first("html").attributes.get(
            "lang") or "", section=tab.text(strip=True), section_url=urljoin(url, tab.attributes.get("href") or ""),
            next_url=urljoin(url, following.attributes["href"]) if following else None, where=where)


def site_sections(site: BuiltSite) -> list[Section]:
    """Every top-level section of every language but the one that holds the home page (the
    front door and a generated list: nothing to print as a handbook), in navigation order."""
    sections: list[Section] = []
    for home in site.language_homes():
        seen: set[str] = set()
        page: Page | None = site.page(home)
        while page is not None and page.url not in seen:
            seen.add(page.url)
            if page.section_url != home:
                if not sections or sections[-1].label != page.section or sections[-1].language != page.language:
                    sections.append(Section(page.language, page.section))
                sections[-1].pages.append(page)
            page = site.page(page.next_url, linked_from=page) if page.next_url else None
    return sections
