"""Search that works per language: own index, own stemmer, stemmed type-ahead.

mkdocs-static-i18n builds every language in turn into one site folder and
then writes a single root search index holding *all* languages (with the
last language's stemmer). A Dutch reader would download the English pages
too and search them with English rules. This hook instead:

- gives each language build its own search language (so Dutch is stemmed);
- writes each non-default language's index into that language's folder
  (`/en/search/search_index.json`, locations relative to `/en/`);
- after the last build, puts the root index back to the default language only;
- hands overrides/main.html's config block this language's index and
  `assets/javascripts/workers/search-worker.js`, which makes the theme's type-ahead
  wildcard (`instrumenten*`) go through the stemmer.
"""

from __future__ import annotations

import logging
import os
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.contrib.search import LangOption
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.search")

# The wrapper sits beside the theme's worker: the theme loads its language files relative to it.
THEME_WORKER = re.compile(r"^(?P<folder>.*/workers/)(?P<worker>search\.[0-9a-f]+\.min\.js)$")


def _plugins(config: MkDocsConfig):
    i18n = config.plugins.get("i18n")
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if i18n is None or search is None:
        raise PluginError("orkest's search step needs the 'i18n' and 'search' plugins")
    return i18n, search


def lunr_language(language: str) -> str:
    """The search language for a site language: its Lunr stemmer, or, as MkDocs' own search
    does, 'en' (Lunr's default pipeline) for a language Lunr has none for (Papiamento)."""
    return "en" if language == "en" else LangOption().get_lunr_supported_lang(language) or "en"


def _language_folder(i18n, language: str) -> str:
    """The folder a language is built into: '' for the default, 'en' for English."""
    return i18n.get_language_config(language).link.strip("/")


def _strip(location: str, prefix: str) -> str:
    if not location.startswith(prefix):
        raise PluginError(f"search entry {location!r} is outside '{prefix}'")
    return location[len(prefix):]


def _write_index(index, language: str, site_dir: str, folder: str) -> None:
    index.config["lang"] = [lunr_language(language)]
    path = os.path.join(site_dir, folder, "search", "search_index.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(index.generate_search_index(None))
    log.debug("Search index for '%s': %d entries in %s", language, len(index.entries), path)


def search_settings(base_url: str, language_folder: str, theme_worker: str) -> dict[str, str]:
    """What overrides/main.html's config block writes: this language's index and the stemming worker."""
    # The theme finds the index at "<base>/search/search_index.json".
    base = f"{base_url.rstrip('/')}/{language_folder}/" if language_folder else base_url
    return {"base": base, "worker": f"assets/javascripts/workers/search-worker.js?theme={theme_worker}"}


class Search:
    def __init__(self) -> None:
        self.theme_worker = ""  # the theme's own worker file, which ours wraps

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        i18n, search = _plugins(config)
        # The first build starts before i18n has chosen a language: that is the default.
        search.config.lang = [lunr_language(i18n.current_language or i18n.default_language)]
        return config

    def on_files(self, files, config: MkDocsConfig):
        workers = [f.src_uri for f in files if THEME_WORKER.match("/" + f.src_uri)]
        if len(workers) != 1:
            raise PluginError(f"expected one search worker in the theme, found {workers}: has the theme changed?")
        self.theme_worker = THEME_WORKER.match("/" + workers[0])["worker"]
        return files

    def on_page_context(self, context, page, config: MkDocsConfig, nav):
        i18n, _ = _plugins(config)
        folder = _language_folder(i18n, i18n.current_language)
        context["search_settings"] = search_settings(context["base_url"], folder, self.theme_worker)
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        # The one 404 page serves every language; it searches the default language.
        context["search_settings"] = search_settings(context["base_url"], "", self.theme_worker)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        i18n, search = _plugins(config)
        index = search.search_index
        if i18n.building:
            # An inner build of another language: write its index into its own folder.
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
