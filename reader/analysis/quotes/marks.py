"""Quotation spans from quotation marks, paragraph by paragraph.

Marks are read with a small stack so nested quotes (“… ‘…’ …”) stay inside their outer quote.
Context decides the ambiguous characters: ’ and ' are apostrophes between letters (don’t,
Berg’s) or before digits (the ’90s); a straight " opens after a space and closes before
one. A closing mark with nothing open is ignored, so a stray ” never swallows the text before it.
An unclosed quote ends with its paragraph, unless the next paragraph reopens with the same mark:
that is how a quotation running over several paragraphs is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import SupportsIndex

from reader.document.model import Span

# opening mark -> the marks that may close it; sloppy text mixes curly and straight double
# marks, so either closes the other
_CLOSERS: dict[str, str] = {
    "“": '”"“',
    "„": "“”",
    "«": "»",
    "‹": "›",
    "‘": "’",
    '"': '"”',
    "'": "'’",
}
_DOUBLE_OPEN = '“„«"'
_PAIRED = '“„"'  # double marks that two single closing marks (’’) may close
TURN = re.compile(r"\s*([A-Z][A-Z.'’ -]{1,40}[A-Z.]):\s")  # a transcript's speaker label: "HOST: "
_SINGLE_CLOSE = re.compile(r"(?<=[,.!?;:])['’]|(?<=\w)['’](?=[,.;:!?)])")
_MARK = re.compile("[“”„«»‹›‘’\"']")
# A closing mark followed by a named speaker's cue ("…,” added Rep. Tom Ode" / "…,” Ann Lee said):
# a paragraph whose opening quotation ends like this starts a new quotation, not a continued one.
_NAMED_CUE = re.compile(
    r"[ \t]*(?:(?:added|said|says|continued|noted|argued|asked|replied|explained|told)"
    r"\s+(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][a-z]|(?:[A-Z][\w.’'-]*\s+){1,3}(?:said|added|says)\b)"
)
_BEFORE_OPEN = " \t\n([{—–-/:;,…" + "“„«‹‘\"'"
_AFTER_CLOSE = " \t\n)]}—–-/:;,.?!…" + "”»›’\"'"


@dataclass(frozen=True, slots=True)
class Marked:
    """A top-level quotation: its span (marks included), whether its closing mark was found, and
    whether it continues the quotation of the paragraph before (a paragraph reopening with the
    same mark: the same speaker's words)."""

    span: Span
    closed: bool
    continues: bool = False


class _Stack(list[str]):
    """The open marks, counting the straight double ones, so that asking whether one is open
    costs nothing however many marks a hostile paragraph leaves open."""

    def __init__(self) -> None:
        super().__init__()
        self.straight = 0

    def append(self, mark: str) -> None:
        self.straight += mark == '"'
        super().append(mark)

    def pop(self, index: SupportsIndex = -1) -> str:
        mark = super().pop(index)
        self.straight -= mark == '"'
        return mark


def _prev(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i > lo else " "


def _next(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else " "


def _last_single_close(text: str, lo: int, hi: int) -> int:
    """Where the paragraph's last unmistakable closing straight single quote is (-1: none): one
    after a clause's punctuation ("'We won,' she said") or after a word and before punctuation
    ("was 'great', she said"); a plural possessive ("the players' bus") is not one."""
    found = -1
    for m in _SINGLE_CLOSE.finditer(text, lo, hi):
        found = m.start()
    return found


def _role(text: str, i: int, lo: int, hi: int, stack: _Stack, single_close: int = -1) -> str:
    """'open', 'close' or '' (not a quotation mark here) for the mark at ``i``; a straight
    single quote opens a quotation of its own only when a closing one follows in the paragraph
    (``single_close``)."""
    c, before, after = text[i], _prev(text, i, lo), _next(text, i, hi)
    if c == "“" and stack and stack[-1] in "“„" and not before.isspace() and after in _AFTER_CLOSE:
        return "close"  # “liars“: an opening mark typed where the closing one belongs
    if c in "“„«‹":
        return "open"
    if c in "”»›":
        return "close"
    if c in "’'":
        if after == c and stack and stack[-1] in _PAIRED and not before.isspace():
            return "close"  # “…’’: two single marks typed for a closing double one
        if before.isalnum() and after.isalnum():
            return ""  # don’t, Berg’s
        if after.isdigit() and not before.isalnum():
            return ""  # the ’90s
        if c == "'" and before.isalpha() and after.isspace() and single_close > i:
            return ""  # the players' bus: a clearer closing mark follows
        if stack and stack[-1] in ("‘'" if c == "’" else "'") and not before.isspace():
            return "close"
        if c == "'" and before in _BEFORE_OPEN and after.isalnum():
            if stack and stack[-1] != "'":
                return "open"  # a straight single quote nested in a double one
            if not stack and single_close > i and before != "'":
                return "open"  # 'We won,' she said: single quotes used as the main marks
        return ""
    if c == "‘":
        return "" if before.isalnum() or after.isdigit() else "open"
    # straight double quote: toggles, with context for the first of a pair
    if stack.straight or (
        stack and stack[-1] in "“„" and not before.isspace() and after in _AFTER_CLOSE
    ):
        return "close"
    if before in _BEFORE_OPEN and not after.isspace():
        return "open"
    if not before.isspace() and after in _AFTER_CLOSE:
        return ""  # a closing mark with nothing open
    if after.isspace():  # she wrote. " The rest …: a stray space after the opening mark
        return (
            "open" if _prev(text, i - 1, lo) in ".:?!" and _next(text, i + 1, hi).isupper() else ""
        )
    return "open"


def _reopens(text: str, para: Span, opener: str) -> bool:
    """Whether ``para`` starts with an opening mark of the same family as ``opener``, and is not
    a new turn of a transcript ("“HOST: …")."""
    body = text[para.start : para.end].lstrip()
    same = bool(body) and (
        body[0] == opener or (opener in _DOUBLE_OPEN and body[0] in "“„«" and opener != '"')
    )
    return same and not TURN.match(body, 1) and not _new_speaker(body)


def _new_speaker(body: str) -> bool:
    """Whether the quotation opening ``body`` closes with a comma and a named speaker's cue."""
    close = next((i for i, c in enumerate(body[1:], 1) if c in '”"»'), -1)
    return close > 0 and body[close - 1] == "," and bool(_NAMED_CUE.match(body, close + 1))


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _scan(
    text: str, para: Span, reopen: int, ignore: int, singles: bool = False
) -> tuple[list[Marked], int]:
    """Quotations closed in ``para`` and the start of one left open (-1 if none).

    ``reopen`` is the reopening mark of a quotation carried from the paragraph before (-1: none);
    ``ignore`` a mark to skip; ``singles``: the text quotes with straight single marks ('We
    won,' she said).
    """
    lo, hi = para.start, para.end
    out: list[Marked] = []
    stack = _Stack()
    start = reopen
    skip = -1  # the second of two single marks typed for one double mark
    single_close = _last_single_close(text, lo, hi) if singles else -1
    for mark in _MARK.finditer(text, lo, hi):
        i = mark.start()
        if i in (ignore, skip):
            continue
        if i == reopen:
            stack.append(text[i])  # the reopening mark of a continued quotation
            continue
        role = _role(text, i, lo, hi, stack, single_close)
        if role == "open":
            if not stack:
                start = i
            stack.append(text[i])
        elif role == "close" and stack:
            pair = text[i] in "’'" and stack[-1] in _PAIRED  # ’’ typed for ”
            closer = "”" if pair else text[i]
            while stack and closer not in _CLOSERS[stack[-1]]:
                stack.pop()  # an inner quotation left unclosed, or an apostrophe read as one
            if stack:
                stack.pop()
            end = i + 2 if pair else i + 1
            skip = end - 1
            if not stack and start >= 0:
                out.append(Marked(Span(start, end), True, start == reopen))
                start = -1
    return out, start


def find_marked(text: str, paragraphs: Sequence[Span]) -> list[Marked]:
    """Top-level quotations in reading order; linear in the length of the text.

    In a text written with curly marks, a straight " left open at the end of its paragraph is
    a stray: the paragraph is read again without it, so the quotes inside it still count. A
    straight single quote opens a quotation of its own only in a text with no double marks.
    A quotation running over several paragraphs gives one quotation per paragraph.
    """
    curly = text.count("“") > text.count('"')
    singles = not (curly or any(m in text for m in ('"', "”", "''")))  # British style
    out: list[Marked] = []
    reopen = -1  # the reopening mark of a quotation carried from the paragraph before
    for n, para in enumerate(paragraphs):
        found, open_at = _scan(text, para, reopen, -1, singles)
        if open_at >= para.start and open_at != reopen and text[open_at] == '"' and curly:
            found, open_at = _scan(text, para, reopen, open_at, singles)
        out.extend(found)
        carried, reopen = reopen, -1
        if open_at < 0 or text[open_at] in "‘'":
            continue
        end = _trim_end(text, open_at, para.end)
        out.append(Marked(Span(open_at, end), False, open_at == carried))
        if n + 1 < len(paragraphs) and _reopens(text, paragraphs[n + 1], text[open_at]):
            reopen = _first_mark(text, paragraphs[n + 1])
    return out


def _first_mark(text: str, para: Span) -> int:
    body = text[para.start : para.end]
    return para.start + len(body) - len(body.lstrip())
