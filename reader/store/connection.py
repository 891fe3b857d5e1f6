"""Opening the store: WAL and a busy timeout (two instances at once), and the fallbacks that keep
the reader reading when the file or its folder cannot be used.

- a damaged file is renamed ``reader.db.corrupt-<time>`` (nothing deleted) and a new one started;
- a read-only, missing or unusable location, or a file from a newer reader: the store lives in
  memory (seeded with what the file holds, when it can be read), so the session works but nothing
  is kept.  Either way ``Store.note`` carries the one line to show the user, once.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from reader.store import legacy, schema
from reader.store.location import DB_NAME, data_dir, legacy_dir

T = TypeVar("T")
BUSY_TIMEOUT_MS = 5000


class Store:
    """One connection, used under a lock (the app reads and writes from worker threads too)."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, note: str | None = None):
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path  # None when nothing is kept
        self.note = note

    @property
    def remembers(self) -> bool:
        return self.path is not None

    def read(self, fn: Callable[..., T], *args: object) -> T:
        with self._lock:
            return fn(self._conn, *args)

    def write(self, fn: Callable[..., T], *args: object) -> T:
        """Run ``fn(conn, *args)`` as one transaction.  If the file stops accepting writes (disk
        full, made read-only, locked too long), carry on in memory and say so."""
        with self._lock:
            try:
                return _transaction(self._conn, fn, *args)
            except sqlite3.OperationalError as error:
                if self.path is None:
                    raise
                self._to_memory(f"reader: cannot remember changes any more ({error})")
                return _transaction(self._conn, fn, *args)

    def _to_memory(self, note: str) -> None:
        memory = _memory()
        self._conn.backup(memory)
        self._conn.close()
        self._conn, self.path, self.note = memory, None, note

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _transaction(conn: sqlite3.Connection, fn: Callable[..., T], *args: object) -> T:
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = fn(conn, *args)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return result


def connect(path: Path | str, uri: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on."""
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False, uri=uri
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _memory() -> sqlite3.Connection:
    return connect(":memory:")


def open_store(folder: Path | None = None) -> Store:
    """The store in ``folder`` (default: ``data_dir()``); never raises.

    The first time, the JSON state of earlier versions is imported (from ``folder`` if given)."""
    old = legacy_dir() if folder is None else folder
    folder = data_dir() if folder is None else folder
    path = folder / DB_NAME
    note = None
    for attempt in range(2):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            conn = connect(path)
        except (OSError, sqlite3.Error) as error:
            return _read_only(path, f"{folder} is not usable ({_reason(error)})")
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            schema.migrate(conn)
            store = Store(conn, path, note)
            store.note = store.write(legacy.import_once, old) or store.note
            return store
        except schema.NewerSchema as error:
            conn.close()
            return _read_only(path, f"{path} was written by a newer reader ({error})")
        except sqlite3.OperationalError as error:
            conn.close()
            return _read_only(path, f"{folder} is not writable ({_reason(error)})")
        except sqlite3.DatabaseError as error:  # "file is not a database", "malformed"
            conn.close()
            if attempt:
                break
            try:
                aside = _move_aside(path)
            except OSError as move_error:
                return _read_only(path, f"{path} is damaged and cannot be moved ({move_error})")
            note = (
                f"reader: {path} was damaged ({error}); moved it to {aside.name} and started anew"
            )
    return Store(_fresh_memory(), None, note)


_SHARED: dict[Path, Store] = {}
_SHARED_LOCK = threading.Lock()


def shared() -> Store:
    """The store of ``data_dir()`` for this process, opened on first use (the app's screens and
    settings share it; a test that points ``$READER_STATE_DIR`` elsewhere gets another)."""
    folder = data_dir()
    with _SHARED_LOCK:
        if (store := _SHARED.get(folder)) is None:
            store = _SHARED[folder] = open_store()
        return store


def _read_only(path: Path, why: str) -> Store:
    """A store in memory, seeded from ``path`` when it can still be read."""
    memory = _memory()
    try:
        if path.is_file():
            source = connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
            try:
                if schema.user_version(source) <= schema.VERSION:
                    source.backup(memory)
            finally:
                source.close()
    except (OSError, sqlite3.Error):
        memory = _memory()
    try:
        schema.migrate(memory)
    except (schema.NewerSchema, sqlite3.Error):
        memory = _fresh_memory()
    return Store(memory, None, f"reader: cannot remember anything: {why}")


def _fresh_memory() -> sqlite3.Connection:
    memory = _memory()
    schema.migrate(memory)
    return memory


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.replace(Path(f"{aside}{suffix}"))
    return aside


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)
