"""Named entities: tagging, consistency passes and grouping of mentions into entities.

The passes run in this order: the tagger; a known first name after a role tagged as a person
(``after_roles``: "Halden DL Tom Ode"); repeats of names found elsewhere tagged too
(``consistency.propagate``); fragments of one name completed (``consistency.complete``, and an
acronym over the words after it: ``consistency.acronym_names``); capitals in brackets after an
organisation or a dateline tagged as one (``consistency.bracketed``); spans cut where two names
were glued (a comma, "and", two places side by side, a verb), a person's cut from a common word
opening the sentence (``_after_opening``), trimmed of what is not the name (``_trim``), typed a
person after a title, dropped when no name (a common word, a word known only inside longer
names opening a sentence, a letter); known places written in lower case after a preposition of
place (``lower_places``); mentions grouped into one row per referent (``grouping.group``). Pure
and thread-safe: the model loads once, lazily, behind a lock (``tagger.get_tagger``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Container, Sequence
from functools import cache
from itertools import pairwise

from reader.analysis.entities.consistency import (
    WordTests,
    acronym_names,
    bracketed,
    complete,
    propagate,
)
from reader.analysis.entities.features import is_caps_line
from reader.analysis.entities.gazetteer import HONORIFICS, NOT_ALONE
from reader.analysis.entities.grouping import PARTICLES, Mention, group, particled
from reader.analysis.entities.tagger import bio_spans, get_tagger
from reader.analysis.lexicons import words
from reader.analysis.model import Entity, EntityType, Sentence
from reader.document.model import Span

TYPES: dict[str, EntityType] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# Tokens a mention never starts or ends with: possessive endings and bare punctuation.
_EDGE = frozenset({"'s", "’s", "'S", "’S", "'", "’"})
_NOT_FIRST = words("name_not_first")
_NOT_LAST = words("name_not_last")
_PLACE_FIRST = words("place_heads")
_PLACE_LAST = words("place_tails")
_ROLES = words("name_roles")
_COURTESY = words("courtesy_titles")
_NOT_NAMES = words("not_names")
_INNER = words("name_inner_words")
_NATIONALITIES = words("ner_nationalities")
_PLACE_PREPOSITIONS = words("place_prepositions")
PLACE_WORDS = 6  # the longest span cut into two places, in words
_TITLES = frozenset(w.lower().rstrip(".") for w in words("ner_titles"))


def is_honorific(word: str) -> bool:
    """Whether ``word`` is an honorific that may stand before a name ("Sen.", "Councillor")."""
    return word.lower().rstrip(".") in HONORIFICS


def lines(text: str, sentences: Sequence[Sentence]) -> list[list[Span]]:
    """Token runs to tag: sentences, cut where a line break falls between tokens (headline,
    dateline, list item); a run without letters that the sentence splitter cut off (an opening
    quote, a list number "1 .") joins the sentence after it."""
    out: list[list[Span]] = []
    current: list[Span] = []
    for sent in sentences:
        for k, tok in enumerate(sent.tokens):
            if current and (
                "\n" in text[current[-1].end : tok.start]
                or (k == 0 and any(c.isalpha() for t in current for c in text[t.start : t.end]))
            ):
                out.append(current)
                current = []
            current.append(tok)
    if current:
        out.append(current)
    return out


def _title_case(words: Sequence[str]) -> bool:
    """A headline in Title Case ("Biden And Scholz Pledge More Help"), where case says little."""
    long = [w for w in words if w.isalpha() and len(w) >= 4]
    return (
        len(long) >= 3
        and all(w[0].isupper() for w in long)
        and not any(c.isdigit() or c == "," for w in words for c in w)
    )


def _role(word: str) -> bool:
    """A title, role or position that stands before a name ("Sen.", "Secretary", "DL")."""
    low = word.lower().rstrip(".")
    return low in HONORIFICS or low in _ROLES


def _cut_role(words: Sequence[str], a: int, b: int, person: bool) -> int:
    """Where a person's name starts after the titles and roles glued before it ("Defense Secretary
    Tom Reyes", "Secretary of State Tom Reyes"): ``a`` if none. The rest must look like a name:
    capitalised words (particles inside: "Ali bin Hamad"), two or more, or any after a courtesy
    title ("Ms"), or one the tagger took for a person."""
    cut = a
    for k in range(a, b - 1):
        if _role(words[k]):
            j = k + 1
            if words[j] == "of" and j + 2 < b and words[j + 1][:1].isupper():
                j += 2  # "Secretary of State" is all role
            cut = max(cut, j)
    rest = words[cut:b]
    inner = range(1, len(rest) - 1)  # a particle stands only inside: "Ali bin Hamad"
    if cut == a or not all(
        (w[:1].isupper() or (k in inner and w in PARTICLES)) and not _role(w)
        for k, w in enumerate(rest)
    ):
        return a
    courtesy = words[cut - 1].lower().rstrip(".") in _COURTESY
    return cut if person or courtesy or (len(rest) >= 2 and _personal(rest)) else a


def _personal(words: Sequence[str]) -> bool:
    """Whether words the tagger did not call a person look like a person's name: a known first
    name, or no word that is a known place, organisation word or common word ("Electric Co")."""
    gaz = get_tagger().gazetteer.tags(words, [w.lower() for w in words])
    return gaz[0] == "B-FN" or (not any(gaz) and not any(_common(w) for w in words))


def _trim(
    text: str, toks: Sequence[Span], typ: EntityType = "ORG"
) -> tuple[Span, EntityType] | None:
    """The mention's span and type without what is glued to the name: possessive endings and
    punctuation at its edges (but with a closing bracket whose opening one it holds), greetings
    and sentence adverbs before it, titles and roles before it (what is left is a person), and
    months, prepositions, lower-case words and a role after it (not one after "of": "Court of
    Justice" is whole). None if no name is left."""
    words = [text[t.start : t.end].replace("’", "'") for t in toks]
    person = typ == "PERSON"

    def bare(k: int) -> bool:
        return words[k] in _EDGE or not any(c.isalnum() for c in words[k])

    def closes(k: int) -> bool:  # a bracket closing one the mention opened: "Mladost ( BJ )"
        return words[k] == ")" and "(" in words[a:k]

    def glued_before(k: int) -> bool:  # "Hey", "Frankly", "Since": never the start of a name
        low = words[k].lower()
        return low in _NOT_FIRST or low in _NOT_NAMES or (k == 0 and _adverb(low))

    a, b = 0, len(toks)
    while a < b and (bare(a) or (b - a > 1 and glued_before(a))):
        a += 1
    while b > a and (
        (bare(b - 1) and not closes(b - 1))
        or words[b - 1] in _NOT_LAST
        or (
            b - a > 1
            and (
                words[b - 1] in NOT_ALONE
                or (words[b - 1][:1].islower() and not particled(words[b - 1]))
            )
        )
        or (b - a > 1 and _role(words[b - 1]) and words[b - 2] != "of")
    ):
        b -= 1
    cut = _cut_role(words, a, b, person)
    if cut > a:
        a, typ, person = cut, "PERSON", True
    if a == b or (b - a == 1 and (_role(words[a]) or words[a].lower() in _NOT_NAMES)):
        return None  # nothing left, or a title alone ("Councillor" tagged apart from the name)
    end = toks[b - 1].end
    if text[end - 2 : end] in ("'s", "’s") and end - 2 > toks[a].start:
        end -= 2
    return Span(toks[a].start, end), typ


@cache
def _org_heads() -> tuple[frozenset[str], frozenset[str]]:
    """Words that end organisation names in the tagger's training lexicon ("Inc", "Council",
    "Records": at least three such names, and four in five of the names they end), and words
    that stand before "of" in them ("University", "Ministry": in two names or more, and in a
    quarter as many as those the word ends)."""
    lexicon = get_tagger().lexicon
    last: dict[str, Counter[str]] = {}
    of: Counter[str] = Counter()
    for name, typ in lexicon.items() if lexicon else ():
        if len(name) > 1:
            last.setdefault(name[-1], Counter())[typ] += 1
        of.update(w for w, o in pairwise(name[:-1]) if o == "of" and typ == "ORG")
    heads = frozenset(w for w, c in last.items() if c["ORG"] >= 3 and c["ORG"] >= 0.8 * c.total())
    ends = {w: c["ORG"] for w, c in last.items()}
    return heads, frozenset(w for w, n in of.items() if n >= 2 and n >= 0.25 * ends.get(w, 0))


def _place_alone(words: Sequence[str]) -> bool:
    """Whether ``words`` are, whole, a place of the training lexicon or of the gazetteer that
    can stand beside another: no one word running text also writes in lower case ("South",
    "Valley")."""
    tagger = get_tagger()
    lexicon = tagger.lexicon
    if len(words) == 1 and tagger.case_class(words[0].lower()) in ("L", "l", "m", "c"):
        return False
    listed = lexicon.category(words) if lexicon else ""
    return listed == "LOC" or tagger.gazetteer.category(words) == "LOC"


def _listed(words: Sequence[str]) -> bool:
    """Whether ``words`` are one name of the training lexicon, whole."""
    lexicon = get_tagger().lexicon
    return bool(lexicon and lexicon.category(words))


def split_pairs(
    words: Sequence[str],
    spans: Sequence[tuple[int, int, str]],
    listed: Callable[[Sequence[str]], bool],
) -> list[tuple[int, int, str]]:
    """Spans that are two names joined by "and", cut in two: each side a ``listed`` name (in the
    training lexicon), the whole none ("Trinidad and Tobago" is one), or any two joined by "and
    the" ("University of Halden and the Velo Institute") but for a title (MISC) and a band ("Al
    Berg and the Vans")."""
    out = []
    for a, b, typ in spans:
        k = next((k for k in range(a + 1, b - 1) if words[k] == "and"), None)
        band = k is not None and k + 3 == b and words[b - 1].endswith("s")  # "Al and the Vans"
        if k is not None and typ != "MISC" and words[k + 1].lower() == "the" and not band:
            out += [(a, k, typ), (k + 2, b, typ)]  # "the" opens a second name
        elif (
            k is not None
            and listed(words[a:k])
            and listed(words[k + 1 : b])
            and not listed(words[a:b])
        ):
            out += [(a, k, typ), (k + 1, b, typ)]
        else:
            out.append((a, b, typ))
    return out


def _cut_at(
    spans: Sequence[tuple[int, int, str]], at: Callable[[int, int], bool]
) -> list[tuple[int, int, str]]:
    """Spans but for MISC (titles) cut at each word ``k`` inside them for which ``at(k, end)``
    holds, that word left out of both sides."""
    out = []
    for a, b, typ in spans:
        for k in range(a + 1, b - 1) if typ != "MISC" else ():
            if at(k, b):
                out.append((a, k, typ))
                a = k + 1
        out.append((a, b, typ))
    return out


def _split_verbs(
    words: Sequence[str], spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Spans cut where a word inside them is one running text only writes in lower case and
    longer than a particle ("Ruiz told Velo Radio", "Acme beat Tolvo"), but for those names hold
    ("upon"); MISC titles keep theirs."""

    def verb(k: int, end: int) -> bool:
        w = words[k]
        return w.islower() and len(w) >= 4 and w not in _INNER and get_tagger().case_class(w) == "L"

    return _cut_at(spans, verb)


def split_lists(
    words: Sequence[str],
    spans: Sequence[tuple[int, int, str]],
    suffix: Callable[[str], bool],
) -> list[tuple[int, int, str]]:
    """Spans cut at a comma between names ("Velo Sound , Tolvo" as two), but for a comma
    before a ``suffix``, an abbreviation or a short word in capitals ("Acme , Inc.", "Halden ,
    D.C.", "Berg & Lund , LLP"), for commas of an enumeration inside a name ("Bureau of Grain ,
    Salt and Oil", "Velo , Berg & Co"), and in titles (MISC: "Yes , Minister")."""
    joins = [k for k, w in enumerate(words) if w in ("and", "&")]

    def comma(k: int, end: int) -> bool:
        after = words[k + 1]
        tail = suffix(after) or after.endswith(".") or (after.isupper() and len(after) <= 3)
        j = bisect_right(joins, k)
        enumeration = j < len(joins) and joins[j] < end  # "X , Y and Z"
        return words[k] == "," and not tail and not enumeration

    return _cut_at(spans, comma)


def split_places(
    words: Sequence[str],
    spans: Sequence[tuple[int, int, str]],
    place: Callable[[Sequence[str]], bool],
    whole: Callable[[Sequence[str]], bool],
) -> list[tuple[int, int, str]]:
    """Spans that are two known places side by side ("Halden Norway", "Velo Heights Tolvo"),
    cut in two places, unless a ``whole`` name (one listed, or one the document tags so twice:
    a mountain range named by two places); a person's name stays whole."""
    out = []
    for a, b, typ in spans:
        ends = range(a + 1, b) if b - a <= PLACE_WORDS else ()  # places are short: linear time
        k = next((k for k in ends if place(words[a:k]) and place(words[k:b])), 0)
        if k and typ != "PER" and not whole(words[a:b]):
            out += [(a, k, "LOC"), (k, b, "LOC")]
        else:
            out.append((a, b, typ))
    return out


def _titled(word: str) -> bool:
    """A title that stands before a person's name ("Senator", "Dr.", "Lieutenant-Colonel")."""
    low = word.lower().rstrip(".")
    return is_honorific(word) or any(part in _TITLES for part in low.split("-"))


def _inside_stop(word: str) -> bool:
    """A capitalised word a name does not grow over: a month or weekday, a title or role, a
    nationality adjective, a word never a name."""
    low = word.lower().rstrip(".")
    return (
        _titled(word)
        or word in NOT_ALONE
        or word in _NATIONALITIES
        or _role(word)
        or low in _NOT_NAMES
        or low in _NOT_FIRST
        or low in _COURTESY
    )


def _adverb(low: str) -> bool:
    """A sentence adverb ("Frankly,", "Honestly"): a common word in "-ly"."""
    return low.endswith("ly") and _common(low)


def _common(word: str) -> bool:
    """A word unlabelled text writes in lower case ("Regardless", "VOTE"): no name alone."""
    return get_tagger().case_class(word.lower()) in ("L", "l")


def _lone_common(surface: str) -> bool:
    """One word that running text writes in lower case and training data never tags as a name
    ("Applause", "Machine"): a capitalised common word, wherever it stands, not a row alone."""
    return (
        " " not in surface
        and _common(surface)
        and (get_tagger().tokens or {}).get(surface.lower(), "") in ("", "O")
    )


def _only_inside(surface: str) -> bool:
    """One word that training knows only inside longer names ("River", "Street"), never alone
    and on no list: at a sentence start, a common word ("River port reopens")."""
    tagger = get_tagger()
    return (
        " " not in surface
        and not surface.isupper()
        and tagger.case_class(surface.lower()) in ("m", "c")
        and (tagger.tokens or {}).get(surface.lower(), "O") != "O"
        and not _listed([surface])
        and not tagger.gazetteer.category([surface])
    )


def after_roles(words: Sequence[str], tags: list[str], first_name: Callable[[str], bool]) -> None:
    """Tag, in place, an untagged known first name and the capitalised words after it as a
    person when a role stands just before ("Halden DL Tom Ode", "coach Ivo Berg"): the tagger,
    having ended a team's name at the role, often leaves the player out."""
    for i in range(1, len(words) - 1):
        if (
            tags[i] == "O"
            and words[i][:1].isupper()
            and _role(words[i - 1])
            and first_name(words[i])
        ):
            j = i + 1
            while (
                j < len(words) and tags[j] == "O" and words[j][:1].isupper() and words[j].isalpha()
            ):
                j += 1
            if j > i + 1:
                tags[i:j] = ["B-PER"] + ["I-PER"] * (j - i - 1)


def _after_opening(words: Sequence[str], b: int, cap_mid: Container[str]) -> int:
    """Where a name that starts its sentence starts without a common word glued before it
    ("Both Reyes", "Enter Velo", "Drivers for Acme"): a word running text nearly always writes in
    lower case (not "Destiny"), that training never tags as a name and the document never
    capitalises inside a sentence, and the lower-case words after it; 0 if none."""
    first, low = words[0], words[0].lower()
    tagger = get_tagger()
    never_name = (tagger.tokens or {}).get(low, "") in ("", "O")
    if b < 2 or first in cap_mid or tagger.case_class(low) != "L" or not never_name:
        return 0
    a = 1
    while a < b - 1 and words[a][:1].islower():
        a += 1
    return a


def lower_places(
    words: Sequence[str],
    tags: Sequence[str],
    place: Callable[[Sequence[str]], bool],
    name: Callable[[str], bool],
) -> list[tuple[int, int]]:
    """Untagged words in lower case that are, whole, a known ``place`` after a preposition of
    place ("we moved to halden"): informal web text writes names so. Each word must be one
    running text nearly always capitalises, or never writes (``name``: not "reading", "nice",
    "north")."""
    out = []
    i = 1
    while i < len(words):
        after = words[i - 1].lower() in _PLACE_PREPOSITIONS
        ends = range(min(len(words), i + 3), i, -1) if after else ()  # longest first
        b = next(
            (
                b
                for b in ends
                if all(w.isalpha() and w.islower() and name(w) for w in words[i:b])
                and all(t == "O" for t in tags[i:b])
                and place([w.capitalize() for w in words[i:b]])
            ),
            0,
        )
        if b:
            out.append((i, b))
            i = b
        else:
            i += 1
    return out


def _all_capitalised(words: Sequence[str]) -> bool:
    """A line of two or more words, every one capitalised: "Team Played Won Points"."""
    letters = [w for w in words if w[:1].isalpha()]
    return len(letters) >= 2 and all(w[0].isupper() for w in letters)


def _surface(text: str, toks: Sequence[Span], span: Span) -> str:
    """The mention's words as the list shows them: a space where a lost line break glued two
    ("MattSmith" reads "Matt Smith")."""
    inside = [t for t in toks if span.start <= t.start and t.end <= span.end]
    out = text[span.start : span.end]
    for t in reversed(inside[1:]):
        k = t.start - span.start
        if k > 0 and out[k - 1].isalpha() and out[k].isalpha():
            out = out[:k] + " " + out[k:]
    return out


def is_place(name: str, typ: EntityType) -> bool:
    """Whether a name the tagger typed otherwise is a river, lake or mountain ("River Ouse" as an
    organisation, "Ouse River" as a person); "River Phoenix" the actor keeps the type he was given.
    """
    words = name.lower().split()
    return len(words) > 1 and (
        (typ == "ORG" and words[0] in _PLACE_FIRST)
        or (typ in ("ORG", "PERSON") and words[-1] in _PLACE_LAST)
    )


def _cut(
    ws: Sequence[str], ts: Sequence[str], caps: bool, whole: Callable[[Sequence[str]], bool]
) -> list[tuple[int, int, str]]:
    """The tagged spans of a line, cut where two names were glued: at commas (``split_lists``,
    unless the line is in capitals, where case tells no name's end), at "and" (``split_pairs``),
    between two places (``split_places``, unless ``whole``) and at verbs (``_split_verbs``)."""
    spans = bio_spans(ts)
    if not caps:
        gazetteer = get_tagger().gazetteer
        spans = split_lists(
            ws, spans, lambda w: w.lower() in _org_heads()[0] or gazetteer.category([w]) == "ORG"
        )
    spans = split_places(ws, split_pairs(ws, spans, _listed), _place_alone, whole)
    return _split_verbs(ws, spans)


def find_entities(text: str, sentences: Sequence[Sentence]) -> list[Entity]:
    """Entities of ``text`` sorted by first mention, with ids E1, E2… in that order."""
    toks = lines(text, sentences)
    words = [[text[t.start : t.end].replace("’", "'") for t in line] for line in toks]
    if words and _title_case(words[0]):  # tag a Title Case headline as the capitals it resembles
        words[0] = [w.upper() for w in words[0]]
    tagger = get_tagger()
    tags = tagger.tag(words)
    # Words capitalised inside a sentence somewhere: a name, even where it starts one.
    cap_mid = {w for ws in words if not is_caps_line(ws) for w in ws[1:] if w[:1].isupper()}
    # In capitals or all capitalised (a headline, a slogan, a table header), case says nothing.
    caps = [is_caps_line(ws) or _all_capitalised(ws) for ws in words]
    tests = WordTests(
        head=lambda w: w.lower() in _org_heads()[0],
        of_head=lambda w: w.lower() in _org_heads()[1],
        first_name=lambda w: tagger.gazetteer.category([w]) == "FN",
        known=lambda w: (tagger.tokens or {}).get(w.lower(), ""),
        common=_common,
        stop=_inside_stop,
        evidence=lambda w: w in cap_mid and not _common(w),
    )
    for ws, ts in zip(words, tags):
        after_roles(ws, ts, tests.first_name)
    propagate(words, tags, tests.head, lambda ws: bool(tagger.gazetteer.category(ws)))
    prose = [ws for ws, c in zip(words, caps) if not c]
    prose_tags = [ts for ts, c in zip(tags, caps) if not c]
    complete(prose, prose_tags, tests)
    acronym_names(prose, prose_tags, tests)
    bracketed(prose, prose_tags, tests.stop)

    def known_place(form: str) -> bool:
        return tagger.gazetteer.category(form.split()) == "LOC"

    seen = Counter(tuple(ws[a:b]) for ws, ts in zip(words, tags) for a, b, _ in bio_spans(ts))

    def whole(ws: Sequence[str]) -> bool:  # a name listed, or tagged so twice in the document
        return _listed(ws) or bool(tagger.gazetteer.category(ws)) or seen[tuple(ws)] > 1

    mentions = []
    for line, ws, ts, caps_line in zip(toks, words, tags, caps):
        for a, b, typ in _cut(ws, ts, caps_line, whole):
            if a == 0 and typ == "PER" and not caps_line:
                a = _after_opening(ws, b, cap_mid)
            found = _trim(text, line[a:b], TYPES[typ])
            if found is None:
                continue
            span, etype = found
            surface = _surface(text, line[a:b], span)
            titled = a > 0 and _titled(ws[a - 1]) and not caps_line and not known_place(surface)
            if titled:
                etype = "PERSON"  # "President Halvorsen", "Sen. Reyes": a title before a person
            first = text[line[0].start : line[0].end]
            if (
                text[span.start - 1 : span.start] in ("@", "#")
                or surface in NOT_ALONE
                or not any(c.isupper() for c in surface)  # "moon": a name has a capital
                or (
                    (caps_line or (span.start == line[0].start and first not in cap_mid))
                    and all(_common(w) for w in surface.split() if any(c.isalnum() for c in w))
                )
                or (span.start == line[0].start and first not in cap_mid and _only_inside(surface))
                or _lone_common(surface)
                or (len(surface) == 1 and sum(w[:1].isalpha() for w in ws) > 1)
            ):
                continue  # a handle, a hashtag, a capitalised common word (sentence start, slogan),
                # a letter in a sentence ("S" of "S$"; one signing a message stays)
            etype = "LOC" if is_place(surface, etype) else etype
            mentions.append(Mention(span, etype, surface, titled))
        for a, b in lower_places(
            ws,
            ts,
            lambda ws: known_place(" ".join(ws)),
            lambda w: tagger.case_class(w) in ("C", ""),
        ):
            span = Span(line[a].start, line[b - 1].end)
            mentions.append(Mention(span, "LOC", text[span.start : span.end]))
    return group(mentions, known_place)
