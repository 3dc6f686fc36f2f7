"""mkdocs.yml as plain data, for the layers that read it without MkDocs (the checks, the
finishing step): its !ENV tags give their value (or the default written), other tags
(!!python/name and the like) are read as plain data, never run."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

# libyaml's loader when PyYAML has it (about twenty times faster): the site's own YAML files
# are read on every build.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    """A YAML file of the package or the project, as plain data."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=FAST_LOADER)


class ConfigLoader(FAST_LOADER):
    """mkdocs.yml with its !ENV tags (their value, or the default given), other tags as plain data."""


def _environment(loader: ConfigLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[name] for name in variables if name in os.environ), default)


ConfigLoader.add_constructor("!ENV", _environment)
ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: loader.construct_scalar(node)
                                   if isinstance(node, yaml.ScalarNode) else None)


def read_config(config_file: Path) -> dict:
    """The settings of a mkdocs.yml (an empty file: none)."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=ConfigLoader) or {}


def plugin_settings(config: dict, name: str) -> dict | None:
    """The settings of one plugin in a mkdocs.yml's plugins: (a list or a mapping), None if it is not there."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(entry.items())) if isinstance(entry, dict) else (entry, {}) for entry in plugins)
    return next(((settings or {}) for key, settings in entries if key == name), None)
