"""What a reader's browser fetches: every request real Chromium makes for a page view (HTML,
CSS, JS, JSON, fonts, workers and what they import, WebAssembly, xhr/fetch), or while the reader
does something on an open page, with what each costs from a host that compresses.

Bytes are counted as a host that gzips would send them: each response body gzip-compressed at
level 9 (as orkest.testing.page_weight always did), or as it is when gzip would not make it
smaller (fonts, images, already-compressed data). The local test server sends everything
uncompressed, so the size is computed from the body the browser received, not from headers.
Images and media are recorded but reported apart: they are not in the page-view budget.

    with measuring(browser, base_url) as meter:
        views = meter.views(["/", "/en/"])            # {path: Fetches}, several tabs at once
        page, view = meter.open("/")                  # a page view, and the tab stays open
        first = meter.during(page, lambda p: p.click("input.md-search__input"))
        wait = milliseconds_until(page, lambda p: p.keyboard.type("fagot"), "() => ...")
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from playwright.sync_api import Error as PlaywrightError

KB = 1024
# Kinds a reader pays for on every view, images and media apart (not in the budget).
APART = ("image", "media")
# A view is over when nothing was in flight for this long after the load event: the
# 500 ms of Playwright's "networkidle", plus time for requests started by idle callbacks.
QUIET_SECONDS = 0.7
TIMEOUT_SECONDS = 30.0


def gzip_cost(body: bytes) -> int:
    """Bytes a gzip-serving host sends for this body (it leaves incompressible bodies as they are)."""
    return min(len(body), len(gzip.compress(body, compresslevel=9)))


@dataclass(frozen=True)
class Fetch:
    url: str
    kind: str  # html, css, js, worker, json, wasm, font, data, image, media, other
    raw_bytes: int
    gzip_bytes: int


@dataclass(frozen=True)
class Fetches:
    """The requests of one page view or one interaction."""

    all: tuple[Fetch, ...]
    foreign: tuple[str, ...] = ()  # requests to another host: blocked, never fetched

    @property
    def budgeted(self) -> tuple[Fetch, ...]:
        return tuple(f for f in self.all if f.kind not in APART)

    @property
    def apart(self) -> tuple[Fetch, ...]:
        return tuple(f for f in self.all if f.kind in APART)

    @property
    def gzip_bytes(self) -> int:
        """What the budget counts: every request but images and media."""
        return sum(f.gzip_bytes for f in self.budgeted)

    def by_kind(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for f in self.all:
            kinds[f.kind] = kinds.get(f.kind, 0) + f.gzip_bytes
        return dict(sorted(kinds.items(), key=lambda item: -item[1]))

    def biggest(self, count: int = 3) -> list[Fetch]:
        return sorted(self.budgeted, key=lambda f: -f.gzip_bytes)[:count]

    def summary(self, base_url: str = "", count: int = 3) -> str:
        """'68.9 KB gzip in 9 requests; biggest: /assets/javascripts/bundle.js 34.1 KB (js), ...'"""
        biggest = ", ".join(f"{f.url.removeprefix(base_url) or '/'} {f.gzip_bytes / KB:.1f} KB ({f.kind})"
                            for f in self.biggest(count))
        return f"{self.gzip_bytes / KB:.1f} KB gzip in {len(self.budgeted)} requests; biggest: {biggest}"


def kind_of(resource_type: str, content_type: str, url: str) -> str:
    """A request's kind, from what Chromium says it is for and what the server says it holds."""
    content_type, path = content_type.split(";")[0].strip().lower(), url.split("?")[0].lower()
    if resource_type == "media" or content_type.startswith(("video/", "audio/")):
        return "media"
    if resource_type == "image" or content_type.startswith("image/"):
        return "image"
    named = {"document": "html", "stylesheet": "css", "script": "js", "font": "font"}
    if resource_type in named:
        return named[resource_type]
    if content_type == "application/wasm" or path.endswith(".wasm"):
        return "wasm"
    if "json" in content_type or path.endswith(".json"):
        return "json"
    if "javascript" in content_type or path.endswith((".js", ".mjs")):
        return "worker"  # scripts that are not the page's own: what workers import
    return "data" if resource_type in ("xhr", "fetch") else "other"


@dataclass
class Recording:
    """The requests of one tab since it was last started, and whether its network is quiet."""

    fetches: list[Fetch] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    workers: set[str] = field(default_factory=set)
    in_flight: int = 0
    last_activity: float = field(default_factory=time.monotonic)
    loaded: bool = True

    def touch(self) -> None:
        self.last_activity = time.monotonic()

    def quiet(self) -> bool:
        return self.loaded and not self.in_flight and time.monotonic() - self.last_activity >= QUIET_SECONDS

    def result(self) -> Fetches:
        # Chromium calls a worker's own script "script"; what the worker imports is "other".
        fetches = [Fetch(f.url, "worker", f.raw_bytes, f.gzip_bytes) if f.url in self.workers and f.kind == "js"
                   else f for f in self.fetches]
        return Fetches(tuple(fetches), tuple(self.foreign))


def _abandon(route) -> None:
    try:
        route.abort()
    except PlaywrightError:  # the tab is gone already
        pass


