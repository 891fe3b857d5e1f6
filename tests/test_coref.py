"""Coreference: pronouns, role nouns and bare surnames linked to entities, on invented text."""

from __future__ import annotations

import re

import pytest

from reader.analysis.coref import Coref, display_name, mention_kind
from reader.analysis.model import Entity
from reader.document.model import Span


def entity(eid: str, kind: str, name: str, text: str, *surfaces: str) -> Entity:
    spans = sorted(
        Span(m.start(), m.end()) for s in surfaces for m in re.finditer(re.escape(s), text)
    )
    return Entity(eid, kind, name, surfaces, tuple(spans))  # type: ignore[arg-type]


def span_of(text: str, phrase: str, nth: int = 0) -> Span:
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    return Span(starts[nth], starts[nth] + len(phrase))


TEXT = (
    "Foreign Minister Anna Berg met the Harbour Trust on Monday. Tom Ode, the mayor, was late. "
    "The minister said the port stays open. He said little. Later Berg left."
)
BERG = entity("E1", "PERSON", "Anna Berg", TEXT, "Anna Berg")
ODE = entity("E2", "PERSON", "Tom Ode", TEXT, "Tom Ode")
TRUST = entity("E3", "ORG", "Harbour Trust", TEXT, "Harbour Trust")
COREF = Coref(TEXT, [BERG, ODE, TRUST])


def test_a_name_links_to_its_entity() -> None:
    assert COREF.resolve(span_of(TEXT, "Tom Ode")) is ODE


def test_a_role_noun_links_to_the_person_written_with_that_role() -> None:
    assert COREF.resolve(span_of(TEXT, "The minister")) is BERG


def test_a_pronoun_links_to_the_nearest_person_before_it() -> None:
    assert COREF.resolve(span_of(TEXT, "He")) is ODE


@pytest.mark.parametrize(
    ("text", "phrase", "nth", "linked"),
    [
        ("Tom Ode, the mayor, spoke first. Hours later the mayor said no.", "the mayor", 1, True),
        ("The mayor, Tom Ode, said no.", "The mayor", 0, True),  # the name right after the role
        # a noun that is no role links to nobody, whatever a long clause before the name holds
        (
            "After a stay, the patient recovered, Tom Ode said. Later the patient wrote.",
            "the patient",
            1,
            False,
        ),
    ],
)
def test_a_role_links_to_the_person_written_with_it(
    text: str, phrase: str, nth: int, linked: bool
) -> None:
    ode = entity("E2", "PERSON", "Tom Ode", text, "Tom Ode")
    assert Coref(text, [ode]).resolve(span_of(text, phrase, nth)) is (ode if linked else None)


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("Tom Ode met the Harbour Trust. They said no.", True),
        ("Tom Ode wrote to the Harbour Trust. They said no.", False),  # no subject: nobody
    ],
)
def test_they_links_to_an_organisation_that_is_a_subject(text: str, linked: bool) -> None:
    ode = entity("E2", "PERSON", "Tom Ode", text, "Tom Ode")
    trust = entity("E3", "ORG", "Harbour Trust", text, "Harbour Trust")
    found = Coref(text, [ode, trust]).resolve(span_of(text, "They"))
    assert found is (trust if linked else None)


def test_a_name_inside_a_quotation_is_no_antecedent() -> None:
    text = "Tom Ode spoke. “Anna Berg is wrong,” he said."
    ode = entity("E2", "PERSON", "Tom Ode", text, "Tom Ode")
    berg = entity("E1", "PERSON", "Anna Berg", text, "Anna Berg")
    quote = span_of(text, "“Anna Berg is wrong,”")
    assert Coref(text, [ode, berg], [quote]).resolve(span_of(text, "he")) is ode


def test_a_bare_surname_links_to_the_full_name() -> None:
    text = "Anna Berg spoke first. Later Berg left."
    berg = Entity("E1", "PERSON", "Anna Berg", ("Berg",), (Span(0, 9),))
    assert Coref(text, [berg]).resolve(span_of(text, "Berg", 1)) is berg


def test_a_title_and_role_before_a_name_resolve_to_the_person() -> None:
    text = "Secretary of Trade Anna Berg said no."
    berg = entity("E1", "PERSON", "Anna Berg", text, "Anna Berg")
    assert Coref(text, [berg]).resolve(span_of(text, "Secretary of Trade Anna Berg")) is berg


