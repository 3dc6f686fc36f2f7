"""The rules of the site that more than one layer needs, each in one place.

Languages come from mkdocs-static-i18n's configuration where MkDocs runs (the plugin
hands them to the layers below); these are the defaults the checks use without it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

PACKAGE = Path(__file__).resolve().parent
# The Dutch original first; every page.md has a page.<language>.md twin.
DEFAULT_LANGUAGE = "nl"
OTHER_LANGUAGES = ("en",)
# In messages to contributors (English), and on the site in the language itself.
LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}
NATIVE_NAMES = {"nl": "Nederlands", "en": "English"}
PAGE_SCHEMA = yaml.safe_load((PACKAGE / "checks" / "page_schema.yml").read_text(encoding="utf-8"))
PAGE_TYPES = PAGE_SCHEMA["properties"]["type"]["enum"]
AUDIENCES = PAGE_SCHEMA["properties"]["audience"]["items"]["enum"]
# What readers see, per language: audience labels and the words our templates print.
UI_STRINGS = yaml.safe_load((PACKAGE / "strings.yml").read_text(encoding="utf-8"))
