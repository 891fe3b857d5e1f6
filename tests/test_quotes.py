"""Quote spans, speech cues and speakers, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import line_blocks as blocks_of

from reader.analysis.model import Entity, Quote
from reader.analysis.quotes import candidates, find_quotes, ranker
from reader.analysis.quotes.candidates import Candidate
from reader.analysis.quotes.marks import find_marked
from reader.analysis.quotes.speakers import speaker
from reader.analysis.tokens import tokenize
from reader.document.model import Span

ROOT = Path(__file__).resolve().parents[1]


def quotes_of(text: str, entities: list[Entity] | None = None) -> list[Quote]:
    blocks = blocks_of(text)
    sentences, _ = tokenize(text, blocks)
    return find_quotes(text, [b.span for b in blocks], sentences, entities or [])


def at(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span.start : span.end]


def person(eid: str, name: str, text: str, *surfaces: str, kind: str = "PERSON") -> Entity:
    """An entity whose mentions are every occurrence of ``surfaces`` in ``text``."""
    mentions = []
    for s in surfaces:
        i = text.find(s)
        while i >= 0:
            mentions.append(Span(i, i + len(s)))
            i = text.find(s, i + 1)
    return Entity(eid, kind, name, tuple(surfaces), tuple(sorted(mentions)))  # type: ignore[arg-type]


# --- spans -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We will rebuild the bridge,” the mayor said.", "“We will rebuild the bridge,”"),
        ('"We will rebuild the bridge," the mayor said.', '"We will rebuild the bridge,"'),
        ("« Nous reconstruirons le pont », a dit la maire.", "« Nous reconstruirons le pont »"),
        ("‘We will rebuild the bridge,’ the mayor said.", "‘We will rebuild the bridge,’"),
    ],
)
def test_every_kind_of_mark(text: str, expected: str) -> None:
    assert [q.text for q in quotes_of(text)] == [expected]


def test_apostrophes_are_not_quotes() -> None:
    text = (
        "The mayor said: “We don’t repeat the ’90s, and the council’s plan stands.” Then she left."
    )
    [q] = quotes_of(text)
    assert q.text == "“We don’t repeat the ’90s, and the council’s plan stands.”"


def test_nested_quote_stays_inside() -> None:
    text = "“She told me ‘never again’ and meant it,” the coach said."
    [q] = quotes_of(text)
    assert q.text == "“She told me ‘never again’ and meant it,”"


def test_quote_over_several_paragraphs_is_one_quote_a_paragraph() -> None:
    text = (
        "The chairman, Ivo Brandt, said: “The first part of the plan is ready.\n"
        "“The second part needs another year of work.\n"
        "“The third is paid for.”\nThe meeting ended."
    )
    brandt = person("E1", "Ivo Brandt", text, "Ivo Brandt")
    first, second, third = quotes_of(text, [brandt])
    assert first.text == "“The first part of the plan is ready."
    assert second.text == "“The second part needs another year of work."
    assert third.text == "“The third is paid for.”"
    assert [q.speaker.name for q in (first, second, third)] == ["Ivo Brandt"] * 3


def test_a_new_quotation_in_the_next_paragraph_is_not_a_continuation() -> None:
    text = "“The first part is ready.\n“The second is not,” said Ode Marr."
    first, second = find_marked(text, [Span(0, 25), Span(26, len(text))])
    assert not first.closed and not second.continues


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = (
        "The coach said that “we lost our focus in the second half, and that hurts.\nFans left "
        "early."
    )
    [q] = quotes_of(text)
    assert q.text.endswith("that hurts.") and q.span.end == text.index("\n")


def test_stray_closing_mark_swallows_nothing() -> None:
    text = "The river rose all week and the town waited for help.” Nobody came."
    assert quotes_of(text) == []


def test_stray_close_after_a_quote_opens_nothing() -> None:
    text = "She said: “The dam will hold for now.” Engineers disagreed with the forecast.”"
    [q] = quotes_of(text)
    assert q.text == "“The dam will hold for now.”"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "He called them “cheats“ and left, the clerk said.",
            "“cheats“",
        ),  # opening mark typed as closing
        ('“We are ready," the captain said.', '“We are ready,"'),  # curly opened, straight closed
    ],
)
def test_sloppy_marks(text: str, expected: str) -> None:
    assert [q.text for q in quotes_of(text)] == [expected]


def test_stray_straight_mark_in_a_curly_text() -> None:
    text = (
        '"The crowd cheered, chanting “we want more” as the band left.\n“Another night,” the '
        "singer said."
    )
    assert [q.text for q in quotes_of(text)] == ["“we want more”", "“Another night,”"]


def test_straight_quote_over_two_paragraphs() -> None:
    text = 'The judge said: "The first count fails.\n"The second count stands." Then she rose.'
    first, second = quotes_of(text)
    assert first.text == '"The first count fails.'
    assert second.text == '"The second count stands."'
    assert at(text, second.speaker.mention) == "The judge"


def test_scare_quotes_are_left_out() -> None:
    assert quotes_of("The “experts” were wrong about the bridge again.") == []


def test_partial_quote_with_a_cue_is_kept_and_flagged() -> None:
    text = "The minister said the new law was a “historic mistake” for the farmers."
    [q] = quotes_of(text)
    assert q.text == "“historic mistake”" and q.partial
    assert at(text, q.speaker.mention) == "The minister" and at(text, q.cue) == "said"


def test_full_quote_is_not_partial() -> None:
    [q] = quotes_of("“The road is open again,” the engineer said.")
    assert not q.partial


def test_ids_follow_reading_order() -> None:
    text = "“One is done,” Ana Ruiz said. “Two is next,” she added.\n“Three is last,” she said."
    assert [q.id for q in quotes_of(text)] == ["Q1", "Q2", "Q3"]


# --- cues and local mentions --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, mention, cue",
    [
        ("“The deal is off,” Maria Lopez said.", "Maria Lopez", "said"),
        ("“The deal is off,” said Maria Lopez.", "Maria Lopez", "said"),
        ("Maria Lopez said: “The deal is off.”", "Maria Lopez", "said"),
        ("Maria Lopez said that “the deal is off” for now.", "Maria Lopez", "said"),
        ("“The deal is off,” she told reporters on Monday.", "she", "told"),
        ("“The deal is off,” according to the union leader.", "the union leader", "according to"),
        ("The union leader warned: “The deal is off.”", "The union leader", "warned"),
        (
            "Maria Lopez called on the board to act “without any further delay”.",
            "Maria Lopez",
            "called on",
        ),
        ("“The deal is off,” Maria Lopez, the union leader, added.", "Maria Lopez", "added"),
        ("“The deal is off,” Sen. Paul Grant (R-Ohio) said Friday.", "Sen. Paul Grant", "said"),
        (
            "He answered that he trusted the board would keep “the promise we made to every "
            "worker.",
            "He",
            "answered",
        ),
        ("“The deal is off” for the season, said Tom Hale.", "Tom Hale", "said"),
        ("“The deal is off,” read the statement from the club.", "the statement", "read"),
        ("Tom Hale, in Leeds, said Tuesday that the deal was “off for good”.", "Tom Hale", "said"),
        (
            "Ana Ruiz, a nurse who has worked nights on the ward for eleven years, said it was "
            "“a scandal”.",
            "Ana Ruiz",
            "said",
        ),
        (
            "Ana Ruiz left the meeting early, saying the plan was “a scandal from start to "
            "finish”.",
            "Ana Ruiz",
            "saying",
        ),
        ("As the local paper put it, “nobody won the argument”.", "the local paper", "put it"),
        ("That being said, “nobody won the argument,” Tom Hale said.", "Tom Hale", "said"),
    ],
)
def test_cue_patterns(text: str, mention: str, cue: str) -> None:
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == mention
    assert at(text, q.cue) == cue


def test_dash_byline() -> None:
    text = "“The school changed my life.” ― Laila Brown"
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == "Laila Brown" and q.cue is None


def test_paragraph_of_quotes_continues_the_speaker() -> None:
    text = "“We start tomorrow,” Ana Ruiz said.\n“And we will not stop until the work is done.”"
    q1, q2 = quotes_of(text)
    assert q2.speaker == q1.speaker and q2.cue is None


def test_colon_paragraph_introduces_the_next() -> None:
    text = "The mayor continued:\n“Every street will have light by winter, and every school heat.”"
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == "The mayor"


def test_quote_with_no_speaker() -> None:
    [q] = quotes_of("“Every street will have light by winter, and every school heat.”")
    assert q.speaker.mention is None and q.speaker.name is None and q.cue is None


def test_first_cue_of_the_sentence_reports_the_quote() -> None:
    text = (
        "Ana Ruiz said the rival plan, which critics called “a fantasy with numbers”, would fail."
    )
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == "Ana Ruiz"


def test_noun_forms_are_not_cues() -> None:
    text = "Ana Ruiz says the late-night tweets were “simply not written by me”."
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == "Ana Ruiz"


def test_quote_in_a_heading() -> None:
    text = "Mayor: “We Will Rebuild Every Bridge This Year”\nThe mayor spoke on Monday."
    assert all(0 <= q.span.start < q.span.end <= len(text) for q in quotes_of(text))


# --- speakers and entities ----------------------------------------------------------------------


def test_name_without_entities_is_the_mention() -> None:
    text = "“The deal is off,” Maria Lopez said."
    [q] = quotes_of(text)
    assert q.speaker.name == "Maria Lopez" and q.speaker.entity is None


def test_pronoun_without_entities_has_no_name() -> None:
    text = "Maria Lopez arrived late. “The deal is off,” she said."
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == "she" and q.speaker.name is None


def test_pronoun_links_to_nearest_person_outside_quotes() -> None:
    text = "Maria Lopez arrived late. “I spoke to Tom Hale about it,” she said."
    ents = [
        person("E1", "Maria Lopez", text, "Maria Lopez"),
        person("E2", "Tom Hale", text, "Tom Hale"),
    ]
    [q] = quotes_of(text, ents)
    assert q.speaker.entity == "E1" and q.speaker.name == "Maria Lopez"


def test_name_links_to_its_entity_display_name() -> None:
    text = "Maria Lopez spoke first. “The deal is off,” Lopez said."
    [q] = quotes_of(text, [person("E1", "Maria Lopez", text, "Maria Lopez", "Lopez")])
    assert q.speaker.entity == "E1" and q.speaker.name == "Maria Lopez"


def test_title_links_through_a_role_seen_earlier() -> None:
    text = (
        "The Chief Engineer of the port, Omar Haddad, toured the docks with Lena Park.\n"
        "“The cranes are safe,” the chief engineer said."
    )
    ents = [
        person("E1", "Omar Haddad", text, "Omar Haddad"),
        person("E2", "Lena Park", text, "Lena Park"),
    ]
    [q] = quotes_of(text, ents)
    assert q.speaker.entity == "E1" and at(text, q.speaker.mention) == "the chief engineer"


def test_title_links_to_the_name_right_after_it() -> None:
    text = "The prime minister, Omar Haddad, said the deal was “a good day for the port”."
    [q] = quotes_of(text, [person("E1", "Omar Haddad", text, "Omar Haddad")])
    assert q.speaker.entity == "E1" and at(text, q.speaker.mention) == "The prime minister"


def test_a_name_the_tagger_cut_short_does_not_name_the_speaker() -> None:
    text = "“The port is safe,” said Rep. Omar Haddad."
    [q] = quotes_of(text, [person("E1", "Omar", text, "Omar")])
    assert q.speaker.entity is None and q.speaker.name == "Omar Haddad"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“We are ready,” said KTV host Tom Ode.", "Tom Ode"),
        ("“It is over,” said Berg campaign spokesman Tom Ode on Monday.", "Tom Ode"),
    ],
)
def test_a_name_after_a_role_names_the_speaker(text: str, name: str) -> None:
    [q] = quotes_of(text, [person("E1", name, text, name)])
    assert at(text, q.speaker.mention).endswith(name) and q.speaker.name == name


def test_a_blockquote_without_marks_is_quoted_whole() -> None:
    text = (
        "Ana Ruiz, the mayor, said:\nWe will not stop.\nNot now, not ever.\nThe council met. “It "
        "is late,” Tom Hale said.\n"
    )
    blocks = blocks_of(text)
    sentences, _ = tokenize(text, blocks)
    quoted = [blocks[1].span, blocks[2].span, blocks[3].span]  # the last holds marks of its own
    quotes = find_quotes(text, [b.span for b in blocks], sentences, [], quoted)
    assert [q.text for q in quotes] == ["We will not stop.", "Not now, not ever.", "“It is late,”"]
    assert [q.id for q in quotes] == ["Q1", "Q2", "Q3"]
    assert [q.speaker.name for q in quotes] == [
        "Ana Ruiz",
        "Ana Ruiz",
        "Tom Hale",
    ]  # the second continues


def test_unknown_title_stays_unlinked() -> None:
    text = "Omar Haddad toured the docks.\n“The cranes are safe,” the inspector said."
    [q] = quotes_of(text, [person("E1", "Omar Haddad", text, "Omar Haddad")])
    assert q.speaker.entity is None and q.speaker.name is None


def test_continuing_paragraph_keeps_the_entity() -> None:
    text = "“We start tomorrow,” Ana Ruiz said.\n“And we will not stop until the work is done.”"
    [q1, q2] = quotes_of(text, [person("E7", "Ana Ruiz", text, "Ana Ruiz")])
    assert q1.speaker.entity == q2.speaker.entity == "E7"


def test_they_links_to_an_organisation() -> None:
    text = "The Harbour Trust met on Monday. “The docks stay open,” they said."
    [q] = quotes_of(text, [person("E3", "Harbour Trust", text, "Harbour Trust", kind="ORG")])
    assert q.speaker.entity == "E3"


# --- the seed article ---------------------------------------------------------------------------

SEED = ROOT / "articles" / "nato-kyiv-bucharest.txt"


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_article_quotes() -> None:
    """The sample article: five quotes, each with its cue and speaker mention (the names are
    checked by the project's seed scorer; no words of the article are copied here)."""
    text = SEED.read_text(encoding="utf-8")
    qs = quotes_of(text)
    assert len(qs) == 5
    assert all(q.cue is not None and q.speaker.mention is not None for q in qs)
    assert qs[0].partial and not qs[2].partial
    assert all(q.span.end < len(text.rstrip()) - 1 for q in qs)  # the stray last mark opens nothing


def test_surname_links_when_the_tagger_missed_that_mention() -> None:
    text = "Maria Lopez spoke first. “The deal is off,” Lopez said."
    ent = Entity("E1", "PERSON", "Maria Lopez", ("Maria Lopez",), (Span(0, 11),))
    [q] = quotes_of(text, [ent])
    assert q.speaker.entity == "E1" and at(text, q.speaker.mention) == "Lopez"


def test_title_of_an_organisation_links_through_an_earlier_appositive() -> None:
    text = (
        "Director General of the Agency, Sara Holm, opened the session.\n"
        "Later the Director General of the Agency said: “The budget will not grow this year.”"
    )
    ents = [
        person("E4", "Sara Holm", text, "Sara Holm"),
        person("E5", "Agency", text, "Agency", kind="ORG"),
    ]
    [q] = quotes_of(text, ents)
    assert at(text, q.speaker.mention) == "the Director General of the Agency"
    assert q.speaker.entity == "E4" and q.speaker.name == "Sara Holm"


def test_transcript_turns_are_separate_quotes_with_their_speakers() -> None:
    text = (
        "The interview went on.\n“HOST: Will you run again next year?\n"
        "“MAYOR: We will see. The city comes first.\n“It always has."
    )
    host, mayor, more = quotes_of(text)
    assert at(text, host.speaker.mention) == "HOST" and at(text, mayor.speaker.mention) == "MAYOR"
    assert more.text == "“It always has." and more.speaker == mayor.speaker


def test_single_marks_in_a_double_mark_text_are_not_quotes() -> None:
    text = (
        "Mayor calls the plan ‘a total mess’ at the meeting.\n"
        "“We will fix the plan before the winter,” the mayor said."
    )
    assert [q.text for q in quotes_of(text)] == ["“We will fix the plan before the winter,”"]


def test_show_titles_are_not_quotes() -> None:
    text = "The senator told KTV’s “Morning Round With Tess” that the deal was “done for good.”"
    assert [q.text for q in quotes_of(text)] == ["“done for good.”"]
    text = "She wrote in her memoir, “Paper Harbour,” that the deal was “a mistake from day one”."
    assert [q.text for q in quotes_of(text)] == ["“a mistake from day one”"]
    text = (
        "Callers to his “Keeping It Real” radio program said the plan was “a mistake from day one”."
    )
    assert [q.text for q in quotes_of(text)] == ["“a mistake from day one”"]


def test_possessive_speaker_is_not_the_owner() -> None:
    text = "Tom Hale spoke in Leeds. “We will appeal,” Tom Hale’s campaign said."
    [q] = quotes_of(text, [person("E1", "Tom Hale", text, "Tom Hale")])
    assert at(text, q.speaker.mention) == "Tom Hale’s campaign" and q.speaker.entity is None


# --- speakers with no verb of their own, and short quotes framed as words used ----------------


def test_name_before_the_colon_is_the_speaker() -> None:
    text = "POLLS WERE NOT WRONG, ONLY EARLY - Ann Lee: “The numbers moved late in the week.”"
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == "Ann Lee" and q.cue is None


def test_sentence_subject_names_the_speaker_of_a_fragment() -> None:
    text = (
        "In recent weeks, Ana Ruiz has gone after the mayor as a “tick who will drain the city "
        "dry”."
    )
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == "Ana Ruiz" and q.cue is None


@pytest.mark.parametrize(
    "text",
    [
        "The harbour plan is “costly” and, in any case, “we will not sign it,” Tom Berg said.",
        "The new tax was “a mistake” and “we will fight it in court,” said Tom Berg.",
    ],
)
def test_a_cue_closing_the_sentence_reports_its_earlier_fragment(text: str) -> None:
    first, second = quotes_of(text, [person("E1", "Tom Berg", text, "Tom Berg")])
    assert at(text, first.speaker.mention) == "Tom Berg"
    assert first.cue == second.cue and at(text, first.cue) == "said"


def test_subject_after_a_time_phrase() -> None:
    text = (
        "Ten years earlier, she had voted for the plan “from the view of a senator from the north”."
    )
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == "she"


@pytest.mark.parametrize(
    "text",
    [
        "Nothing changed after the “grand reset of the whole campaign” last spring.",
        "It was more uplifting than “anything the party had tried before” in the state.",
        "Immediately after the vote, the hall was “as quiet as a church on a Monday”.",
    ],
)
def test_no_speaker_rather_than_a_subject_that_cannot_speak(text: str) -> None:
    [q] = quotes_of(text)
    assert q.speaker.mention is None and q.cue is None


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("The mayor used the term “pivot” twice in one speech.", "“pivot”"),
        ("The crowd met her with chants of “Bobby!” all night.", "“Bobby!”"),
        ("He summed up the plan as “terrible,” and left the room.", "“terrible,”"),
        ("Tom Hale, speaking on the radio, called Ana Ruiz a “blowhard” on Monday.", "“blowhard”"),
    ],
)
def test_short_quotes_framed_as_words_used_are_kept(text: str, quoted: str) -> None:
    assert [q.text for q in quotes_of(text)] == [quoted]


