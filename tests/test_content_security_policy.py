"""The Content-Security-Policy meta tag (hooks/content_security_policy.py) on the built site.
The browser tests check that pages work under it and that it refuses what it should."""

from __future__ import annotations

import base64
import hashlib
import re

from content_security_policy import policy_for, with_policy
from site_checks import built_pages

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_inline_scripts_are_allowed_by_hash_and_data_blocks_are_not_scripts():
    html = ('<head><meta charset="utf-8"><script>var a = 1;</script>'
            '<script id="__config" type="application/json">{"x": 1}</script>'
            '<script src="assets/app.js"></script></head>')
    policy = directives(policy_for(html))
    assert policy["script-src"] == ["'self'", sha256("var a = 1;")]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert policy["object-src"] == ["'none'"]
    placed = with_policy(html, "x.md")
    assert placed.index("Content-Security-Policy") < placed.index("<script>")
    assert placed.index("<meta charset") < placed.index("Content-Security-Policy")


def test_every_built_page_has_a_policy_covering_exactly_its_inline_scripts(site):
    pages = [*built_pages(site.root), site.root / "404.html"]
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = POLICY.findall(html)
        assert len(found) == 1, page
        policy = directives(found[0])
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        inline = re.findall(r"<script>(.*?)</script>", html, re.S)
        assert inline, f"{page}: the theme's inline scripts are expected (else drop the hashes)"
        assert sorted(policy["script-src"][1:]) == sorted({sha256(code) for code in inline}), page
        # Before every script, and after <meta charset> (which must stay in the first 1024 bytes).
        assert html.index("Content-Security-Policy") < html.index("<script")
        assert html.index("<meta charset") < 1024
