"""Every page's front matter is checked against orkest/checks/page_schema.yml.

A contributor who forgets a field, misspells one or picks a value that does
not exist gets one message per problem, naming the file, the field and what
is allowed, in plain words. Every page of both languages is checked before
the build stops, so every problem shows at once; ./scripts/check runs the same
docs_problems().
"""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path

import fastjsonschema
import yaml

from orkest.checks.cross_page import cross_page_problems
from orkest.checks.page_source import (
    FAST_LOADER,
    FRONT_MATTER,
    decode_source,
    front_matter_fields,
)
from orkest.site import PAGE_SCHEMA, Languages

SCHEMA = PAGE_SCHEMA
# Compiled to Python once: a page that passes costs microseconds. A page that fails is then
# explained by jsonschema, which names every error (fastjsonschema stops at the first).
PASSES = fastjsonschema.compile(SCHEMA)
FIELDS = SCHEMA["properties"]
EXAMPLES = {
    "title": "title: Trompetventielen oliën",
    "description": "description: Stap voor stap de ventielen van een trompet oliën.",
    "type": "type: manual",
    "audience": "audience: [music-teacher, conductor]",
    "instrument": "instrument: Trompet",
    "date": "date: 2026-11-22",
}
KINDS = {"array": "a list, like [a, b]", "string": "text", "integer": "a whole number",
         "object": "a group of settings"}


def docs_problems(docs_dir: Path, pages: list[Path] | None = None,
                  languages: Languages | None = None) -> list[str]:
    """What the build fails on and ./scripts/check reports: each page's encoding and front
    matter (every page in docs_dir, or only these), then the rules between pages (in the
    site's languages: these, or those of the mkdocs.yml beside docs_dir)."""
    return docs_findings(docs_dir, pages, languages)[0]


def docs_findings(docs_dir: Path, pages: list[Path] | None = None,
                  languages: Languages | None = None) -> tuple[list[str], dict[Path, tuple[dict, dict]]]:
    """docs_problems, and each page's front matter as it was read (front_matter_fields)."""
    problems = []
    fields = {}  # each page's front matter, read once for its own checks and those between pages
    for path in sorted(docs_dir.rglob("*.md")) if pages is None else pages:
        shown = path.resolve().relative_to(docs_dir.resolve().parent).as_posix()
        text, not_utf8 = decode_source(path.resolve().read_bytes())
        fields[path] = front_matter_fields(text)
        found = ([not_utf8] if not_utf8 else []) + [
            (None, problem) for problem in front_matter_problems(text, fields[path][0])]
        problems += [f"{shown}:{line}: {problem}" if line else f"{shown}: {problem}" for line, problem in found]
    return problems + cross_page_problems(docs_dir, languages, fields if pages is None else None), fields


def source_problems(data: bytes) -> list[tuple[int | None, str]]:
    """(line or None, message) for each problem of a page file's encoding and front matter."""
    text, not_utf8 = decode_source(data)
    return ([not_utf8] if not_utf8 else []) + [(None, problem) for problem in front_matter_problems(text)]


def front_matter_problems(source: str, data: dict | None = None) -> list[str]:
    """What is wrong with the front matter of a page's source text (empty if nothing); `data`
    is that front matter when it was already read (front_matter_fields)."""
    match = FRONT_MATTER.match(source)
    if match is None:
        required = ", ".join(SCHEMA["required"])
        return [f"the page has no front matter: start the file with a block between two '---' "
                f"lines that holds {required}"]
    try:
        data = data or yaml.load(match["yaml"], Loader=FAST_LOADER) or {}
    except yaml.YAMLError:
        return [_unreadable(match["yaml"])]
    if not isinstance(data, dict):
        return ["the front matter should be lines of 'field: value'"]
    # YAML reads 2026-11-22 as a date; the schema checks the written form.
    data = {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in data.items()}
    try:
        PASSES(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    from jsonschema import (
        Draft202012Validator,  # imported only when a page has a problem
    )

    errors = list(Draft202012Validator(SCHEMA).iter_errors(data))
    # jsonschema gives one 'required' error per missing field, each listing all the fields
    # its rule needs: name every missing field once, in the schema's order.
    needed = {name for error in errors if error.validator == "required" for name in error.validator_value}
    missing = [_missing(name, data) for name in FIELDS if name in needed and name not in data]
    others = sorted((e for e in errors if e.validator != "required"),
                    key=lambda e: (list(e.absolute_path), e.message))
    return missing + [explain(error, data) for error in others]


# Errors are explained by re-reading with the pure-Python loader, which gives the line and reason.
def _unreadable(text: str) -> str:
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark else ""
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        return (f"the front matter cannot be read{where}: {reason} "
                "(tip: put text with a ':' in it between quotes)")
    return "the front matter cannot be read: it is not valid YAML"


def _missing(name: str, data: dict) -> str:
    why = FIELDS[name]["description"]
    condition = f" (a page of type '{data.get('type')}' needs it)" if name not in SCHEMA["required"] else ""
    return f"the field '{name}' is missing{condition}: {why}. Add a line like: {EXAMPLES.get(name, name + ': ...')}"


def explain(error, data: dict) -> str:
    path = list(error.absolute_path)
    field = str(path[0]) if path else ""
    value = error.instance
    if error.validator == "additionalProperties":
        unknown = sorted(set(data) - set(FIELDS))
        hints = []
        for name in unknown:
            close = difflib.get_close_matches(name, FIELDS, n=1)
            hints.append(f"'{name}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        return f"unknown field(s) {', '.join(hints)}; the fields a page can have: {', '.join(FIELDS)}"
    if error.validator == "enum":
        choices = error.validator_value
        close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        return f"the field '{field}' has '{value}', which is not one of the choices: {', '.join(map(str, choices))}.{hint}"
    if error.validator == "type":
        return f"the field '{field}' should be {KINDS.get(error.validator_value, error.validator_value)}, not {value!r}"
    if error.validator in ("minLength", "maxLength"):
        limit = "at least" if error.validator == "minLength" else "at most"
        return f"the field '{field}' is {len(value)} characters long; it should be {limit} {error.validator_value}"
    if error.validator == "minItems":
        return f"the field '{field}' needs at least {error.validator_value} value(s)"
    if error.validator == "uniqueItems":
        return f"the field '{field}' has the same value more than once"
    if error.validator in ("minimum", "maximum"):
        return f"the field '{field}' has {value}; groep numbers go from 1 to 8"
    if error.validator == "pattern" and field in ("title", "description", "instrument"):
        return (f"the field '{field}' holds markup ({value!r}): front matter is plain text, "
                "so leave out < and >, and put a space after every & (write 'Q & A', not 'Q&A')")
    if error.validator == "pattern":
        return f"the field '{field}' has {value!r}; write a date like 2026-11-22"
    return f"the field '{field}': {error.message}"
