"""Bytes → canonical text: refuse binaries, detect the encoding, normalise newlines, defuse controls.

Control characters are replaced one-for-one by their visible Unicode "control pictures" (ESC → ␛),
so offsets stay aligned with the source and article text can never drive the terminal.
"""

from __future__ import annotations

import re

from reader.document.errors import LoadError

_MAGIC = {
    b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image", b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive", b"\x1f\x8b": "gzip archive", b"\x7fELF": "executable",
    b"RIFF": "RIFF media file", b"OggS": "Ogg media file", b"ID3": "MP3 audio",
}
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def sniff_binary(data: bytes) -> str | None:
    """A name for the kind of binary ``data`` is, or None when it may be text."""
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return "binary data"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text; returns (text, encoding name). Raises LoadError for non-text."""
    kind = sniff_binary(data)
    if kind:
        raise LoadError(f"looks like a binary file ({kind}), not an article")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare non-UTF-8 input

    best = from_bytes(data).best()
    if best is None:
        raise LoadError("cannot decode the file: it is not text in any known encoding")
    return str(best).lstrip("\ufeff"), best.encoding


def normalise(text: str) -> str:
    """Canonical text: ``\\n`` line endings, no BOM, control characters made visible."""
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub(_picture, text)
