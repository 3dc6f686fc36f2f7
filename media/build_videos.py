"""Build the instruction videos of docs/instrumenten/ from media/videos.yml.

For every video and every language (nl, en) this draws one slide per step
(plus a title and a closing slide), lets espeak-ng speak the slide's text and
puts it together with ffmpeg. It writes into docs/instrumenten/video/:

    <slug>-<lang>.mp4              1280x720 H.264 + AAC mono, slides timed to the narration
    <slug>-<lang>.webp             poster image (the title slide), small: it loads with the page
    <slug>-<lang>-<caplang>.vtt    captions in both languages, timed to that video

File names never contain ".nl." or ".en.": the site's i18n plugin would read
those as translations. Captions are the narrated texts themselves, so slides,
speech and captions cannot drift apart. Same input, same drawings.

Needs:  apt-get install ffmpeg espeak-ng fonts-dejavu-core
        pip install pillow pyyaml
Run:    python media/build_videos.py [--only <slug>] [--png <folder>]
"""

import argparse
import math
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import yaml
from drawings import DRAWINGS, Pen
from drawings.pen import BLUE, GREEN, GREY, INK, WHITE
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "media" / "videos.yml"
OUT = ROOT / "docs" / "instrumenten" / "video"
LANGUAGES = ("nl", "en")
VOICES = {"nl": "nl", "en": "en-gb"}
SPEED = 150           # espeak-ng words per minute: calm
W, H, SUPERSAMPLE = 1280, 720, 2
FPS = 5               # slides change on a frame; 0.2 s steps keep audio and captions exact
LEAD, PAUSE = 0.3, 0.6  # silence before and (at least) after each slide's narration
CRF = "36"                 # x264 quality: the slides are flat drawings, so this stays sharp
AUDIO = ["-c:a", "aac", "-b:a", "20k", "-ar", "16000", "-ac", "1"]  # speech only
POSTER_MAX = 25_000  # bytes: the poster is all a reader downloads before pressing play
POSTER_WIDTH = 960   # the player is rarely wider on a school laptop
HEADER_BG = (232, 239, 252)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", metavar="SLUG", help="build only this video")
    parser.add_argument("--png", metavar="FOLDER", type=Path, help="also save the slides as PNG here")
    args = parser.parse_args()
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    videos = [v for v in data["videos"] if args.only in (None, v["slug"])]
    if not videos:
        sys.exit(f"no video with slug {args.only!r} in {SOURCE}")
    OUT.mkdir(parents=True, exist_ok=True)
    for video in videos:
        check(video)
        timings = {lang: build(video, lang, data, args.png) for lang in LANGUAGES}
        for lang in LANGUAGES:
            for cap_lang in LANGUAGES:
                write_vtt(OUT / f"{video['slug']}-{lang}-{cap_lang}.vtt", timings[lang], texts(video, cap_lang))
    report()


def check(video):
    for step in video["steps"]:
        if step["drawing"] not in DRAWINGS:
            sys.exit(f"{video['slug']}: no drawing called {step['drawing']!r} in media/drawings/")
    if not 6 <= len(video["steps"]) <= 9:
        sys.exit(f"{video['slug']}: has {len(video['steps'])} steps; keep it to 6-9")


def texts(video, lang):
    """What each slide says, in order: the intro, the steps, the closing."""
    return [video["intro"][lang]] + [step[lang] for step in video["steps"]] + [video["closing"][lang]]


def build(video, lang, data, png_dir):
    """Make <slug>-<lang>.mp4 and .webp; return the (start, end) seconds of every slide."""
    words = {key: value[lang] for key, value in data["labels"].items()}
    spoken = texts(video, lang)
    slides = [title_slide(video, lang, words)]
    slides += [step_slide(video, lang, words, i + 1, step) for i, step in enumerate(video["steps"])]
    slides.append(closing_slide(video, lang, words))
    name = f"{video['slug']}-{lang}"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        frames, timings, start, rate = [], [], 0, None
        for i, (slide, text) in enumerate(zip(slides, spoken)):
            slide.save(tmp / f"slide{i:02d}.png", compress_level=1)
            if png_dir:
                png_dir.mkdir(parents=True, exist_ok=True)
                slide.save(png_dir / f"{name}-{i:02d}.png")
            rate, samples = speak(say(text, data["pronounce"].get(lang) or {}), lang, tmp / f"say{i:02d}.wav")
            count = math.ceil((LEAD + len(samples) / 2 / rate + PAUSE) * FPS)
            frames.append((f"slide{i:02d}.png", count, samples))
            timings.append((start / FPS, (start + count) / FPS))
            start += count
        write_audio(tmp / "narration.wav", frames, rate)
        write_video(tmp, frames, timings, OUT / f"{name}.mp4")
    save_poster(slides[0], OUT / f"{name}.webp")
    return timings


def say(text, pronounce):
    for written, spoken in pronounce.items():
        text = text.replace(written, spoken)
    return text


def speak(text, lang, path):
    subprocess.run(["espeak-ng", "-v", VOICES[lang], "-s", str(SPEED), "-w", str(path), "--stdin"],
                   input=text.encode("utf-8"), check=True)
    with wave.open(str(path)) as speech:
        assert speech.getnchannels() == 1 and speech.getsampwidth() == 2
        return speech.getframerate(), speech.readframes(speech.getnframes())


def write_audio(path, frames, rate):
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        for _, count, samples in frames:
            lead = b"\0\0" * round(LEAD * rate)
            total = round(count * rate / FPS) * 2
            out.writeframes((lead + samples).ljust(total, b"\0"))