def test_scare_quote_without_a_frame_is_still_left_out() -> None:
    assert quotes_of("The company sold “premium” water at the fair.") == []


@pytest.mark.parametrize(
    "text, mention, cue",
    [
        (
            "Tom Hale, speaking on the radio, called Ana Ruiz a “blowhard” on Monday.",
            "Tom Hale",
            "called",
        ),
        ("“You are wrong,” Ana Ruiz shot back.", "Ana Ruiz", "shot back"),
        (
            "Ana Ruiz was asked by host Tom Hale, “Will you run again next year?”",
            "host Tom Hale",
            "asked",
        ),
        (
            "Tom Hale, who says the plan is dead, tweeted that it was “a fantasy with numbers”.",
            "Tom Hale",
            "tweeted",
        ),
        (
            "The two met on Monday – Ana Ruiz saying she was “very encouraged by the talks”.",
            "Ana Ruiz",
            "saying",
        ),
        ("She went on: “The council will vote in March.”", "She", "went on"),
        (
            "Ana Ruiz, during a visit to Leeds, Yorkshire, said the plan was “a scandal from "
            "start to finish”.",
            "Ana Ruiz",
            "said",
        ),
        ("“The deal is off,” the review panel writes.", "the review panel", "writes"),
        ("“The deal is off,” Tom Hale barked.", "Tom Hale", "barked"),
        ("Ana Ruiz repeated: “We will not stop.”", "Ana Ruiz", "repeated"),
        ("Tom Hale defended the plan as “a fair deal for every town”.", "Tom Hale", "defended"),
        (
            "Belarusian state media called the sanctions “illegal and absurd”.",
            "Belarusian state media",
            "called",
        ),
        (
            "Ana Ruiz, 45, a nurse from Leeds, told the BBC: “I have never seen anything like it.”",
            "Ana Ruiz",
            "told",
        ),
        # a verb the lexicon does not know, right after the quotation and closing the sentence
        ("Her neighbour was less sure. “Maybe it will work,” he shrugged.", "he", "shrugged"),
        ("“We have tried everything,” the mayor sighed wearily.", "the mayor", "sighed"),
        # a reporting clause that closes the sentence reports a fragment earlier in it
        (
            "The pledge to “fix every road” appeals to rural voters, said Ana Ruiz, a pollster "
            "at the "
            "university.",
            "Ana Ruiz",
            "said",
        ),
        (
            "Sales were “flat as a pancake” while buyers waited for the new model, he said.",
            "he",
            "said",
        ),
        (
            "The deal made the town “a safer place to live” for the first time in years, Tom "
            "Hale, the mayor, told "
            "reporters.",
            "Tom Hale",
            "told",
        ),
    ],
)
def test_more_cue_patterns(text: str, mention: str, cue: str) -> None:
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == mention
    assert at(text, q.cue) == cue


