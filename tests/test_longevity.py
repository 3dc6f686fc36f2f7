"""A second engine for the site: ProperDocs, the community fork of MkDocs 1.x, builds the
real site from the same mkdocs.yml, with the same plugin, extensions and theme, into
exactly the same bytes. If MkDocs 1.x stops being installable or maintained, the switch is
one command (`python -m properdocs build --strict -f mkdocs.yml`), and this test says it works.

Zensical, the other successor, is not held to this (it ignores plugins): the weekly canary
in .github/workflows/longevity.yml reports what it builds (orkest/testing/canary.py)."""

from __future__ import annotations

import difflib
from pathlib import Path

from orkest.testing import build_site

SITE_URL = "https://www.orkestindeklas.nl/"
# sitemap.xml and sitemap.xml.gz carry the build date: the same one for both builds.
SAME_DATE = {"SOURCE_DATE_EPOCH": "1767225600", "DISABLE_MKDOCS_2_WARNING": "true"}


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """Each file that is only in one tree or differs, and the first lines of the first text change."""
    lines = [f"only in the MkDocs build: {name}" for name in sorted(first.keys() - second.keys())]
    lines += [f"only in the ProperDocs build: {name}" for name in sorted(second.keys() - first.keys())]
    changed = sorted(name for name in first.keys() & second.keys() if first[name] != second[name])
    lines += [f"different bytes: {name}" for name in changed]
    for name in changed:
        try:
            old, new = first[name].decode("utf-8"), second[name].decode("utf-8")
        except UnicodeDecodeError:
            continue
        diff = difflib.unified_diff(old.splitlines(), new.splitlines(), f"mkdocs/{name}",
                                    f"properdocs/{name}", n=1, lineterm="")
        lines += [line[:200] for line in list(diff)[:20]]
        break
    return lines


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    sites = {}
    for generator in ("mkdocs", "properdocs"):
        site = tmp_path / generator
        result = build_site(site, SITE_URL, "-f", "mkdocs.yml", generator=generator, env=SAME_DATE)
        assert result.returncode == 0, f"{generator} build --strict failed:\n{result.stderr}"
        sites[generator] = _files(site)
    assert len(sites["mkdocs"]) > 100  # the whole site, both languages
    assert _differences(sites["mkdocs"], sites["properdocs"]) == []
