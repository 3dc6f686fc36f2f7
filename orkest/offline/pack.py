"""One language's offline copy: its pages and every file they use, rewritten to open from file://.

A copy holds the language's pages (the English ones moved to the top: `en/x/` becomes `x/`) and,
followed from them, every file they name (stylesheets, scripts, pictures, videos, downloads,
whatever folder of the site it is in). In each page, in place (tags.py):

- a link to a folder gets its `index.html` (file:// shows a folder as a listing);
- a link to a page of another language goes to that page on the website (it is in the other copy);
- a caption track becomes a data: URL (a browser refuses a .vtt from file:// as another origin);
- the search dialog names the offline engine instead of Pagefind (search_data.py);
- the policy allows data: for media (those tracks) and no longer WebAssembly.
"""

from __future__ import annotations

import base64
import functools
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from orkest.finish.site_files import BUNDLE, html_files
from orkest.offline.search_data import engine_files, index_script, page_entry
from orkest.offline.tags import edit_tags, tag_pattern

URL_ATTRIBUTES = ("href", "src", "poster")
# The tags whose attributes a copy changes: links, what a page loads, the search dialog, the policy.
TAGS = tag_pattern(("a", "link", "img", "source", "track", "video", "audio", "div", "meta", "iframe"))
# Files a script of the site loads by itself, by the script's path: search.js opens search-dialog.js.
LOADED_BY_SCRIPTS = {"assets/javascripts/search.js": ("search-dialog.js", "../stylesheets/search.css")}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
# The offline engine's folder in every copy.
ENGINE_FOLDER = "assets/offline"
# What the site's pages link to that a copy leaves out: the search bundle, the copies themselves.
NOT_IN_COPY = (f"{BUNDLE}/", "offline/")
# The home page's and guide's box with the copies' sizes (size_note.py): never inside a copy.
NOTE = re.compile(r"<!-- offline-pack -->.*?<!-- /offline-pack -->\n?", re.S)


@dataclass(frozen=True)
class Language:
    code: str
    prefix: str  # its folder in the site: "" for the site's first language, "en/" for English


@dataclass
class Pack:
    """The files of one language's copy: path in the copy -> bytes."""

    language: Language
    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    pages: int = 0


