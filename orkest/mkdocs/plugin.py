"""The `orkest` MkDocs plugin: adapts MkDocs' events to the layers below, holds no rules.

Every step keeps its state on its own object, made anew at the start of each build.
`mkdocs serve` loads the configuration again before each rebuild, but keeps this plugin
object (MkDocs keeps every plugin with an on_startup), so the steps are re-made when a new
configuration arrives; only SESSION_STEPS last the whole preview session (what a dirty
preview remembers of earlier builds). EVENTS is the one table of what runs when, and why there.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from orkest.mkdocs.about_pages import AboutPages
from orkest.mkdocs.content_check import ContentPolicyCheck
from orkest.mkdocs.dirty_preview import DirtyPreview
from orkest.mkdocs.downloads import Downloads
from orkest.mkdocs.edit_links import EditLinks
from orkest.mkdocs.error_page import ErrorPage
from orkest.mkdocs.finish import Finish
from orkest.mkdocs.front_matter import FrontMatter
from orkest.mkdocs.hreflang import Hreflang
from orkest.mkdocs.listings import Listings
from orkest.mkdocs.preview_language import PreviewLanguage
from orkest.mkdocs.search_marks import SearchMarks
from orkest.mkdocs.search_preview import SearchPreview
from orkest.mkdocs.serve_messages import ServeMessages
from orkest.mkdocs.serve_speed import ServeSpeed
from orkest.mkdocs.template_cache import TemplateCache
from orkest.mkdocs.translation_status import TranslationStatus
from orkest.mkdocs.ui_strings import UiStrings
from orkest.mkdocs.videos import Videos
from orkest.site import STRINGS_FILE

STEPS = {
    "template_cache": TemplateCache, "serve_speed": ServeSpeed, "serve_messages": ServeMessages,
    "preview_language": PreviewLanguage, "dirty_preview": DirtyPreview, "front_matter": FrontMatter, "ui_strings": UiStrings, "videos": Videos,
    "listings": Listings, "downloads": Downloads, "translation_status": TranslationStatus, "edit_links": EditLinks,
    "search_marks": SearchMarks, "search_preview": SearchPreview, "hreflang": Hreflang, "error_page": ErrorPage, "content": ContentPolicyCheck, "finish": Finish,
    "about_pages": AboutPages,
}
SESSION_STEPS = {"dirty_preview", "search_preview"}

# (event, priority, steps in order, why there). mkdocs-static-i18n runs at -100 in
# config, files, nav and post_build, and builds each further language from its post_build.
EVENTS = [
    ("startup", 0, ["dirty_preview", "finish", "search_preview"],
     "a dirty preview rebuilds only what changed (and what reads it: a workbook); a preview gets no policy tag (its live-reload script changes per request)"),
    ("config", 0, ["ui_strings", "translation_status", "edit_links", "finish", "dirty_preview"],
     "every language has its words; git history once; no broken edit links; no remote assets; "
     "a dirty preview lists the theme's files once"),
    ("config", -150, ["videos"], "after i18n has chosen this build's language"),
    ("pre_build", 0, ["search_preview"], "a full preview rebuild empties the site: the background indexing ends first"),
    ("files", 100, ["content"], "the file policy, before any file is copied"),
    ("files", 0, ["preview_language", "videos"], "before i18n picks one file per page"),
    ("files", -150, ["front_matter", "listings", "finish", "about_pages"],
     "after i18n has picked this language's files: every page's front matter checked (once) and read; "
     "the list pages made from it; the files MkDocs copies; which pages about the site exist"),
    ("nav", -150, ["dirty_preview", "listings", "videos"],
     "after i18n has made this language's navigation; before MkDocs reads the pages (a dirty preview marks what to rebuild)"),
    ("env", 0, ["template_cache"], "before any template is loaded"),
    ("page_read_source", 0, ["front_matter"], "before MkDocs decodes the file"),
    ("page_content", 0, ["videos"], "collect each page's videos for the overview"),
    ("page_context", 50, ["ui_strings", "listings", "downloads", "translation_status", "videos"],
     "this language's words first; fill the generated pages before they are checked and indexed; "
     "a page's downloads made from its Markdown as it is rendered (a dirty preview: only pages rebuilt)"),
    ("page_context", 40, ["content"], "the content policy, on the page as the reader gets it"),
    ("page_context", 0, ["edit_links", "hreflang", "search_marks", "finish", "about_pages"],
     "the template's context; what search indexes, after the steps that fill generated pages"),
    ("template_context", 0, ["ui_strings", "about_pages"], "the 404 page: its search dialog's words, and every language's text; its footer links"),
    ("post_page", -150, ["finish"], "each page secured after every plugin has changed it, before it is written"),
    ("post_template", -50, ["error_page"], "only the default language writes the one 404 page"),
    ("post_template", -150, ["finish"], "the 404 page secured as it is written"),
    ("post_build", 10, ["content"], "fail before i18n builds the next language"),
    ("post_build", 8, ["downloads"], "every download box's file is there, before i18n builds the next language"),
    ("post_build", 5, ["dirty_preview"], "this language built without error: remember its navigation"),
    ("post_build", -300, ["finish", "search_preview"],
     "last: the files no page wrote, every language built; then Pagefind indexes it (a preview: in the background)"),
    ("serve", 0, ["serve_speed", "serve_messages"], "the preview notices saves fast and shows every error"),
]


class OrkestConfig(base.Config):
    # Off only to measure what the theme gives without our repairs (bench/quality_figures.py).
    repair_html = c.Type(bool, default=True)
    # Off only to measure what making the pages' downloads costs (README, Performance).
    downloads = c.Type(bool, default=True)
    # Pages per generated audience or instrument list page (orkest/mkdocs/listings.py): at 100 a
    # list page is about 5 KB of HTML (gzip), whatever the size of the site.
    listing_page_size = c.Type(int, default=100)
    # The words readers see, one table per language (relative to mkdocs.yml); a project with
    # a language orkest/strings.yml does not have can name its own file.
    strings = c.File(exists=True, default=str(STRINGS_FILE))


class OrkestPlugin(BasePlugin[OrkestConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.startup: dict | None = None  # on_startup's arguments, given again to each build's new steps
        self.build_config = None  # the configuration of the build the steps were made for
        self.steps = {name: step() for name, step in STEPS.items()}

    def begin_build(self, config) -> None:
        """New steps for a new build (i18n's language builds share one configuration)."""
        if config is self.build_config:
            return
        first = self.build_config is None
        self.build_config = config
        if not first:
            self.steps = {name: self.steps[name] if name in SESSION_STEPS else step()
                          for name, step in STEPS.items()}
            for name in next(steps for event, _, steps, _ in EVENTS if event == "startup"):
                if name not in SESSION_STEPS and self.startup is not None:
                    self.steps[name].on_startup(**self.startup)
        self.steps["listings"].front_matter = self.steps["front_matter"].fields
        self.steps["dirty_preview"].connect(self.steps)


def _handler(event: str, priority: int, steps: list[str]):
    def run(self: OrkestPlugin, *item, **kwargs):
        result = item[0] if item else None
        if event == "startup":
            self.startup = kwargs
        elif event == "config":
            self.begin_build(result)
        for step in steps:
            returned = getattr(self.steps[step], f"on_{event}")(*([result] if item else []), **kwargs)
            if returned is not None:
                result = returned
        return result
    run.__name__ = f"_{event}_{priority}".replace("-", "minus")
    return event_priority(priority)(run)


def _register_events(plugin: type[OrkestPlugin]) -> None:
    """One on_<event> per event of the table, running its groups of steps at their priorities."""
    for name in dict.fromkeys(event for event, *_ in EVENTS):
        setattr(plugin, f"on_{name}", CombinedEvent(
            *(_handler(event, priority, steps) for event, priority, steps, _ in EVENTS if event == name)))


_register_events(OrkestPlugin)
