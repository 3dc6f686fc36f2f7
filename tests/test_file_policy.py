"""Files under docs/ are judged by their content (orkest/checks/files.py): in the build and in
./scripts/check, each problem naming the file and saying what to do."""

from __future__ import annotations

import zlib

import pytest

from orkest.checks.content_policy import Policy
from orkest.checks.files import file_problems
from orkest.checks.quick import quick_check
from orkest.testing import ROOT, build_site, fixture_project

RULES = Policy.load().files
WEBP = (ROOT / "docs/instrumenten/video/viool-stapel-plaatsen-nl.webp").read_bytes()
SVG_HEAD = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


def pdf_packed(objects: bytes) -> bytes:
    """A PDF whose objects are in a zlib-compressed (FlateDecode) object stream."""
    return b"%PDF-1.7\n2 0 obj <</Type/ObjStm/Filter/FlateDecode>>stream\n" + zlib.compress(objects) + b"\nendstream"


BAD_FILES = {
    "html pretending to be a picture": ("viool.png", b"<html><script>alert(1)</script></html>",
                                        "the file is not really a .png file"),
    "a web page": ("pagina.html", b"<script>alert(1)</script>", "HTML files are not published"),
    "svg with a script": ("tekening.svg", SVG_HEAD + b"<script>alert(1)</script></svg>",
                          "<script> is not allowed in an SVG"),
    "svg with an event handler": ("tekening.svg", SVG_HEAD + b'<rect onload="alert(1)"/></svg>',
                                  "<rect onload> runs a script"),
    "svg with foreignObject": ("tekening.svg", SVG_HEAD + b"<foreignObject><p>x</p></foreignObject></svg>",
                               "<foreignObject> is not allowed in an SVG"),
    "svg with an outside reference": ("tekening.svg", SVG_HEAD + b'<use xlink:href="https://evil.example/x.svg#a"/></svg>',
                                      "refers to 'https://evil.example/x.svg#a' outside the drawing"),
    "svg style loading from outside": ("tekening.svg", SVG_HEAD + b'<rect fill="url(https://evil.example/p)"/></svg>',
                                       "<rect fill> refers to something outside the drawing"),
    "svg with entities": ("tekening.svg", b'<!DOCTYPE svg [<!ENTITY a "b">]>' + SVG_HEAD + b"</svg>",
                          "the SVG declares a DOCTYPE or entities"),
    "svg with entities in UTF-16": (
        "tekening.svg", ('<!DOCTYPE svg [<!ENTITY a "b">]>' + SVG_HEAD.decode() + "</svg>").encode("utf-16"),
        "the SVG declares a DOCTYPE or entities"),
    "svg loading a style sheet": (
        "tekening.svg", b'<?xml version="1.0"?><?xml-stylesheet href="https://evil.example/x.css"?>'
                        + SVG_HEAD + b"</svg>",
        "<?xml-stylesheet?> is not allowed in an SVG"),
    "svg in an encoding python does not know": (
        "tekening.svg", b'<?xml version="1.0" encoding="x-onbekend"?>' + SVG_HEAD + b"</svg>",
        "the SVG cannot be read (unknown encoding"),
    "svg with an instruction inside": (
        "tekening.svg", SVG_HEAD + b"<g><?php echo 1 ?></g></svg>", "<?php?> is not allowed in an SVG"),
    "svg css escape in style": (
        "tekening.svg", SVG_HEAD + b'<rect style="fill:u\\rl(https://evil.example/p)"/></svg>',
        "<rect style> contains a backslash"),
    "svg css escape as a character reference": (
        "tekening.svg", SVG_HEAD + b'<rect fill="u&#92;72l(https://evil.example/p)"/></svg>',
        "<rect fill> contains a backslash"),
    "svg style with image-set": (
        "tekening.svg", SVG_HEAD + b'<rect style="fill:image-set(\'https://evil.example/p\' 1x)"/></svg>',
        "<rect style> refers to something outside the drawing"),
    "svg style with @import": (
        "tekening.svg", SVG_HEAD + b'<g style="@import \'https://evil.example/x.css\'"/></svg>',
        "<g style> refers to something outside the drawing"),
    "svg cursor from outside": (
        "tekening.svg", SVG_HEAD + b'<rect cursor="URL( https://evil.example/c.png ), auto"/></svg>',
        "<rect cursor> refers to something outside the drawing"),
    "svg with a style element": (
        "tekening.svg", SVG_HEAD + b"<style>rect{fill:red}</style></svg>", "<style> is not allowed in an SVG"),
    "svg with an image": (
        "tekening.svg", SVG_HEAD + b'<image href="https://evil.example/p.png"/></svg>',
        "<image> is not allowed in an SVG"),
    "svg with feImage": (
        "tekening.svg", SVG_HEAD + b'<filter><feImage xlink:href="https://evil.example/p.png"/></filter></svg>',
        "<feImage> is not allowed in an SVG"),
    "svg with a link": (
        "tekening.svg", SVG_HEAD + b'<a href="https://evil.example/"><rect/></a></svg>', "<a> is not allowed in an SVG"),
    "svg animating an href": (
        "tekening.svg", SVG_HEAD + b'<use href="#a"><set attributeName="href" to="https://evil.example/x.svg#a"/>'
                                   b"</use></svg>",
        "<set> is not allowed in an SVG"),
    "svg with a font from outside": (
        "tekening.svg", SVG_HEAD + b'<font-face><font-face-src><font-face-uri xlink:href="https://evil.example/f.svg"/>'
                                   b"</font-face-src></font-face></svg>",
        "<font-face-uri> is not allowed in an SVG"),
    "svg gradient from outside": (
        "tekening.svg", SVG_HEAD + b'<linearGradient xlink:href="https://evil.example/g.svg#g"/></svg>',
        "<linearGradient> refers to 'https://evil.example/g.svg#g' outside the drawing"),
    "svg with a src attribute": (
        "tekening.svg", SVG_HEAD + b'<rect src="https://evil.example/p.png"/></svg>',
        "<rect> refers to 'https://evil.example/p.png' outside the drawing"),
    "svg href after a non-breaking space": (
        "tekening.svg", SVG_HEAD + '<use href="\u00a0#a"/></svg>'.encode(),
        "<use> refers to '\\xa0#a' outside the drawing"),
    "svg with xml:base": (
        "tekening.svg", SVG_HEAD + b'<g xml:base="https://evil.example/"><use href="#a"/></g></svg>',
        "<g xml:base> refers to something outside the drawing"),
    "svg with an xhtml script": (
        "tekening.svg", SVG_HEAD + b'<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></svg>',
        "<html:script> is not allowed in an SVG"),
    "pdf with a script": ("folder.pdf", b"%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>",
                          "the PDF contains actions, scripts or attached files (/JS, /JavaScript, /OpenAction): print it again"),
    "pdf with escaped names": (
        "folder.pdf", b"%PDF-1.7\n1 0 obj <</Open#41ction<</S/J#61vaScript/J#53(app.alert(1))>>>>",
        "the PDF contains actions, scripts or attached files (/JS, /JavaScript, /OpenAction)"),
    "pdf sending a form": (
        "folder.pdf", b"%PDF-1.7\n1 0 obj <</A<</S/SubmitForm/F(https://evil.example/)>>>>",
        "the PDF contains actions, scripts or attached files (/SubmitForm)"),
    "pdf opening another file": (
        "folder.pdf", b"%PDF-1.7\n1 0 obj <</A<</S/GoToR/F(x.pdf)>>/B<</S/GoToE>>>>",
        "the PDF contains actions, scripts or attached files (/GoToE, /GoToR)"),
    "pdf with attachments": (
        "folder.pdf", b"%PDF-1.7\n1 0 obj <</Names<</EmbeddedFiles 2 0 R>>>>",
        "the PDF contains actions, scripts or attached files (/EmbeddedFiles)"),
    "pdf script in an object stream": (
        "folder.pdf", pdf_packed(b"<</S/JavaScript/JS(app.alert(1))>>"),
        "the PDF contains actions, scripts or attached files (/JS, /JavaScript)"),
    "pdf script packed twice": (
        "folder.pdf", pdf_packed(zlib.compress(b"<</S/Launch/F(calc.exe)>>")),
        "the PDF contains actions, scripts or attached files (/Launch)"),
    "pdf script after a wrong checksum": (
        "folder.pdf", pdf_packed(b"<</S/JavaScript>>")[:-14] + b"\0\0\0\0\nendstream",
        "the PDF contains actions, scripts or attached files (/JavaScript)"),
    "pdf stream after a decoy": (
        "folder.pdf", pdf_packed(b"<</AA 3 0 R>>").replace(b"2 0 obj", b"1 0 obj (stream\n) endobj 2 0 obj"),
        "the PDF contains actions, scripts or attached files (/AA)"),
    "pdf stream data on the next line": (
        "folder.pdf", pdf_packed(b"<</XFA 3 0 R>>").replace(b"stream\n", b"stream %\n"),
        "the PDF contains actions, scripts or attached files (/XFA)"),
    "pdf stream data right after the keyword": (
        "folder.pdf", pdf_packed(b"<</RichMedia 3 0 R>>").replace(b"stream\n", b"stream"),
        "the PDF contains actions, scripts or attached files (/RichMedia)"),
    "pdf with a damaged stream": (
        "folder.pdf", b"%PDF-1.7\n2 0 obj <<>>stream\nx\x9c\xff\xff\nendstream",
        "a compressed part of the PDF is damaged, so it cannot be checked: print it again"),
    "pdf that unpacks too far": (
        "folder.pdf", pdf_packed(bytes(21 * 2**20)),
        "the PDF unpacks to more than 20 MB, too much to check: print it again"),
    "pdf with a password": (
        "folder.pdf", b"%PDF-1.7\ntrailer <</Root 1 0 R/Encrypt 5 0 R>>",
        "the PDF is encrypted or packed in a way this check cannot read (/Encrypt): print it again"),
    "pdf packed as hex": (
        "folder.pdf", b"%PDF-1.7\n1 0 obj <</Type/ObjStm/Filter/ASCIIHexDecode>>stream\n3c3c2f4a533e3e\nendstream",
        "cannot read (/ASCIIHexDecode)"),
    "picture over budget": ("groot.webp", WEBP[:16] + b"\0" * (301 * 1024), "more than 300 KB: convert it to WebP"),
    "bad name": ("Mijn Viool.webp", WEBP, "file name: use only lower-case letters"),
    "unknown type": ("oud.docx", b"PK\x03\x04", "file type '.docx' is not allowed here"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_each_bad_file_is_named_with_what_to_do(tmp_path, case):
    name, content, message = BAD_FILES[case]
    docs = tmp_path / "docs"
    (docs / "instrumenten").mkdir(parents=True)
    (docs / "instrumenten" / name).write_bytes(content)
    problems = file_problems(docs, RULES)
    assert any(p.startswith(f"docs/instrumenten/{name}: ") and message in p for p in problems), problems


def test_good_files_pass(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "viool.webp").write_bytes(WEBP)
    (docs / "schema.svg").write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- Gemaakt met Inkscape -->\n'
                                      + SVG_HEAD + b'<title>Een viool</title><defs><linearGradient id="g"/></defs>'
                                      b'<rect width="10" height="10" fill="url(#g)" style="stroke:url( \'#g\' )"/>'
                                      b'<use href="#g"/></svg>')
    (docs / "handboek.pdf").write_bytes(pdf_packed(b"<</Type/Annot/Subtype/Link/A<</S/URI/URI(https://leerorkest.nl/)>>"
                                                   b"/JSON/AAA/S/GoTo>>"))
    (docs / "les.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n", encoding="utf-8")
    assert file_problems(docs, RULES) == []


def test_the_real_docs_pass():
    assert file_problems(ROOT / "docs", RULES) == []


def test_a_symbolic_link_fails_the_build_and_publishes_nothing(tmp_path):
    outside = tmp_path / "geheim.txt"
    outside.write_text("root:x:0:0", encoding="utf-8")
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "index.en.md": "# Home\n"})
    (project / "docs" / "handboek.pdf").symlink_to(outside)
    (project / "docs" / "map").symlink_to(tmp_path)
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    for link in ("docs/handboek.pdf", "docs/map"):
        assert f"{link}: is a symbolic link (to {tmp_path}" in result.stderr, result.stderr
    assert "copy the file into the repository instead" in result.stderr
    assert not (tmp_path / "site" / "handboek.pdf").exists()
    assert any(p.startswith("docs/handboek.pdf: is a symbolic link")
               for p in quick_check([], project / "docs", project / "mkdocs.yml"))