class PackBuilder:
    """Makes one language's Pack from a finished site; what cannot be copied goes to its problems."""

    def __init__(self, site_dir: Path, site_url: str, language: Language, languages: list[Language]) -> None:
        self.site, self.site_url, self.language = site_dir, site_url, language
        others = [other.prefix for other in languages if other.prefix != language.prefix and other.prefix]
        self.pages = [
            path for path in (p.relative_to(site_dir).as_posix() for p in html_files(site_dir))
            if path.startswith(language.prefix) and path != "404.html"
            and not any(path.startswith(prefix) for prefix in (*others, *NOT_IN_COPY))
        ]
        self.page_set = set(self.pages)
        self.pack = Pack(language)
        self.by_pack_path: dict[str, str] = {}  # path in the copy -> path in the site
        self.waiting: list[str] = []
        self.engine = engine_files(language.code)
        self.kinds: dict[str, str | None] = {}

    def build(self) -> Pack:
        entries = []
        for page in self.pages:
            text = NOTE.sub("", self.site.joinpath(page).read_text(encoding="utf-8"))
            self._put(page, self.page(page, text).encode("utf-8"))
            entry = page_entry(text, self.in_pack(page))
            if entry:
                entries.append(entry)
        while self.waiting:
            self._copy(self.waiting.pop())
        for name, code in self.engine.items():
            self.pack.files[f"{ENGINE_FOLDER}/{name}"] = code
        self.pack.files[f"{ENGINE_FOLDER}/search-index.js"] = index_script(entries).encode("utf-8")
        self.pack.pages = len(self.pages)
        return self.pack

    def in_pack(self, site_path: str) -> str:
        prefix = self.language.prefix
        return site_path[len(prefix):] if prefix and site_path.startswith(prefix) else site_path

    def page(self, page: str, text: str) -> str:
        """One page of the copy (`text`: the built page without the copies' box)."""
        def editor(tag: str, attributes: dict[str, str]) -> dict[str, str | None] | None:
            changes = {}
            for name in URL_ATTRIBUTES:
                if name in attributes:
                    new = self._url(page, attributes[name], tag == "track")
                    if new is not None and new != attributes[name]:
                        changes[name] = new
            if tag == "div" and "data-search" in attributes:
                changes.update({"data-search-bundle": None, "data-search-offline": self._engine_urls(page)})
            if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
                changes["content"] = offline_policy(attributes.get("content") or "")
            return changes or None

        return edit_tags(text, editor, TAGS)

    def _engine_urls(self, page: str) -> str:
        # The index before the engine that reads it.
        names = [*(name for name in self.engine if name != "search.js"), "search-index.js", "search.js"]
        return " ".join(relative(self.in_pack(page), f"{ENGINE_FOLDER}/{name}") for name in names)

    def _url(self, page: str, value: str, inline: bool) -> str | None:
        """The value for the copy, or None to leave it as it is."""
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        path, root = unquote(parts.path), urlsplit(self.site_url).path or "/"
        if path.startswith("/"):  # from the site's root (the language switcher on the home pages)
            path = path[len(root):] if path.startswith(root) else "/.." + path
        target = posixpath.normpath(path if parts.path.startswith("/") else
                                    posixpath.join(posixpath.dirname(page), path))
        if parts.path.endswith("/") or self._kind(target) == "folder":
            target = "index.html" if target == "." else f"{target}/index.html"
        tail = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        if target.startswith(("../", "/")) or self._kind(target) != "file":
            self.pack.problems.append(f"{page}: {value} names {target}, which is not in the built site")
            return None
        if target.endswith(".html") and target not in self.page_set:
            return self.site_url + quote(target.removesuffix("index.html")) + tail
        if inline:
            return "data:text/vtt;base64," + base64.b64encode(self.site.joinpath(target).read_bytes()).decode()
        self._want(target)
        return quote(relative(self.in_pack(page), self.in_pack(target))) + tail

    def _kind(self, target: str) -> str | None:
        """"file", "folder" or None; asked of the same few files by every page, so kept."""
        if target not in self.kinds:
            path = os.path.join(self.site, target)
            self.kinds[target] = "file" if os.path.isfile(path) else "folder" if os.path.isdir(path) else None
        return self.kinds[target]

    def _want(self, target: str) -> None:
        if target not in self.page_set and self.in_pack(target) not in self.pack.files and target not in self.waiting:
            self.waiting.append(target)

    def _copy(self, target: str) -> None:
        data = self.site.joinpath(target).read_bytes()
        if target.endswith(".css"):
            for match in CSS_URL.finditer(data.decode("utf-8")):
                self._url(target, match.group(2), False)
        for name in LOADED_BY_SCRIPTS.get(target, ()):
            self._want(posixpath.normpath(posixpath.join(posixpath.dirname(target), name)))
        self._put(target, data)

    def _put(self, site_path: str, data: bytes) -> None:
        path = self.in_pack(site_path)
        if self.by_pack_path.setdefault(path, site_path) != site_path:
            self.pack.problems.append(f"{site_path} and {self.by_pack_path[path]} would both be {path} in the "
                                      f"{self.language.code} copy: rename one of them")
        self.pack.files[path] = data


@functools.cache
def relative(from_page: str, to_file: str) -> str:
    return posixpath.relpath(to_file, posixpath.dirname(from_page) or ".")


def offline_policy(policy: str) -> str:
    """The page's policy for file://: data: media (the inlined captions); no WebAssembly, which
    only Pagefind needed. 'self' matches the copy's own file: URLs in Chromium (tests/test_offline.py)."""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    directives = [d.replace(" 'wasm-unsafe-eval'", "") for d in directives if not d.startswith("media-src")]
    return "; ".join([*directives, "media-src 'self' data:"])