def write_video(tmp, frames, timings, path):
    lines = ["ffconcat version 1.0"]
    for file, count, _ in frames:
        lines += [f"file {file}", f"duration {count / FPS:.1f}"]
    lines.append(f"file {frames[-1][0]}")
    (tmp / "slides.txt").write_text("\n".join(lines) + "\n")
    keyframes = ",".join(f"{start:.1f}" for start, _ in timings)
    subprocess.run([
        "ffmpeg", "-y", "-hide_banner", "-loglevel", "error",
        "-f", "concat", "-safe", "0", "-i", str(tmp / "slides.txt"), "-i", str(tmp / "narration.wav"),
        "-map", "0:v", "-map", "1:a", "-vf", f"fps={FPS},format=yuv420p",
        "-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", CRF,
        "-g", "9999", "-sc_threshold", "0", "-force_key_frames", keyframes,
        *AUDIO,
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        "-movflags", "+faststart", str(path),
    ], check=True)


def save_poster(slide, path):
    small = slide.resize((POSTER_WIDTH, POSTER_WIDTH * 9 // 16), Image.LANCZOS)
    for quality in (80, 75, 70, 65, 60):
        small.save(path, "WEBP", quality=quality, method=6)
        if path.stat().st_size < POSTER_MAX:
            return
    print(f"warning: {path.name} is still {path.stat().st_size} bytes", file=sys.stderr)


def write_vtt(path, timings, cue_texts):
    cues = [f"{stamp(a)} --> {stamp(b)}\n{text}" for (a, b), text in zip(timings, cue_texts)]
    path.write_text("WEBVTT\n\n" + "\n\n".join(cues) + "\n", encoding="utf-8")


def stamp(seconds):
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


# -- slides ---------------------------------------------------------------------

def canvas(words):
    image = Image.new("RGB", (W * SUPERSAMPLE, H * SUPERSAMPLE), WHITE)
    return image, Pen(ImageDraw.Draw(image), words, SUPERSAMPLE)


def finish(image):
    return image.resize((W, H), Image.Resampling.LANCZOS)


def wrap(pen, text, size, width, bold=False):
    font, lines = pen.font(size, bold), []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= pen.px(width):
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def paragraph(pen, text, x, y_mid, width, sizes, max_lines, bold=False, fill=INK):
    """Text wrapped into `width`, centred on y_mid, as large as fits: preferably in one line
    less than max_lines, else in max_lines, else at the smallest size."""
    counts = [(len(wrap(pen, text, size, width, bold)), size) for size in sizes]
    size = next((s for n, s in counts if n < max_lines), None) or next(
        (s for n, s in counts if n == max_lines), sizes[-1])
    lines = wrap(pen, text, size, width, bold)
    step = size * 1.3
    for i, line in enumerate(lines):
        y = y_mid + (i - (len(lines) - 1) / 2) * step
        pen.text((x, y), line, size, fill, anchor="lm", bold=bold, box=False)


def footer(pen, video, lang, note=""):
    pen.text((40, 700), "Orkest in de Klas", 18, GREY, anchor="lm", box=False)
    pen.text((1240, 700), f"{video['title'][lang]}{note}", 18, GREY, anchor="rm", box=False)


def title_slide(video, lang, words):
    image, pen = canvas(words)
    pen.rect((0, 0, 1280, 14), BLUE, None, 0)
    pen.text((80, 80), video["instrument"][lang].upper(), 30, BLUE, anchor="lm", bold=True, box=False)
    paragraph(pen, video["title"][lang], 80, 170, 1120, (58, 50, 44), 2, bold=True)
    k = 0.6
    small = pen.sub(k, 640 * (1 - k), 300 - 190 * k)
    DRAWINGS[video["title_drawing"]](small)
    footer(pen, video, lang)
    return finish(image)


def step_slide(video, lang, words, number, step):
    image, pen = canvas(words)
    pen.rect((0, 0, 1280, 172), HEADER_BG, None, 0)
    pen.oval((95, 86), 62, fill=BLUE, outline=None)
    pen.text((95, 88), str(number), 64, WHITE, bold=True, box=False)
    paragraph(pen, step[lang], 185, 86, 1055, (38, 35, 32, 30), 3)
    DRAWINGS[step["drawing"]](pen)
    footer(pen, video, lang, f"  ·  {number}/{len(video['steps'])}")
    return finish(image)


def closing_slide(video, lang, words):
    image, pen = canvas(words)
    pen.rect((0, 0, 1280, 14), BLUE, None, 0)
    pen.oval((220, 360), 110, fill=(226, 244, 230), outline=GREEN, w=8)
    pen.check((225, 365), 60, 18)
    paragraph(pen, video["closing"][lang], 380, 360, 820, (44, 40, 36), 5, bold=True)
    footer(pen, video, lang)
    return finish(image)


# -- report ---------------------------------------------------------------------

def report():
    total = 0
    for path in sorted(OUT.iterdir()):
        size = path.stat().st_size
        total += size if path.suffix == ".mp4" else 0
        extra = f"{duration(path):6.1f} s" if path.suffix == ".mp4" else ""
        print(f"{path.relative_to(ROOT)!s:62} {size / 1024:7.1f} KB {extra}")
    print(f"all .mp4 together: {total / 1024 / 1024:.2f} MB")


def duration(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration",
                          "-of", "csv=p=0", str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


if __name__ == "__main__":
    main()
