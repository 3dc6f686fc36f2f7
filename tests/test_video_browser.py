"""Videos in headless Chromium: nothing from a third party before a click, only the
privacy-friendly player after it, captions exposed, and no accessibility faults."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from site_checks import page_language

from orkest.testing import (
    build_site,
    built_pages,
    fixture_project,
    page_url_path,
    serving,
)
from orkest.testing.browser import AXE_TAGS, axe_problems, csp_problems

pytestmark = pytest.mark.browser


def axe_violations(page, selector: str) -> list[str]:
    return axe_problems(page, page.url, [*AXE_TAGS, "best-practice"], selector)


def pages_with_video(site):
    return [p for p in built_pages(site.root) if 'class="video"' in p.read_text(encoding="utf-8")]


def test_the_site_has_video_pages_in_both_languages(site):
    languages = [page_language(site.root, p) for p in pages_with_video(site)]
    assert languages.count("nl") >= 3 and languages.count("en") == languages.count("nl")


def test_every_video_page_loads_only_this_site_and_exposes_captions(site, server, tab):
    page = tab.page
    for built in pages_with_video(site):
        language = page_language(site.root, built)
        page.goto(f"{server}{page_url_path(site.root, built)}", wait_until="load")
        tracks = page.eval_on_selector_all(
            "figure.video video", "videos => videos.map(v => [...v.textTracks].map(t => [t.language, t.kind, t.mode]))"
        )
        for video_tracks in tracks:
            assert sorted(t[0] for t in video_tracks) == ["en", "nl"]
            assert all(kind == "captions" for _, kind, _ in video_tracks)
            # The reader's language is the default track (the browser shows it).
            assert [lang for lang, _, mode in video_tracks if mode == "showing"] == [language]
        assert page.eval_on_selector_all("figure.video video", "vs => vs.every(v => v.preload === 'none')")
        assert axe_violations(page, "figure.video") == [], built
    assert tab.foreign == []


def test_every_video_plays_in_the_browser(site, server, tab):
    page = tab.page
    for built in pages_with_video(site):
        page.goto(f"{server}{page_url_path(site.root, built)}", wait_until="load")
        played = page.evaluate("""async () => {
            const video = document.querySelector("figure.video video");
            video.muted = true;
            await video.play();
            await new Promise(resolve => setTimeout(resolve, 1000));
            return [video.currentTime, video.videoWidth];
        }""")
        assert played[0] > 0.5 and played[1] == 1280, built


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory):
    """A small site with a YouTube and a Vimeo video, as a contributor might add them."""
    tmp_path = tmp_path_factory.mktemp("hosted")
    videos = (
        '![type:video](https://www.youtube.com/watch?v=abcdefghijk){ title="Fagot" duration="2:10" }\n\n'
        '![type:video](https://vimeo.com/76979871){ title="Hobo" }\n'
    )
    project = fixture_project(tmp_path, {"index.md": "# Start\n\n" + videos,
                                         "index.en.md": "# Home\n\n" + videos})
    result = build_site(tmp_path / "site", "http://127.0.0.1/", cwd=project)
    assert result.returncode == 0, result.stderr
    with serving(tmp_path / "site") as url:
        yield url


@pytest.mark.parametrize("path, button, host", [
    ("/", 0, "www.youtube-nocookie.com"),
    ("/en/", 1, "player.vimeo.com"),
])
def test_hosted_video_contacts_only_its_player_and_only_after_a_click(hosted_site, tab, path, button, host):
    page = tab.page
    page.goto(f"{hosted_site}{path}", wait_until="networkidle")
    assert tab.foreign == [], "a third party was contacted before the click"
    assert page.locator("iframe").count() == 0
    assert axe_violations(page, "figure.video") == []
    frame = page.locator("figure.video .video__frame").nth(button)
    place = "e => { const r = e.getBoundingClientRect(); return [r.top + scrollY, r.width, r.height]; }"
    before = frame.evaluate(place)
    page.locator("button.video__load").nth(button).press("Enter")  # keyboard, like many readers
    page.wait_for_selector("figure.video iframe")
    assert frame.evaluate(place) == before, "the player must not move or resize anything"
    page.wait_for_timeout(500)
    hosts = {urlsplit(url).hostname for url in tab.foreign}
    assert hosts == {host}, tab.foreign
    iframe = page.locator("figure.video iframe")
    assert iframe.get_attribute("title") in ("Fagot", "Hobo")
    assert csp_problems(page, path) == [], "the player must be allowed by the page's policy"


INJECT = {
    "inline script": "() => { const s = document.createElement('script');"
                     " s.textContent = 'window.injected = true'; document.body.append(s); }",
    "frame from another host": "() => { const f = document.createElement('iframe');"
                               " f.src = 'https://www.youtube.com/embed/abcdefghijk'; document.body.append(f); }",
    "script from another host": "() => { const s = document.createElement('script');"
                                " s.src = 'https://cdn.example.org/x.js'; document.body.append(s); }",
}


@pytest.mark.parametrize("what", INJECT)
def test_the_policy_refuses_what_the_site_does_not_allow(hosted_site, tab, what):
    page = tab.page
    page.goto(f"{hosted_site}/", wait_until="load")
    page.evaluate(INJECT[what])
    page.wait_for_timeout(300)
    problems = csp_problems(page, "/")
    assert len(problems) == 1 and problems[0].startswith("/: "), problems
    assert page.evaluate("window.injected === undefined")
    assert tab.foreign == [], "the policy must stop the request before it leaves the browser"
