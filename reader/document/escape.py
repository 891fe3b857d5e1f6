"""Making untrusted text safe for a terminal: article text, and whatever a server or a path says.

Control characters are replaced one-for-one by their visible Unicode "control pictures" (ESC → ␛),
so offsets into an article stay aligned and no text can drive the terminal.
"""

from __future__ import annotations

CONTROL_PICTURES: dict[int, str] = (
    {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}  # C0 but tab and newline
    | {0x7F: "\u2421"}
    | {c: "\ufffd" for c in range(0x80, 0xA0)}  # C1 has no pictures
)
"""``str.translate`` table: each character a terminal would interpret, made visible, one for one."""

_ONE_LINE = CONTROL_PICTURES | {0x09: " ", 0x0A: "\u2424"}
MESSAGE_LIMIT = 300  # characters of a message shown; a server may send a 64 KiB reason phrase


def printable(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` on one line, every control character visible, cut to ``limit`` characters."""
    text = text.translate(_ONE_LINE)
    return text if len(text) <= limit else text[: limit - 1] + "…"
