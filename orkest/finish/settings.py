"""What the finishing step needs to know of a site, read from its mkdocs.yml without a
generator: where the theme's templates are, its features and the site's address."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from orkest.config import read_config


def theme_settings(config_file: Path) -> dict:
    """template_dirs (the project's overrides, then the theme's own), features, scope, site_url."""
    config = read_config(config_file)
    theme = config.get("theme") or {}
    dirs = [config_file.parent / theme["custom_dir"]] if theme.get("custom_dir") else []
    dirs.append(Path(str(files(theme.get("name", "material")) / "templates")))
    return {"template_dirs": dirs, "features": theme.get("features", []),
            "scope": (config.get("extra") or {}).get("scope"), "site_url": config.get("site_url") or "/"}
