"""On paper a link cannot be clicked: each link in the content carries the address it prints.

A link whose text is not its address gets `data-print-address` with the full address (this
site's own pages too, as `https://.../page/`, not as `../page/`); the print rules of
overrides/assets/stylesheets/extra.css show it after the link text, on paper only. A link whose
text already is its address, a link within the page (`#...`), a caption download and a video's
fallback link are left alone. Under MkDocs the page's address comes from MkDocs' link treeprocessor (the site's
`site_url` and the page's URL); elsewhere only links to other sites, already full, are marked.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from urllib.parse import urljoin, urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

ATTRIBUTE = "data-print-address"
FULL = ("http://", "https://", "mailto:", "tel:")


def bare(address: str) -> str:
    """An address as people write it in a sentence: no scheme, no www., no closing slash."""
    for prefix in (*FULL, "www."):
        address = address.removeprefix(prefix)
    return address.rstrip("/").lower()


def link_text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class PrintAddressesTreeprocessor(Treeprocessor):
    def page_address(self) -> str | None:
        """The page's full address, from MkDocs' link treeprocessor (None outside MkDocs)."""
        relpath = self.md.treeprocessors["relpath"] if "relpath" in self.md.treeprocessors else None
        page, config = getattr(relpath, "file", None), getattr(relpath, "config", None)
        site_url = config.get("site_url") if config is not None else None
        if page is None or not site_url:
            return None
        return urljoin(site_url.rstrip("/") + "/", page.url)

    def run(self, root: etree.Element) -> None:
        page = self.page_address()
        # A <video>'s fallback link shows only where the video cannot play, never on paper.
        fallbacks = {link for video in root.iter("video") for link in video.iter("a")}
        for link in root.iter("a"):
            if link in fallbacks:
                continue
            href = link.get("href") or ""
            if not href or href.startswith("#") or link.get("download") is not None:
                continue
            if href.startswith(FULL):
                address = href
            elif page is not None and not urlsplit(href).scheme:
                address = urljoin(page, href)
            else:
                continue
            if bare(link_text(link)) != bare(address):
                link.set(ATTRIBUTE, address.removeprefix("mailto:").removeprefix("tel:"))


class PrintAddressesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After MkDocs' link treeprocessor (relpath, 0): links to pages are their published URLs by then.
        md.treeprocessors.register(PrintAddressesTreeprocessor(md), "print_addresses", -1)


def makeExtension(**kwargs) -> PrintAddressesExtension:  # noqa: N802 - Python-Markdown's name
    return PrintAddressesExtension(**kwargs)
