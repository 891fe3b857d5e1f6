"""A hand-built analysis of the seed article, so UI tests do not depend on how good the
analysers are today: every span is found with ``text.index`` in the real seed text.  And the
Pilot helpers the UI tests share: each waits on state (a worker done, an analysis arrived),
never on a clock."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from reader.analysis.model import Analysis, Entity, Event, Quote, Speaker, TimeExpr
from reader.document.load import load
from reader.document.model import Document, Span
from reader.ui.app import ReaderApp
from reader.ui.screens.reading import ReadingScreen

SEED = Path(__file__).resolve().parents[1] / "articles" / "nato-kyiv-bucharest.txt"


def seed_document() -> Document:
    """The seed, with a source name that does not depend on where the repository is checked out."""
    return replace(load(str(SEED)), source="articles/nato-kyiv-bucharest.txt")


def _all(text: str, word: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end()) for m in re.finditer(re.escape(word), text))


def _at(text: str, phrase: str, after: str = "") -> Span:
    start = text.index(phrase, text.index(after) if after else 0)
    return Span(start, start + len(phrase))


def _quote(text: str, n: int, opening: str, closing: str, speaker: Entity) -> Quote:
    span = Span(_at(text, opening).start, _at(text, closing, opening).end)
    return Quote(
        f"q{n}",
        span,
        text[span.start : span.end],
        Speaker(entity=speaker.id, name=speaker.name, mention=speaker.mentions[0]),
    )


def seed_analysis(document: Document) -> Analysis:
    text = document.text
    putin = Entity(
        "e1",
        "PERSON",
        "Vladimir Putin",
        ("Putin",),
        (_at(text, "Vladimir Putin"), _at(text, "Putin", "Putin himself")),
    )
    kuleba = Entity(
        "e2",
        "PERSON",
        "Dimitro Kuleba",
        ("Koleba", "Kuleba"),
        (_at(text, "Dimitro Koleba"), *_all(text, "Kuleba")),
    )
    stoltenberg = Entity(
        "e3",
        "PERSON",
        "Jens Stoltenberg",
        ("Stoltenberg",),
        (_at(text, "Jens Stoltenberg"), _at(text, "Stoltenberg", "Stoltenberg also")),
    )
    nato = Entity("e4", "ORG", "NATO", (), _all(text, "NATO"))
    bucharest = Entity("e5", "LOC", "Bucharest", (), _all(text, "Bucharest"))
    nasams = Entity("e6", "MISC", "NASAMS", (), _all(text, "NASAMS"))
    quotes = (
        _quote(text, 1, "“direct threat”", "“direct threat”", putin),
        _quote(text, 2, "“faster, faster", "faster”", kuleba),
        _quote(text, 3, "“When we have transformers", "missiles,”", kuleba),
        _quote(text, 4, "“the message", "and others.", stoltenberg),
        _quote(text, 5, "“we know that Russia", "illegal war.”", stoltenberg),
    )
    times = (
        TimeExpr("t1", _at(text, "April 2008"), "April 2008", "DATE", "2008-04"),
        TimeExpr("t2", _at(text, "2014"), "2014", "DATE", "2014"),
        TimeExpr("t3", _at(text, "last February"), "last February", "DATE", "2022-02"),
    )
    timeline = (
        Event(
            "t1",
            "2008-04",
            _at(text, "he has been invited to Bucharest"),
            "Putin invited to Bucharest",
        ),
        Event("t2", "2014", _at(text, "captured Crimea"), "Russia captured Crimea"),
        Event(
            "t3",
            "2022-02",
            _at(text, "ruthlessly attacked the rest of Ukraine"),
            "Russia attacked the rest of Ukraine",
        ),
    )
    breaks = tuple(
        _at(text, glued).start + cut
        for glued, cut in (
            ("personallySince", 10),
            ("Georgiain", 7),
            ("KolebaInvited", 6),
            ("StoltenbergHe", 11),
        )
    )
    return Analysis(
        document=document,
        breaks=breaks,
        entities=(putin, kuleba, stoltenberg, nato, bucharest, nasams),
        quotes=quotes,
        times=times,
        timeline=timeline,
        date="2022-11-29",
        date_source="inferred",
    )


def seed_analyser(document: Document, progress) -> Analysis:
    """An analyser for the app that returns the hand-built analysis through the real worker path."""
    progress("entities", 0.5)
    return seed_analysis(document)


# -- Pilot helpers --------------------------------------------------------------------------------


def seed_app(**kwargs) -> ReaderApp:
    """The seed with its hand-built analysis; jumps do not flash, so nothing waits for one."""
    return ReaderApp(document=seed_document(), analyser=seed_analyser, flash=0, **kwargs)


async def drag_select(pilot, article) -> None:
    """Drag the mouse over a row and a half of text, as a reader selecting a passage would."""
    await pilot.mouse_down(article, offset=(article._margin + 2, 2))
    await pilot.hover(article, offset=(article._margin + 2 + 30, 3))
    await pilot.mouse_up(article, offset=(article._margin + 2 + 30, 3))
    await pilot.pause()


def toasts(app: ReaderApp) -> str:
    """The text of the notifications on screen, as the reader sees them."""
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


def status(screen: ReadingScreen) -> str:
    return str(screen.query_one("#status-message").render())


async def analysed(pilot) -> ReadingScreen:
    """Wait until the worker's analysis has reached the screen (the real pipeline loads models)."""
    for _ in range(1500):
        screen = pilot.app.screen
        if isinstance(screen, ReadingScreen) and screen.analysis is not None:
            await pilot.pause()
            return screen
        await pilot.pause(0.02)
    raise AssertionError("analysis never arrived")


async def palette_run(pilot, query: str) -> None:
    """Open the command palette, type ``query`` and run the best hit."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await pilot.app.workers.wait_for_complete()  # the palette gathers its hits in a worker
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
