"""Synthetic bilingual corpora for the build benchmark, made from the site's own text.

Every page is a Dutch/English pair with front matter, headings, paragraphs taken from
the real pages (so word lengths, accents and sentence shapes are real), a list, an
admonition, links to other pages and to a heading, and on every tenth page one of the
site's instruction videos. Ten sections, each split into topics of up to twenty pages,
like the real navigation would grow. The result is the same for the same size.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SECTIONS = 10
TOPIC_SIZE = 20
# Pages the project's plugin fills in (listing, video overview, translation status): kept,
# so the benchmark measures that work at scale too.
GENERATED_PAGES = ("voor-wie", "instrumenten/videos", "meedoen/vertaalstatus")
VIDEO = "trompet-ventielen-olien"
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
ATTRIBUTES = re.compile(r"\s*\{[^}]*\}")


@dataclass(frozen=True)
class TextPool:
    """Aligned Dutch and English paragraphs and headings from the real pages."""

    paragraphs: list[tuple[str, str]]
    headings: list[tuple[str, str]]


def _blocks(markdown: str) -> tuple[list[str], list[str]]:
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---") else markdown
    paragraphs, headings = [], []
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if block.startswith("## "):
            headings.append(ATTRIBUTES.sub("", block[3:].splitlines()[0]).strip())
        elif re.match(r"^[A-Za-zÀ-ÿ'\"]", block) and "|" not in block and len(block) > 60:
            paragraphs.append(ATTRIBUTES.sub("", LINK.sub(r"\1", " ".join(block.split()))))
    return paragraphs, headings


def text_pool() -> TextPool:
    paragraphs, headings = [], []
    for dutch in sorted(DOCS.rglob("*.md")):
        if dutch.name.endswith(".en.md") or not dutch.with_suffix(".en.md").exists():
            continue
        nl = _blocks(dutch.read_text(encoding="utf-8"))
        en = _blocks(dutch.with_suffix(".en.md").read_text(encoding="utf-8"))
        paragraphs += zip(nl[0], en[0])
        headings += zip(nl[1], en[1])
    return TextPool(paragraphs, headings)


def _page(title: tuple[str, str], pool: TextPool, rng: random.Random,
          others: list[str], video: bool) -> tuple[str, str]:
    picks = rng.sample(pool.paragraphs, 8)
    heads = rng.sample(pool.headings, 3)
    items = rng.sample(pool.headings, 3)
    target = rng.choice(others)
    pages = []
    for lang, (admonition, see, and_step, video_title) in enumerate([
        ("Goed om te weten", "Lees ook", "en stap 2", "Trompetventielen oliën"),
        ("Good to know", "Read also", "and step 2", "Oiling trumpet valves"),
    ]):
        # Front matter is plain text (orkest/checks/page_schema.yml): no markup from the pages.
        description = re.sub(r"[<>`]|&(?=[#A-Za-z])", "", picks[0][lang])
        if len(description) > 190:
            description = description[:190].rsplit(" ", 1)[0]
        lines = [
            "---", f"title: {json.dumps(title[lang], ensure_ascii=False)}",
            f"description: {json.dumps(description, ensure_ascii=False)}",
            "type: manual", "audience: [music-teacher, coordinator]", "---", "",
            f"# {title[lang]}", "", picks[0][lang], "",
            f"## {heads[0][lang]} {{#stap-1}}", "", picks[1][lang], "", picks[2][lang], "",
            *[f"- {item[lang]}" for item in items], "",
            f'!!! tip "{admonition}"', "", f"    {picks[3][lang]}", "",
            f"## {heads[1][lang]} {{#stap-2}}", "", picks[4][lang], "",
            f"{see}: [{target}](../{target}.md) {and_step.split()[0]} "
            f"[{' '.join(and_step.split()[1:])}](../{target}.md#stap-2).", "",
        ]
        if video:
            suffix = ["nl", "en"][lang]
            lines += [f'![type:video](../video/{VIDEO}-{suffix}.mp4){{ title="{video_title}" '
                      f'poster="../video/{VIDEO}-{suffix}.webp" captions="../video/{VIDEO}-{suffix}-{{lang}}.vtt" }}', ""]
        lines += [f"## {heads[2][lang]} {{#stap-3}}", "", picks[5][lang], "", picks[6][lang], "", picks[7][lang], ""]
        pages.append("\n".join(lines))
    return pages[0], pages[1]


def make_corpus(dest: Path, pages_per_language: int) -> list[str]:
    """Write the corpus's docs/ and return its nav as YAML lines (for mkdocs.yml)."""
    pool, rng = text_pool(), random.Random(pages_per_language)
    docs = dest / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    for name in ("index", *GENERATED_PAGES):
        for suffix in (".md", ".en.md"):
            target = docs / f"{name}{suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            # Their links lead to pages the corpus does not have: keep the words only.
            target.write_text(LINK.sub(r"\1", (DOCS / f"{name}{suffix}").read_text(encoding="utf-8")),
                              encoding="utf-8")
    video_dir = docs / "video"
    video_dir.mkdir()
    for source in (DOCS / "instrumenten" / "video").glob(f"{VIDEO}-*"):
        shutil.copy(source, video_dir / source.name)
    content_pages = pages_per_language - 1 - len(GENERATED_PAGES)
    names = [f"deel-{n % SECTIONS + 1:02d}/pagina-{n + 1:04d}" for n in range(content_pages)]
    nav = ["nav:", "  - index.md", "  - voor-wie.md"]
    for section in range(1, SECTIONS + 1):
        in_section = [name for name in names if name.startswith(f"deel-{section:02d}/")]
        nav.append(f"  - Deel {section}:")
        for topic in range(0, len(in_section), TOPIC_SIZE):
            nav.append(f"    - Onderwerp {topic // TOPIC_SIZE + 1}:")
            nav += [f"      - {name}.md" for name in in_section[topic:topic + TOPIC_SIZE]]
    nav += ["  - instrumenten/videos.md", "  - meedoen/vertaalstatus.md"]
    for number, name in enumerate(names):
        paragraph = rng.choice(pool.paragraphs)
        title = tuple(f"{number + 1}. " + " ".join(p.split()[:5]).strip(".,:;") for p in paragraph)
        others = [other for other in rng.sample(names, min(3, len(names))) if other != name] or [name]
        dutch, english = _page(title, pool, rng, others, video=number % 10 == 0)
        path = docs / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dutch, encoding="utf-8")
        path.with_suffix(".en.md").write_text(english, encoding="utf-8")
    # The project reads page dates from git, so the corpus is a repository with one commit.
    if not (dest / ".git").exists():
        subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True)
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit",
                    "-q", "--allow-empty", "-m", "corpus"], cwd=dest, check=True)
    return nav