def test_next_sentence_verb_does_not_claim_a_continuing_quote() -> None:
    text = (
        "“We start tomorrow,” Ana Ruiz said on the steps of the old town hall before a crowd of "
        "several "
        "hundred. “And we will not stop.” Tom Hale added that the plan was late."
    )
    _, q2 = quotes_of(text)
    assert at(text, q2.speaker.mention) == "Ana Ruiz" and q2.cue is None


def test_a_reopened_paragraph_with_a_new_named_speaker_is_a_new_quote():
    """An unclosed quotation followed by a paragraph that opens a quote of someone else
    ("…,” added Rep. Tom Ode) is a missing closing mark, not a continued quotation."""
    text = (
        "“It is bad,” Ann Moore said. “If indeed this goes on, we lose.\n"
        "“We have been thinking about where we are,” added Rep. Tom Ode, the leader."
    )
    quotes = quotes_of(
        text,
        [person("E1", "Ann Moore", text, "Ann Moore"), person("E2", "Tom Ode", text, "Tom Ode")],
    )
    assert [q.text for q in quotes] == [
        "“It is bad,”",
        "“If indeed this goes on, we lose.",
        "“We have been thinking about where we are,”",
    ]
    assert [q.speaker.name for q in quotes] == ["Ann Moore", "Ann Moore", "Tom Ode"]
    continued = (
        "Ann Moore said: “If indeed this goes on, we lose.\n“We have thought about it. It is not "
        "good,” she added."
    )
    ents = [person("E1", "Ann Moore", continued, "Ann Moore")]
    assert [q.speaker.name for q in quotes_of(continued, ents)] == ["Ann Moore", "Ann Moore"]


