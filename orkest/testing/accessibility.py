"""axe-core with every rule (best practice included), in each way a reader meets a page: a desktop
and a phone width, the light and the dark scheme, and with the search dialog open.

A finding is (page, view, rule, impact, elements); tests keep the serious and critical ones at
zero, bench/a11y_figures.py counts them all."""

from __future__ import annotations

from dataclasses import dataclass

from orkest.testing.browser import AXE, wait_until_still

WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
SCHEMES = ("light", "dark")
BLOCKING = ("serious", "critical")
SEARCH_QUERY = {"nl": "viool", "en": "violin"}  # a word every language's index holds


@dataclass(frozen=True)
class View:
    width: str  # a key of WIDTHS
    scheme: str  # light or dark
    search_open: bool = False

    def __str__(self) -> str:
        return f"{self.width} {self.scheme}" + (" search open" if self.search_open else "")


@dataclass(frozen=True)
class Finding:
    page: str
    view: View
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.page} [{self.view}]: {self.rule} ({self.impact}): {self.help} at {', '.join(self.targets)}"


def all_views(search: bool = False) -> list[View]:
    return [View(width, scheme, search) for width in WIDTHS for scheme in SCHEMES]


def open_search(page, language: str) -> None:
    """As a reader opens it: the header's search button, then a word, until results show."""
    button = page.locator("label.md-header__button[for='__search']")
    (button if button.is_visible() else page.locator("[data-search-query]")).click()  # a phone shows only the button
    page.fill("[data-search-query]", SEARCH_QUERY.get(language, SEARCH_QUERY["en"]))
    page.wait_for_selector("[data-search-results] li", timeout=15000)
    wait_until_still(page)


def findings(browser, site_url: str, paths: list[str], views: list[View]) -> list[Finding]:
    """Every axe violation on each page (an address from the site root), in each view: one browser
    context per view, its scheme the reader's system setting (prefers-color-scheme)."""
    if not AXE.exists():
        raise AssertionError("axe-core missing: run ./scripts/test (it runs npm ci)")
    axe = AXE.read_text(encoding="utf-8")
    found: list[Finding] = []
    for view in views:
        width, height = WIDTHS[view.width]
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=view.scheme)
        page = context.new_page()
        try:
            for path in paths:
                page.goto(f"{site_url.rstrip('/')}{path}", wait_until="load")
                if view.search_open:
                    open_search(page, "en" if path.startswith("/en/") else "nl")
                page.evaluate(axe)  # evaluated, not a <script>: the page's policy would refuse that
                result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
                found += [Finding(path, view, violation["id"], violation["impact"] or "", violation["help"],
                                  tuple(str(node["target"]) for node in violation["nodes"][:3]))
                          for violation in result["violations"]]
        finally:
            context.close()
    return found


def sample_pages(docs_dir, site_dir) -> list[str]:
    """A page of each page type in each language, plus the pages no type covers (the home page
    is an overview; the generated lists and the 404 page) and a page with code blocks per
    language: the addresses, from the site root."""
    import yaml

    from orkest.testing import page_url_path

    chosen: dict[tuple[str, str], str] = {}
    for source in sorted(docs_dir.rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}
        language = "en" if source.name.endswith(".en.md") else "nl"
        relative = source.relative_to(docs_dir).as_posix().removesuffix(".en.md").removesuffix(".md")
        address = "" if relative == "index" else relative.removesuffix("/index") + "/"
        chosen.setdefault((language, str((meta or {}).get("type"))), ("en/" if language == "en" else "") + address)
    generated = [page_url_path(site_dir, path) for path in (site_dir / "voor-wie").glob("*/index.html")][:1]
    # Code blocks get the theme's copy button (and its own landmark) from its script: a page with one per language.
    with_code = {}
    for path in sorted(site_dir.rglob("index.html")):
        address = page_url_path(site_dir, path)
        if 'class="highlight"' in path.read_text(encoding="utf-8"):
            with_code.setdefault(address.startswith("/en/"), address)
    return sorted({"/", "/en/", "/404.html", *generated, *with_code.values(),
                   *(f"/{address}" for address in chosen.values())})
