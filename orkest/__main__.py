"""`python -m orkest new TYPE PATH` starts a page pair; `check` runs the fast checks;
`links` checks internal links (offline), or external ones; `finish SITE` repairs a built
site, gives each page its Content-Security-Policy and indexes it for search, whatever generator built it;
`handbooks SITE` prints each section of it as a PDF handbook; `offline SITE` writes the offline copy of
each language (a .zip) into a finished site.

./scripts/new, ./scripts/check and ./scripts/links call these with the project's .venv.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from orkest.checks.quick import quick_check, quick_warnings
from orkest.new_page import new_page_pair
from orkest.site import PAGE_TYPES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orkest")
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="start a new page in Dutch and English from a template")
    new.add_argument("type", choices=PAGE_TYPES, help="the kind of page")
    new.add_argument("path", help="where, without .md: docs/instrumenten/klarinet-riet")
    check = commands.add_parser("check", help="front matter and both languages, in seconds")
    check.add_argument("files", nargs="*", help="only these files (default: all of docs/)")
    links = commands.add_parser("links", help="build the site and check every internal link, "
                                               "or (--external) the links to other websites")
    which = links.add_mutually_exclusive_group()
    which.add_argument("--external", action="store_true", help="every external link in docs/")
    which.add_argument("--changed", metavar="BASE", help="only external links added since BASE (a branch)")
    links.add_argument("--report", type=Path, help="also write the broken links as Markdown here")
    finish = commands.add_parser("finish", help="repair and secure a built site (the build does this itself)")
    finish.add_argument("site", type=Path, help="the built site's folder, e.g. site/")
    finish.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's configuration")
    handbooks = commands.add_parser("handbooks", help="print each section of a built site as a PDF handbook")
    handbooks.add_argument("site", type=Path, help="the built (and finished) site's folder, e.g. site/")
    offline = commands.add_parser("offline", help="write each language's offline copy (.zip) into a finished site")
    offline.add_argument("site", type=Path, help="the finished site's folder, e.g. site/")
    args = parser.parse_args(argv)
    if args.command == "handbooks":
        from orkest.handbooks.make import run

        return run(args.site)
    if args.command == "offline":
        return offline_command(args.site)
    if args.command == "finish":
        return finish_command(args.site, args.config)
    if args.command == "links":
        from orkest.links import run

        return run(args.external, args.changed, args.report)
    if args.command == "new":
        try:
            for created in new_page_pair(args.type, Path(args.path)):
                print(f"created {created}")
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print("Next: add the page to nav: in mkdocs.yml, then write the text (./scripts/serve to preview).")
        return 0
    problems = quick_check([Path(f) for f in args.files])
    for warning in quick_warnings():
        print(f"warning: {warning}", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def finish_command(site: Path, config_file: Path) -> int:
    from orkest.finish import finish_site, report
    from orkest.finish.csp import ThemeScripts
    from orkest.finish.search_index import index_site
    from orkest.finish.settings import theme_settings
    from orkest.finish.stylesheets import minify_stylesheets

    settings = theme_settings(config_file)
    scripts = ThemeScripts(settings["template_dirs"], settings["features"], settings["scope"])
    result = finish_site(site, scripts, settings["site_url"])
    message = report(result)
    if message:
        print(message, file=sys.stderr)
        return 1
    print(f"{result.pages} files repaired and secured; {result.hashes} allowed inline-script hashes in use; "
          f"stylesheets {minify_stylesheets(site)} bytes smaller")
    print(index_site(site).summary())
    return 0


def offline_command(site: Path) -> int:
    from orkest.offline import make_packs

    try:
        made = make_packs(site)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if made.problems:
        listing = "\n  - ".join(made.problems)
        print(f"offline copy: {len(made.problems)} problem(s):\n  - {listing}\n"
              "hint: each names the built page and what it points at; fix the link in its page", file=sys.stderr)
        return 1
    print(f"offline copies: {made.summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
