"""A site people trust (issue 14): one name, the project's own logo, a footer in the reader's
language with its privacy and colophon pages, and a feedback link per page that sends nothing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import BeautifulSoup

from orkest.config import read_yaml
from orkest.testing import REPO_URL, ROOT, build_site, fixture_project

LOGO = ROOT / "overrides" / "assets" / "images" / "logo.svg"
SVG = "{http://www.w3.org/2000/svg}"
# Pages at three depths in each language, and the two new pages themselves.
PAGES = ["/", "/instrumenten/onderhoud/", "/starten/startpakket/jaarplan/", "/privacy/", "/colofon/",
         "/en/", "/en/instrumenten/onderhoud/", "/en/starten/startpakket/jaarplan/", "/en/privacy/",
         "/en/colofon/"]
FOOTER_WORDS = {"nl": ("Over deze site", "Privacy", "Colofon"), "en": ("About this site", "Privacy", "Colophon")}


def soup(site_root: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup((site_root / url_path.strip("/") / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


def heading(page: BeautifulSoup) -> str:
    return page.h1.get_text(strip=True).removesuffix("¶")


def built_file(site_root: Path, url_path: str) -> Path:
    path = site_root / urlsplit(url_path).path.lstrip("/")
    return path / "index.html" if url_path.endswith("/") else path


def test_the_site_has_one_name_in_both_languages(site):
    for path in ("/", "/en/", "/en/privacy/"):
        page = soup(site.root, path)
        assert page.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == "Orkest in de Klas"
        assert page.select_one("a.md-logo")["aria-label"] == "Orkest in de Klas"
    for path in [*ROOT.glob("overrides/**/*.html"), ROOT / "mkdocs.yml", ROOT / "README.md",
                 ROOT / "orkest" / "strings.yml", *ROOT.glob("docs/**/*.en.md")]:
        # The English home explains the name in lower case; no second name anywhere.
        assert "Orchestra in the Classroom" not in path.read_text(encoding="utf-8"), path


def test_the_footer_speaks_the_readers_language_and_its_links_resolve(site):
    for path in PAGES:
        page, language = soup(site.root, path), "en" if path.startswith("/en/") else "nl"
        label, privacy, colophon = FOOTER_WORDS[language]
        footer = page.select_one("footer nav.site-footer__links")
        assert footer["aria-label"] == label
        links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
        assert page.select_one(".site-footer__organisation").get_text(strip=True).count("Leerorkest") == 2
        contact = [href for href in links.values() if href.startswith("http")]
        assert contact == ["https://www.leerorkest.nl/"], path
        for word, slug in ((privacy, "privacy"), (colophon, "colofon")):
            target = urljoin(path, links[word])
            assert target == ("/en/" if language == "en" else "/") + f"{slug}/", (path, word)
            landed = soup(site.root, target)
            assert landed.html["lang"] == language and heading(landed) == word


def test_privacy_and_colophon_are_pages_outside_the_menu(site):
    for path in ("/privacy/", "/colofon/", "/en/privacy/", "/en/colofon/"):
        assert built_file(site.root, path).exists()
        home = "/en/" if path.startswith("/en/") else "/"
        menu = {urljoin(home, a["href"]) for a in soup(site.root, home).select("nav.md-nav a[href]")}
        assert path not in menu
    # The colophon sends contributors on; the privacy page names what is kept in the browser.
    assert soup(site.root, "/colofon/").select_one('article a[href="../meedoen/"]')
    assert "localStorage" in soup(site.root, "/en/privacy/").article.get_text()


def test_the_feedback_link_carries_the_pages_address_and_title(site):
    for path, title, prefix in (("/instrumenten/onderhoud/", "Verzorging en onderhoud", "Fout op de pagina: "),
                                ("/en/instrumenten/onderhoud/", "Care and maintenance", "Error on the page: ")):
        page = soup(site.root, path)
        assert heading(page) == title
        # Once, at the end, and not in what search indexes.
        [link] = page.select("article .page-feedback a")
        assert not page.select("[data-pagefind-body] .page-feedback")
        address = urlsplit(link["href"])
        assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPO_URL}/issues/new"
        query = parse_qs(address.query, strict_parsing=True)
        # The content-error form, its "Which page?" field (id: page) and the title filled in.
        assert query == {"template": ["01-content-error.yml"], "title": [prefix + title],
                         "page": [urljoin(site.url, path.lstrip("/"))]}
        form = read_yaml(ROOT / ".github" / "ISSUE_TEMPLATE" / query["template"][0])
        assert "page" in {field.get("id") for field in form["body"]}


def test_without_a_repository_or_the_pages_there_is_no_link_to_them(tmp_path):
    project = fixture_project(tmp_path, {"index.md": "# Start\n\nGoed.\n", "index.en.md": "# Home\n\nFine.\n"})
    result = build_site(tmp_path / "site", "http://127.0.0.1/", cwd=project, repo_url=None)
    assert result.returncode == 0, result.stderr
    for path in ("/", "/en/"):
        page = soup(tmp_path / "site", path)
        assert not page.select(".page-feedback") and "issues/new" not in str(page)
        # A project without the privacy and colophon pages: only the contact link, never a broken one.
        assert [a["href"] for a in page.select(".site-footer__links a")] == ["https://www.leerorkest.nl/"]
        # The search button ends the header's bar, outside the language switcher's own <nav>.
        assert page.select_one(".md-header__inner > label[for=__search]") is not None
        assert page.select_one(".language-switch label, .language-switch .md-search") is None


def test_the_404_page_links_to_the_pages_about_the_site(site):
    page = BeautifulSoup((site.root / "404.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in page.select(".site-footer__links a")]
    assert links[1:] == [urljoin(urlsplit(site.url).path, "privacy/"), urljoin(urlsplit(site.url).path, "colofon/")]


def test_the_logo_is_the_projects_own_small_and_self_contained(site):
    assert LOGO.stat().st_size < 2048
    drawing = ET.parse(LOGO).getroot()
    assert drawing.tag == f"{SVG}svg"
    tags = {element.tag.removeprefix(SVG) for element in drawing.iter()}
    # Shapes only: no text (fonts), pictures, styles or scripts that could fetch something.
    assert tags <= {"svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon"}, tags
    assert not [name for element in drawing.iter() for name in element.attrib if name.endswith("href")]
    theme = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  logo: assets/images/logo.svg\n" in theme and "  favicon: assets/images/logo.svg\n" in theme
    for path in ("/", "/en/instrumenten/onderhoud/"):
        page = soup(site.root, path)
        image = page.select_one("a.md-header__button.md-logo img")
        # Decorative: the link around it is named after the site.
        assert image["alt"] == "" and image.parent["aria-label"] == "Orkest in de Klas"
        assert built_file(site.root, urljoin(path, image["src"])).read_bytes() == LOGO.read_bytes()
        icon = page.select_one('link[rel="icon"]')["href"]
        assert built_file(site.root, urljoin(path, icon)).read_bytes() == LOGO.read_bytes()


def test_the_scheme_toggle_is_named_in_the_readers_language(site):
    for path, names in (("/", ["Licht kleurenschema aanzetten", "Donker kleurenschema aanzetten",
                                "Kleurenschema van je computer volgen"]),
                        ("/en/", ["Switch to the light colour scheme", "Switch to the dark colour scheme",
                                  "Follow your computer's colour scheme"])):
        form = soup(site.root, path).select_one('form[data-md-component="palette"]')
        assert [label["title"] for label in form.select("label")] == names
        # System first (followed until the reader chooses), then light, then dark, then back.
        assert [i["data-md-color-media"] for i in form.select("input")] == [
            "(prefers-color-scheme)", "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]
        assert [label["for"] for label in form.select("label")] == ["__palette_1", "__palette_2", "__palette_0"]
