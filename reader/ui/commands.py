"""The command palette: every action of the key table that makes sense on the current screen."""

from __future__ import annotations

from functools import partial

from textual.content import Content
from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.ui.keys import KEYS, Key


class ReaderCommands(Provider):
    """Offers each `Key` with ``palette=True`` whose action the current screen (or app) can run."""

    def _available(self) -> list[tuple[Key, object]]:
        screen = self.screen
        found = []
        for key in KEYS:
            if not key.palette:
                continue
            target = self.app if key.scope == "app" else screen
            if key.scope == "article":
                target = getattr(screen, "article", None)
            name = key.action.split("(")[0]
            if target is None or not hasattr(target, f"action_{name}"):
                continue
            if target is screen and screen.check_action(name, ()) is False:
                continue
            found.append((key, target))
        return found

    def _title(self, key: Key) -> str:
        return f"{key.help}  · {key.display or key.keys.split(',')[0]}"

    async def discover(self) -> Hits:
        for key, target in self._available():
            yield DiscoveryHit(Content(self._title(key)), partial(target.run_action, key.action), help=key.group)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for key, target in self._available():
            title = self._title(key)
            if (score := matcher.match(title)) > 0:
                yield Hit(score, Content(title), partial(target.run_action, key.action), help=key.group)
