"""Entity rows on news: completing names split into fragments, dropping rows that are no name."""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.entities import (
    _after_opening,
    _lone_common,
    _split_verbs,
    _titled,
    find_entities,
    lower_places,
    split_lists,
    split_pairs,
    split_places,
)
from reader.analysis.entities.consistency import (
    WordTests,
    acronym_names,
    bracketed,
    complete,
    propagate,
)
from reader.analysis.entities.grouping import Mention, group
from reader.analysis.model import EntityType
from reader.analysis.tokens import tokenize
from reader.document.model import Block, Span

HEADS = {"Records", "Council"}
FIRST = {"Tom"}
KNOWN = {"Corsican": "MISC"}
COMMON = {"Records", "The", "Prime"}
STOP = {"Monday"}

TESTS = WordTests(
    head=HEADS.__contains__,
    of_head={"University", "Council"}.__contains__,
    first_name=FIRST.__contains__,
    known=lambda w: KNOWN.get(w, ""),
    common=COMMON.__contains__,
    stop=STOP.__contains__,
    evidence=lambda w: False,
)


def completed(sentence: str, tags: str) -> list[str]:
    words, out = [sentence.split()], [tags.split()]
    complete(words, out, TESTS)
    return out[0]


def test_an_organisation_grows_to_its_head_word() -> None:
    assert completed("at Harwell Keck Records today", "O B-ORG O O O") == [
        "O", "B-ORG", "I-ORG", "I-ORG", "O",
    ]  # fmt: skip


def test_a_name_tagged_just_before_the_head_joins_it() -> None:
    assert completed("for Tolvo Grain Council members", "O B-PER B-ORG I-ORG O") == [
        "O", "B-ORG", "I-ORG", "I-ORG", "O",
    ]  # fmt: skip


def test_a_place_grows_to_a_head_over_words_known_as_organisations() -> None:
    tests = replace(TESTS, known=lambda w: {"Police": "ORG", "Corsican": "MISC"}.get(w, ""))
    words, tags = [["at", "Halden", "Police", "Records", "today"]], [["O", "B-LOC", "O", "O", "O"]]
    complete(words, tags, tests)
    assert tags[0] == ["O", "B-ORG", "I-ORG", "I-ORG", "O"]
    words, tags = [["at", "Halden", "Police", "today"]], [["O", "B-LOC", "O", "O"]]
    complete(words, tags, tests)
    assert tags[0] == ["O", "B-LOC", "O", "O"]  # no head: the place stays as it is


def test_an_organisation_takes_of_and_the_name_after_it() -> None:
    assert completed("the University of Lund said", "O B-ORG O B-LOC O") == [
        "O", "B-ORG", "I-ORG", "I-ORG", "O",
    ]  # fmt: skip
    assert completed("Harwell Council of Grain Growers met", "B-ORG I-ORG O O O O") == [
        "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O",
    ]  # fmt: skip
    assert completed("Acme Records of Lund", "B-ORG I-ORG O B-LOC") == [
        "B-ORG", "I-ORG", "O", "B-LOC",
    ]  # fmt: skip


def propagated(lines: list[tuple[str, str]]) -> list[list[str]]:
    words = [sentence.split() for sentence, _ in lines]
    tags = [t.split() for _, t in lines]
    propagate(words, tags, head=HEADS.__contains__, listed=lambda ws: ws == ["New", "Halden"])
    return tags


def test_an_organisation_s_short_form_is_tagged_as_it() -> None:
    assert (
        propagated(
            [
                ("the label Velo Sound Records said", "O O B-ORG I-ORG I-ORG O"),
                ("then Velo Sound replied", "O O B-PER O"),  # partly tagged
                ("and Velo Sound agreed", "O O O O"),  # untagged
                ("so Velo Sound Ltd said", "O B-ORG I-ORG I-ORG O"),  # a name round it stays
            ]
        )[1:]
        == [
            ["O", "B-ORG", "I-ORG", "O"],
            ["O", "B-ORG", "I-ORG", "O"],
            ["O", "B-ORG", "I-ORG", "I-ORG", "O"],
        ]
    )


