"""A second engine for the site: ProperDocs, the community fork of MkDocs 1.x, builds the
real site from the same mkdocs.yml, with the same plugin, extensions and theme, into
exactly the same bytes. If MkDocs 1.x stops being installable or maintained, the switch is
one command (`python -m properdocs build --strict -f mkdocs.yml`), and this test says it works.

Zensical, the other successor, is not held to this (it ignores plugins): the weekly canary
in .github/workflows/longevity.yml reports what it builds (orkest/testing/canary.py)."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from orkest.testing import build_site, canary

SITE_URL = "https://www.orkestindeklas.nl/"
# sitemap.xml and sitemap.xml.gz carry the build date: the same one for both builds.
SAME_DATE = {"SOURCE_DATE_EPOCH": "1767225600", "DISABLE_MKDOCS_2_WARNING": "true"}


# Pagefind 1.5.2 writes its filter chunks in hash-map order: their names, and the hashes in
# its entry and meta files that name them, change from run to run of the same build. The
# index and fragment chunks (every word and page) are the same bytes; the entry is compared
# by its page counts.
UNSTABLE_SEARCH_FILES = re.compile(r"^pagefind/(filter/|pagefind\.\w+\.pf_meta$|pagefind-entry\.json$)")


def _files(site: Path) -> dict[str, bytes]:
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    entry = json.loads(files["pagefind/pagefind-entry.json"])
    pages = {language: details["page_count"] for language, details in entry["languages"].items()}
    kept = {name: data for name, data in files.items() if not UNSTABLE_SEARCH_FILES.match(name)}
    return {**kept, "pagefind: pages per language": json.dumps(pages, sort_keys=True).encode()}


def _differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """Each file that is only in one tree or differs, and the first lines of the first text change."""
    lines = [f"only in the MkDocs build: {name}" for name in sorted(first.keys() - second.keys())]
    lines += [f"only in the ProperDocs build: {name}" for name in sorted(second.keys() - first.keys())]
    changed = sorted(name for name in first.keys() & second.keys() if first[name] != second[name])
    lines += [f"different bytes: {name}" for name in changed]
    for name in changed:
        try:
            old, new = first[name].decode("utf-8"), second[name].decode("utf-8")
        except UnicodeDecodeError:
            continue
        diff = difflib.unified_diff(old.splitlines(), new.splitlines(), f"mkdocs/{name}",
                                    f"properdocs/{name}", n=1, lineterm="")
        lines += [line[:200] for line in list(diff)[:20]]
        break
    return lines


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    sites = {}
    for generator in ("mkdocs", "properdocs"):
        site = tmp_path / generator
        result = build_site(site, SITE_URL, "-f", "mkdocs.yml", generator=generator, env=SAME_DATE)
        assert result.returncode == 0, f"{generator} build --strict failed:\n{result.stderr}"
        sites[generator] = _files(site)
    assert len(sites["mkdocs"]) > 100  # the whole site, both languages
    assert _differences(sites["mkdocs"], sites["properdocs"]) == []


# -- the Zensical canary's own logic (orkest/testing/canary.py), on a hand-made site --------

def _page(lang: str, body: str = "", head: str = "") -> str:
    return f'<!doctype html><html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


CSP_META = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
HREFLANG = '<link rel="alternate" hreflang="nl" href="/">'
CHECKBOX = '<ul><li><label class="task-list-control"><input type="checkbox"> Stap</label></li></ul>'


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html, encoding="utf-8")
    return tmp_path


def test_the_canary_tells_what_works_what_is_partly_there_and_what_is_missing(tmp_path, capsys):
    site = _site(tmp_path, {
        "index.html": _page("nl", CHECKBOX, CSP_META + HREFLANG),
        "voor-wie/index.html": _page("nl", '<h2 id="per-audience">Per doelgroep</h2>', CSP_META),
        "instrumenten/videos/index.html": _page("nl", '<ul class="video-overview"></ul>'),
        "en/index.html": _page("en", CHECKBOX + '<figure class="video"></figure>', HREFLANG),
        "en/voor-wie/index.html": _page("nl"),  # an English page that says it is Dutch
        # Theme files and the search page are no content pages; neither is 404.html.
        "assets/index.html": _page("nl"), "en/search/index.html": _page("en"), "404.html": _page("nl"),
    })
    rows = {row.check.split(" (")[0]: row for row in canary.inspect(site)}
    pages = rows["Pages"]
    assert pages.cells == {"nl": "3 pages, lang nl", "en": "2 pages, lang en ×1, lang nl ×1"}
    assert pages.result == "partly"
    assert rows["Content-Security-Policy"].cells == {"nl": "2 of 3 pages", "en": "0 of 2 pages"}
    assert rows["Content-Security-Policy"].result == "partly"
    assert rows["hreflang links"].result == "partly"
    assert rows["Videos"].cells == {"nl": "0 on 0 pages", "en": "1 on 1 pages"}
    assert rows["Videos"].result == "partly"
    assert rows["Labelled checklist checkboxes"].result == "works"
    assert rows["Generated: Pages per audience"].cells["en"] == "not filled (no `h2#per-audience`)"
    assert rows["Generated: Pages per audience"].result == "partly"
    assert rows["Generated: Video overview"].cells["en"] == "no page"
    assert rows["Generated: Translation status"].result == "missing"

    assert canary.main([str(site)]) == 0  # it reports, it never gates
    table = capsys.readouterr().out.splitlines()
    assert table[0] == "| Check | Dutch (`/`) | English (`/en/`) | Result |"
    assert len(table) == 2 + len(rows) and all(line.endswith(" |") for line in table)
    assert "| Labelled checklist checkboxes (`label.task-list-control input`) | 1 on 1 pages | 1 on 1 pages | works |" in table


def test_the_canary_reports_an_empty_or_missing_site_and_still_exits_0(tmp_path, capsys):
    assert canary.main([str(tmp_path / "site")]) == 0
    out = capsys.readouterr().out
    assert out.count("| missing |") == 8 and "No pages in" in out and "did it crash?" in out
