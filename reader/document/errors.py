"""The one error type loaders raise: its message is a single line meant for the user."""


class LoadError(Exception):
    """A source could not be turned into a document (missing, binary, too large, unreachable...)."""
