"""Byte-identical office files: every zip entry gets one fixed time, in the order written.

Office files are zip archives; their libraries stamp each entry with the current time.
Rewriting the archive with FIXED_TIME (also in the document's properties) keeps the entries, their order and compression
(an OpenDocument's `mimetype` stays first and stored), so the same page gives the same bytes.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile

FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # never "now": a rebuild of the same page gives the same bytes
FIXED_DATETIME = datetime.datetime(*FIXED_TIME)
# The document properties, where libraries write the time of saving (openpyxl's "modified").
PROPERTIES = {"docProps/core.xml", "meta.xml"}
TIMESTAMP = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?")


def fixed_zip(data: bytes) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            copy = zipfile.ZipInfo(entry.filename, FIXED_TIME)
            copy.compress_type = entry.compress_type
            copy.external_attr = 0o644 << 16
            copy.create_system = 0
            content = source.read(entry.filename)
            if entry.filename in PROPERTIES:
                content = TIMESTAMP.sub(FIXED_DATETIME.isoformat().encode() + b"Z", content)
            target.writestr(copy, content)
    return output.getvalue()