def test_an_organisation_s_name_tagged_without_its_first_word_gets_it_back() -> None:
    assert propagated(
        [
            ("the label Velo Sound Records said", "O O B-ORG I-ORG I-ORG O"),
            ("Then Velo Sound Records said", "O O B-PER I-PER O"),
        ]
    )[1] == ["O", "B-ORG", "I-ORG", "I-ORG", "O"]


def test_no_short_form_that_is_a_listed_name_or_of_a_name_with_no_head() -> None:
    tags = propagated(
        [
            ("the New Halden Records label", "O B-ORG I-ORG I-ORG O"),
            ("in New Halden today", "O B-LOC I-LOC O"),
            ("at Tolvo Grain Works and", "O B-ORG I-ORG I-ORG O"),
            ("Tolvo Grain said", "O O O"),
        ]
    )
    assert tags[1] == ["O", "B-LOC", "I-LOC", "O"] and tags[3] == ["O", "O", "O"]


def test_initials_grow_over_the_name_after_them() -> None:
    assert completed("at J. R. Ostrander Hall", "O B-ORG I-ORG O O") == [
        "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG",
    ]  # fmt: skip


def test_a_name_and_a_word_that_is_no_head_stay_apart() -> None:
    assert completed("a Lisbon Tram ride", "O B-LOC O O") == ["O", "B-LOC", "O", "O"]
    assert completed("the Acme Corsican Records", "O B-ORG O O") == ["O", "B-ORG", "O", "O"]


def test_a_person_grows_over_a_first_name_only() -> None:
    assert completed("said Tom Reyes", "O O B-PER") == ["O", "B-PER", "I-PER"]
    assert completed("said Deputy Reyes", "O O B-PER") == ["O", "O", "B-PER"]


def test_no_growth_over_a_stop_word_or_to_an_unproven_sentence_start() -> None:
    assert completed("Monday Velo Council", "O O B-ORG") == ["O", "B-ORG", "I-ORG"]
    assert completed("Velo Council met", "O B-ORG O") == ["O", "B-ORG", "O"]


def test_a_lone_common_word_is_no_name_but_a_known_name_is() -> None:
    assert _lone_common("Applause")
    assert _lone_common("Laughter")
    assert not _lone_common("Reuters")  # written capitalised
    assert not _lone_common("Ministry of Health")  # more than one word


def test_titles_before_a_name() -> None:
    assert _titled("Senator") and _titled("Dr.") and _titled("Lieutenant-Colonel")
    assert not _titled("Harbour") and not _titled("Lisbon")


def test_a_surname_that_is_also_a_place_joins_the_person_unless_typed_a_place() -> None:
    def rows(typ: EntityType) -> list[tuple[str, str]]:
        mentions = [
            Mention(Span(0, 13), "PERSON", "Ian Westbrook"),
            Mention(Span(20, 29), typ, "Westbrook"),
        ]
        return [(e.name, e.type) for e in group(mentions, lambda form: form == "Westbrook")]

    assert rows("ORG") == [("Ian Westbrook", "PERSON")]
    assert rows("LOC") == [("Ian Westbrook", "PERSON"), ("Westbrook", "LOC")]


def test_a_letter_alone_is_no_row() -> None:
    text = "The fare rose by S$ 1.10 to S$ 4.20 on Monday in Singapore.\n"
    rows = find_entities(text, tokenize(text, [Block("paragraph", Span(0, len(text) - 1))])[0])
    assert [e.name for e in rows] == ["Singapore"]