def test_unsure_gives_none() -> None:
    assert COREF.resolve(span_of(TEXT, "the port")) is None
    assert Coref("She left.", []).resolve(Span(0, 3)) is None


def test_mention_kinds() -> None:
    text = "he the senator Anna Berg the port"
    assert mention_kind(text, Span(0, 2)) == "pronoun"
    assert mention_kind(text, Span(3, 14)) == "role"
    assert mention_kind(text, Span(15, 24)) == "name"
    assert mention_kind(text, Span(25, 33)) == "other"


def test_display_name_drops_roles_and_titles() -> None:
    text = "TV host Tom Ode and Rep. Ann Lee and the senator"
    assert display_name(text, Span(0, 15)) == "Tom Ode"
    assert display_name(text, Span(20, 32)) == "Ann Lee"
    assert display_name(text, Span(37, 48)) is None


def test_near_lists_named_mentions_in_a_window() -> None:
    found = COREF.near(0, 60)
    assert [e.id for _, e in found] == ["E1", "E3"]


def test_a_gendered_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = "Ms. Ann Lee met Tom Ode, and he said no. Ann Lee left. Later she called."
    lee = entity("E1", "PERSON", "Ann Lee", text, "Ann Lee")
    ode = entity("E2", "PERSON", "Tom Ode", text, "Tom Ode")
    coref = Coref(text, [lee, ode])
    assert coref.gender(lee) == "f" and coref.gender(ode) == "m"
    assert coref.resolve(span_of(text, "he")) is ode
    text2 = "Ms. Ann Lee spoke. Tom Ode, he said, was late. Then she left."
    lee2 = entity("E1", "PERSON", "Ann Lee", text2, "Ann Lee")
    ode2 = entity("E2", "PERSON", "Tom Ode", text2, "Tom Ode")
    assert Coref(text2, [lee2, ode2]).resolve(span_of(text2, "she")) is lee2


def test_a_pronoun_prefers_the_subject_of_its_sentence_to_the_last_name() -> None:
    text = "Tom Ode spoke after Ann Lee and Max Roe, and he was brief."
    people = [
        entity("E1", "PERSON", "Tom Ode", text, "Tom Ode"),
        entity("E2", "PERSON", "Ann Lee", text, "Ann Lee"),
        entity("E3", "PERSON", "Max Roe", text, "Max Roe"),
    ]
    assert Coref(text, people).resolve(span_of(text, "he")) is people[0]


def test_a_name_after_a_preposition_is_not_the_subject() -> None:
    text = "In a talk with Max Roe, Tom Ode said he was done."
    roe = entity("E3", "PERSON", "Max Roe", text, "Max Roe")
    ode = entity("E1", "PERSON", "Tom Ode", text, "Tom Ode")
    assert Coref(text, [roe, ode]).resolve(span_of(text, "he")) is ode


def test_who_links_only_to_the_name_right_before_it() -> None:
    text = "Anna Berg, who chairs it, spoke. A Harbour Trust officer who saw it spoke too."
    berg = entity("E1", "PERSON", "Anna Berg", text, "Anna Berg")
    trust = entity("E3", "ORG", "Harbour Trust", text, "Harbour Trust")
    coref = Coref(text, [berg, trust])
    assert coref.resolve(span_of(text, "who", 0)) is berg
    assert coref.resolve(span_of(text, "who", 1)) is None


def test_a_pronoun_follows_the_pronoun_that_opens_the_sentence_before() -> None:
    text = "Tom Ode was charged. He was seen at the home of Ann Lee. Later he met Max Roe."
    ode = entity("E1", "PERSON", "Tom Ode", text, "Tom Ode")
    lee = entity("E2", "PERSON", "Ann Lee", text, "Ann Lee")
    roe = entity("E3", "PERSON", "Max Roe", text, "Max Roe")
    assert Coref(text, [ode, lee, roe]).resolve(span_of(text, "he", 0)) is ode


def test_the_company_is_the_organisation_that_is_the_subject_nearby() -> None:
    text = "Harbour Trust sued Tom Ode. Later the company said no. The Civic ministry said yes."
    ode = entity("E2", "PERSON", "Tom Ode", text, "Tom Ode")
    trust = entity("E3", "ORG", "Harbour Trust", text, "Harbour Trust")
    coref = Coref(text, [ode, trust])
    assert coref.resolve(span_of(text, "the company")) is trust
    assert coref.resolve(span_of(text, "The Civic ministry")) is None


