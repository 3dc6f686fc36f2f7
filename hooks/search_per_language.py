"""One search index per language, each with its own stemmer.

mkdocs-static-i18n builds every language in turn into one site folder and
then writes a single root search index holding *all* languages (with the
last language's stemmer). A Dutch reader would download the English pages
too and search them with English rules. This hook instead:

- gives each language build its own search language (so Dutch is stemmed);
- writes each non-default language's index into that language's folder
  (`/en/search/search_index.json`, locations relative to `/en/`);
- after the last build, puts the root index back to the default language only.

`overrides/main.html` points the pages of each language at their own index.
"""

from __future__ import annotations

import logging
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.plugins.search_per_language")


def _plugins(config: MkDocsConfig):
    i18n = config.plugins.get("i18n")
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if i18n is None or search is None:
        raise PluginError("search_per_language needs the 'i18n' and 'search' plugins")
    return i18n, search


def _write_index(index, language: str, site_dir: str, folder: str) -> None:
    index.config["lang"] = [language]
    path = os.path.join(site_dir, folder, "search", "search_index.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(index.generate_search_index(None))
    log.debug("Search index for '%s': %d entries in %s", language, len(index.entries), path)


def _language_folder(i18n, language: str) -> str:
    """The folder a language is built into: '' for the default, 'en' for English."""
    return i18n.get_language_config(language).link.strip("/")


def _strip(location: str, prefix: str) -> str:
    if not location.startswith(prefix):
        raise PluginError(f"search entry {location!r} is outside '{prefix}'")
    return location[len(prefix):]


# Runs before the search plugin's on_config, which copies these settings.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n, search = _plugins(config)
    # The first build starts before i18n has chosen a language: that is the default.
    search.config.lang = [i18n.current_language or i18n.default_language]
    return config


def on_page_context(context, page, config: MkDocsConfig, nav):
    # The theme finds the search index under its "base"; see overrides/main.html.
    i18n, _ = _plugins(config)
    context["search_language_folder"] = _language_folder(i18n, i18n.current_language)
    return context


# Runs after mkdocs-static-i18n's own post-build step (priority -100).
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    i18n, search = _plugins(config)
    index = search.search_index
    if i18n.building:
        # An inner build of another language: move its index into its own folder.
        language = i18n.current_language
        prefix = _language_folder(i18n, language) + "/"
        merged_entries = index.entries
        # Copies: i18n keeps the originals for the merged root index.
        index.entries = [dict(e, location=_strip(e["location"], prefix)) for e in merged_entries]
        _write_index(index, language, config.site_dir, prefix)
        index.entries = merged_entries
        return
    # The outer (default language) build: i18n has just merged all languages into it.
    default = i18n.default_language
    # The home page's URL is "./" but its search location is "".
    default_urls = {f.url.removeprefix("./") for f in i18n.i18n_files_per_language.get(default, [])}
    index.entries[:] = [e for e in index.entries if e["location"].split("#")[0] in default_urls]
    _write_index(index, default, config.site_dir, "")
