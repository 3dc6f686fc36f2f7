"""Where a video comes from: YouTube, Vimeo or a file of the site, from the URL a writer gives.

Only these sources are allowed: hosted video is always embedded in its most
private form (youtube-nocookie.com; Vimeo with do-not-track), and every other
host is refused, so no page can pull in a third party by accident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
                 "youtu.be", "youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
# The only places a page may frame (the Content-Security-Policy allows these and no others).
EMBED_ORIGINS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_PATH = re.compile(r"^/(?:embed|shorts|live|v)/(?P<id>[^/?#]+)")
VIMEO_PATH = re.compile(r"^/(?:video/|channels/[^/]+/|groups/[^/]+/videos/)?(?P<id>\d+)(?:/(?P<hash>[0-9a-f]+))?/?$")
LOCAL_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}
TIME = re.compile(r"^(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s?)?$")


class VideoSourceError(ValueError):
    """The URL is not a video this site can show; the message says why, for a writer."""


@dataclass(frozen=True)
class HostedVideo:
    service: str  # "YouTube" or "Vimeo": shown to the reader before anything loads
    embed_url: str  # loaded into an iframe only after the reader clicks
    watch_url: str  # the service's own page, for readers who prefer it


@dataclass(frozen=True)
class LocalVideo:
    path: str  # as written, relative to the page
    mime_type: str


def video_source(url: str) -> HostedVideo | LocalVideo:
    url = url.strip()
    if not url or any(c.isspace() for c in url):
        raise VideoSourceError(f"the video address {url!r} is empty or contains spaces")
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc:
        return _local(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise VideoSourceError(f"'{url}' is not a web address (it should start with https://)")
    host = parts.hostname.lower()
    if host in YOUTUBE_HOSTS:
        return _youtube(url, parts)
    if host in VIMEO_HOSTS:
        return _vimeo(url, parts)
    raise VideoSourceError(
        f"'{url}' is on {host}; videos can only come from YouTube, Vimeo, "
        "or an .mp4 or .webm file stored under docs/"
    )


def _local(url: str) -> LocalVideo:
    path = url.split("#")[0].split("?")[0]
    suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix not in LOCAL_TYPES:
        raise VideoSourceError(f"'{url}' is not an .mp4 or .webm file")
    if path.startswith("/"):
        raise VideoSourceError(f"'{url}' must be a path relative to the page")
    return LocalVideo(path, LOCAL_TYPES[suffix])


def _youtube(url: str, parts) -> HostedVideo:
    query = parse_qs(parts.query)
    if parts.hostname.lower() == "youtu.be":
        video_id = parts.path.strip("/")
    elif parts.path == "/watch":
        video_id = (query.get("v") or [""])[0]
    else:
        match = YOUTUBE_PATH.match(parts.path)
        video_id = match["id"] if match else ""
    if not YOUTUBE_ID.match(video_id):
        raise VideoSourceError(f"'{url}' has no valid YouTube video id")
    params = {"autoplay": "1"}
    start = _seconds((query.get("t") or query.get("start") or [""])[0])
    if start:
        params["start"] = str(start)
    return HostedVideo(
        "YouTube",
        f"{EMBED_ORIGINS[0]}/embed/{video_id}?{urlencode(params)}",
        f"https://www.youtube.com/watch?v={video_id}" + (f"&t={start}s" if start else ""),
    )


def _vimeo(url: str, parts) -> HostedVideo:
    match = VIMEO_PATH.match(parts.path)
    if not match:
        raise VideoSourceError(f"'{url}' has no valid Vimeo video number")
    private_hash = match["hash"] or (parse_qs(parts.query).get("h") or [None])[0]
    params = {"dnt": "1", "autoplay": "1"}
    if private_hash:
        params["h"] = private_hash
    return HostedVideo(
        "Vimeo",
        f"{EMBED_ORIGINS[1]}/video/{match['id']}?{urlencode(params)}",
        f"https://vimeo.com/{match['id']}" + (f"/{private_hash}" if private_hash else ""),
    )


def _seconds(value: str) -> int:
    match = TIME.match(value) if value else None
    if not match:
        return 0
    return int(match["h"] or 0) * 3600 + int(match["m"] or 0) * 60 + int(match["s"] or 0)
