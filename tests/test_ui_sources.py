"""Opening a source that fails in the app: one plain notification, and the app keeps running."""

from __future__ import annotations

import pytest
from test_fetch import answer, serve

from reader.ui.app import ReaderApp


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))


async def notified(pilot, app) -> list[str]:
    for _ in range(500):
        # what the reader sees: the toast's title line, then its message
        messages = [str(t.render()).split("\n", 1)[-1] for t in app.screen.query("Toast.-error")]
        if messages:
            return messages
        await pilot.pause(0.02)
    raise AssertionError("no error notification")


async def test_a_bad_url_says_the_name_was_not_found():
    app = ReaderApp("http://example.invalid/news", library_dirs=[])
    async with app.run_test(notifications=True) as pilot:
        assert await notified(pilot, app) == ["could not reach example.invalid (name not found)"]
        assert app.is_running


async def test_what_a_server_says_reaches_the_app_escaped():
    for server in serve(answer(b"HTTP/1.1 503 \x1b]0;owned\x07Busy\r\nContent-Length: 0")):
        app = ReaderApp(f"{server}/x", library_dirs=[])
        async with app.run_test(notifications=True) as pilot:
            (message,) = await notified(pilot, app)
        assert message == f"{server}/x: the server answered 503 ␛]0;owned␇Busy"
