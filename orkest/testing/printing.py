"""A page as Chromium prints it (Ctrl+P, A4), read back with poppler's pdfinfo and pdftotext,
and what a reader holding the paper needs: where it came from on every sheet, real text on the
first, no video player, the transcript of each video."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

FIRST_PAGE_WORDS = 80  # page 1 holds at least this many words, or the whole text of a shorter page
PLAYER = re.compile(r"▶|\b0:00\b")  # what a printed <video> with controls shows


def printed_pages(pdf: Path) -> list[str]:
    """The text of each page of the PDF."""
    for tool in ("pdfinfo", "pdftotext"):
        if not shutil.which(tool):
            raise AssertionError(f"{tool} missing: run ./scripts/test (it installs poppler-utils)")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])
    return [subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for number in range(1, count + 1)]


def words(text: str) -> list[str]:
    return text.split()


def print_problems(pages: list[str], where: str, address: str, transcripts: list[str],
                   link_addresses: list[str] = ()) -> list[str]:
    """What is wrong with a printed page, each naming `where` and what to change."""
    problems = [f"{where}: printed page {number} does not say where it came from ({address}): "
                "keep the running line of assets/stylesheets/print.css"
                for number, text in enumerate(pages, start=1) if address not in " ".join(words(text))]
    total = sum(len(words(text)) for text in pages)
    if pages and len(words(pages[0])) < min(FIRST_PAGE_WORDS, total):
        problems.append(f"{where}: printed page 1 holds only {len(words(pages[0]))} words: something pushes the "
                        "text to page 2 (a block that may not break, or a forced page break); let it run over pages")
    everything = " ".join(words(" ".join(pages)))
    if PLAYER.search(everything):
        problems.append(f"{where}: a video prints as a player ('▶ 0:00'): on paper show its poster and transcript")
    problems += [f"{where}: the video's transcript is not on paper ('{line[:40]}...'): print details open"
                 for line in transcripts if " ".join(words(line)) not in everything]
    # A long address wraps over lines on paper, and pdftotext drops a hyphen that ends a line:
    # compared without white space and hyphens.
    unbroken = "".join(everything.split()).replace("-", "")
    problems += [f"{where}: a link's address is not on paper ({link}): keep the print rule for "
                 "a[data-print-address] in overrides/assets/stylesheets/extra.css"
                 for link in link_addresses if link.replace("-", "") not in unbroken]
    return problems