# --- what is not a quote, and straight single marks ----------------------------------------------


def test_straight_single_marks_pair_in_a_text_without_double_marks() -> None:
    text = "The coach's view was plain. 'We don't give up,' he said. The players' bus left."
    [q] = quotes_of(text)
    assert q.text == "'We don't give up,'" and at(text, q.speaker.mention) == "he"


def test_doubled_apostrophes_do_not_open_single_quotes() -> None:
    text = "''It is late,'' the clerk said. 'Maybe,' he added."
    assert all(not q.text.startswith("'I") for q in quotes_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "The city ran its “Clean Streets Now” campaign for a year.",
        "The old jail, dubbed the “Grey Palace” by its guards, is closed.",
        "She had what is called “farmer’s hand rash” from the hay.",
        "The illness has earned the nickname of “baker’s cough” in the town.",
    ],
)
def test_names_of_things_are_not_quotes(text: str) -> None:
    assert quotes_of(text) == []


def test_a_slogan_repeated_as_a_name_elsewhere_is_not_a_quote() -> None:
    text = (
        "“Fix It. Fix It Now.” was on every bus.\n"
        "Critics mocked the “Fix It. Fix It Now.” campaign in May.\n"
        "“It works,” Ann Lee said."
    )
    assert [q.text for q in quotes_of(text)] == ["“It works,”"]


