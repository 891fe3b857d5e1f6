"""Copy to the clipboard: OSC 52 through the terminal, and the platform's copy command as well,
for terminals (and multiplexers) that drop OSC 52."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import threading

from textual.app import App

COMMANDS = (
    ["pbcopy"],
    ["wl-copy"],
    ["xclip", "-selection", "clipboard"],
    ["xsel", "--clipboard", "--input"],
    ["clip.exe"],
)


def platform_command() -> list[str] | None:
    return next((cmd for cmd in COMMANDS if shutil.which(cmd[0])), None)


def copy(app: App, text: str) -> None:
    """Send ``text`` both ways; the command runs in a thread so a slow X server cannot stall
    the UI."""
    app.copy_to_clipboard(text)
    command = platform_command()
    if command is not None:
        threading.Thread(target=_run, args=(command, text), daemon=True).start()


def _run(command: list[str], text: str) -> None:
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(command, input=text.encode(), timeout=5, check=False, capture_output=True)
