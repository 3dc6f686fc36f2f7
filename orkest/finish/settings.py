"""What the finishing step needs to know of a site, read from its mkdocs.yml without a
generator: where the theme's templates are, its features and the site's address."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags (their value, or the default given), other tags as plain data."""


def _environment(loader: _ConfigLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[name] for name in variables if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _environment)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: loader.construct_scalar(node)
                                    if isinstance(node, yaml.ScalarNode) else None)


def theme_settings(config_file: Path) -> dict:
    """template_dirs (the project's overrides, then the theme's own), features, scope, site_url."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    theme = config.get("theme") or {}
    dirs = [config_file.parent / theme["custom_dir"]] if theme.get("custom_dir") else []
    dirs.append(Path(str(files(theme.get("name", "material")) / "templates")))
    return {"template_dirs": dirs, "features": theme.get("features", []),
            "scope": (config.get("extra") or {}).get("scope"), "site_url": config.get("site_url") or "/"}