def test_a_word_someone_called_something_stays_a_quote() -> None:
    text = "Ann Lee called the plan “a costly mistake” on Monday."
    [q] = quotes_of(text)
    assert at(text, q.speaker.mention) == "Ann Lee"


# --- the stages ----------------------------------------------------------------------------------


def _candidates(text: str, entities: list[Entity]) -> list[list[Candidate]]:
    """Every quotation's candidates, as the pipeline gathers them."""
    seen: list[list[Candidate]] = []

    def record(cands: Sequence[Candidate]) -> tuple[Candidate, bool]:
        seen.append(list(cands))
        return ranker.by_rules(cands)

    blocks = blocks_of(text)
    sentences, _ = tokenize(text, blocks)
    find_quotes(text, [b.span for b in blocks], sentences, entities, choose=record)
    return seen


def test_candidates_start_with_no_speaker_and_hold_the_rule_and_near_names() -> None:
    text = "Tom Ode met Ann Lee. “We agree,” Ann Lee said."
    ents = [person("E1", "Tom Ode", text, "Tom Ode"), person("E2", "Ann Lee", text, "Ann Lee")]
    [cands] = _candidates(text, ents)
    assert cands[0].mention is None and "NONE" in cands[0].features
    rule = next(c for c in cands if "src=rule" in c.features)
    assert at(text, rule.mention) == "Ann Lee" and rule.entity is ents[1]
    near = {c.entity.id for c in cands if "src=near" in c.features and c.entity}
    assert "E1" in near


