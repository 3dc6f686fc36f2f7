"""The one-language preview (PREVIEW_LANGUAGE=en, ./scripts/serve --language en) shows
each page's own translation.

mkdocs-static-i18n's `build_only_locale` makes the one language it builds the default,
so in an English-only build it reads `page.md` (Dutch) as English too. Of `page.md` and
`page.en.md` the one it meets last then wins: `page.md` for every page but a section
index (MkDocs lists `index.md` first). The preview would show Dutch text under a "not yet
translated" notice, and an edit to `page.en.md` would never show. This hook hides the
unsuffixed file of each page that has a twin in the preview language before the plugin
chooses, so only a page without a translation falls back to Dutch.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def translated_originals(files: Files, language: str) -> list:
    """The unsuffixed pages (page.md) that have a twin in this language (page.<language>.md)."""
    suffix = f".{language}.md"
    translated = {f.src_uri.removesuffix(suffix) for f in files.documentation_pages()
                  if f.src_uri.endswith(suffix)}
    return [f for f in files.documentation_pages()
            if f.src_uri.removesuffix(".md") in translated]


class PreviewLanguage:
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        only = config.plugins["i18n"].config.build_only_locale
        if not only:
            return files
        for original in translated_originals(files, only):
            files.remove(original)
        return files
