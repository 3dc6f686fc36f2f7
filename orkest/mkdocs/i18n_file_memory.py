"""A dirty preview's memory of mkdocs-static-i18n's per-file set-up.

In every language build mkdocs-static-i18n makes each file under docs/ anew for that language
(suffix.create_i18n_file: its language, address and output path). At 1,000 pages per language
that is about a third of a dirty rebuild, and its result depends only on the file's name and
the build's settings, never on what the file holds. In a dirty preview (and only there) each
result is kept and handed out again as a fresh copy.
"""

from __future__ import annotations

import copy

from mkdocs_static_i18n import suffix


class I18nFileMemory:
    def __init__(self) -> None:
        self.made: dict[tuple, object] = {}  # (file name and build settings) -> the i18n file as first made

    def install(self) -> None:
        """Put the memory in front of mkdocs-static-i18n's suffix layout, once per process."""
        if getattr(suffix.create_i18n_file, "memory", None) is not None:
            suffix.create_i18n_file.memory = self
            return
        make = suffix.create_i18n_file

        def remembered(file, current_language, default_language, all_languages, config):
            memory = remembered.memory
            key = (file.src_uri, file.dest_uri, file.inclusion, current_language, default_language,
                   tuple(all_languages), config.docs_dir, config.site_dir, config.use_directory_urls)
            if key not in memory.made:
                memory.made[key] = copy.copy(make(file, current_language, default_language, all_languages, config))
            made = copy.copy(memory.made[key])
            made.alternates = {current_language: made}  # as create_i18n_file starts them: itself only
            return made

        remembered.memory = self
        suffix.create_i18n_file = remembered