def test_the_previous_speaker_is_a_candidate_of_a_continuing_quote() -> None:
    text = "“We agree,” Ann Lee said.\n“And we will sign.”"
    ents = [person("E2", "Ann Lee", text, "Ann Lee")]
    _, second = _candidates(text, ents)
    prev = next(c for c in second if "src=prev" in c.features)
    assert prev.entity is ents[0]


@pytest.mark.parametrize(
    "text, verb, kind",
    [
        ("Ann Lee said it", "said", "speech"),
        ("Ann Lee likened it", "likened", "judge"),
        ("Ann Lee states it", "states", "ambiguous"),
        ("Ann Lee sang it", "sang", "other"),
    ],
)
def test_verb_class_of_a_cue(text: str, verb: str, kind: str) -> None:
    start = text.index(verb)
    assert candidates.verb_class(text, Span(start, start + len(verb))) == kind
    assert candidates.verb_class(text, None) == "-"


def test_candidates_see_the_verb_class_and_a_partial_quotation() -> None:
    text = "Ann Lee likened the plan to “a leaky boat”."
    ents = [person("E1", "Ann Lee", text, "Ann Lee")]
    [cands] = _candidates(text, ents)
    rule = next(c for c in cands if "src=rule" in c.features)
    assert "vclass+adj+etype=judge+m<c:tight+PERSON" in rule.features
    assert any(f.startswith("partial+where+syn=True+") for f in rule.features)
    assert "NONE vclass+partial=judge+True" in cands[0].features


