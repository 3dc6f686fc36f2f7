"""Links print their full address (orkest/markdown/print_addresses.py): on the built site and
for each kind of link Markdown makes."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from orkest.markdown.print_addresses import ATTRIBUTE


def printed_addresses(text: str) -> dict[str, str | None]:
    html = markdown.markdown(text, extensions=["orkest.markdown.print_addresses"])
    return {link.get_text(): link.get(ATTRIBUTE) for link in BeautifulSoup(html, "html.parser").find_all("a")}


def test_a_link_prints_its_address_unless_its_text_already_is_it():
    assert printed_addresses(
        "[de Fair Practice Code](https://fairpracticecode.nl/)\n\n"
        "<https://www.leerorkest.nl/>\n\n"
        "[www.leerorkest.nl](https://www.leerorkest.nl)\n\n"
        "[mail ons](mailto:info@example.org)\n\n"
        "[naar boven](#begroting)\n\n"
        "[een pagina](../begroting/)"
    ) == {
        "de Fair Practice Code": "https://fairpracticecode.nl/",
        "https://www.leerorkest.nl/": None,
        "www.leerorkest.nl": None,
        "mail ons": "info@example.org",
        "naar boven": None,
        # Outside MkDocs the page's own address is unknown: a link within the site is left alone.
        "een pagina": None,
    }


def test_a_link_to_another_page_of_the_site_prints_that_page_s_full_address(site):
    page = BeautifulSoup((site.root / "starten" / "index.html").read_text(encoding="utf-8"), "html.parser")
    # Links to pages; the theme's Voor-line (.page-meta) is not the page's content.
    links = {link["href"]: link.get(ATTRIBUTE) for link in page.select("article a[href]:not(.page-meta a)")
             if not link["href"].startswith(("#", "http")) and link["href"].endswith("/")}
    assert links, "starten/index.md links no other page: pick a page that does"
    for href, address in links.items():
        assert address and address.startswith(site.url), f"{href} prints {address!r}"
    english = BeautifulSoup((site.root / "en" / "starten" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert all(link[ATTRIBUTE].startswith(f"{site.url}en/")
               for link in english.select("article a[data-print-address]") if not link["href"].startswith("http"))