def test_a_page_whose_pictures_together_are_too_large_fails_both(tmp_path):
    pictures = {f"foto-{n}.webp": WEBP[:16] + bytes(250 * 1024) for n in range(4)}
    page = "# Start\n\n" + "\n\n".join(f"![Foto {n}](foto-{n}.webp)" for n in range(4)) + "\n"
    project = fixture_project(tmp_path, {"index.md": page, "index.en.md": "# Home\n", **pictures})
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    message = "docs/index.md: the pictures on this page are 1000 KB together, more than 800 KB"
    assert message in result.stderr, result.stderr
    assert any(p.startswith(message) for p in quick_check([], project / "docs", project / "mkdocs.yml"))


def test_percent_encoded_paths_count_towards_the_page_budget_in_both(tmp_path):
    # ..%2Ffoto-a.webp is ../foto-a.webp to a server that decodes the path: the same pictures.
    pictures = {f"foto-{n}.webp": WEBP[:16] + bytes(290 * 1024 - 16) for n in "abc"}
    page = "# Map\n\n" + "\n\n".join(f'<img src="..%2Ffoto-{n}.webp" alt="Foto {n}">' for n in "abc") + "\n"
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "index.en.md": "# Home\n",
                                         "map/index.md": page, "map/index.en.md": "# Folder\n", **pictures},
                              nav=("index.md", "map/index.md"))
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    message = "docs/map/index.md: the pictures on this page are 870 KB together, more than 800 KB"
    assert message in result.stderr, result.stderr
    assert any(p.startswith(message) for p in quick_check([], project / "docs", project / "mkdocs.yml"))


@pytest.mark.parametrize("folder", ["Mijn Map", "Instrumenten", "hobo_riet", "viool-ë"])
def test_a_folder_name_is_held_to_the_file_name_rule_in_both(tmp_path, folder):
    project = fixture_project(tmp_path, {"index.md": "# Start\n", "index.en.md": "# Home\n",
                                         f"{folder}/viool.webp": WEBP})
    message = f"docs/{folder}: folder name: use only lower-case letters"
    result = build_site(tmp_path / "site", "https://example.nl/", cwd=project)
    assert result.returncode != 0
    assert message in result.stderr, result.stderr
    problems = quick_check([], project / "docs", project / "mkdocs.yml")
    assert [p for p in problems if p.startswith(message)] == problems and len(problems) == 1, problems
