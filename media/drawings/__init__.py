"""Drawings for the instruction videos: one function per `drawing` key in videos.yml.

DRAWINGS maps each key to its function; every function takes a Pen (see pen.py).
The functions live in one module per instrument.
"""

from . import bassoon, trumpet, violin  # noqa: F401 - importing registers the drawings
from .pen import DRAWINGS, Pen

__all__ = ["DRAWINGS", "Pen"]