@pytest.mark.parametrize(
    "text, role",
    [
        ("“We agree,” according to Ann Lee.", "agent"),
        ("A statement from Ann Lee read: “We agree.”", "agent"),
        ("“We agree,” Tom Ode said to Ann Lee.", "prep"),
    ],
)
def test_a_name_after_by_from_or_according_to_is_an_agent(text: str, role: str) -> None:
    ents = [person("E1", "Ann Lee", text, "Ann Lee")]
    [cands] = _candidates(text, ents)
    lee = next(c for c in cands if c.entity is ents[0])
    assert f"syn={role}" in lee.features


def test_ranker_names_only_above_the_margin() -> None:
    none = Candidate(None, None, None, ("NONE",))
    rule = Candidate(Span(0, 3), None, None, ("src=rule", "kind=name"))
    model = ranker.Model({"src=rule": 2.0, "kind=name": 1.0}, margin=2.5)
    assert ranker.choose(model, [none, rule]) == (rule, True)
    unsure = ranker.Model({"src=rule": 2.0}, margin=2.5)
    assert ranker.choose(unsure, [none, rule]) == (rule, False)
    assert ranker.choose(model, [none]) == (none, True)


def test_ranker_fills_in_where_the_rules_find_nobody_only_when_sure() -> None:
    none = Candidate(None, None, None, ("NONE",))
    near = Candidate(Span(0, 3), None, None, ("src=near",))
    sure = ranker.Model({"src=near": 3.0}, margin=2.0)
    assert ranker.choose(sure, [none, near]) == (near, True)
    unsure = ranker.Model({"src=near": 1.0}, margin=2.0)
    assert ranker.choose(unsure, [none, near]) == (none, True)