def test_an_organisation_noun_links_to_the_body_named_with_it_whatever_its_tagged_type() -> None:
    text = (
        "Ode Productions denied it. Tom Banks said he agreed. Later the production company "
        "said no, and the bank said yes. The Harbour Label Group met Ann Lee. The label said so."
    )
    studio = entity("E1", "PERSON", "Ode Productions", text, "Ode Productions")
    banks = entity("E2", "PERSON", "Tom Banks", text, "Tom Banks")
    label = entity("E3", "ORG", "Harbour Label Group", text, "Harbour Label Group")
    lee = entity("E4", "PERSON", "Ann Lee", text, "Ann Lee")
    coref = Coref(text, [studio, banks, label, lee])
    assert coref.resolve(span_of(text, "the production company")) is studio
    assert coref.resolve(span_of(text, "the bank")) is None  # Banks is a "he"
    assert coref.resolve(span_of(text, "The label")) is label


def test_he_links_to_a_person_tagged_as_an_organisation_the_text_calls_he() -> None:
    text = "Tom Ode said he would run. At the Harbour Trust, he said, it was “a fine day”."
    ode = entity("E1", "ORG", "Tom Ode", text, "Tom Ode")
    trust = entity("E3", "ORG", "Harbour Trust", text, "Harbour Trust")
    coref = Coref(text, [ode, trust])
    assert coref.gender(ode) == "m" and coref.gender(trust) is None
    assert coref.resolve(span_of(text, "he", 1)) is ode


def test_display_name_of_a_capitalised_name_after_the() -> None:
    text = "the Harbour Trust and The Deputy Mayor and the port"
    assert display_name(text, span_of(text, "the Harbour Trust")) == "Harbour Trust"
    assert display_name(text, span_of(text, "The Deputy Mayor")) is None
    assert display_name(text, span_of(text, "the port")) is None


def test_the_age_description_is_the_person_last_named() -> None:
    text = "Tom Ode was hired on Monday.\n\nThe 52-year-old said he was glad."
    ode = entity("E1", "PERSON", "Tom Ode", text, "Tom Ode")
    assert Coref(text, [ode]).resolve(span_of(text, "The 52-year-old")) is ode


def test_the_statement_is_written_by_who_issued_it() -> None:
    text = (
        "Tom Ode criticised the Harbour Trust. The Harbour Trust replied in a statement on Friday. "
        "“We are sad,” the statement read. “Our “statement” stands,” it went on. “No more,” the "
        "statement concluded. Tom Ode then wrote a letter to Ann Lee. The letter said no."
    )
    ode = entity("E1", "PERSON", "Tom Ode", text, "Tom Ode")
    lee = entity("E2", "PERSON", "Ann Lee", text, "Ann Lee")
    trust = entity("E3", "ORG", "Harbour Trust", text, "Harbour Trust")
    quotes = [span_of(text, "“We are sad,”"), span_of(text, "“Our “statement” stands,”")]
    coref = Coref(text, [ode, lee, trust], quotes)
    assert coref.resolve(span_of(text, "the statement", 0)) is trust
    assert coref.resolve(span_of(text, "the statement", 1)) is trust
    assert coref.resolve(span_of(text, "The letter")) is ode


def test_a_byline_name_is_no_antecedent() -> None:
    text = "By Ann Lee\n\nThe port closed on Monday. “It is over,” she said.\n"
    lee = entity("E1", "PERSON", "Ann Lee", text, "Ann Lee")
    coref = Coref(text, [lee])
    assert coref.resolve(span_of(text, "she")) is None
    assert coref.near(0, len(text)) == []
    other = "Ann Lee spoke by phone.\n“It is over,” she said."
    lee2 = entity("E1", "PERSON", "Ann Lee", other, "Ann Lee")
    assert Coref(other, [lee2]).resolve(span_of(other, "she")) is lee2


def test_a_capitalised_quantifier_is_no_name() -> None:
    text = "Some called it a joke. Both said no. One nurse agreed."
    assert display_name(text, span_of(text, "Some")) is None
    assert display_name(text, span_of(text, "One nurse")) is None
    assert display_name(text, span_of(text, "Both")) is None


def test_a_common_word_opening_a_sentence_is_no_name() -> None:
    text = "Separately, it said the plan was “fair.” Ode said it was late."
    assert display_name(text, span_of(text, "Separately")) is None
    assert display_name(text, span_of(text, "Ode")) == "Ode"