def test_a_part_of_an_organisation_s_name_joins_it_when_it_names_one() -> None:
    def rows(*names: str) -> list[tuple[str, tuple[str, ...]]]:
        mentions = [Mention(Span(k * 30, k * 30 + len(n)), "ORG", n) for k, n in enumerate(names)]
        return [(e.name, e.aliases) for e in group(mentions)]

    assert rows("Velo Records", "Velo") == [("Velo Records", ("Velo",))]
    assert rows("Grain Council", "EU Grain Council") == [("EU Grain Council", ("Grain Council",))]
    places = [Mention(Span(0, 11), "ORG", "FC Halden"), Mention(Span(30, 36), "ORG", "Halden")]
    assert [e.name for e in group(places, lambda form: form == "Halden")] == ["FC Halden"]
    assert rows("Velo Records", "Velo Films", "Velo") == [
        ("Velo Records", ()),
        ("Velo Films", ()),
        ("Velo", ()),
    ]


def test_a_title_before_one_mention_makes_the_row_a_person_s() -> None:
    mentions = [
        Mention(Span(0, 8), "PERSON", "Kessewin", titled=True),
        *(Mention(Span(k * 20, k * 20 + 8), "ORG", "Kessewin") for k in range(1, 4)),
    ]
    assert [(e.name, e.type) for e in group(mentions)] == [("Kessewin", "PERSON")]
    untitled = [Mention(m.span, m.type, m.text) for m in mentions]
    assert [(e.name, e.type) for e in group(untitled)] == [("Kessewin", "ORG")]


def test_an_abbreviated_place_name_is_a_place_whatever_it_was_tagged() -> None:
    mentions = [Mention(Span(0, 2), "ORG", "US"), Mention(Span(10, 14), "ORG", "U.S.")]
    place = {"United States"}.__contains__
    assert [(e.name, e.type) for e in group(mentions, place)] == [("U.S.", "LOC")]
    america = [Mention(Span(0, 7), "ORG", "America")]  # a club may be named so
    assert [(e.name, e.type) for e in group(america, place)] == [("America", "ORG")]


def test_two_listed_names_joined_by_and_are_two_spans() -> None:
    listed = {("Velo", "Records"), ("Acme",), ("Tolvo",), ("Tolvo", "and", "Acme")}
    words = ["Velo", "Records", "and", "Acme", ",", "Tolvo", "and", "Acme"]
    spans = [(0, 4, "ORG"), (5, 8, "ORG")]
    assert split_pairs(words, spans, lambda ws: tuple(ws) in listed) == [
        (0, 2, "ORG"),
        (3, 4, "ORG"),
        (5, 8, "ORG"),
    ]


def test_two_names_joined_by_and_the_are_two_spans_but_a_band_or_a_title() -> None:
    def cut(sentence: str, typ: str = "ORG") -> list[str]:
        ws = sentence.split()
        return [
            " ".join(ws[a:b]) for a, b, _ in split_pairs(ws, [(0, len(ws), typ)], lambda ws: False)
        ]

    assert cut("Halden University and the Velo Institute") == [
        "Halden University",
        "Velo Institute",
    ]
    assert cut("Al Berg and the Vans") == ["Al Berg and the Vans"]  # a band
    assert cut("Velo and the Sea", "MISC") == ["Velo and the Sea"]  # a title


def test_a_span_is_cut_at_a_verb_inside_it_not_at_a_particle() -> None:
    words = ["Ruiz", "told", "Velo", "Radio", ",", "Harwell", "upon", "Avon"]
    assert _split_verbs(words, [(0, 4, "ORG"), (5, 8, "LOC")]) == [
        (0, 1, "ORG"),
        (2, 4, "ORG"),
        (5, 8, "LOC"),
    ]
    assert _split_verbs(words, [(0, 4, "MISC")]) == [(0, 4, "MISC")]  # a title may hold a verb


