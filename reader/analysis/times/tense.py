"""The tense of the clause around a time expression: whether it looks back or ahead.

"Sales fell in March" is last March, "will meet in March" the coming one; the cue nearest the
expression decides, as news is written in the past and plans in the future.
"""

from __future__ import annotations

import re

from reader.analysis.lexicons import entries

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
_PAST_FORMS = entries("past_forms")
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
# "Was due" is a deadline passed; "was planned for March" still looks ahead in a report.
_WAS = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?$", re.I)
_LEAD = re.compile(r"[^\w,.;:]*,?")
_STOP = re.compile(r"[,.;:]")
_OPENER_REACH = 200  # characters: a one-word opener ("In January, …") is never longer


def _cue(text: str, m: re.Match[str]) -> int:
    """+1 (ahead), -1 (past), 2 (the present: no direction, stop looking) or 0 (no cue)."""
    if m[1]:
        if m[1].lower() in ("planned", "scheduled") and _DET_BEFORE.search(
            text[max(0, m.start() - 24) : m.start()]
        ):
            return 0  # "the hastily planned trip": an adjective
        before = text[max(0, m.start() - 24) : m.start()]
        if _HAD_BEEN.search(before) or (m[1].lower() == "due" and _WAS.search(before)):
            return -1  # "had been expected to", "was due": a plan told in the past looks back
        return 1
    participle = m[3] or m[2].lower() not in ("was", "were", "had", "did", "ago", "since")
    if participle and _AUX_BEFORE.search(text[max(0, m.start() - 24) : m.start()]):
        return 0
    if participle and _PRESENT_BEFORE.search(text[max(0, m.start() - 24) : m.start()]):
        return 2  # "when the case is heard in May": the present, no direction
    return -1


def clause_tense(text: str, clause_start: int, start: int, end: int, sent_end: int) -> int:
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
    lead = _LEAD.match(text, end, after_end)
    lead_end = lead.end() if lead else end  # "In January, the firm …"
    stop = _STOP.search(text, lead_end, after_end)
    if _opens(text, clause_start, start):  # an opener: "In January, a week after the vote, a
        limit = min(sent_end, end + 200)  # bomb killed …" takes the main clause's tense
    else:
        limit = stop.start() if stop else after_end
    for m in _CUE.finditer(text, lead_end, limit):
        if t := _cue(text, m):
            return t if t != 2 else 0
    return 0


def _opens(text: str, clause_start: int, start: int) -> bool:
    """At most one word stands between the clause's start and ``start`` (read within a bounded
    reach, so a long sentence costs no more than a short one)."""
    return start - clause_start <= _OPENER_REACH and len(text[clause_start:start].split()) <= 1
