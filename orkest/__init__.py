"""Command-line helpers for contributors: `python -m orkest new` and `python -m orkest check`."""
