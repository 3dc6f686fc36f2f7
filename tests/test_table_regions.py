"""The table regions extension: each table in a named box a keyboard can scroll."""

from __future__ import annotations

import markdown
from selectolax.lexbor import LexborHTMLParser

from orkest.checks.content_policy import Policy
from orkest.markdown.table_regions import TableRegionsExtension

TABLE = "| a | b |\n|---|---|\n| 1 | 2 |\n"


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "md_in_html", TableRegionsExtension(), "toc"],
                             extension_configs={"toc": {"permalink": True}})


def regions(html: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(div.attributes.get("role"), div.attributes.get("tabindex"), div.attributes.get("aria-label"))
            for div in LexborHTMLParser(html).css("div.table-region")]


def test_each_table_is_named_after_the_heading_above_it_without_the_permalink():
    html = render(f"# Leerdoelen *per* groep\n\n{TABLE}\nTekst.\n\n{TABLE}\n## Groep 5\n\n{TABLE}")
    assert regions(html) == [("region", "0", "Leerdoelen per groep"), ("region", "0", "Leerdoelen per groep (2)"),
                             ("region", "0", "Groep 5")]
    assert all(div.css_first("table") for div in LexborHTMLParser(html).css("div.table-region"))
    assert html.index("Tekst.") > html.index("</table></div>")  # the text after a table stays after it


def test_a_table_written_in_html_is_left_as_the_writer_wrote_it():
    html = render("# Titel\n\n<table><tr><td>1</td></tr></table>\n")
    assert regions(html) == [] and "<table><tr><td>1</td></tr></table>" in html


def test_the_content_policy_accepts_the_box_and_only_with_these_values():
    policy = Policy.load()
    assert policy.inspect(render(f"# Titel\n\n{TABLE}")).refusals == []
    refused = policy.inspect('<div role="button" tabindex="-1">x</div>').refusals
    assert len(refused) == 2, refused
