"""The site's own stylesheets minified (rcssmin): their comments and layout are for whoever edits
overrides/, not for every reader's page view (half of extra.css's gzip size). The theme's
*.min.css are minified already."""

from __future__ import annotations

from pathlib import Path

import rcssmin

STYLESHEETS = "assets/stylesheets"


def minify_stylesheets(site_dir: Path) -> int:
    """Minify each of our stylesheets in the built site in place; the bytes saved."""
    saved = 0
    for path in sorted((Path(site_dir) / STYLESHEETS).glob("*.css")):
        if path.name.endswith(".min.css"):
            continue
        text = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(text)
        if small != text:
            path.write_text(small, encoding="utf-8")
            saved += len(text.encode()) - len(small.encode())
    return saved