def test_a_name_tagged_a_place_and_an_organisation_as_often_is_two_rows() -> None:
    def rows(orgs: int) -> list[tuple[str, str]]:
        mentions = [Mention(Span(0, 7), "LOC", "Harwell"), Mention(Span(10, 17), "LOC", "Harwell")]
        mentions += [Mention(Span(20 + 10 * k, 27 + 10 * k), "ORG", "Harwell") for k in range(orgs)]
        return [(e.name, e.type) for e in group(mentions)]

    assert rows(2) == [("Harwell", "LOC"), ("Harwell", "ORG")]  # the town and its team
    assert rows(1) == [("Harwell", "LOC")]  # one mistyped mention joins the place


def test_a_common_word_opening_the_sentence_is_cut_from_a_person_s_name() -> None:
    assert _after_opening(["Both", "Halvorsen", "and", "Reyes"], 2, set()) == 1
    assert _after_opening(["Enter", "for", "Velikova"], 3, set()) == 2  # and "for" after it
    assert _after_opening(["Both", "Halvorsen"], 2, {"Both"}) == 0  # capitalised elsewhere
    assert _after_opening(["Marta", "Halvorsen"], 2, set()) == 0  # a name's first word
    assert _after_opening(["Both"], 1, set()) == 0


def test_a_known_place_in_lower_case_after_a_place_preposition_is_a_place() -> None:
    def places(sentence: str, tags: str | None = None) -> list[tuple[int, int]]:
        ws = sentence.split()
        return lower_places(
            ws,
            (tags or " ".join("O" * len(ws))).split(),
            lambda w: w in (["Halden"], ["Port", "Velo"], ["Reading"]),
            lambda w: w != "reading",
        )

    assert places("we moved to halden last year") == [(3, 4)]
    assert places("i grew up near port velo") == [(4, 6)]
    assert places("a halden farm") == []  # no preposition of place
    assert places("she is in reading") == []  # a word running text writes in lower case
    assert places("we moved to halden", "O O O B-PER") == []  # tagged already


def test_a_lower_case_place_is_a_row_in_informal_text() -> None:
    text = "i live in ohio now and like it"
    sentences = tokenize(text, [Block("paragraph", Span(0, len(text)))])[0]
    assert [(e.name, e.type) for e in find_entities(text, sentences)] == [("ohio", "LOC")]


def test_a_span_is_cut_at_a_comma_between_names() -> None:
    def cut(sentence: str, typ: str = "ORG") -> list[str]:
        ws = sentence.split()
        spans = split_lists(ws, [(0, len(ws), typ)], lambda w: w == "Inc")
        return [" ".join(ws[a:b]) for a, b, _ in spans]

    assert cut("Velo Sound , Tolvo Radio") == ["Velo Sound", "Tolvo Radio"]
    assert cut("Velo Sound , Inc") == ["Velo Sound , Inc"]  # a suffix
    assert cut("Halden , D.C.") == ["Halden , D.C."]  # an abbreviation
    assert cut("Berg & Lund , LLP") == ["Berg & Lund , LLP"]  # a short word in capitals
    assert cut("Bureau of Grain , Salt and Oil") == ["Bureau of Grain , Salt and Oil"]
    assert cut("Yes , Minister", "MISC") == ["Yes , Minister"]  # a title


def test_capitals_in_brackets_after_an_organisation_or_a_dateline_are_an_organisation() -> None:
    def tagged(sentence: str, tags: str) -> list[str]:
        out = [tags.split()]
        bracketed([sentence.split()], out, lambda w: w == "SEP")
        return out[0]

    assert tagged("the Grain Council ( GC ) said", "O B-ORG I-ORG O O O O")[4] == "B-ORG"
    assert tagged("HALDEN , Norway ( VNA ) -", "B-LOC O B-LOC O O O O")[4] == "B-ORG"
    assert tagged("in Halden ( VNA ) or", "O B-LOC O O O O")[3] == "O"  # no dateline
    assert tagged("the price ( GDP ) rose", "O O O O O O")[3] == "O"  # after no name
    assert tagged("Acme Futures ( SEP ) rose", "B-ORG I-ORG O O O O")[3] == "O"  # a stop word


