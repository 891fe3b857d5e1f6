"""Input limits, in one place so the README, messages and tests agree."""

MAX_BYTES = 20 * 1024 * 1024  # largest file, page or stdin we open: 20 MiB
DEADLINE_S = 20.0  # seconds for a whole URL fetch: name lookup, connect, headers and body
MAX_REDIRECTS = 5


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            shown = f"{size:.0f}" if unit == "bytes" else f"{size:.1f}".removesuffix(".0")
            return f"{shown} {unit}"
        size /= 1024
    raise AssertionError("unreachable")
