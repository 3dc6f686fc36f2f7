"""A Content-Security-Policy on every page that trusts only the theme's own scripts.

The inline scripts a page may run are the ones the templates in orkest/finish/inline_scripts.yml
write: they are rendered for each page's base URL and hashed, and only those hashes
enter the policy. A finished page holding any other inline script, an event handler,
a script from another host, a frame, a <base> or a <meta http-equiv> fails the build,
naming the page and where it came from: such a thing came in through content or a
template, and the policy must not quietly allow it. Frames may only come from the
video hosts the video syntax allows (md_extensions/video_sources.py). A `<meta>` tag,
because the site is static and its host may not let us set headers.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from selectolax.lexbor import LexborHTMLParser

from orkest.checks.content_policy import leaves_the_site
from orkest.config import read_yaml
from orkest.markdown.video_sources import EMBED_ORIGINS

ALLOWED_SCRIPTS = Path(__file__).with_name("inline_scripts.yml")
# The theme's settings block never runs; every other inline <script>, whatever its type, counts as code.
DATA_TYPE = "application/json"
SCRIPT_BODY = re.compile(r"<script>(.*?)</script>", re.S)
REFUSED_IN_PAGES = {"iframe", "frame", "object", "embed", "base"}
# Link types that make the browser contact a host by itself; a CSP does not stop all of them.
FETCHING_LINKS = {"preconnect", "dns-prefetch", "prefetch", "preload", "prerender", "modulepreload"}
WATCHED = REFUSED_IN_PAGES | {"meta", "script", "link"}
WATCHED_SELECTOR = ", ".join(sorted(WATCHED))
# An HTML tokenizer starts an attribute name after whitespace, "/" or a closing quote; the name
# runs to whitespace, "/", ">" or "=".
ATTRIBUTE_STARTS = frozenset(b' \t\n\f\r/"\'')
REST_OF_NAME_AND_EQUALS = re.compile(rb"[^ \t\n\f\r/>=]*[ \t\n\f\r]*=")
# Links that name this page's own addresses (search engines read them; browsers fetch nothing).
ADDRESS_LINKS = {"canonical", "alternate", "prev", "next"}
# After <meta charset> (which must come within the first 1024 bytes), before any script.
CHARSET, HEAD = re.compile(r"<meta charset=[^>]*>"), re.compile(r"<head[^>]*>")

FIXED_DIRECTIVES = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # the theme draws some icons as data: SVG
    "style-src": ["'self'"],
    "frame-src": list(EMBED_ORIGINS),
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
}

# Search (Pagefind) compiles its WebAssembly in the page; this allows that, and no eval of JavaScript.
SEARCH_SCRIPTS = ["'wasm-unsafe-eval'"]


def sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def policy(hashes: list[str]) -> str:
    directives = {**FIXED_DIRECTIVES, "script-src": ["'self'", *SEARCH_SCRIPTS, *dict.fromkeys(hashes)]}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class ThemeScripts:
    """The inline scripts the allow-listed templates write, per base URL, by hash.

    The templates are rendered with plain Jinja from the theme's folders, so the finishing
    step needs no site generator.
    """

    def __init__(self, template_dirs: list[Path], features: list[str], scope: str | None = None) -> None:
        self.entries = read_yaml(ALLOWED_SCRIPTS)
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]))
        self.context = {"config": {"extra": {"scope": scope} if scope else {}}, "features": features}
        self._by_base: dict[str, dict[str, str]] = {}
        self.hashes_used: set[str] = set()

    def allowed(self, base_url: str) -> dict[str, str]:
        """hash -> template, for every inline script the allowed templates write at this base URL."""
        if base_url not in self._by_base:
            context = {**self.context, "base_url": base_url}
            self._by_base[base_url] = {
                sha256(code): entry["template"]
                for entry in self.entries
                for code in SCRIPT_BODY.findall(self.env.get_template(entry["template"]).render(context))
            }
        return self._by_base[base_url]

    def finish(self, html: str, base_url: str, content: str = "", with_meta: bool = True) -> tuple[str, list[str]]:
        """The page with its policy, and what the policy would not trust (then the page as it was)."""
        allowed = self.allowed(base_url)
        hashes, problems = [], []
        # The content itself was held to the stricter content policy, which also made sure it
        # ends closed; what is left to check is what the templates wrote around it.
        around = html.replace(content, "", 1) if content else html
        tree = LexborHTMLParser(around)
        # Reading every element's attributes is most of the check's time; most pages need only the watched tags.
        suspects = (tree.root.traverse(include_text=False) if may_hold_event_handler(around)
                    else tree.css(WATCHED_SELECTOR))
        for node in suspects:
            problems += _element_problems(node)
        for node in tree.css("script"):
            if "src" in node.attributes or (node.attributes.get("type") or "").strip().lower() == DATA_TYPE:
                continue
            code = node.text(deep=True)
            digest = sha256(code)
            if digest in allowed:
                hashes.append(digest)
            else:
                problems.append(f"an inline script that no allowed template writes ({_origin(content)}): "
                                f"{code.strip()[:80]!r}")
        if problems:
            return html, problems
        self.hashes_used.update(hashes)
        if not with_meta:
            return html, []
        head = CHARSET.search(html) or HEAD.search(html)
        if not head:
            return html, ["no <head> to put the Content-Security-Policy in"]
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
        return html[: head.end()] + meta + html[head.end():], []


def may_hold_event_handler(html: str) -> bool:
    """False only if no tag in `html` can have an attribute on...=; a quick search of the bytes."""
    lowered = html.encode("utf-8").lower()
    found = lowered.find(b"on")
    while found >= 0:
        if lowered[found - 1] in ATTRIBUTE_STARTS and REST_OF_NAME_AND_EQUALS.match(lowered, found + 2):
            return True
        found = lowered.find(b"on", found + 2)
    return False


HINT = ("hint: pages may not run scripts; a script a template needs is added to "
        "orkest/finish/inline_scripts.yml, with its reason, in an owner-reviewed pull request")


def _element_problems(node) -> list[str]:
    attributes = node.attributes
    problems = [f"<{node.tag} {name}=...>: an event handler" for name in attributes if name[:2].lower() == "on"]
    if node.tag not in WATCHED:
        return problems
    if node.tag in REFUSED_IN_PAGES:
        problems.append(f"<{node.tag}>")
    if node.tag == "meta" and "http-equiv" in attributes:
        problems.append(f'<meta http-equiv="{attributes["http-equiv"]}">')
    if node.tag == "script" and "src" in attributes:
        src = attributes["src"] or ""
        if leaves_the_site(src):
            problems.append(f"a script from another site: {src}")
        elif not urlsplit(src).path.endswith(".js"):
            # Only the theme's and overrides/ JavaScript runs; docs/ may hold no .js file.
            problems.append(f"a script that is not one of the site's JavaScript files: {src}")
    if node.tag == "link":
        kinds = set((attributes.get("rel") or "").lower().split())
        href = attributes.get("href") or ""
        if kinds & FETCHING_LINKS:
            problems.append(f'<link rel="{attributes.get("rel")}" href="{href}">: makes the browser contact a host by itself')
        elif leaves_the_site(href) and not kinds <= ADDRESS_LINKS:
            problems.append(f'<link rel="{attributes.get("rel")}" href="{href}">: loads something from another site')
    return problems


def _origin(content: str) -> str:
    """Where an unknown script came from, as far as we can tell."""
    if content:  # the content itself is left out of this check (see finish)
        return "from a template in overrides/, or a value from the front matter"
    return "from the page's content, a template or the front matter"


def extra_assets_problems(extra_javascript: list, extra_css: list) -> list[str]:
    """Scripts and styles from other hosts in mkdocs.yml: every page would load them."""
    entries = [("extra_javascript", str(item)) for item in extra_javascript]
    entries += [("extra_css", str(item)) for item in extra_css]
    return [f"mkdocs.yml: {key}: '{path}' is on another site; store the file in overrides/assets/ "
            "and name it by its path" for key, path in entries if leaves_the_site(path)]
