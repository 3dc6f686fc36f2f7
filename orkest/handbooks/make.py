"""Every handbook of a built site: assembled, printed twice (the second time with the page
numbers the first printing gave each page), written next to its section's index page and
linked from it."""

from __future__ import annotations

import datetime
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.dates import format_date

from orkest.config import read_yaml
from orkest.handbooks.assemble import Cover, HandbookDocument, slug
from orkest.handbooks.link_box import add_box, box_html, file_size
from orkest.handbooks.printer import HandbookPrinter, PrintError
from orkest.handbooks.sections import BuiltSite, Section, site_sections
from orkest.site import STRINGS_FILE

PRINTINGS = 3  # with the numbers filled in: one more if filling them in moved a page


@dataclass(frozen=True)
class Handbook:
    section: Section
    pdf: Path
    pages: int
    bytes: int


def made_on() -> datetime.date:
    """Today, or the day SOURCE_DATE_EPOCH names (the reproducible-builds convention)."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    now = datetime.datetime.fromtimestamp(int(stamp), datetime.UTC) if stamp else datetime.datetime.now(datetime.UTC)
    return now.date()


@dataclass(frozen=True)
class PrintedPdf:
    pages: int
    destinations: dict[str, int]  # the page (from 1) each named destination (link target) is on
    bookmarks: list[tuple[str, int]]  # the outline's top level: title and page


def read_pdf(pdf: Path) -> PrintedPdf:
    try:
        from pypdf import PdfReader
    except ImportError as error:
        raise PrintError("pypdf is not installed: install requirements/handbooks.txt") from error
    reader = PdfReader(pdf)
    return PrintedPdf(len(reader.pages),
                      {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
                       for name, dest in reader.named_destinations.items()},
                      [(" ".join(entry.title.split()), reader.get_destination_page_number(entry) + 1)
                       for entry in reader.outline if not isinstance(entry, list)])


class HandbookMaker:
    def __init__(self, site_dir: Path, strings_file: Path = STRINGS_FILE, day: datetime.date | None = None):
        self.site = BuiltSite.read(Path(site_dir))
        self.strings = read_yaml(strings_file)
        self.day = day or made_on()

    def make(self) -> list[Handbook]:
        sections = site_sections(self.site)
        with HandbookPrinter(self.site) as printer, tempfile.TemporaryDirectory(prefix="handbooks-") as work:
            return [self._make(section, printer, Path(work)) for section in sections]

    def _make(self, section: Section, printer: HandbookPrinter, work: Path) -> Handbook:
        words, language = self.strings[section.language]["handbook"], section.language
        date = format_date(self.day, format="long", locale=language)
        cover = Cover(words["kicker"], section.label, Locale.parse(language).get_display_name(language).capitalize(),
                      date, section.index.url, words["contents"])
        document = HandbookDocument(section, cover)
        name = slug(words["file"].format(section=section.label)) + ".pdf"
        index_file = self.site.file_of(section.index.url)
        draft, numbers, printer.missing = work / name, None, []
        with printer.opened(section.index.url + name.removesuffix(".pdf") + ".html", document.html()) as opened:
            opened.print(draft, final=False)
            for _ in range(PRINTINGS):
                result = read_pdf(draft)
                printed = {key: result.destinations[key] for key in document.keys.values()
                           if key in result.destinations}
                if printed == numbers:
                    break
                numbers = printed
                opened.fill_in(numbers)
                opened.print(draft, final=True)
            else:
                raise PrintError(f"{section.index.where}: the table of contents of '{section.label}' kept moving "
                                 f"its pages after {PRINTINGS} printings: shorten its titles")
        self._check(section, document, numbers, result.bookmarks, printer)
        pdf = index_file.parent / name
        shutil.move(draft, pdf)
        size = pdf.stat().st_size
        title = f"{words['kicker']} {section.label}"
        about = words["about"].format(count=len(section.pages), section=section.label, date=date)
        add_box(index_file, box_html(name, title, file_size(size, words, language), result.pages, about,
                                     words["heading"], words["link"]))
        return Handbook(section, pdf, result.pages, size)

    @staticmethod
    def _check(section: Section, document: HandbookDocument, numbers: dict[str, int],
               bookmarks: list[tuple[str, int]], printer: HandbookPrinter) -> None:
        """Each page printed where the contents say, its title the bookmark there, in navigation order."""
        printed = bookmarks[1:]  # the first is the cover's
        for place, page in enumerate(section.pages):
            wanted = (" ".join(page.title.split()), numbers.get(document.keys[page.url]))
            if place >= len(printed) or printed[place] != wanted:
                raise PrintError(f"{page.where}: did not print into the handbook '{section.label}' (bookmark "
                                 f"{place + 2} should be its title on page {wanted[1]}): give it an article that "
                                 "prints, with its title as its only <h1>")
        if len(printed) > len(section.pages):
            raise PrintError(f"{section.index.where}: the handbook '{section.label}' has a bookmark no page's title "
                             f"gives ({printed[len(section.pages)][0]}): give each page one title (<h1>)")
        if printer.missing:
            raise PrintError(f"handbook '{section.label}' ({section.language}): the site lacks "
                             f"{', '.join(sorted(set(printer.missing)))}, which its pages show: build the whole site")


def run(site_dir: Path) -> int:
    """`python -m orkest handbooks SITE`: each handbook's pages and bytes on stdout, a problem on stderr."""
    from orkest.handbooks.sections import SiteError

    try:
        handbooks = HandbookMaker(site_dir).make()
    except (SiteError, PrintError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for handbook in handbooks:
        print(f"{handbook.pdf.relative_to(site_dir)}: {handbook.pages} pages, {handbook.bytes} bytes")
    print(f"{len(handbooks)} handbooks, {sum(h.bytes for h in handbooks)} bytes")
    return 0
