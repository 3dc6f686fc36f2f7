"""Just enough WebVTT reading for the video extension: cue texts and the end time."""

from __future__ import annotations

import re
from dataclasses import dataclass

TIMING = re.compile(
    r"^(?P<start>(?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+(?P<end>(?:\d+:)?\d{2}:\d{2}\.\d{3})"
)
TAG = re.compile(r"<[^>]+>")


class WebVTTError(ValueError):
    pass


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


def seconds(timestamp: str) -> float:
    *hours, minutes, rest = timestamp.split(":")
    return int(hours[0] if hours else 0) * 3600 + int(minutes) * 60 + float(rest)


def read_cues(text: str) -> list[Cue]:
    """The cues of a WebVTT file, in order; raises WebVTTError if it is not one."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not lines[0].startswith("WEBVTT"):
        raise WebVTTError("does not start with 'WEBVTT'")
    cues, index = [], 1
    while index < len(lines):
        match = TIMING.match(lines[index].strip())
        index += 1
        if not match:
            continue
        body = []
        while index < len(lines) and lines[index].strip():
            body.append(TAG.sub("", lines[index]).strip())
            index += 1
        cues.append(Cue(seconds(match["start"]), seconds(match["end"]), " ".join(body)))
    if not cues:
        raise WebVTTError("has no cues")
    return cues


def duration_label(total_seconds: float) -> str:
    """'1:05' for 65 seconds: how the overview and the caption show a length."""
    whole = int(total_seconds + 0.5)
    return f"{whole // 60}:{whole % 60:02d}"
