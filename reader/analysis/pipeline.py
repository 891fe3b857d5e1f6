"""``analyse(document)``: run every analyser once, in order, timing each step.

Pure and thread-safe: models are loaded once (lazily, behind locks in their modules), so the UI
can call it from a worker thread.  The one piece of process state it touches is the cyclic
garbage collector, paused while any analysis runs (``_collector_paused``).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reader.analysis.entities import find_entities
from reader.analysis.language import detect
from reader.analysis.model import Analysis, DateSource
from reader.analysis.quotes import find_quotes
from reader.analysis.timeline import build_timeline
from reader.analysis.times import TimeResult, find_times
from reader.analysis.tokens import tokenize
from reader.document.model import Document

Progress = Callable[[str, float], None]
"""Called with a step name and the fraction of the analysis done (0.0 to 1.0), before each step.

It is also the way to cancel: an exception it raises is not an analyser's failure but ends
``analyse`` there and reaches the caller (the app raises one once nobody waits for the result)."""


_paused = threading.Lock()
_running = 0  # analyses under way
_was_on = True  # whether the collector ran before the first of them


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The analysers allocate millions of small, acyclic objects that reference counting frees;
    the cyclic collector would walk the ever larger heap again and again (a sixth of the time on
    a 1 MB text, and time growing faster than the text).  Paused while any analysis runs, and
    restored as it was when the last one ends; cycles made meanwhile are collected then."""
    global _running, _was_on
    with _paused:
        if _running == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _paused:
            _running -= 1
            if _running == 0 and _was_on:
                gc.enable()


def analyse(
    document: Document, date: str | None = None, progress: Progress | None = None
) -> Analysis:
    """Analyse ``document``; ``date`` (YYYY-MM-DD) overrides the document's own date."""
    with _collector_paused():
        return _analyse(document, date, progress)


def _analyse(document: Document, date: str | None, progress: Progress | None) -> Analysis:
    timings: dict[str, float] = {}
    errors: list[str] = []
    report = progress or (lambda step, done: None)

    def timed(step: str, done: float, fallback: Any, fn: Callable[..., Any], *args: Any) -> Any:
        """Run one analyser; if it fails, keep going without its findings and say so in ``errors``.

        One analyser's bug on an odd article must not cost the reader the text and the other
        findings.
        """
        report(step, done)
        t0 = time.perf_counter()
        try:
            result = fn(*args)
        except Exception as err:
            errors.append(f"{step}: {type(err).__name__}: {err}")
            result = fallback
        timings[step] = (time.perf_counter() - t0) * 1000
        return result

    text = document.text
    source: DateSource | None
    anchor, source = (
        (date, "option") if date else (document.date, "metadata" if document.date else None)
    )
    sentences, breaks = timed("sentences", 0.0, ([], []), tokenize, text, document.blocks)
    language = detect(text)
    notices = [] if language.english else [not_english(language.name)]
    # On a page in another language every capitalised noun would be a "name": list none.
    entities = (
        timed("entities", 0.2, [], find_entities, text, sentences) if language.english else []
    )
    paragraphs = [b.span for b in document.blocks]
    blockquotes = [b.span for b in document.blocks if b.kind == "blockquote"]
    quotes = timed(
        "quotes", 0.7, [], find_quotes, text, paragraphs, sentences, entities, blockquotes
    )
    found = timed("times", 0.8, TimeResult([], None), find_times, text, sentences, anchor)
    if found.date and not anchor:
        anchor, source = found.date, "inferred"
    timeline = timed(
        "timeline", 0.9, [], build_timeline, text, sentences, found.times, anchor, entities
    )
    report("done", 1.0)
    return Analysis(
        document=document,
        sentences=tuple(sentences),
        breaks=tuple(breaks),
        entities=tuple(entities),
        quotes=tuple(quotes),
        times=tuple(found.times),
        timeline=tuple(timeline),
        date=anchor,
        date_source=source,
        timings_ms=timings,
        errors=tuple(errors),
        language=language.code,
        notices=tuple(notices),
    )


def not_english(name: str) -> str:
    """The notice for an article in another language."""
    return f"The article seems to be in {name}: names are not listed (the analysers read English)."
