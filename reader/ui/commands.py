"""The command palette: every action of the key table that makes sense on the current screen,
and on the reading screen what the article holds, by name (an entity, a speaker, an event)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widget import Widget

from reader.ui.highlights import ENTITY_CLASS
from reader.ui.keys import KEYS, Key
from reader.ui.widgets.quotes import speaker_of
from reader.ui.widgets.timeline import TimelineList

if TYPE_CHECKING:  # the analysis package imports its models; the UI must start without them
    from reader.analysis.model import Entity, Event


class ReaderCommands(Provider):
    """Offers each `Key` with ``palette=True`` whose action the current screen (or app) can run."""

    def _available(self) -> list[tuple[Key, App[object] | Widget]]:
        screen = self.screen
        found: list[tuple[Key, App[object] | Widget]] = []
        for key in KEYS:
            if not key.palette:
                continue
            target: App[object] | Widget | None = self.app if key.scope == "app" else screen
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
            yield DiscoveryHit(
                Content(self._title(key)), partial(target.run_action, key.action), help=key.group
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for key, target in self._available():
            title = self._title(key)
            if (score := matcher.match(title)) > 0:
                yield Hit(
                    score, Content(title), partial(target.run_action, key.action), help=key.group
                )


_BROWSE = 8  # of each kind listed before anything is typed; typing searches them all


class ArticleCommands(Provider):
    """Go to an entity, show one speaker's quotes or go to a timeline event by typing its name."""

    def _hits(self, each: int | None = None) -> list[tuple[str, Callable[[], Any], str, float]]:
        """Entities (most mentioned first), speakers and events, at most ``each`` of each kind."""
        screen: Any = self.screen  # a ReadingScreen (this provider is only in its COMMANDS)
        analysis = screen.analysis
        if analysis is None:
            return []
        out: list[tuple[str, Callable[[], Any], str, float]] = []
        for entity in screen.entity_list.entities[:each]:
            kind = ENTITY_CLASS.get(entity.type, "other")
            label = f"{entity.name}{_spellings(entity)}  · {kind} ×{len(entity.mentions)}"
            out.append(
                (
                    label,
                    partial(screen.select_entity, entity),
                    "Entities: select, go to a mention",
                    1.0,
                )
            )
        by_id = {e.id: e for e in analysis.entities}
        speakers = Counter((speaker_of(q), q.speaker.entity) for q in analysis.quotes)
        for (speaker, eid), count in speakers.most_common(each):
            also = _spellings(by_id[eid]) if eid in by_id else ""
            out.append(
                (
                    f"Quotes by {speaker}{also} ({count})",
                    partial(screen.filter_quotes, speaker),
                    "Quotes",
                    1.0,
                )
            )
        timeline = screen.timeline_list
        for number, event in enumerate(timeline.events[:each]):
            label = f"{timeline.when(event)}  {' '.join(event.summary.split())[:80]}"
            # typing the ISO value ("2022-02") or the article's words ("last February") finds it
            label += "".join(f"  · {alias}" for alias in _aliases(timeline, event))
            # a name typed is more likely the entity than an event whose summary holds it
            out.append((label, partial(screen.goto_event, number), "Timeline", 0.9))
        return out

    async def discover(self) -> Hits:
        for title, run, help, _ in self._hits(_BROWSE):
            yield DiscoveryHit(Content(title), run, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run, help, weight in self._hits():
            if (score := matcher.match(title)) > 0:
                yield Hit(score * weight, matcher.highlight(title), run, help=help)


def _aliases(timeline: TimelineList, event: Event) -> list[str]:
    """The other names of an event's date: its value and the article's words, when they differ
    from the date in words."""
    when = timeline.when(event).casefold()
    return [
        alias
        for alias in dict.fromkeys((event.date, timeline.written(event)))
        if alias and alias.casefold() not in when
    ]


def _spellings(entity: Entity) -> str:
    """Other spellings the text uses, so typing any of them finds the entity ("Velikova" for
    "Marta Velikowa"); a surname inside the name adds nothing."""
    other = [a for a in entity.aliases if a not in entity.name]
    return f" ({', '.join(other)})" if other else ""
