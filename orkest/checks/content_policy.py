"""The content policy: a page's HTML, as the reader's browser will parse it, against
the allow-list in orkest/checks/content_policy.yml.

The HTML is parsed with lexbor (selectolax), an HTML5 parser that follows the
WHATWG specification as browsers do, so what it sees is what a browser would run;
entities are decoded and tags the writer split or nested are seen as the browser
sees them. Nothing is cleaned: every refusal is reported, with the source line it
most likely came from, so the contributor learns what was refused and why.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from orkest.config import read_yaml

POLICY_FILE = Path(__file__).with_name("content_policy.yml")
# The URL standard drops these before reading an address: "java\tscript:" is "javascript:".
URL_NOISE = re.compile(r"[\t\n\r]")
URL_EDGES = "".join(map(chr, range(0x21)))
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Wrappers the parser adds around a fragment; content may not give them attributes.
DOCUMENT_ELEMENTS = {"html", "head", "body"}
HEADING = re.compile(r"^h([1-6])$")
# Appended to the content before parsing: found as its own element only if the content is complete.
END_ID = "orkest-content-end"
END_MARK = f'<p id="{END_ID}"></p>'
# Pictures a page shows, for the per-page image budget (orkest/checks/files.py).
IMAGE_ATTRIBUTES = {"img": ("src",), "video": ("poster",)}


@dataclass(frozen=True)
class Inspection:
    """What the policy found in one page: its refusals, and the pictures it shows."""

    refusals: list[Refusal]
    images: list[str]


@dataclass(frozen=True)
class Refusal:
    """One thing the policy refused, and the texts to look for in the source."""

    message: str
    needles: tuple[str, ...]


@dataclass
class Policy:
    elements: dict[str, set[str]]
    attribute_values: dict[tuple[str, str], list[str]]
    link_urls: set[tuple[str, str]]
    fetched_urls: set[tuple[str, str]]
    link_schemes: set[str]
    embeds: set[tuple[str, str]]
    refused: dict[str, str]
    embed_origins: tuple[str, ...] = ()
    files: dict = field(default_factory=dict)

    @classmethod
    def load(cls, embed_origins: tuple[str, ...] = (), path: Path = POLICY_FILE) -> Policy:
        data = read_yaml(path)
        shared = set(data["global_attributes"])

        def pairs(entries: list[str]) -> set[tuple[str, str]]:
            return {tuple(entry.split()) for entry in entries}

        return cls(
            elements={tag: shared | set(rule.get("attributes", [])) for tag, rule in data["elements"].items()},
            attribute_values={tuple(key.split()): values for key, values in data["attribute_values"].items()},
            link_urls=pairs(data["urls"]["link"]),
            fetched_urls=pairs(data["urls"]["fetched"]),
            link_schemes=set(data["link_schemes"]),
            embeds=pairs(data["embeds"]),
            refused=data["refused"],
            embed_origins=embed_origins,
            files=data["files"],
        )

    @cached_property
    def allowed_summary(self) -> str:
        return ", ".join(sorted(self.elements))

    def inspect(self, html: str) -> Inspection:
        """Everything in this HTML fragment that the policy refuses, in document order."""
        # The page goes on after the content (the theme's own markup): content that ends inside
        # an unfinished tag or attribute would swallow it and change what it means.
        tree = LexborHTMLParser(html + END_MARK)
        end = tree.css_first(f"body > p#{END_ID}")
        refusals: list[Refusal] = [] if end is not None else [Refusal(
            "the page ends inside an unfinished HTML tag, attribute or comment: close every tag "
            "and quote you open (look at the HTML near the end of the page)", ())]
        if end is not None:
            end.decompose()
        images: list[str] = []
        ids: dict[str, int] = {}
        level = 0
        for node in tree.root.traverse(include_text=False):
            tag = node.tag
            if tag.startswith("-"):  # comments and the doctype are inert
                continue
            attributes = {name.lower(): value for name, value in node.attributes.items()}
            if tag in DOCUMENT_ELEMENTS:
                refusals += [self._attribute(tag, name, value, "leave it out") for name, value in attributes.items()]
                continue
            if tag not in self.elements:
                refusals.append(self._element(tag, attributes))
                continue
            refusals += self._attributes(tag, attributes)
            images += [attributes[name] for name in IMAGE_ATTRIBUTES.get(tag, ()) if attributes.get(name)]
            refusals += self._accessibility(node, tag, attributes)
            if "id" in attributes:
                refusals += self._id(tag, attributes["id"] or "", ids)
            heading = HEADING.match(tag)
            if heading:
                new_level = int(heading[1])
                if level and new_level > level + 1:
                    refusals.append(Refusal(f"heading level {new_level} after level {level}: headings may "
                                            "not skip a level (use one more # than the heading above)",
                                            (f"{'#' * new_level} ", f"<h{new_level}")))
                level = new_level
        return Inspection(refusals, images)

    # -- one element --------------------------------------------------------------

    def _element(self, tag: str, attributes: dict) -> Refusal:
        hint = self.refused.get(tag)
        if tag == "meta" and "http-equiv" in attributes:
            hint = "a <meta http-equiv> can reload the page or send the reader to another site; leave it out"
        hint = hint or f"only what Markdown writes is allowed ({self.allowed_summary})"
        needles = (f"<{tag}", *[str(v) for v in attributes.values() if v])
        return Refusal(f"<{tag}> is not allowed in a page: {hint}", needles)

    def _attribute(self, tag: str, name: str, value: str | None, hint: str) -> Refusal:
        shown = f'{name}="{value}"' if value else name
        # The longer text is the likelier to be found on one line only; on a tie, the name.
        needles = sorted((n for n in (f"{name}=", value) if n), key=len, reverse=True)
        return Refusal(f"<{tag} {shown}> is not allowed: {hint}", (*needles, name))

    def _attributes(self, tag: str, attributes: dict) -> list[Refusal]:
        refusals = []
        for name, value in attributes.items():
            if name not in self.elements[tag]:
                refusals.append(self._attribute(tag, name, value, self._attribute_hint(tag, name)))
                continue
            allowed = self.attribute_values.get((tag, name))
            if allowed and (value or "").strip().lower() not in allowed:
                refusals.append(self._attribute(tag, name, value, f"use one of: {', '.join(allowed)}"))
            if (tag, name) in self.link_urls or (tag, name) in self.fetched_urls:
                problem = self._url_problem(tag, name, value or "")
                if problem:
                    refusals.append(self._attribute(tag, name, value, problem))
            if (tag, name) in self.embeds and not (value or "").startswith(tuple(f"{o}/" for o in self.embed_origins)):
                refusals.append(self._attribute(tag, name, value, "only the video extension writes this, "
                                                "for the players it allows: use ![type:video](...)"))
        return refusals

    def _attribute_hint(self, tag: str, name: str) -> str:
        if name.startswith("on"):
            return self.refused["event handler"]
        if name == "style":
            return self.refused["style attribute"]
        if name.startswith("data-"):
            return self.refused["data attribute"]
        allowed = ", ".join(sorted(self.elements[tag]))
        return f"on <{tag}> only these are allowed: {allowed}"

    def _url_problem(self, tag: str, name: str, value: str) -> str | None:
        address = plain_address(value)
        scheme = SCHEME.match(address)
        fetched = (tag, name) in self.fetched_urls
        if scheme:
            kind = scheme[1].lower()
            if fetched:
                return "the browser would load this from outside the site: store the file next to the page"
            if kind not in self.link_schemes:
                return (f"'{kind}:' addresses are not allowed in links: "
                        f"use {' or '.join(s + ':' for s in sorted(self.link_schemes))}")
            return None
        if _protocol_relative(address):
            return ("an address starting with // goes to another site: "
                    + ("store the file next to the page" if fetched else "write it out with https://"))
        if "\\" in address:
            return "write paths with / (a \\ can send the browser to another site)"
        if fetched and not address:
            return "the address is empty: name a file of the site"
        return None

    def _accessibility(self, node, tag: str, attributes: dict) -> list[Refusal]:
        if tag == "img" and not (attributes.get("alt") or "").strip() and "video__poster" not in (attributes.get("class") or ""):
            return [Refusal("an image without alt text: describe what the picture shows, "
                            "between the [ ] of ![...](file) or in alt=\"...\"",
                            tuple(v for v in (attributes.get("src"), "![](", "<img") if v))]
        # An <a> without href is an anchor to link to (<a id="x"></a>), not a link: no text needed.
        if tag == "a" and "href" in attributes and not node.text(strip=True) and not any(
                (image.attributes.get("alt") or "").strip() for image in node.css("img")):
            return [Refusal("a link without text: write what the link leads to between the [ ]",
                            tuple(v for v in (attributes.get("href"), "[](", "<a") if v))]
        return []

    def _id(self, tag: str, value: str, ids: dict[str, int]) -> list[Refusal]:
        refusals = []
        if value.startswith("__"):
            refusals.append(Refusal(f"<{tag} id=\"{value}\">: ids starting with __ belong to the theme; "
                                    "choose another name", (f"#{value}", f'id="{value}"', value)))
        ids[value] = ids.get(value, 0) + 1
        if ids[value] == 2:
            refusals.append(Refusal(f"the id \"{value}\" is used twice on this page: links to #{value} "
                                    "would find only the first; give one of them another name",
                                    (f"#{value}", f'id="{value}"', value)))
        return refusals


def plain_address(value: str) -> str:
    """An address as the URL standard reads it: tabs and newlines dropped, edges trimmed."""
    return URL_NOISE.sub("", value).strip(URL_EDGES)


def _protocol_relative(address: str) -> bool:
    return address[:2].replace("\\", "/") == "//"


def leaves_the_site(value: str) -> bool:
    """Whether a browser would go to another site, or use another scheme, for this address."""
    address = plain_address(value)
    return bool(SCHEME.match(address)) or _protocol_relative(address)


def locate(source: str, refusals: list[Refusal]) -> list[tuple[int | None, str]]:
    """Each refusal with the source line it most likely came from (None: not found).

    Refusals come in document order, and so, mostly, does the source: each is looked
    for from the line of the one before, on lines no other refusal took, and in the
    source as written and with its entities decoded (&#x61; is an a).
    """
    lines = [f"{line.casefold()}\n{html.unescape(line).casefold()}" for line in source.splitlines()]
    taken: set[int] = set()
    last = 0
    located = []
    for refusal in refusals:
        wanted = [needle.casefold() for needle in refusal.needles]
        order = [*range(last, len(lines)), *range(last)]
        hit = next((n for needle in wanted for n in order if n not in taken and needle in lines[n]), None)
        if hit is None:
            hit = next((n for needle in wanted for n in order if needle in lines[n]), None)
        if hit is not None:
            taken.add(hit)
            last = hit
        located.append((None if hit is None else hit + 1, refusal.message))
    return located