def test_ranker_prefers_the_governing_verbs_subject_to_the_rules_when_it_scores_higher() -> None:
    """In "Tom Ode said Ann Lee called it “…”" the rules take the sentence's first verb; the
    subject of the verb nearest the quotation speaks when the ranker puts it above."""
    none = Candidate(None, None, None, ("NONE",))
    rule = Candidate(Span(0, 7), None, None, ("src=rule",))
    gov = Candidate(Span(13, 20), None, None, ("src=gov",))
    model = ranker.Model({"src=rule": 3.0, "src=gov": 5.0}, margin=2.0)
    assert ranker.choose(model, [none, rule, gov]) == (gov, True)
    rules_first = ranker.Model({"src=rule": 5.0, "src=gov": 3.0}, margin=2.0)
    assert ranker.choose(rules_first, [none, rule, gov]) == (rule, True)
    assert ranker.choose(model, [none, gov]) == (gov, True)
    final = Candidate(Span(22, 29), None, None, ("src=final",))
    closing = ranker.Model({"src=rule": 3.0, "src=final": 4.0}, margin=2.0)
    assert ranker.choose(closing, [none, rule, final]) == (final, True)


@pytest.mark.parametrize(
    "text",
    [
        "Both towns opposed the plan, with Ann Lee warning of “grave risks” to it.",
        "The board met, and Ann Lee later called the vote “a farce”.",
    ],
)
def test_the_subject_of_the_verb_nearest_a_quotation_is_a_candidate(text: str) -> None:
    """The verb nearest before a fragment governs it, though the sentence's main cue may be
    another's: its subject is a candidate marked as such."""
    ents = [person("E1", "Ann Lee", text, "Ann Lee")]
    [cands] = _candidates(text, ents)
    gov = [c for c in cands if any(f.startswith("gov+etype+kind=True") for f in c.features)]
    assert [at(text, c.mention) for c in gov] == ["Ann Lee"] and gov[0].entity is ents[0]


def test_the_speaker_of_a_closing_reporting_clause_is_a_candidate() -> None:
    """A clause that closes the sentence ("…, said Tom Ode.") may report the whole of it, though
    the rules take the verb before the quotation."""
    text = "Ann Lee often told friends “the plan is dead” in private, said Tom Ode."
    ents = [person("E1", "Ann Lee", text, "Ann Lee"), person("E2", "Tom Ode", text, "Tom Ode")]
    [cands] = _candidates(text, ents)
    closing = [c for c in cands if "src=final" in c.features]
    assert [at(text, c.mention) for c in closing] == ["Tom Ode"]
    assert closing[0].entity is ents[1] and at(text, closing[0].cue) == "said"


def test_ranker_best_can_prefer_no_speaker() -> None:
    none = Candidate(None, None, None, ("NONE",))
    near = Candidate(Span(0, 3), None, None, ("src=near",))
    model = ranker.Model({"NONE": 1.0, "src=near": -1.0}, margin=0.0)
    assert ranker.best(model, [none, near]) == (none, False)


def test_the_shipped_model_loads() -> None:
    model = ranker.shipped()
    assert model.weights and model.margin >= 0


def test_an_unsure_speaker_keeps_its_mention_but_no_name() -> None:
    text = "Ann Lee said"
    ent = person("E2", "Ann Lee", text, "Ann Lee")
    assert speaker(text, Span(0, 7), ent, sure=False).name is None
    assert speaker(text, Span(0, 7), ent).name == "Ann Lee"
    assert speaker(text, Span(0, 7), None).name == "Ann Lee"


def test_sentence_bounds_of_a_quotation() -> None:
    text = "First one. “We agree,” Ann Lee said. Last one."
    blocks = blocks_of(text)
    sentences, _ = tokenize(text, blocks)
    marked = find_marked(text, [b.span for b in blocks])
    doc = candidates.index(text, [b.span for b in blocks], sentences, [], marked)
    q = marked[0]
    para = blocks[0].span
    assert candidates.sentence_start(doc, q.span.start, para) == text.index("“")
    assert candidates.sentence_end(doc, q.span.end, para) == text.index("Last")


def test_a_short_fragment_before_a_longer_quote_of_its_sentence_is_kept() -> None:
    text = (
        "The delays have been “really painful” and “we will not accept another year of this,” "
        "the council leader said."
    )
    assert [q.text for q in quotes_of(text)] == [
        "“really painful”",
        "“we will not accept another year of this,”",
    ]
    text = "The “experts” and the “insiders” were wrong about the bridge again."
    assert quotes_of(text) == []


def test_a_short_quote_in_a_sentence_that_reports_speech_is_kept() -> None:
    text = "That contradicts his claim in the hearing that the two men were “barely acquainted”."
    assert [q.text for q in quotes_of(text)] == ["“barely acquainted”"]
    text = "The two men were “barely acquainted” before the trip."
    assert quotes_of(text) == []
