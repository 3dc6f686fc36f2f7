"""The preview's reload time alone: a Dutch and an English edit under the default preview
(`mkdocs serve --dirty`, both languages) on a synthetic corpus, five edits a second apart.

Run: .venv/bin/python bench/serve_figures.py --size 1000  (the full benchmark also measures it).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from corpus import make_corpus
from corpus_benchmark import BUDGETS, serve_reload_seconds, write_configs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="pages per language")
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    size, edits = args.size, args.edits
    limit = BUDGETS["serve"]["max_reload_seconds_1000"]
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / f"corpus-{size}"
        config = write_configs(corpus, make_corpus(corpus, size))["project"]
        page = corpus / "docs" / "deel-01" / "pagina-0001.md"
        figures = {"nl": serve_reload_seconds(config, page, "/deel-01/pagina-0001/", ["--dirty"], edits),
                   "en": serve_reload_seconds(config, page.with_suffix(".en.md"), "/en/deel-01/pagina-0001/",
                                              ["--dirty"], edits)}
    for language, seconds in figures.items():
        print(f"{'ok  ' if seconds <= limit else 'MISS'} a {language} edit at {size} pages per language shows after "
              f"{seconds:.2f} s (median of {edits}; budget {limit} s)")
    return 0 if all(seconds <= limit for seconds in figures.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
