"""The two speed-ups that act on MkDocs itself: the template cache and the preview's watcher
and rebuild delay."""

from __future__ import annotations

import time
from types import SimpleNamespace

from orkest.mkdocs import serve_speed
from orkest.testing import build_site, fixture_project


def test_compiled_templates_are_kept_for_the_next_build(tmp_path, monkeypatch):
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "index.en.md": "# Home\n"})
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the cache goes to the temporary folder
    assert build_site(tmp_path / "site", "http://127.0.0.1/", cwd=project).returncode == 0
    cached = list(tmp_path.glob("orkest-in-de-klas-templates-*/__jinja2_*.cache"))
    assert len(cached) >= 30  # Material's base, partials and ours
    before = {path: path.stat().st_mtime_ns for path in cached}
    assert build_site(tmp_path / "site", "http://127.0.0.1/", cwd=project).returncode == 0
    assert {path: path.stat().st_mtime_ns for path in cached} == before  # read, not compiled again


def test_the_preview_listens_for_saves_and_not_for_reads(tmp_path):
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.inotify import InotifyObserver

    page = tmp_path / "docs" / "pagina.md"
    page.parent.mkdir()
    page.write_text("# Pagina\n", encoding="utf-8")
    template = tmp_path / "overrides" / "main.html"
    template.parent.mkdir()
    template.write_text("{{ page.content }}", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(page.parent))
    assert serve_speed.ServeSpeed().on_serve(server, None, None) is server
    assert isinstance(server.observer, InotifyObserver) and server.build_delay == 0.02
    server.watch(str(template.parent))  # MkDocs watches some folders after the hook
    server.observer.start()
    try:
        page.read_text(encoding="utf-8")  # every build reads the pages and templates: no rebuild for that
        template.read_text(encoding="utf-8")
        time.sleep(0.3)
        assert not server._want_rebuild
        page.write_text("# Pagina\n\nNieuw.\n", encoding="utf-8")
        deadline = time.monotonic() + 2
        while not server._want_rebuild:
            assert time.monotonic() < deadline, "a save was not noticed"
            time.sleep(0.01)
        server.unwatch(str(page.parent))  # MkDocs can still stop watching a folder
    finally:
        server.observer.stop()
        server.observer.join()


def test_without_change_events_the_preview_polls_every_twentieth_of_a_second_and_rebuilds_at_once():
    emitters = [SimpleNamespace(_timeout=0.5), SimpleNamespace(_timeout=0.5)]
    server = SimpleNamespace(observer=SimpleNamespace(_timeout=0.5, emitters=emitters), build_delay=0.1)
    assert serve_speed.ServeSpeed().on_serve(server, None, None) is server
    assert server.observer._timeout == 0.05 and [e._timeout for e in emitters] == [0.05, 0.05]
    assert server.build_delay == 0.02


def test_an_unfamiliar_watcher_is_left_alone(caplog):
    server = SimpleNamespace(observer=SimpleNamespace(emitters=[]))
    with caplog.at_level("INFO"):
        assert serve_speed.ServeSpeed().on_serve(server, None, None) is server
    assert "cannot shorten" in caplog.text
