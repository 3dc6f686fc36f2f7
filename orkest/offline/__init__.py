"""The offline copies: one .zip per language that opens from a USB stick or a folder (file://).

`python -m orkest offline site/` works on a finished site, whatever built it: it reads the
languages from the home page's hreflang links, builds each language's copy (pack.py), writes
`site/offline/orkest-in-de-klas-<language>.zip` and puts the copies' sizes on the home page and
the contributor guide (size_note.py). A copy never contacts a network by itself.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from orkest.offline.pack import Language, Pack, PackBuilder
from orkest.offline.size_note import write_notes

FOLDER = "offline"
NAME = "orkest-in-de-klas-{language}"
# Same files, same bytes: a fixed time on every entry (the zip format starts in 1980).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Already compressed: stored as they are (deflating them costs time and saves nothing).
STORED = (".mp4", ".webm", ".webp", ".png", ".jpg", ".jpeg", ".gif", ".zip", ".docx", ".xlsx", ".odt",
          ".ods", ".pdf", ".gz", ".woff2")
HINT = "hint: build the site first (mkdocs build --strict); a link that points at nothing is fixed in its page"


@dataclass
class Made:
    zips: dict[str, tuple[str, int]] = field(default_factory=dict)  # language -> (site path, bytes)
    packs: list[Pack] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return "; ".join(f"{path}: {size / 1_000_000:.1f} MB, {pack.pages} pages, {len(pack.files)} files"
                         for pack, (path, size) in zip(self.packs, self.zips.values(), strict=True))


def site_languages(site_dir: Path) -> tuple[str, list[Language]]:
    """The site's address and its languages, read from the home page: its canonical link and
    its hreflang links (the site's first language has the root folder)."""
    home = site_dir / "index.html"
    if not home.is_file():
        raise ValueError(f"{home}: no home page; {HINT}")
    tree = LexborHTMLParser(home.read_text(encoding="utf-8"))
    canonical = tree.css_first('link[rel="canonical"]')
    if canonical is None:
        raise ValueError(f"{home}: no <link rel=canonical> that gives the site's address")
    site_url = canonical.attributes["href"] or ""
    root = urlsplit(site_url).path
    languages = [Language(tree.css_first("html").attributes.get("lang") or "", "")]
    for link in tree.css("link[hreflang]"):
        code, path = link.attributes["hreflang"], urlsplit(link.attributes.get("href") or "").path
        if code != "x-default" and path.startswith(root) and path != root:
            languages.append(Language(code, path[len(root):]))
    return site_url, languages


def make_packs(site_dir: Path) -> Made:
    """Every language's copy written as a .zip under site/offline/, and the sizes on the pages."""
    made = Made()
    site_url, languages = site_languages(site_dir)
    for language in languages:
        pack = PackBuilder(site_dir, site_url, language, languages).build()
        made.packs.append(pack)
        made.problems += pack.problems
    if made.problems:
        return made
    (site_dir / FOLDER).mkdir(exist_ok=True)
    for pack in made.packs:
        path = f"{FOLDER}/{NAME.format(language=pack.language.code)}.zip"
        write_zip(site_dir / path, NAME.format(language=pack.language.code), pack.files)
        made.zips[pack.language.code] = (path, (site_dir / path).stat().st_size)
    made.problems += write_notes(site_dir, languages, made.zips)
    return made


def write_zip(path: Path, folder: str, files: dict[str, bytes]) -> None:
    """The files under one folder (unzipping gives one folder, not a spill of files), in order."""
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(files):
            entry = zipfile.ZipInfo(f"{folder}/{name}", ZIP_TIME)
            entry.external_attr = 0o644 << 16
            method = zipfile.ZIP_STORED if name.lower().endswith(STORED) else zipfile.ZIP_DEFLATED
            archive.writestr(entry, files[name], compress_type=method, compresslevel=6)
