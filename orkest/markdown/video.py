"""Videos in Markdown: `![type:video](URL){ title="..." captions="..." poster="..." }`.

The syntax is mkdocs-video's, so pages written for that plugin work unchanged,
but the output respects privacy and bandwidth: a YouTube or Vimeo video is a
click-to-load placeholder (nothing is fetched from the service before the
reader asks), and a file of the site is a native <video preload="none"> with
caption tracks in every language and a transcript read from the captions.

The extension is complete on its own, so any Python-Markdown-based generator renders
the same page or fails loudly: under MkDocs it finds the page it renders (and where
the site publishes each file) through MkDocs' link treeprocessor; elsewhere paths are
read relative to `base_dir` and written as given. Every problem of a page (unknown
host, missing file, no title...) is collected and raised together, as a VideoError
naming the page, once the page is converted.
"""

from __future__ import annotations

import os
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

try:  # MkDocs reports its own BuildError as a plain message, other errors with a traceback.
    from mkdocs.exceptions import BuildError as _GeneratorError
except ImportError:  # another generator: a plain error
    _GeneratorError = ValueError

from orkest.site import UI_STRINGS

from .video_sources import HostedVideo, LocalVideo, VideoSourceError, video_source
from .webvtt import WebVTTError, duration_label, read_cues