class Meter:
    """One browser context on a served site; every request of each of its tabs is recorded.
    Each request is fetched through Playwright, so the meter sees the very body the browser
    gets (Response.body() after the fact may fetch an image again). Routing every request also
    turns off Chromium's HTTP cache: each view is a first visit. Other hosts are blocked."""

    def __init__(self, context, base_url: str):
        self.context, self.base_url = context, base_url.rstrip("/")
        self.recordings: dict[object, Recording] = {}
        self.costs: dict[bytes, int] = {}  # gzip cost by body digest: the same files come on every page
        context.route("**/*", self._route)

    def _recordings_of(self, request) -> list[Recording]:
        try:
            page = request.frame.page
        except Exception:  # noqa: BLE001 - no frame (a service worker): counted for every tab
            return list(self.recordings.values())
        return [self.recordings[page]] if page in self.recordings else []

    def _route(self, route) -> None:
        request, recordings = route.request, self._recordings_of(route.request)
        if not request.url.startswith(self.base_url + "/"):
            for recording in recordings:
                recording.foreign.append(request.url)
            route.abort()
            return
        if not recordings:  # a late request of a tab whose view is already counted and closed
            _abandon(route)
            return
        for recording in recordings:
            recording.in_flight += 1
            recording.touch()
        try:
            try:
                response = route.fetch()
                body = response.body()
            except PlaywrightError:
                if all(page.is_closed() for page in self.recordings if self.recordings[page] in recordings):
                    return  # its tab closed meanwhile: nothing left to count or to answer
                raise
            digest = hashlib.sha1(body).digest()
            if digest not in self.costs:
                self.costs[digest] = gzip_cost(body)
            fetch = Fetch(request.url, kind_of(request.resource_type, response.headers.get("content-type", ""),
                                               request.url), len(body), self.costs[digest])
            route.fulfill(response=response, body=body)
            for recording in recordings:
                recording.fetches.append(fetch)
        finally:
            for recording in recordings:
                recording.in_flight -= 1
                recording.touch()

    def _start(self, page, loading: bool) -> Recording:
        self.recordings[page] = Recording(loaded=not loading)
        return self.recordings[page]

    def _tab(self) -> object:
        page = self.context.new_page()

        def loaded(_page) -> None:
            if page in self.recordings:
                self.recordings[page].loaded = True
                self.recordings[page].touch()

        page.on("load", loaded)
        page.on("worker", lambda worker: page in self.recordings and self.recordings[page].workers.add(worker.url))
        return page

    def views(self, paths: list[str], tabs: int = 6) -> dict[str, Fetches]:
        """A page view of each path with no interaction, `tabs` at a time."""
        results, waiting, open_tabs = {}, list(reversed(paths)), {}
        while waiting or open_tabs:
            while waiting and len(open_tabs) < tabs:
                path, page = waiting.pop(), self._tab()
                open_tabs[page] = (path, self._start(page, loading=True), time.monotonic())
                page.goto(self.base_url + path, wait_until="commit")
            next(iter(open_tabs)).wait_for_timeout(50)  # lets Playwright deliver every tab's events
            for page, (path, recording, started) in list(open_tabs.items()):
                if time.monotonic() - started > TIMEOUT_SECONDS:
                    raise TimeoutError(f"{path}: the network was still busy after {TIMEOUT_SECONDS} s")
                if recording.quiet():
                    results[path] = self.recordings.pop(page).result()
                    del open_tabs[page]
                    page.close()
        return {path: results[path] for path in paths}

    def open(self, path: str):
        """A page view of `path`, and its tab left open for `during` (close it when done)."""
        page = self._tab()
        recording = self._start(page, loading=True)
        page.goto(self.base_url + path, wait_until="commit")
        return page, self._finish(page, recording, path)

    def during(self, page, action: Callable[[object], None]) -> Fetches:
        """What the browser fetches while `action(page)` runs and until the network is quiet again:
        "the bytes of opening search", "of the first query", "of the next one"."""
        recording = self._start(page, loading=False)
        action(page)
        recording.touch()
        return self._finish(page, recording, page.url)

    def _finish(self, page, recording: Recording, where: str) -> Fetches:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while not recording.quiet():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{where}: the network was still busy after {TIMEOUT_SECONDS} s")
            page.wait_for_timeout(50)
        return self.recordings.pop(page).result()


# Stamps the page's clock at each input event, so the wait is timed from the reader's last one.
STAMP_INPUT = """() => { window.__lastInput = undefined;
  if (window.__stampsInput) return;
  window.__stampsInput = true;
  for (const type of ["keydown", "keyup", "pointerdown", "pointerup", "click", "input"])
    window.addEventListener(type, () => { window.__lastInput = performance.now(); }, true); }"""


def milliseconds_until(page, action: Callable[[object], None], done: str, timeout_ms: float = 10_000) -> float:
    """Milliseconds from the last input event of `action(page)` (for typing: its last keystroke)
    until the page's JavaScript predicate `done` holds, timed by the page's own clock, e.g. until
    "() => document.querySelectorAll('.md-search-result__item').length > 0"."""
    page.evaluate(STAMP_INPUT)
    action(page)
    held = page.wait_for_function(
        f"() => window.__lastInput !== undefined && ({done})() && {{ms: performance.now() - window.__lastInput}}",
        polling="raf", timeout=timeout_ms)
    return held.json_value()["ms"]


@contextlib.contextmanager
def measuring(browser, base_url: str) -> Iterator[Meter]:
    """A Meter in a fresh context of `browser` (a Playwright Chromium) for the site at base_url."""
    context = browser.new_context()
    try:
        yield Meter(context, base_url)
    finally:
        context.close()