def test_two_places_side_by_side_are_two_spans() -> None:
    places = {("Halden",), ("Norway",), ("Velo", "Heights"), ("Tolvo",)}

    def cut(sentence: str, typ: str = "LOC", whole: tuple[str, ...] = ()) -> list[str]:
        ws = sentence.split()
        spans = split_places(
            ws, [(0, len(ws), typ)], lambda w: tuple(w) in places, lambda w: tuple(w) == whole
        )
        return [" ".join(ws[a:b]) for a, b, _ in spans]

    assert cut("Halden Norway") == ["Halden", "Norway"]
    assert cut("Velo Heights Tolvo", "ORG") == ["Velo Heights", "Tolvo"]
    assert cut("Halden Norway", whole=("Halden", "Norway")) == ["Halden Norway"]  # one name
    assert cut("Halden Norway", "PER") == ["Halden Norway"]
    assert cut("Halden Berg") == ["Halden Berg"]


def test_an_acronym_grows_over_the_capitalised_words_after_it() -> None:
    tests = WordTests(
        head=HEADS.__contains__,
        of_head=HEADS.__contains__,
        first_name=FIRST.__contains__,
        known=lambda w: {"Velonian": "MISC", "Results": "O"}.get(w, ""),
        common={"Results"}.__contains__,
        stop={"Chairman", "Commissioner"}.__contains__,
        evidence=lambda w: False,
    )

    def grown(sentence: str) -> str:
        ws = sentence.split()
        tags = [["B-ORG" if w == "VTC" else "O" for w in ws]]
        acronym_names([ws], tags, tests)
        return " ".join(w for w, t in zip(ws, tags[0]) if t != "O")

    assert grown("at VTC Halden Reports today") == "VTC Halden Reports"
    assert grown("said VTC Chairman Berg") == "VTC"  # a role
    assert grown("a VTC Farm Commissioner") == "VTC"  # the words before a role
    assert grown("the VTC Results were") == "VTC"  # a common word training leaves out
    assert grown("a VTC Velonian group") == "VTC"  # an adjective known as another name


def test_a_row_is_named_as_running_text_writes_the_name_not_as_a_headline() -> None:
    mentions = [Mention(Span(0, 6), "LOC", "HALDEN"), Mention(Span(30, 36), "LOC", "Halden")]
    assert [(e.name, e.aliases) for e in group(mentions)] == [("Halden", ("HALDEN",))]


def test_a_table_header_gives_no_row() -> None:
    text = "The table.\nTeam | Played | Won | Points\nHalden Hawks | 10 | 7 | 21\n"
    blocks = [Block("paragraph", Span(0, len(text) - 1))]
    rows = find_entities(text, tokenize(text, blocks)[0])
    assert all("|" not in e.name and "Won" not in e.name for e in rows)


def test_a_word_known_only_inside_names_opening_a_sentence_is_no_row() -> None:
    # "River" is capitalised mostly inside river names, never a name alone.
    text = "River port reopens after long strike\n"
    rows = find_entities(text, tokenize(text, [Block("paragraph", Span(0, len(text) - 1))])[0])
    assert "River" not in [e.name for e in rows]


def test_the_head_before_of_names_its_organisation() -> None:
    mentions = [
        Mention(Span(0, 25), "ORG", "Halden Academy of Science"),
        Mention(Span(40, 47), "ORG", "Academy"),
    ]
    assert [(e.name, e.aliases) for e in group(mentions)] == [
        ("Halden Academy of Science", ("Academy",))
    ]


def test_a_first_name_after_a_role_starts_a_person() -> None:
    text = "The league fined two players.\nCleveland DL Tom Ogujo also received a suspension.\n"
    rows = find_entities(text, tokenize(text, [Block("paragraph", Span(0, len(text) - 1))])[0])
    assert ("Tom Ogujo", "PERSON") in [(e.name, e.type) for e in rows]
