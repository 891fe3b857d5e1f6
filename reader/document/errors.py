"""The one error type loaders raise: its message is a single line meant for the user."""

from reader.document.escape import printable


class LoadError(Exception):
    """A source could not be turned into a document (missing, binary, too large, unreachable...).

    The message is made printable here, once, because parts of it come from outside (a path, a
    server's reason phrase or Location header) and it goes straight to the terminal or the app.
    """

    def __init__(self, message: str) -> None:
        super().__init__(printable(message))
