"""What the reader remembers, in one SQLite file: the library, reading positions and marks, the
reader's own highlights and notes, settings, and a cache of analyses.

Plain Python (no Textual), shared by the app and the CLI.  ``open_store()`` never raises: a damaged
file is moved aside, an unusable location falls back to memory, and ``Store.note`` says so once.
"""

from reader.store.connection import Store, open_store, shared

__all__ = ["Store", "open_store", "shared"]
