"""How a timeline date reads to a person: "24 February 2022" rather than the ISO value "2022-02-24".

The analysis keeps TIMEX3 values (sortable, exact, what the JSON holds); this only words them. A
value the article never anchored ("XXXX-WXX-2", Tuesday of an unknown week) is best named by the
words the article used for it, which the caller passes in.
"""

from __future__ import annotations

import re

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS = {
    "MO": "morning",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
    "24:00": "midnight",
    "12:00": "noon",
}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_DATE = re.compile(
    r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q([1-4])|(SP|SU|FA|WI)|H([12])))?"
    r"(?:T(\d\d:\d\d|MO|AF|EV|NI|DT))?$"
)


def describe(value: str, words: str = "") -> str:
    """``value`` in words; ``words`` (the expression as written) stands in for what is unknown."""
    if value in _REFS:
        return _REFS[value]
    if "X" in value:
        return " ".join(words.split()) or "date not given"
    if re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if re.fullmatch(r"\d\d", value):
        return f"the {value}00s"
    m = _DATE.match(value)
    if m is None:
        return value
    year, month, day, week, quarter, season, half, clock = m.groups()
    if day:
        text = f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
    elif month:
        text = f"{_MONTHS[int(month) - 1]} {year}"
    elif week:
        text = f"week {int(week)} of {year}"
    elif quarter:
        text = f"Q{quarter} {year}"
    elif season:
        text = f"{_SEASONS[season]} {year}"
    elif half:
        text = f"{'first' if half == '1' else 'second'} half of {year}"
    else:
        text = year
    return f"{text}, {_PARTS.get(clock, clock)}" if clock else text
