"""Byte-identical office files: every zip entry gets one fixed time, in the order written.

Office files are zip archives; their libraries stamp each entry with the current time.
Rewriting the archive with FIXED_TIME (also in the document's properties) keeps the entries, their order and compression
(an OpenDocument's `mimetype` stays first and stored), so the same page gives the same bytes.
Entries are copied as their library compressed them (no second inflate and deflate, a tenth of
a file's time); only the properties, where the time of saving stands, are rewritten.
"""

from __future__ import annotations

import datetime
import io
import re
import struct
import zipfile
import zlib

FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # never "now": a rebuild of the same page gives the same bytes
FIXED_DATETIME = datetime.datetime(*FIXED_TIME)
# The document properties, where libraries write the time of saving (python-docx's "modified").
PROPERTIES = {"docProps/core.xml", "meta.xml"}
TIMESTAMP = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?")
DOS_TIME, DOS_DATE = 0, (FIXED_TIME[0] - 1980) << 9 | FIXED_TIME[1] << 5 | FIXED_TIME[2]
VERSION = 20  # what zipfile writes: deflate, no zip64 (office files here are small)
LOCAL = struct.Struct("<IHHHHHIIIHH")
CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
END = struct.Struct("<IHHHHIIH")


def fixed_time(content: bytes) -> bytes:
    """The document properties with every time of saving the fixed one."""
    return TIMESTAMP.sub(FIXED_DATETIME.isoformat().encode() + b"Z", content)


def deflated(name: str, content: bytes) -> tuple:
    """A new entry, compressed as zipfile compresses."""
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return name, zipfile.ZIP_DEFLATED, zlib.crc32(content), packer.compress(content) + packer.flush(), len(content)


def raw_entries(data: bytes, properties=fixed_time) -> list[tuple]:
    """(name, compression, crc, compressed bytes, size) of each entry, in order, as stored; the
    document properties rewritten by `properties` (to the fixed time)."""
    entries = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for entry in archive.infolist():
            if entry.filename in PROPERTIES:
                content = properties(archive.read(entry.filename))
                if entry.compress_type == zipfile.ZIP_DEFLATED:
                    entries.append(deflated(entry.filename, content))
                else:
                    entries.append((entry.filename, entry.compress_type, zlib.crc32(content), content, len(content)))
                continue
            name_length, extra_length = struct.unpack("<HH", data[entry.header_offset + 26:entry.header_offset + 30])
            start = entry.header_offset + 30 + name_length + extra_length
            entries.append((entry.filename, entry.compress_type, entry.CRC, data[start:start + entry.compress_size],
                            entry.file_size))
    return entries


def write_zip(entries: list[tuple]) -> bytes:
    output, directory = io.BytesIO(), io.BytesIO()
    for name, compression, crc, packed, size in entries:
        encoded, flags = name.encode(), 0 if name.isascii() else 0x800  # 0x800: the name is UTF-8
        offset = output.tell()
        output.write(LOCAL.pack(0x04034B50, VERSION, flags, compression, DOS_TIME, DOS_DATE, crc, len(packed), size,
                                len(encoded), 0) + encoded + packed)
        directory.write(CENTRAL.pack(0x02014B50, VERSION, VERSION, flags, compression, DOS_TIME, DOS_DATE, crc,
                                     len(packed), size, len(encoded), 0, 0, 0, 0, 0o644 << 16, offset) + encoded)
    start = output.tell()
    output.write(directory.getvalue())
    output.write(END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(directory.getvalue()), start, 0))
    return output.getvalue()


def fixed_zip(data: bytes) -> bytes:
    return write_zip(raw_entries(data))
