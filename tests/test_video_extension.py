"""The video extension (orkest/markdown/video.py) on every URL form, attribute and fault."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from orkest.markdown.video import VideoError, VideoExtension
from orkest.markdown.video_sources import (
    HostedVideo,
    LocalVideo,
    VideoSourceError,
    video_source,
)

CUES_NL = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nDraai het dopje los.\n\n00:00:04.000 --> 00:01:12.500\nEen paar <i>druppels</i> olie.\n"
CUES_EN = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nUnscrew the cap.\n\n00:00:04.000 --> 00:01:12.500\nA few drops of oil.\n"
LOCAL = '![type:video](video/ventiel-nl.mp4){ title="Ventielen oliën" poster="video/ventiel-nl.jpg" captions="video/ventiel-{lang}.vtt" }'


@pytest.mark.parametrize("url, embed, watch", [
    ("https://www.youtube.com/watch?v=abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1", "https://www.youtube.com/watch?v=abcdefghijk"),
    ("https://youtube.com/watch?feature=share&v=abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1", "https://www.youtube.com/watch?v=abcdefghijk"),
    ("https://m.youtube.com/watch?v=abc-efg_ijk&t=90", "https://www.youtube-nocookie.com/embed/abc-efg_ijk?autoplay=1&start=90", "https://www.youtube.com/watch?v=abc-efg_ijk&t=90s"),
    ("https://youtu.be/abcdefghijk?t=1m5s", "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1&start=65", "https://www.youtube.com/watch?v=abcdefghijk&t=65s"),
    ("https://www.youtube.com/embed/abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1", "https://www.youtube.com/watch?v=abcdefghijk"),
    ("https://www.youtube.com/shorts/abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1", "https://www.youtube.com/watch?v=abcdefghijk"),
    ("https://www.youtube.com/live/abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1", "https://www.youtube.com/watch?v=abcdefghijk"),
    ("https://www.youtube-nocookie.com/embed/abcdefghijk?start=30", "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1&start=30", "https://www.youtube.com/watch?v=abcdefghijk&t=30s"),
    ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1", "https://vimeo.com/76979871"),
    ("https://vimeo.com/76979871/5a2b3c4d5e", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=5a2b3c4d5e", "https://vimeo.com/76979871/5a2b3c4d5e"),
    ("https://vimeo.com/channels/staffpicks/76979871", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1", "https://vimeo.com/76979871"),
    ("https://player.vimeo.com/video/76979871?h=5a2b3c4d5e", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=5a2b3c4d5e", "https://vimeo.com/76979871/5a2b3c4d5e"),
])
def test_hosted_url_forms_embed_privately(url, embed, watch):
    source = video_source(url)
    assert isinstance(source, HostedVideo)
    assert (source.embed_url, source.watch_url) == (embed, watch)


@pytest.mark.parametrize("url, mime", [("video/x.mp4", "video/mp4"), ("../media/clip.WEBM", "video/webm")])
def test_local_files(url, mime):
    assert video_source(url) == LocalVideo(url, mime)


@pytest.mark.parametrize("url, message", [
    ("https://example.com/clip.mp4", "is on example.com; videos can only come from YouTube, Vimeo"),
    ("https://www.dailymotion.com/video/x7", "is on www.dailymotion.com"),
    ("", "is empty or contains spaces"),
    ("video/my clip.mp4", "is empty or contains spaces"),
    ("https://www.youtube.com/watch?v=short", "has no valid YouTube video id"),
    ("https://youtu.be/", "has no valid YouTube video id"),
    ("https://vimeo.com/about", "has no valid Vimeo video number"),
    ("video/clip.avi", "is not an .mp4 or .webm file"),
    ("/video/clip.mp4", "must be a path relative to the page"),
    ("ftp://example.com/clip.mp4", "is not a web address"),
])
def test_bad_urls_say_what_is_wrong(url, message):
    with pytest.raises(VideoSourceError, match=message.replace(".", r"\.")):
        video_source(url)


@pytest.fixture
def docs(tmp_path):
    video = tmp_path / "docs" / "instrumenten" / "video"
    video.mkdir(parents=True)
    (video / "ventiel-nl.mp4").write_bytes(b"\0")
    (video / "ventiel-nl.jpg").write_bytes(b"\0")
    (video / "ventiel-nl.vtt").write_text(CUES_NL, encoding="utf-8")
    (video / "ventiel-en.vtt").write_text(CUES_EN, encoding="utf-8")
    return tmp_path / "docs"


def convert(docs, text: str, language: str = "nl"):
    extension = VideoExtension(base_dir=str(docs), language=language)
    extension.start_page("instrumenten/trompet.md")
    html = markdown.markdown(text, extensions=[extension])
    return BeautifulSoup(html, "html.parser"), extension


def test_local_video_is_a_light_native_player_with_captions_in_every_language(docs):
    soup, extension = convert(docs, f"Intro\n\n{LOCAL}\n", language="en")
    player = soup.select_one("figure.video .video__frame > video")
    assert player["preload"] == "none" and player["poster"] == "video/ventiel-nl.jpg"
    assert player["aria-label"] == "Ventielen oliën"
    assert soup.select_one("video > source")["src"] == "video/ventiel-nl.mp4"
    tracks = {t["srclang"]: t for t in soup.select("video > track[kind=captions]")}
    assert set(tracks) == {"nl", "en"} and "default" in tracks["en"].attrs and "default" not in tracks["nl"].attrs
    downloads = [a["href"] for a in soup.select(".video__downloads a[download]")]
    assert downloads == ["video/ventiel-nl.vtt", "video/ventiel-en.vtt"]
    assert "Length 1:13" in soup.select_one("figcaption").get_text()
    assert [p.get_text() for p in soup.select("details.video__transcript p")] == ["Unscrew the cap.", "A few drops of oil."]
    assert extension.problems == [] and extension.videos[0].duration == "1:13"


def test_hosted_video_is_a_button_until_clicked(docs):
    soup, extension = convert(docs, '![type:video](https://youtu.be/abcdefghijk){ title="Fagot" duration="2:05" }\n')
    assert soup.find("iframe") is None and soup.find("img") is None
    button = soup.select_one("button.video__load[type=button]")
    assert button["data-embed-url"].startswith("https://www.youtube-nocookie.com/embed/abcdefghijk")
    assert button["data-embed-title"] == "Fagot" and button.get_text() == "Video afspelen: Fagot"
    notice = soup.find(id=button["aria-describedby"])
    assert "YouTube" in notice.get_text() and "IP-adres" in notice.get_text()
    assert soup.select_one("figcaption a")["href"] == "https://www.youtube.com/watch?v=abcdefghijk"
    assert "Duur 2:05" in soup.select_one("figcaption").get_text()


def test_hosted_video_with_a_stored_poster_and_captions(docs):
    soup, _ = convert(docs, '![type:video](https://vimeo.com/76979871){ title="T" poster="video/ventiel-nl.jpg" captions="video/ventiel-{lang}.vtt" }\n')
    assert soup.select_one("img.video__poster")["src"] == "video/ventiel-nl.jpg"
    assert len(soup.select(".video__downloads a")) == 2 and soup.select("details.video__transcript p")


@pytest.mark.parametrize("text, problem", [
    ('![type:video](https://example.com/a.mp4){ title="T" }', "'https://example.com/a.mp4' is on example.com"),
    ('![type:video](video/weg.mp4){ title="T" poster="video/ventiel-nl.jpg" captions="video/ventiel-{lang}.vtt" }', "video file not found: 'docs/instrumenten/video/weg.mp4'"),
    ('![type:video](video/ventiel-nl.mp4){ title="T" poster="video/ventiel-nl.jpg" captions="video/x-{lang}.vtt" }', "caption file (nl) not found: 'docs/instrumenten/video/x-nl.vtt'"),
    ('![type:video](video/ventiel-nl.mp4){ title="T" poster="video/ventiel-nl.jpg" }', "needs captions"),
    ('![type:video](video/ventiel-nl.mp4){ title="T" captions="video/ventiel-{lang}.vtt" }', "needs a poster image"),
    ('![type:video](video/ventiel-nl.mp4){ title="T" poster="video/ventiel-nl.jpg" captions="video/ventiel-nl.vtt" }', "must contain {lang}"),
    ('![type:video](https://youtu.be/abcdefghijk){ title="T" poster="https://i.ytimg.com/x.jpg" }', "must be a file stored with the site"),
    ("![type:video](https://youtu.be/abcdefghijk)", "has no title"),
    ('![type:video](https://youtu.be/abcdefghijk){ title="" }', "has no title"),
    ('![type:video](https://youtu.be/abcdefghijk){ title="T" autoplay="1" }', "unknown attribute 'autoplay'"),
    ('![type:video](https://youtu.be/abcdefghijk){ title="T" duration="90" }', "duration '90' should look like 1:30"),
    ("![type:video](https://youtu.be/nope)", "has no valid YouTube video id"),
    ('Kijk ![type:video](https://youtu.be/abcdefghijk){ title="T" } hier', "must stand on a line of its own"),
])
def test_each_fault_fails_the_page_naming_it(docs, text, problem):
    # The extension raises its own error: any generator stops, none drops the video quietly.
    with pytest.raises(VideoError) as raised:
        convert(docs, text + "\n")
    assert str(raised.value).startswith("docs/instrumenten/trompet.md: video problem(s):")
    assert any(problem in p for p in raised.value.problems), raised.value.problems


def test_invalid_caption_file_is_reported(docs):
    (docs / "instrumenten" / "video" / "ventiel-en.vtt").write_text("00:00 stuff", encoding="utf-8")
    with pytest.raises(VideoError) as raised:
        convert(docs, LOCAL + "\n")
    assert raised.value.problems == [
        "caption file 'docs/instrumenten/video/ventiel-en.vtt' is not valid WebVTT: "
        "it does not start with 'WEBVTT'"
    ]


def test_empty_page_and_plain_images_are_untouched(docs):
    assert convert(docs, "")[0].get_text() == ""
    soup, extension = convert(docs, "![een trompet](trompet.png)\n")
    assert soup.find("img")["src"] == "trompet.png" and extension.videos == []
