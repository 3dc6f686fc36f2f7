"""A Content-Security-Policy on every page: only this site's own scripts may run.

The theme writes a few small inline scripts (and pymdownx one more); each is allowed
by its SHA-256 hash, computed from the finished page, so `'unsafe-inline'` is never
needed for scripts. Frames may only come from the video hosts the video syntax
allows (md_extensions/video_sources.py). A `<meta>` tag, because the site is static
and its host may not let us set headers.
"""

from __future__ import annotations

import base64
import hashlib
import re

from md_extensions.video_sources import EMBED_ORIGINS
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
# Data blocks such as the theme's <script type="application/json"> never run: no hash needed.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
# After <meta charset> (which must come within the first 1024 bytes), before any script.
CHARSET, HEAD = re.compile(r"<meta charset=[^>]*>"), re.compile(r"<head[^>]*>")

FIXED_DIRECTIVES = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # the theme draws some icons as data: SVG
    "style-src": ["'self'"],
    "frame-src": list(EMBED_ORIGINS),
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

_serving = False


def policy_for(html: str) -> str:
    """The policy for one finished page: fixed directives plus a hash per inline script."""
    hashes = []
    for script in INLINE_SCRIPT.finditer(html):
        attrs = script["attrs"]
        if " src=" in attrs:
            continue
        kind = re.search(r'\stype="([^"]*)"', attrs)
        if (kind[1] if kind else "").lower() not in EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256(script["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    directives = {**FIXED_DIRECTIVES, "script-src": ["'self'", *dict.fromkeys(hashes)]}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str, where: str) -> str:
    """The page with its policy at the top of <head>, before any script."""
    head = CHARSET.search(html) or HEAD.search(html)
    if not head:
        raise PluginError(f"{where}: no <head> to put the Content-Security-Policy in")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return html[: head.end()] + meta + html[head.end():]


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


# Last of all, so the hashes cover each script as it is finally written.
@event_priority(-100)
def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    if _serving:
        # `mkdocs serve` adds its own inline live-reload script after this hook, with a
        # value that changes per request: no hash can cover it, so previews go without.
        return output
    return with_policy(output, page.file.src_path)


@event_priority(-100)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if _serving or not template_name.endswith(".html"):
        return output
    return with_policy(output, template_name)
