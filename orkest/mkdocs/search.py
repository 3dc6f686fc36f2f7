"""Search that works per language: own index, own stemmer, stemmed type-ahead.

mkdocs-static-i18n builds every language in turn into one site folder and
then writes a single root search index holding *all* languages (with the
last language's stemmer). A Dutch reader would download the English pages
too and search them with English rules. This hook instead:

- gives each language build its own search language (so Dutch is stemmed);
- writes each non-default language's index into that language's folder
  (`/en/search/search_index.json`, locations relative to `/en/`);
- after the last build, puts the root index back to the default language only;
- points each page's theme config at its language's index, and at
  `assets/javascripts/workers/search-worker.js`, which makes the theme's type-ahead
  wildcard (`instrumenten*`) go through the stemmer.
"""

from __future__ import annotations

import json
import logging
import os
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.search")

THEME_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
# The wrapper sits beside the theme's worker: the theme loads its language files relative to it.
THEME_WORKER = re.compile(r"^(?P<folder>.*/workers/)(?P<worker>search\.[0-9a-f]+\.min\.js)$")


def _plugins(config: MkDocsConfig):
    i18n = config.plugins.get("i18n")
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if i18n is None or search is None:
        raise PluginError("orkest's search step needs the 'i18n' and 'search' plugins")
    return i18n, search


def _language_folder(i18n, language: str) -> str:
    """The folder a language is built into: '' for the default, 'en' for English."""
    return i18n.get_language_config(language).link.strip("/")


def _strip(location: str, prefix: str) -> str:
    if not location.startswith(prefix):
        raise PluginError(f"search entry {location!r} is outside '{prefix}'")
    return location[len(prefix):]


def _write_index(index, language: str, site_dir: str, folder: str) -> None:
    index.config["lang"] = [language]
    path = os.path.join(site_dir, folder, "search", "search_index.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(index.generate_search_index(None))
    log.debug("Search index for '%s': %d entries in %s", language, len(index.entries), path)


def rewrite_theme_config(html: str, language_folder: str, where: str) -> str:
    """Point the theme's search at this language's index and the stemming worker."""
    match = THEME_CONFIG.search(html)
    if match is None:
        raise PluginError(f"{where}: the theme's __config script was not found")
    settings = json.loads(match[2])
    worker = THEME_WORKER.match(settings.get("search", ""))
    if worker is None:
        raise PluginError(f"{where}: unexpected search worker {settings.get('search')!r}")
    settings["search"] = f"{worker['folder']}search-worker.js?theme={worker['worker']}"
    if language_folder:
        # The theme finds the index at "<base>/search/search_index.json".
        settings["base"] = f"{settings['base'].rstrip('/')}/{language_folder}/"
    return html[: match.start(2)] + json.dumps(settings) + html[match.end(2) :]


class Search:
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        i18n, search = _plugins(config)
        # The first build starts before i18n has chosen a language: that is the default.
        search.config.lang = [i18n.current_language or i18n.default_language]
        return config

    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        i18n, _ = _plugins(config)
        folder = _language_folder(i18n, i18n.current_language)
        return rewrite_theme_config(output, folder, page.file.src_uri)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output
        # The one 404 page serves every language; it searches the default language.
        return rewrite_theme_config(output, "", template_name)

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
