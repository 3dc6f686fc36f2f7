"""Every figure about the network's size says from when it is (the sources are years old), or that its
source gives no date: in the sentence that gives it ("toen", "at the time" pointing back to a year is enough), or for a
table row or list item in the paragraph that leads into it or the section's heading. Meedoen (the
contributors' guide) counts no network."""

from __future__ import annotations

import re

import pytest

from orkest.testing import ROOT

DOCS = ROOT / "docs"
# The network's counts as the pages write them, in both languages.
FIGURE = re.compile(r"\b(32 Leerorkest|18 (basis)?scholen|18 primary schools|18, (ongeveer|about) 10|"
                    r"(5\.000|5,000|vijfduizend|five thousand) (kinderen|children)|1\.300|1,300|"
                    r"twaalfduizend|twelve thousand|honderd projecten|hundred projects|"
                    r"\d+ (Leerorkesten|basisscholen|primary schools|gebruikers|users|instrumenten|instruments))", re.I)
DATED = re.compile(r"\b(19|20)\d\d\b|\btoen\b|\bthen\b|at the time|geen datum|no date|no exact date", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[*])")


def undated(text: str) -> list[str]:
    """Each figure, with the words around it that should but do not say when it is from."""
    found, heading, lead_in = [], "", ""
    for block in (block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()):
        if block.startswith("#"):
            heading, lead_in = block, ""
        elif block.startswith(("|", "- ", "* ")) or re.match(r"\d+\. ", block):  # rows, items
            found += [line for line in block.splitlines()
                      if FIGURE.search(line) and not DATED.search(f"{heading} {lead_in} {line}")]
        else:
            found += [sentence for sentence in SENTENCE_END.split(" ".join(block.split()))
                      if FIGURE.search(sentence) and not DATED.search(sentence)]
            lead_in = block
    return found


PAGES = sorted(path for path in DOCS.rglob("*.md") if not path.relative_to(DOCS).as_posix().startswith("meedoen/"))


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.relative_to(DOCS).as_posix())
def test_each_figure_of_the_networks_size_says_from_when_it_is(path):
    assert not undated(path.read_text(encoding="utf-8"))


def test_the_check_finds_an_undated_figure_and_accepts_a_dated_one():
    assert undated("Het depot heeft ruim twaalfduizend instrumenten.\n")
    assert undated("Het depot bestaat sinds 2014. Het heeft ruim twaalfduizend instrumenten.\n")
    assert undated("Er zijn 32 Leerorkesten.\n\n| Bereik | bijna 5.000 kinderen |\n|---|---|\n")
    assert not undated("Rond 2015 zag het er zo uit:\n\n| Bereik | bijna 5.000 kinderen |\n|---|---|\n")
    assert not undated("Op zijn pagina's, die geen datum noemen, meldde het platform 1.300 gebruikers.\n")
