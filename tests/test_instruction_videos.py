"""The instruction videos stay in step with their source, media/videos.yml, and stay light."""

from __future__ import annotations

import pytest
import yaml

from orkest.markdown.webvtt import read_cues
from orkest.testing import ROOT

VIDEO_DIR = ROOT / "docs" / "instrumenten" / "video"
SOURCE = yaml.safe_load((ROOT / "media" / "videos.yml").read_text(encoding="utf-8"))["videos"]
LANGUAGES = ("nl", "en")
MAX_TOTAL_BYTES = 4 * 1024 * 1024


@pytest.mark.parametrize("video", SOURCE, ids=[v["slug"] for v in SOURCE])
@pytest.mark.parametrize("video_language", LANGUAGES)
@pytest.mark.parametrize("caption_language", LANGUAGES)
def test_captions_say_exactly_the_steps_of_the_source(video, video_language, caption_language):
    path = VIDEO_DIR / f"{video['slug']}-{video_language}-{caption_language}.vtt"
    cues = read_cues(path.read_text(encoding="utf-8"))
    expected = [video["intro"][caption_language]]
    expected += [step[caption_language] for step in video["steps"]]
    expected += [video["closing"][caption_language]]
    assert [cue.text for cue in cues] == expected
    # Both caption languages of one video share its timing (that video's narration).
    other_language = "en" if caption_language == "nl" else "nl"
    other = VIDEO_DIR / f"{video['slug']}-{video_language}-{other_language}.vtt"
    assert [(c.start, c.end) for c in cues] == [(c.start, c.end) for c in read_cues(other.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("video", SOURCE, ids=[v["slug"] for v in SOURCE])
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_shows_its_own_language_video(video, language):
    page = ROOT / video["page"]
    if language == "en":
        page = page.with_name(page.name.replace(".md", ".en.md"))
    text = page.read_text(encoding="utf-8")
    assert f"![type:video](video/{video['slug']}-{language}.mp4)" in text
    assert f'captions="video/{video["slug"]}-{language}-{{lang}}.vtt"' in text


def test_videos_stay_small_for_school_wifi():
    total = sum(path.stat().st_size for path in VIDEO_DIR.glob("*.mp4"))
    assert 0 < total <= MAX_TOTAL_BYTES
