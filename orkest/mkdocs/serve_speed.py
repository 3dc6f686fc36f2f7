"""`mkdocs serve` notices a saved file at once, at no cost while nothing changes, and rebuilds at once.

MkDocs watches the files by polling every half second (reliable on every disk and editor).
Polling costs a look at every file each time: at 1,000 pages per language an idle preview
took 40% of a core, taken from the rebuild itself, and polling less often delays every
edit. Where the system tells of changes itself (Linux's inotify, through watchdog, which
MkDocs already uses), the preview listens instead, to the events a save makes (not those of
reading a file, which every build does). Elsewhere, or if the libraries' shapes ever change,
it polls ten times as often as MkDocs does (a millisecond per poll for the real site).
"""

from __future__ import annotations

import logging

from watchdog import events

log = logging.getLogger("mkdocs.hooks.serve_speed")
POLL_SECONDS = 0.05
BUILD_DELAY_SECONDS = 0.02
# What saving, adding, moving or deleting a file sets off; opening and reading one does not.
SAVES = [events.FileModifiedEvent, events.FileCreatedEvent, events.FileDeletedEvent, events.FileMovedEvent,
         events.FileClosedEvent, events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent]


class ServeSpeed:
    def on_serve(self, server, config, builder):
        # MkDocs waits this long for further changes before it rebuilds: enough for an editor's
        # save (one or two writes at once), and a tenth of a second less before an edit shows.
        if hasattr(server, "build_delay"):
            server.build_delay = BUILD_DELAY_SECONDS
        return listening(server) or faster_polling(server)


def listening(server):
    """The server with MkDocs' own watches moved to the system's change events, or None."""
    polling = getattr(server, "observer", None)
    if not hasattr(polling, "_handlers") or not isinstance(getattr(server, "_watch_refs", None), dict):
        return None
    try:
        native = saves_observer()
        moved = {}
        for watch, handlers in list(polling._handlers.items()):
            for handler in handlers:
                moved[watch.path] = native.schedule(handler, watch.path, recursive=watch.is_recursive)
    except (ImportError, OSError, TypeError) as error:  # not Linux, out of inotify watches, another watchdog
        log.info("cannot listen for file changes (%s); the preview polls for them", error)
        return None
    server.observer = native
    server._watch_refs = {path: moved.get(path, watch) for path, watch in server._watch_refs.items()}
    return server


def saves_observer():
    """watchdog's inotify observer, telling only of saves: also for the folders MkDocs watches after this hook."""
    from watchdog.observers.inotify import InotifyObserver

    class SavesObserver(InotifyObserver):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or SAVES,
                                    follow_symlink=follow_symlink)

    return SavesObserver()


def faster_polling(server):
    observer = getattr(server, "observer", None)
    emitters = list(getattr(observer, "emitters", []))
    if observer is None or not hasattr(observer, "_timeout") or \
            not all(hasattr(emitter, "_timeout") for emitter in emitters):
        log.info("cannot shorten the file-watching interval; previews reload at MkDocs' speed")
        return server
    observer._timeout = POLL_SECONDS  # for the folders MkDocs watches after this hook
    for emitter in emitters:
        emitter._timeout = POLL_SECONDS
    return server
