"""One handbook as one HTML document: a cover, a table of contents, then each page's article
in navigation order. Links between the handbook's pages become jumps inside the document (and
so inside the PDF); every other link and file is absolute to the site's address."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from urllib.parse import urldefrag, urljoin

from selectolax.lexbor import LexborHTMLParser

from orkest.handbooks.sections import Page, Section

# What only works on a screen, or is no part of the page's text.
LEFT_OUT = "script, .headerlink, .md-content__button, .downloads, .page-feedback, div[hidden]"
URL_ATTRIBUTES = {"a": "href", "img": "src", "source": "src", "video": "poster", "track": "src"}
ID_REFERENCES = ("aria-labelledby", "aria-describedby", "aria-controls", "for", "headers")
STYLE = files("orkest.handbooks").joinpath("handbook.css").read_text(encoding="utf-8")


def slug(text: str) -> str:
    """A file name in the reader's language: lower case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "handbook"


def page_key(number: int) -> str:
    """The anchor of the handbook's n-th page (ids of its own are prefixed with it, to stay unique)."""
    return f"handbook-page-{number}"


@dataclass(frozen=True)
class Cover:
    kicker: str  # "Handboek"
    title: str
    language: str
    date: str
    address: str
    contents: str  # the heading of the table of contents


class HandbookDocument:
    """The document of one section, with the table of contents' page numbers filled in when known."""

    def __init__(self, section: Section, cover: Cover):
        self.section, self.cover = section, cover
        self.keys = {page.url: page_key(number) for number, page in enumerate(section.pages, start=1)}
        self.head = _head(section.index)
        self.articles = [self._article(page) for page in section.pages]

    def html(self, page_numbers: dict[str, int] | None = None) -> str:
        """The document; without page numbers (the first printing) each number holds its place."""
        entries = "".join(
            f'<li><a href="#{key}"><span class="handbook-toc__title">{escape(page.title)}</span>'
            f'<span class="handbook-toc__page">{(page_numbers or {}).get(key, "000")}</span></a></li>'
            for page, key in zip(self.section.pages, self.keys.values(), strict=True))
        cover = self.cover
        return (f'<!doctype html><html lang="{escape(self.section.language)}"><head><meta charset="utf-8">'
                f"<title>{escape(cover.kicker)} {escape(cover.title)}</title>{self.head}<style>{STYLE}</style></head>"
                f'<body dir="ltr" data-md-color-scheme="default"><main class="handbook">'
                f'<section class="handbook-cover"><p class="handbook-cover__kicker">{escape(cover.kicker)}</p>'
                f'<h1>{escape(cover.title)}</h1><div class="handbook-cover__about">'
                f"<p>{escape(cover.language)}</p><p>{escape(cover.date)}</p>"
                f'<p class="handbook-cover__address">{escape(cover.address)}</p></div></section>'
                f'<nav class="handbook-toc md-typeset" aria-labelledby="handbook-toc"><h2 id="handbook-toc">'
                f"{escape(cover.contents)}</h2><ol>{entries}</ol></nav>"
                + "".join(self.articles) + "</main></body></html>")

    def _article(self, page: Page) -> str:
        html = LexborHTMLParser(page.file.read_text(encoding="utf-8"))
        article = html.css_first("article")
        for node in article.css(LEFT_OUT):
            node.decompose()
        prefix = self.keys[page.url]
        for node in article.css("[id]"):
            node.attrs["id"] = f"{prefix}--{node.attrs['id']}"
        for name in ID_REFERENCES:
            for node in article.css(f"[{name}]"):
                node.attrs[name] = " ".join(f"{prefix}--{ref}" for ref in (node.attrs[name] or "").split())
        for tag, attribute in URL_ATTRIBUTES.items():
            for node in article.css(f"{tag}[{attribute}]"):
                node.attrs[attribute] = self._address(page.url, node.attrs[attribute] or "")
        for node in article.css("[srcset]"):
            node.attrs["srcset"] = ", ".join(
                " ".join([urljoin(page.url, candidate.split()[0]), *candidate.split()[1:]])
                for candidate in (node.attrs["srcset"] or "").split(",") if candidate.strip())
        for node in article.css('[loading="lazy"]'):
            del node.attrs["loading"]  # a lazy picture may not have arrived when the page is printed
        return f'<section class="handbook-page" id="{prefix}">{article.html}</section>'

    def _address(self, base: str, reference: str) -> str:
        """A link to a page of this handbook jumps inside it; anything else is absolute."""
        absolute = urljoin(base, reference)
        target, fragment = urldefrag(absolute)
        key = self.keys.get(target)
        if key is None:
            return absolute
        return f"#{key}--{fragment}" if fragment else f"#{key}"


def _head(page: Page) -> str:
    """The index page's stylesheets, made absolute, so the handbook prints as the pages do."""
    html = LexborHTMLParser(page.file.read_text(encoding="utf-8"))
    links = []
    for link in html.css('link[rel="stylesheet"][href]'):
        media = link.attrs.get("media")
        links.append(f'<link rel="stylesheet" href="{escape(urljoin(page.url, link.attrs["href"]))}"'
                     + (f' media="{escape(media)}"' if media else "") + ">")
    return "".join(links)
