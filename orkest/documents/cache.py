"""Downloads kept between builds, keyed by everything that makes them.

A build makes a page's files only when their key is new: the page's text and its workbook
pages' texts, the formats, the language, the words, this package's generator code and the
versions of python-docx, XlsxWriter and odfpy. Otherwise it copies the bytes a build made
before (the same bytes: the files are reproducible), without importing the libraries. The
folder is under the system's temporary directory, or ORKEST_DOWNLOADS_CACHE (tests give an
empty one, so every file is made anew).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import zipfile
from importlib import metadata
from pathlib import Path

ENV = "ORKEST_DOWNLOADS_CACHE"
LIBRARIES = ("python-docx", "XlsxWriter", "odfpy")


def folder() -> Path:
    default = Path(tempfile.gettempdir()) / f"orkest-in-de-klas-downloads-{getattr(os, 'getuid', lambda: 'user')()}"
    return Path(os.environ.get(ENV) or default)


@functools.cache  # the installed code and libraries do not change while a build runs
def generator_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    for name in LIBRARIES:
        digest.update(f"{name}=={metadata.version(name)}".encode())
    return digest.hexdigest()


def key(formats: list[str], language: str, words: dict, texts: list[str]) -> str:
    inputs = json.dumps([generator_version(), formats, language, words, texts], sort_keys=True)
    return hashlib.sha256(inputs.encode()).hexdigest()


def cached(name: str, formats: list[str]) -> dict[str, bytes] | None:
    try:
        with zipfile.ZipFile(folder() / f"{name}.zip") as kept:
            return {kind: kept.read(kind) for kind in formats}
    except (OSError, KeyError, zipfile.BadZipFile):
        return None


def keep(name: str, files: dict[str, bytes]) -> None:
    """All of a page's files in one uncompressed zip: one file to create, not one per format."""
    where = folder()
    where.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = where / f"{name}.zip.{os.getpid()}"
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as kept:
        for kind, data in files.items():
            kept.writestr(kind, data)
    os.replace(partial, where / f"{name}.zip")  # whole or not at all, also with two builds at once
