"""The starter pack (docs/starten/startpakket/): every page says it is an example to adapt,
every agreement that it is not legal advice, every page is in the navigation; and no page
sends readers to material elsewhere that the site itself should hold."""

from __future__ import annotations

import re
from pathlib import Path

from orkest.testing import ROOT

PACK = ROOT / "docs" / "starten" / "startpakket"
AGREEMENTS = ("overeenkomst-school", "bruikleen-instrument", "opdracht-muziekdocent")
EXAMPLE = {"nl": "voorbeeld om aan te passen", "en": "example to adapt"}
NOT_LEGAL_ADVICE = {"nl": "geen juridisch advies", "en": "not legal advice"}
# The first admonition of a page: its type and its indented body.
ADMONITION = re.compile(r"^!!! (warning|note) \"[^\"]+\"\n((?:    .*\n)+)", re.MULTILINE)
# How pages once sent readers elsewhere for material: to the old platform (this site's own
# address), or to a starter pack only described. Naming the old platform's history is fine.
ELSEWHERE = re.compile(
    r"\]\(https?://(www\.)?orkestindeklas\.nl|platform vind je op|find the original platform"
    r"|platform stonden verder|platform also offered|startpakket (beschreven|op Orkest in de Klas)"
    r"|describes a starter pack|starter pack on Orkest in de Klas", re.IGNORECASE)


def language(page: Path) -> str:
    return "en" if page.name.endswith(".en.md") else "nl"


def marking_problems(page: Path) -> list[str]:
    """What the page's first admonition fails to say: example to adapt; for an agreement,
    a warning that it is not legal advice."""
    found = ADMONITION.search(page.read_text(encoding="utf-8"))
    if not found:
        return [f"{page.name}: no admonition marks it as an example"]
    kind, body = found[1], " ".join(found[2].split()).lower().replace("**", "")
    problems = [] if EXAMPLE[language(page)] in body else [f"{page.name}: not marked as an example to adapt"]
    if page.name.split(".")[0] in AGREEMENTS and (kind != "warning" or NOT_LEGAL_ADVICE[language(page)] not in body):
        problems.append(f"{page.name}: no warning that it is not legal advice")
    return problems


def test_every_starter_pack_page_is_marked_as_an_example_and_agreements_as_not_legal_advice():
    pages = sorted(PACK.glob("*.md"))
    assert len(pages) == 20
    assert {page.name.split(".")[0] for page in pages} >= set(AGREEMENTS)
    assert [problem for page in pages for problem in marking_problems(page)] == []


def test_the_marking_check_names_a_page_that_lacks_it(tmp_path):
    bare = tmp_path / "bruikleen-instrument.en.md"
    bare.write_text("# Loan\n\n!!! note \"Good to know\"\n    An example to adapt.\n", encoding="utf-8")
    assert marking_problems(bare) == ["bruikleen-instrument.en.md: no warning that it is not legal advice"]
    bare.write_text("# Loan\n\nNo admonition.\n", encoding="utf-8")
    assert marking_problems(bare) == ["bruikleen-instrument.en.md: no admonition marks it as an example"]


def test_every_starter_pack_page_is_in_the_navigation():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    missing = [page.name for page in PACK.glob("*.md")
               if f"- starten/startpakket/{page.name.replace('.en.md', '.md')}\n" not in nav]
    assert missing == []


def test_no_page_sends_readers_to_the_old_platform_for_material():
    pages = sorted((ROOT / "docs").rglob("*.md"))
    hits = [f"{page.relative_to(ROOT)}: {line.strip()[:80]}"
            for page in pages for line in page.read_text(encoding="utf-8").splitlines() if ELSEWHERE.search(line)]
    assert hits == []