# Attribute values may hold braces: captions="video/name-{lang}.vtt".
SYNTAX = r"""!\[type:video\]\((?P<url>[^)]*)\)(?:\{(?P<attributes>(?:"[^"]*"|'[^']*'|[^}"'])*)\})?"""
ATTRIBUTE = re.compile(r"""(?P<key>[\w-]+)\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")
ATTRIBUTES = ("title", "captions", "poster", "duration")
DURATION = re.compile(r"^\d+:[0-5]\d$")


class VideoError(_GeneratorError):
    """Every problem with the videos of one page."""

    def __init__(self, page: str, problems: list[str]):
        self.problems = problems
        super().__init__(f"{page}: video problem(s):\n  - " + "\n  - ".join(problems))


@dataclass
class FoundVideo:
    """A video on the page, for overviews: its title, length and anchor."""

    title: str
    anchor: str
    duration: str | None = None
    problems: list[str] = field(default_factory=list)


class VideoBlockProcessor(BlockProcessor):
    """A paragraph that is only the video syntax becomes a <figure>."""

    LINE = re.compile(rf"^\s*{SYNTAX}\s*$")

    def __init__(self, parser, extension: VideoExtension):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent, block) -> bool:
        return bool(self.LINE.match(block))

    def run(self, parent, blocks) -> None:
        self.extension.find_page(self.parser.md)
        match = self.LINE.match(blocks.pop(0))
        figure = self.extension.render(match["url"], match["attributes"] or "")
        if figure is not None:
            parent.append(figure)


class StrayVideoProcessor(InlineProcessor):
    """The video syntax inside a sentence: a problem, since a figure cannot sit in a line."""

    def __init__(self, pattern, extension: VideoExtension):
        super().__init__(pattern)
        self.extension = extension

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown's name
        self.extension.problems.append(
            f"the video {m['url']!r} must stand on a line of its own, with empty lines around it"
        )
        return "", m.start(0), m.end(0)


class RaiseVideoProblems(Treeprocessor):
    """Once the page is parsed (inline too), every problem found on it, together."""

    def __init__(self, md, extension: VideoExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root) -> None:
        if self.extension.problems:
            raise VideoError(self.extension.shown_page(), self.extension.problems)


class VideoExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "language": ["nl", "Language of the page (placeholder text, default captions)"],
            "languages": [{"nl": "Nederlands", "en": "English"}, "Caption languages and labels"],
            "base_dir": [".", "Folder that page and media paths are relative to (docs/)"],
            "strings": [{}, "The words per language (default: orkest/strings.yml); the plugin sets them"],
        }
        super().__init__(**kwargs)
        self.start_page("")

    def start_page(self, page_path: str, url_for=None) -> None:
        """Outside MkDocs, call before converting each page: paths and problems belong to it.

        `url_for(path)` turns a media path (relative to base_dir) into the URL to
        write in the page; by default the path is written as the writer gave it.
        """
        self.page_path = page_path
        self.url_for = url_for
        self.problems: list[str] = []
        self.videos: list[FoundVideo] = []

    def find_page(self, md: Markdown) -> None:
        """The page being rendered, and the URL each file is published at: from MkDocs' link
        treeprocessor, or from Zensical's rendering context (which has the page, not the files)."""
        relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
        page, files = getattr(relpath, "file", None), getattr(relpath, "files", None)
        if page is None or files is None:
            self._find_page_elsewhere(md)
            return
        if page.src_uri == self.page_path:
            return

        def url_for(path: str) -> str:
            published = files.get_file_from_path(path)
            if published is None:
                raise VideoSourceError(f"'{path}' is not published")
            return posixpath.relpath(published.url or ".", posixpath.dirname(page.url) or ".")

        self.page_path, self.url_for = page.src_uri, url_for

    def _find_page_elsewhere(self, md: Markdown) -> None:
        rendering = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors else None
        page = getattr(rendering, "page", None)
        path = getattr(page, "path", None)
        if not path or path == self.page_path:
            return
        folder = posixpath.dirname(path) or "."

        # Zensical resolves every address in the page as written from the page's file, <video> too.
        def url_for(media: str) -> str:
            return posixpath.relpath(media, folder)

        self.page_path, self.url_for = path, url_for

    def shown_page(self) -> str:
        return self._shown(os.path.basename(self.page_path))

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.parser.blockprocessors.register(VideoBlockProcessor(md.parser, self), "video", 95)
        # Above the image pattern (150), which would otherwise read it as an image.
        md.inlinePatterns.register(StrayVideoProcessor(SYNTAX, self), "stray_video", 175)
        # After the inline patterns (20): the stray-video problems are in by then.
        md.treeprocessors.register(RaiseVideoProblems(md, self), "video_problems", 5)
        md.registerExtension(self)

    def reset(self) -> None:
        self.problems, self.videos = [], []

    # -- rendering --------------------------------------------------------------

    def render(self, url: str, attribute_text: str) -> etree.Element | None:
        strings = (self.getConfig("strings") or UI_STRINGS)[self.getConfig("language")]["video"]
        video = FoundVideo(title="", anchor=f"video-{len(self.videos) + 1}")
        attributes = self._attributes(attribute_text, url, video.problems)
        video.title = attributes.get("title", "").strip()
        if not video.title:
            video.problems.append(f"the video {url!r} has no title: add {{ title=\"...\" }}")
        try:
            source = video_source(url)
        except VideoSourceError as error:
            video.problems.append(str(error))
            source = None
        if isinstance(source, LocalVideo):
            self._read(source.path, "video file", video.problems, binary=True)
        captions = self._captions(attributes.get("captions"), source, video.problems)
        poster = self._poster(attributes.get("poster"), source, video.problems)
        cues = captions.get(self.getConfig("language"), (None, []))[1]
        video.duration = duration_label(cues[-1].end) if cues else attributes.get("duration")
        if video.duration and not DURATION.match(video.duration):
            video.problems.append(f"duration {video.duration!r} should look like 1:30")
        self.videos.append(video)
        if video.problems:
            self.problems.extend(video.problems)
            return None
        figure = etree.Element("figure", {"class": "video", "id": video.anchor})
        frame = etree.SubElement(figure, "div", {"class": "video__frame"})
        if isinstance(source, HostedVideo):
            self._placeholder(frame, figure, source, poster, video, strings)
        else:
            self._player(frame, source, poster, captions, video, strings)
        caption = self._caption(figure, source, captions, video, strings)
        if cues:
            # Inside the caption: a <figure> may hold nothing after its <figcaption>.
            details = etree.SubElement(caption, "details", {"class": "video__transcript"})
            etree.SubElement(details, "summary").text = strings["transcript"]
            for cue in cues:
                etree.SubElement(details, "p").text = cue.text
        return figure

    def _placeholder(self, frame, figure, source: HostedVideo, poster, video, strings) -> None:
        if poster:
            etree.SubElement(frame, "img", {"class": "video__poster", "src": poster, "alt": "",
                                            "width": "1280", "height": "720", "loading": "lazy"})
        notice_id = f"{video.anchor}-notice"
        button = etree.SubElement(frame, "button", {
            "type": "button", "class": "video__load", "aria-describedby": notice_id,
            "data-embed-url": source.embed_url, "data-embed-title": video.title,
        })
        etree.SubElement(button, "span", {"class": "video__play-icon", "aria-hidden": "true"})
        etree.SubElement(button, "span").text = strings["play"].format(title=video.title)
        notice = etree.SubElement(figure, "p", {"class": "video__notice", "id": notice_id})
        notice.text = strings["notice"].format(service=source.service)

    def _player(self, frame, source: LocalVideo, poster, captions, video, strings) -> None:
        src = self._url(source.path)
        # On paper the player is its poster (extra.css); on a screen this copy is hidden and lazy, so never fetched.
        etree.SubElement(frame, "img", {"class": "video__poster video__poster--print", "src": poster,
                                        "alt": "", "width": "1280", "height": "720", "loading": "lazy"})
        player = etree.SubElement(frame, "video", {
            "controls": "controls", "preload": "none", "poster": self._url(poster), "width": "1280",
            "height": "720", "aria-label": video.title,
        })
        etree.SubElement(player, "source", {"src": src, "type": source.mime_type})
        for language, (caption_path, _) in captions.items():
            track = etree.SubElement(player, "track", {
                "kind": "captions", "srclang": language, "src": self._url(caption_path),
                "label": self.getConfig("languages")[language],
            })
            if language == self.getConfig("language"):
                track.set("default", "default")
        fallback = etree.SubElement(player, "p")
        fallback.text = strings["fallback"] + " "
        etree.SubElement(fallback, "a", {"href": source.path}).text = strings["download"]

    def _caption(self, figure, source, captions, video, strings) -> etree.Element:
        caption = etree.SubElement(figure, "figcaption", {"class": "video__caption"})
        etree.SubElement(caption, "strong").text = video.title
        if video.duration:
            _append_text(caption, " · ")
            length = etree.SubElement(caption, "span", {"class": "video__duration"})
            length.text = strings["duration"].format(duration=video.duration)
        if isinstance(source, HostedVideo):
            _append_text(caption, " · ")
            link = etree.SubElement(caption, "a", {"href": source.watch_url})
            link.text = strings["watch"].format(service=source.service)
        if captions:
            _append_text(caption, " · ")
            downloads = etree.SubElement(caption, "span", {"class": "video__downloads"})
            downloads.text = strings["captions"] + " "
            for index, (language, (caption_url, _)) in enumerate(captions.items()):
                link = etree.SubElement(downloads, "a", {"href": caption_url, "download": "",
                                                         "hreflang": language})
                link.text = self.getConfig("languages")[language]
                link.tail = ", " if index < len(captions) - 1 else ""
        return caption

    # -- attributes and files -----------------------------------------------------

    def _attributes(self, text: str, url: str, problems: list[str]) -> dict[str, str]:
        found = {m["key"]: m["double"] if m["double"] is not None else m["single"]
                 for m in ATTRIBUTE.finditer(text)}
        leftover = ATTRIBUTE.sub("", text).strip()
        if leftover:
            problems.append(f"the video {url!r} has unreadable attributes: {leftover!r} "
                            '(write them as name="value")')
        for key in found.keys() - set(ATTRIBUTES):
            problems.append(f"the video {url!r} has an unknown attribute '{key}' "
                            f"(allowed: {', '.join(ATTRIBUTES)})")
        return found

    def _captions(self, template, source, problems) -> dict[str, tuple[str, list]]:
        if not template:
            if isinstance(source, LocalVideo):
                problems.append(f"the video '{source.path}' needs captions: add "
                                'captions="path/to/file-{lang}.vtt" (one file per language)')
            return {}
        if "{lang}" not in os.path.basename(template):
            problems.append(f"captions={template!r} must contain {{lang}}, e.g. 'video/name-{{lang}}.vtt'")
            return {}
        found = {}
        for language in self.getConfig("languages"):
            path = template.replace("{lang}", language)
            text = self._read(path, f"caption file ({language})", problems)
            if text is None:
                continue
            try:
                found[language] = (path, read_cues(text))
            except WebVTTError as error:
                problems.append(f"caption file '{self._shown(path)}' is not valid WebVTT: it {error}")
        return found

    def _poster(self, path, source, problems) -> str | None:
        if not path:
            if isinstance(source, LocalVideo):
                problems.append(f"the video '{source.path}' needs a poster image: add poster=\"...\"")
            return None
        if "//" in path or ":" in path:
            problems.append(f"poster {path!r} must be a file stored with the site, not a web address")
            return None
        if self._read(path, "poster image", problems, binary=True) is None:
            return None
        return path

    def _full_path(self, path: str) -> str:
        page_dir = os.path.dirname(self.page_path)
        return os.path.normpath(os.path.join(self.getConfig("base_dir"), page_dir, path))

    def _shown(self, path: str) -> str:
        """The path as a contributor sees it from the project folder: docs/..."""
        project = os.path.dirname(os.path.abspath(self.getConfig("base_dir")))
        return os.path.relpath(os.path.abspath(self._full_path(path)), project)

    def _outside(self, path: str) -> bool:
        """Whether a media path is a web address, absolute, or leads out of base_dir (docs/)."""
        base = os.path.abspath(self.getConfig("base_dir"))
        full = os.path.abspath(self._full_path(path))
        return ":" in path or path.startswith(("/", "\\")) or os.path.commonpath([base, full]) != base

    def _read(self, path, what, problems, binary=False):
        if self._outside(path):
            problems.append(f"{what} {path!r} must be a file under docs/, given relative to the page "
                            "(no web address, no absolute path, no ../ out of docs/)")
            return None
        full = self._full_path(path)
        if not os.path.isfile(full):
            problems.append(f"{what} not found: '{self._shown(path)}'")
            return None
        if binary:
            return b""
        with open(full, encoding="utf-8") as handle:
            return handle.read()

    def _url(self, path: str) -> str:
        """The URL for <video>, <source> and <track>, which site generators leave alone.

        Links (<a href>, <img src>) keep the path as written: the generator
        resolves those like any other link in the page.
        """
        if self.url_for is None:
            return path
        base = os.path.normpath(self.getConfig("base_dir"))
        try:
            return self.url_for(os.path.relpath(self._full_path(path), base).replace(os.sep, "/"))
        except VideoSourceError as error:
            self.problems.append(f"{self._shown(path)}: {error}")
            return path


def _append_text(parent: etree.Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def makeExtension(**kwargs) -> VideoExtension:  # noqa: N802 - Python-Markdown's name
    return VideoExtension(**kwargs)
