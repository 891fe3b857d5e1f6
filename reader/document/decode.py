"""Bytes → canonical text: refuse binaries, detect the encoding, normalise newlines, defuse controls
(``escape.CONTROL_PICTURES``: one for one, so offsets stay aligned with the source)."""

from __future__ import annotations

from reader.document.errors import LoadError
from reader.document.escape import CONTROL_PICTURES

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"RIFF": "RIFF media file",
    b"OggS": "Ogg media file",
    b"ID3": "MP3 audio",
}


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
    return text.translate(CONTROL_PICTURES)
