"""Word lists the cue patterns are built from, read from ``reader/analysis/lexicons/*.txt``.

Kept apart from the patterns so the lists can grow without touching the logic.
"""

from __future__ import annotations

from reader.analysis.lexicons import words

# Verbs: what makes a cue ("said"), what only reports a judgement, what may or may not.
SPEECH_VERBS = words("speech_verbs")
JUDGING_VERBS = words("judging_verbs")
AMBIGUOUS_VERBS = words("ambiguous_verbs")
NO_INVERSION = words("no_inversion_verbs")
AUXILIARIES = words("auxiliaries")

# Function words a cue is read through or stops at.
INTRO = words("intro_words")
DETERMINERS = words("determiners")
BETWEEN = words("between_words")
STOPS = words("stop_words")

# Nouns and titles that name or stand for a speaker.
COURTESY_TITLES = words("courtesy_titles")
ROLE_NOUNS = words("role_nouns")
ORGANISATION_NOUNS = words("organisation_nouns")

SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it", "you", "who"])
PERSONAL_PRONOUNS = frozenset(["he", "she", "i"])

# Sentence subjects that never speak a quoted fragment: "It was “…”", "Immediately after …".
NOT_SPEAKERS = (
    INTRO
    | STOPS
    | frozenset(["it", "you", "nothing", "nobody", "everything", "everyone", "each", "another"])
    | frozenset(["good"])
)
