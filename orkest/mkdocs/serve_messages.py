"""Every rebuild under `mkdocs serve` prints its problems, also when they were printed before.

MkDocs puts a DuplicateFilter on its build logger: a message it has logged once in the
process is never logged again. Under `mkdocs serve` that hides the reason of a failed
rebuild when the same error comes back (save a fault, fix it, save it again): the
preview then says only "An error happened during the rebuild". This hook makes the
filter forget before each rebuild, so each one prints what a first build would.
"""

from __future__ import annotations

import logging

from mkdocs.utils import DuplicateFilter

log = logging.getLogger("mkdocs.hooks.serve_messages")


def forget_logged_messages() -> None:
    """Empty every DuplicateFilter on MkDocs' loggers (it is on mkdocs.commands.build)."""
    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
               if name == "mkdocs" or name.startswith("mkdocs.")]
    for logger in loggers:
        for duplicate_filter in [f for f in logger.filters if isinstance(f, DuplicateFilter)]:
            duplicate_filter.msgs.clear()


class ServeMessages:
    def on_serve(self, server, config, builder):
        return every_message_each_rebuild(server)


def every_message_each_rebuild(server):
    rebuild = getattr(server, "builder", None)
    if rebuild is None:
        log.info("cannot reach the preview's rebuild; a repeated error may print no reason")
        return server

    def rebuild_with_every_message(*args, **kwargs):
        forget_logged_messages()
        return rebuild(*args, **kwargs)

    server.builder = rebuild_with_every_message
    return server
