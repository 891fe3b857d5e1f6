"""Temporal expressions (TIMEX3) and the document date.

``grammar`` finds candidates, the longest non-overlapping ones are kept, and ``normalise``
resolves each against the document date: the one given, else one inferred by ``docdate``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reader.analysis.model import Sentence, TimeExpr
from reader.analysis.times.dates import second_days
from reader.analysis.times.docdate import calendar_value, dateline, referent_value, shift_value
from reader.analysis.times.grammar import Candidate, candidates
from reader.analysis.times.normalise import Parsed, r_offset, resolve, shifted_day
from reader.analysis.timex import Timex, add_months, month_value
from reader.document.model import Span

__all__ = ["TimeResult", "find_times"]

# Cues of the tense around an expression. Future: "will meet Tuesday", "is due Friday", "until
# March". Past: auxiliaries, "ago", "since", irregular past forms and lower-case "-ed" verbs
# ("sales fell in March", "stepped down in March"); the cue nearest the expression decides.
_FUTURE_CUES = (
    r"will|would|'ll|shall|payable|going\s+to|plans?\s+to|planned|planning\s+to|scheduled|"
    r"expected\s+to|"
    r"due(?!\s+to\s+(?:the|a|an|its|their|his|her|our|this|that|weak|strong|higher|lower)\b)|"
    r"is\s+to|are\s+to|set\s+to|supposed\s+to|as\s+soon\s+as|as\s+early\s+as|resume|until|till|"
    r"(?:extended|postponed|delayed|adjourned|moved)\s+(?:to|until)|this\s+coming"
)
_PAST_FORMS = [
    "was",
    "were",
    "had",
    "did",
    "ago",
    "since",
    "said",
    "told",
    "took",
    "began",
    "came",
    "went",
    "made",
    "brought",
    "bought",
    "sold",
    "paid",
    "met",
    "rose",
    "fell",
    "won",
    "lost",
    "left",
    "held",
    "got",
    "gave",
    "found",
    "saw",
    "became",
    "kept",
    "ran",
    "spent",
    "sent",
    "led",
    "wrote",
    "spoke",
    "chose",
    "broke",
    "drove",
    "flew",
    "grew",
    "knew",
    "threw",
    "stood",
    "sought",
    "taught",
    "caught",
    "fought",
    "built",
    "felt",
    "heard",
    "meant",
    "struck",
    "fled",
    "stole",
]
_CUE = re.compile(
    rf"\b(?:({_FUTURE_CUES})|({'|'.join(_PAST_FORMS)})|((?-i:[a-z]{{2,}}[^e\W]ed)))\b", re.I
)
# A participle after "is"/"are" is the present ("when the case is heard in May"): no direction.
_PRESENT_BEFORE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+|still\s+|not\s+)?$", re.I)
# A participle after these is passive, perfect or an adjective ("will be named", "has been
# extended", "a still unspecified date"): no cue.
_AUX_BEFORE = re.compile(
    r"\b(?:be|been|being|to|has|have|a|an|the|its|their|his|her|"
    r"this|that|these|those)\s+(?:\w+ly\s+|still\s+|not\s+)?$",
    re.I,
)
_DET_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+(?:\w+ly\s+)?$", re.I)
_HAD_BEEN = re.compile(r"\bhad\s+been\s+$", re.I)


def _cue(text: str, m: re.Match) -> int:
    """+1 (ahead), -1 (past), 2 (the present: no direction, stop looking) or 0 (no cue)."""
    if m[1]:
        if m[1].lower() in ("planned", "scheduled") and _DET_BEFORE.search(
            text[max(0, m.start() - 24) : m.start()]
        ):
            return 0  # "the hastily planned trip": an adjective
        return -1 if _HAD_BEEN.search(text[max(0, m.start() - 12) : m.start()]) else 1
    participle = m[3] or m[2].lower() not in ("was", "were", "had", "did", "ago", "since")
    if participle and _AUX_BEFORE.search(text[max(0, m.start() - 24) : m.start()]):
        return 0
    if participle and _PRESENT_BEFORE.search(text[max(0, m.start() - 24) : m.start()]):
        return 2  # "when the case is heard in May": the present, no direction
    return -1


def _tense(text: str, clause_start: int, start: int, end: int, sent_end: int) -> int:
    """The tense of the clause holding ``text[start:end]``: the nearest cue before it, else the
    first one after it in the same clause ("In January, the firm brought in a new chief"), or
    in the sentence when the expression opens it."""
    before = text[max(clause_start, start - 80) : start]
    cut = max(before.rfind(c) for c in ".;,")
    before_start = max(clause_start, start - 80) + cut + 1
    until = False
    for m in reversed(list(_CUE.finditer(text, before_start, start))):
        if m[1] and m[1].lower() in ("until", "till"):
            # "postponed until Tuesday" looks ahead, "stayed closed until Tuesday" back;
            # "Until Thursday, they had not …": the clause after tells
            until = bool(text[before_start : m.start()].strip())
            continue
        if t := _cue(text, m):
            return t if t != 2 else 0
    if until:
        return 1
    if len(text[before_start:start].split()) > 2:
        return 0  # the clause before says nothing of its tense: the one after is another's
    after_end = min(sent_end, end + 100)
    lead = re.match(r"[^\w,.;:]*,?", text[end:after_end]).end()  # "In January, the firm …"
    stop = re.search(r"[,.;:]", text[end + lead : after_end])
    if len(text[clause_start:start].split()) <= 1:  # an opener: "In January, a week after the
        limit = min(sent_end, end + 200)  # vote, a bomb killed …" takes the main clause's tense
    else:
        limit = end + lead + stop.start() if stop else after_end
    for m in _CUE.finditer(text, end + lead, limit):
        if t := _cue(text, m):
            return t if t != 2 else 0
    return 0


# Kinds whose value, when a calendar date, is the context for "that year", "that day", clock times.
_NAMES_A_DAY = frozenset({"abs", "month", "weekday", "wctx", "unit", "dayshift"})


@dataclass(frozen=True, slots=True)
class TimeResult:
    times: list[TimeExpr]
    date: str | None  # the document date inferred from the text, when no anchor was given


def _select(found: list[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap a longer one, in reading order."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if not any(c.start < e and s < c.end for s, e in taken):
            kept.append(c)
            taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


def _quarter(
    last: str | None,
    a: Timex | None,
    rel: int | None,
    year_shift: int,
    year: int | None = None,
    period: bool = False,
) -> str:
    """ "the quarter", "the year-ago quarter": the quarter last named, else the latest full one;
    "the 1988 quarter" is that quarter of 1988, "the 1988 period" just 1988 without one."""
    if last and rel is None:
        y, q = last.split("-Q")
        return f"{year if year is not None else int(y) + year_shift}-Q{q}"
    if year is not None and period:
        return str(year)
    if a is None or a.month is None:
        return f"{a.year + year_shift}-QX" if a else "XXXX-QX"
    k = a.year * 4 + (a.month - 1) // 3 + (rel if rel is not None else -1) + 4 * year_shift
    return f"{k // 4}-Q{k % 4 + 1}"


def find_times(text: str, sentences: Sequence[Sentence], anchor: str | None) -> TimeResult:
    """Time expressions normalised against ``anchor`` (YYYY-MM-DD), or against the date the text
    itself implies when there is none (returned as ``date``; None without any clue)."""
    tokens = [t for s in sentences for t in s.tokens] or [
        Span(m.start(), m.end()) for m in re.finditer(r"\w[\w'’.:/-]*|[^\w\s]", text)
    ]
    found = _select(list(candidates(text, tokens)))
    taken = [(c.start, c.end) for c in found]
    found = sorted(
        found
        + [
            Candidate(s, e, p)
            for s, e, p in second_days(text, [(c.start, c.end, c.parsed) for c in found])
            if not any(s < te and ts < e for ts, te in taken)
        ],
        key=lambda c: c.start,
    )
    spans = [(s.span.start, s.span.end) for s in sentences] or [(0, len(text))]
    starts = [s for s, _ in spans]

    def sentence_of(pos: int) -> tuple[int, int]:
        return spans[max(0, bisect.bisect_right(starts, pos) - 1)]

    dated = [
        (c.start, v)
        for c in found
        if c.parsed.kind in ("abs", "month")
        if calendar_value(v := resolve(c.parsed, None, 0))
    ]

    def anchored(c: Candidate) -> str | None:
        """ "Fourteen years after the summit": the referent's date, shifted."""
        n, unit, sign, ref_start, ref_end, *_ = c.parsed.args
        ref = referent_value(text, sentence_of, ref_start, ref_end, dated)
        return shift_value(ref, n, unit, sign) if ref else None

    a = Timex.anchor(anchor)
    inferred = None
    if a is None:
        clues = [v for c in found if c.parsed.kind == "anchored" if (v := anchored(c))]
        a = dateline(dated) or (
            Timex.anchor(max(clues, key=lambda v: Timex.anchor(v).key)) if clues else None
        )
        inferred = a.text if a else None

    times: list[TimeExpr] = []
    last_quarter: str | None = None  # context for "the quarter", "a year earlier" in results
    last_year: str | None = None  # context for "that year"
    last_day: str | None = None  # context for "that day" and clock times
    last_month: str | None = None  # context for "the following month"
    for c in found:
        s, e = sentence_of(c.start)
        tense = _tense(text, s, c.start, c.end, e)
        end, kind = c.end, c.parsed.type
        if c.parsed.kind == "anchored":
            value = anchored(c)
            if value is None:  # referent unknown: only the duration ("fourteen years") is sure
                end, kind, value = c.parsed.args[5], "DURATION", c.parsed.args[6]
        elif c.parsed.kind == "ahead":  # "in three months": a date when the text looks ahead
            n, unit, duration = c.parsed.args
            kind, value = (
                ("DATE", r_offset(a, tense, n, unit, 1)) if tense == 1 else ("DURATION", duration)
            )
        elif c.parsed.kind == "qctx":
            value = _quarter(last_quarter, a, *c.parsed.args)
        elif c.parsed.kind == "time" and c.parsed.args[2] is None and last_day:
            # "on Friday at 10:35 a.m.": a clock time without a day is on the day last named
            value = resolve(Parsed("TIME", "time", (*c.parsed.args[:2], last_day)), a, tense)
        elif c.parsed.kind == "wctx":
            base = Timex.anchor(last_day) if last_day else a
            value = resolve(Parsed(c.parsed.type, "weekday", c.parsed.args), base, tense)
        elif c.parsed.kind == "dctx":  # "that day", "the next morning": the day the text last named
            base = date.fromisoformat(last_day) if last_day else a.day_date if a else None
            value = shifted_day(base, c.parsed.args[0])
        elif c.parsed.kind == "yctx":
            shift = c.parsed.args[0]
            value = (
                str(int(last_year) + shift)
                if last_year
                else resolve(Parsed("DATE", "unit", ("Y", shift)), a, 0)
            )
        elif c.parsed.kind == "mctx":
            shift = c.parsed.args[0]
            if last_month:
                value = month_value(*add_months(int(last_month[:4]), int(last_month[5:7]), shift))
            else:
                value = resolve(Parsed("DATE", "unit", ("M", shift)), a, 0)
        elif last_quarter and c.parsed.kind == "offset" and c.parsed.args[1:] == ("Y", -1):
            # "a year earlier" in a results story: the quarter it discusses, a year back
            value = _quarter(last_quarter, a, None, -int(c.parsed.args[0] or 1))
        else:
            value = resolve(c.parsed, a, tense)
        if c.parsed.kind in _NAMES_A_DAY and calendar_value(value[:10]):
            last_year = value[:4]
            last_day = value[:10] if len(value) >= 10 else last_day
            last_month = value[:7] if re.match(r"\d{4}-\d\d", value) else last_month
        if (
            c.parsed.kind in ("quarter", "qctx")
            and re.fullmatch(r"\d{4}-Q\d", value)
            and (
                a is None
                or (
                    value.startswith(str(a.year))
                    and (a.month is None or int(value[-1]) <= (a.month - 1) // 3)
                )
            )
            and (last_quarter is None or value > last_quarter)
        ):
            last_quarter = value  # the period a results story is about: the latest one over
        times.append(
            TimeExpr(f"T{len(times) + 1}", Span(c.start, end), text[c.start : end], kind, value)
        )
    return TimeResult(times, inferred)
