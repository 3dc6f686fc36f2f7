"""The page-view meter (orkest/testing/page_view.py) in real Chromium, on a small static site
that uses every way a page can fetch: it must see each request the server answers, with the
bytes a gzip-serving host sends, and only what the reader's action caused."""

from __future__ import annotations

import functools
import gzip
import random
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from orkest.testing.page_view import gzip_cost, kind_of, measuring, milliseconds_until

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Meter</title>
<link rel="stylesheet" href="style.css"></head><body><p class="fancy">Tekst</p><img src="dot.png" alt="">
<button id="more">Meer</button><output id="out"></output><button id="slow">Traag</button><output id="later"></output><script src="app.js"></script></body></html>"""
APP = """
new Worker("worker.js");
fetch("data.json").then(r => r.json());
window.addEventListener("load", () => requestIdleCallback(() => setTimeout(() => fetch("late.json"), 300)));
document.getElementById("more").addEventListener("click", () =>
  fetch("more.json").then(r => r.text()).then(t => { document.getElementById("out").textContent = t; }));
document.getElementById("slow").addEventListener("click", () =>
  setTimeout(() => { document.getElementById("later").textContent = "klaar"; }, 250));
"""
FILES = {
    "index.html": PAGE.encode(),
    "style.css": b"@font-face{font-family:F;src:url(font.woff2)}.fancy{font-family:F}" + b"p{color:red}" * 500,
    "app.js": APP.encode(),
    "worker.js": b'importScripts("helper.js");',
    "helper.js": b"self.helped = true;" * 200,
    "data.json": b'{"words": [' + b'"woord", ' * 5000 + b'"eind"]}',
    "late.json": b'{"late": true}',
    "more.json": b'{"more": "' + b"x" * 20_000 + b'"}',
    "font.woff2": random.Random(1).randbytes(2048),  # incompressible, as a real font is
    "dot.png": random.Random(2).randbytes(1024),
}


class RecordingHandler(SimpleHTTPRequestHandler):
    """The server's own log of what it answered: the truth the meter is checked against."""

    answered: list[str]

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass

    def do_GET(self):
        self.answered.append(self.path)
        super().do_GET()


@pytest.fixture
def small_site(tmp_path):
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
    handler = type("Handler", (RecordingHandler,), {"answered": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", handler.answered
    httpd.shutdown()


def paths(fetches, base):
    return sorted(f.url.removeprefix(base) for f in fetches)


def test_a_page_view_holds_every_request_the_server_answered(browser, small_site):
    base, answered = small_site
    with measuring(browser, base) as meter:
        view = meter.views(["/"])["/"]
    assert sorted(answered) == paths(view.all, base)  # the late, idle-callback request included
    assert paths(view.all, base) == ["/", "/app.js", "/data.json", "/dot.png", "/font.woff2", "/helper.js",
                                     "/late.json", "/style.css", "/worker.js"]
    kinds = {f.url.removeprefix(base): f.kind for f in view.all}
    assert kinds == {"/": "html", "/style.css": "css", "/app.js": "js", "/worker.js": "worker",
                     "/helper.js": "worker", "/data.json": "json", "/late.json": "json", "/font.woff2": "font",
                     "/dot.png": "image"}
    sizes = {f.url.removeprefix(base): f.gzip_bytes for f in view.all}
    assert sizes["/data.json"] == len(gzip.compress(FILES["data.json"], compresslevel=9)) < len(FILES["data.json"])
    assert sizes["/font.woff2"] == len(FILES["font.woff2"])  # gzip would make it bigger: sent as it is
    # Images are reported apart, not counted.
    assert paths(view.apart, base) == ["/dot.png"]
    assert view.gzip_bytes == sum(size for path, size in sizes.items() if path != "/dot.png")
    assert view.by_kind()["image"] == sizes["/dot.png"]


def test_each_view_is_a_first_visit_and_views_run_side_by_side(browser, small_site):
    base, answered = small_site
    with measuring(browser, base) as meter:
        views = meter.views(["/", "/index.html", "/"], tabs=3)
        again = meter.views(["/"])["/"]
    assert [len(v.all) for v in views.values()] == [9, 9]
    assert again.gzip_bytes == views["/"].gzip_bytes  # nothing came from the browser's cache
    assert len(answered) == 4 * 9


def test_during_counts_only_what_the_action_fetched(browser, small_site):
    base, _ = small_site
    with measuring(browser, base) as meter:
        page, view = meter.open("/")
        click = meter.during(page, lambda p: p.click("#more"))
        nothing = meter.during(page, lambda p: p.mouse.move(5, 5))
        page.close()
    assert "/more.json" not in paths(view.all, base)
    assert paths(click.all, base) == ["/more.json"]
    assert click.gzip_bytes == gzip_cost(FILES["more.json"])
    assert nothing.all == ()


def test_the_wait_after_an_action_is_timed_until_the_page_shows_the_result(browser, small_site):
    base, _ = small_site
    with measuring(browser, base) as meter:
        page, _ = meter.open("/")
        waited = milliseconds_until(page, lambda p: p.click("#slow"),
                                    "() => document.getElementById('later').textContent === 'klaar'")
        page.close()
    assert 240 <= waited < 1000  # the page shows it 250 ms after the click


def test_the_summary_names_size_requests_and_the_biggest(browser, small_site):
    base, _ = small_site
    with measuring(browser, base) as meter:
        view = meter.views(["/"])["/"]
    summary = view.summary(base, count=2)
    assert summary.startswith(f"{view.gzip_bytes / 1024:.1f} KB gzip in 8 requests; biggest: /font.woff2 2.0 KB (font), ")
    assert "dot.png" not in summary


def test_requests_to_another_host_are_blocked_and_named(browser, small_site, tmp_path):
    base, _ = small_site
    (tmp_path / "index.html").write_text('<img src="https://example.org/tracker.gif" alt="">', encoding="utf-8")
    with measuring(browser, base) as meter:
        view = meter.views(["/"])["/"]
    assert view.foreign == ("https://example.org/tracker.gif",)
    assert paths(view.all, base) == ["/"]


def test_kinds_come_from_chromium_s_type_and_the_content_type():
    assert kind_of("fetch", "application/wasm", "/pagefind/wasm.unknown") == "wasm"
    assert kind_of("xhr", "application/octet-stream", "/a/b.wasm?v=1") == "wasm"
    assert kind_of("other", "text/javascript; charset=utf-8", "/w.js") == "worker"
    assert kind_of("fetch", "application/octet-stream", "/pagefind/index/nl_1.pf_index") == "data"
    assert kind_of("media", "video/mp4", "/v.mp4") == "media"
    assert kind_of("other", "image/png", "/favicon.png") == "image"
