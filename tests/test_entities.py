"""The entity analyser: shipped model, seed article, grouping rules, possessives, features."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from reader.analysis.entities import _trim, find_entities, is_place
from reader.analysis.entities.features import (
    context_features,
    doc_context,
    first_pass_types,
    is_caps_line,
    name_runs,
    neighbour_features,
    run_heads,
    second_pass_features,
    shape,
    word_features,
)
from reader.analysis.entities.gazetteer import Gazetteer
from reader.analysis.entities.grouping import Mention, acronym, group, similar_names
from reader.analysis.entities.tagger import (
    BEAM,
    FORMAT,
    MODEL_PATH,
    Tagger,
    _Pass,
    bio_spans,
    encode_pass,
    get_tagger,
)
from reader.analysis.model import Entity
from reader.analysis.tokens import tokenize
from reader.document.model import Block, Span

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "train"))  # the training code lives outside the package
SEED = ROOT / "articles" / "nato-kyiv-bucharest.txt"
CORPUS = ROOT.parent / "shared" / "corpora" / "conll2003"


def analyse_text(text: str) -> list[Entity]:
    """Tokenize ``text`` with one paragraph block per non-empty line, then find entities."""
    blocks, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block("paragraph", Span(pos, pos + len(line))))
        pos += len(line) + 1
    return find_entities(text, tokenize(text, blocks)[0])


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Entity]]:
    text = SEED.read_text(encoding="utf-8")
    return text, analyse_text(text)


def surfaces(text: str, entities: list[Entity]) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for e in entities:
        for m in e.mentions:
            out.setdefault(text[m.start : m.end], set()).add((e.type, e.id))
    return out


# --- the shipped model -------------------------------------------------------------------------


def test_model_is_compact_and_loads_once_across_threads():
    assert MODEL_PATH.stat().st_size < 5_000_000
    seen: list[Tagger] = []
    threads = [threading.Thread(target=lambda: seen.append(get_tagger())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(t) for t in seen}) == 1
    assert set(seen[0].classes) == {
        "O",
        *(f"{b}-{t}" for b in "BI" for t in ("PER", "ORG", "LOC", "MISC")),
    }


@pytest.mark.parametrize(
    "name,typ",
    [
        ("Vladimir Putin", "PERSON"),
        ("Jens Stoltenberg", "PERSON"),
        ("Dimitro Koleba", "PERSON"),
        ("Kuleba", "PERSON"),
        ("NATO", "ORG"),
        *(
            (p, "LOC")
            for p in (
                "Kyiv",
                "Ukraine",
                "Bucharest",
                "Russia",
                "Crimea",
                "Sweden",
                "Finland",
                "Iran",
                "Europe",
            )
        ),
    ],
)
def test_seed_entities(seed, name, typ):
    text, entities = seed
    assert typ in {t for t, _ in surfaces(text, entities).get(name, ())}


@pytest.mark.parametrize(
    "short,full",
    [
        ("Stoltenberg", "Jens Stoltenberg"),
        ("Putin", "Vladimir Putin"),
        ("Kuleba", "Dimitro Koleba"),
    ],
)
def test_seed_grouping(seed, short, full):
    text, entities = seed
    found = surfaces(text, entities)
    assert {i for _, i in found[short]} & {i for _, i in found[full]}
    entity = next(
        e for e in entities if text[e.mentions[0].start : e.mentions[0].end] in (short, full)
    )
    assert entity.name == full and short in entity.aliases


def test_seed_glued_georgia_and_no_common_word_entities(seed):
    text, entities = seed
    spans = [m for e in entities for m in e.mentions]
    assert any(
        text[m.start : m.end] == "Georgia" and text[m.start : m.end + 2] == "Georgiain"
        for m in spans
    )
    banned = {"Fourteen", "Months", "Thus", "That", "The", "Allied"}
    assert not [s for s in surfaces(text, entities) if s.split()[0] in banned]


def test_seed_entities_are_numbered_by_first_mention(seed):
    _, entities = seed
    assert [e.id for e in entities] == [f"E{k}" for k in range(1, len(entities) + 1)]
    firsts = [e.mentions[0].start for e in entities]
    assert firsts == sorted(firsts)


def test_empty_and_entity_free_texts():
    assert find_entities("", []) == []
    assert analyse_text("it was a quiet day, and nothing happened.") == []


# --- possessives ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Russia’s army left Ukraine’s border.", "Russia's army left Ukraine's border."]
)
def test_possessive_is_not_part_of_the_mention(text):
    entities = analyse_text(text)
    mentions = {text[m.start : m.end] for e in entities for m in e.mentions}
    assert {"Russia", "Ukraine"} <= mentions
    assert not any((m.endswith("s") and "’" in m) or "'" in m for m in mentions)


def test_mention_keeps_a_bracket_it_opened():
    text = "Mladost ( BJ ) ( 4 )"
    toks = [Span(0, 7), Span(8, 9), Span(10, 12), Span(13, 14), Span(15, 16)]
    assert _trim(text, toks[:4]) == (Span(0, 14), "ORG")  # a club with its town: "Mladost ( BJ )"
    assert _trim(text, [toks[0], toks[3]]) == _trim(text, toks[:2]) == (Span(0, 7), "ORG")


def spans_of(text: str) -> list[Span]:
    """Whitespace-separated tokens of ``text`` as spans."""
    out, pos = [], 0
    for word in text.split():
        start = text.index(word, pos)
        out.append(Span(start, start + len(word)))
        pos = start + len(word)
    return out


def test_a_title_is_not_part_of_a_persons_name():
    text = "Councillor Priya Shah"
    toks = spans_of(text)
    assert _trim(text, toks, "PERSON") == (Span(11, 21), "PERSON")
    assert _trim(text, toks[:1], "PERSON") is None  # a title tagged apart from the name after it
    # Whatever the tagger said, what follows a title is a person ...
    assert _trim(text, toks, "ORG") == (Span(11, 21), "PERSON")
    # ... when it looks like a name: "General Electric Co" is a firm, "General Motors" too.
    text = "General Electric Co"
    assert _trim(text, spans_of(text), "ORG") == (Span(0, 19), "ORG")
    assert _trim(text, spans_of(text)[:2], "ORG") == (Span(0, 16), "ORG")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Harbor City DL Joe Marlow", "Joe Marlow"),  # a club, a position, the player
        ("UN Secretary of State Ada Vinter", "Ada Vinter"),
        ("Defense Secretary Ada Vinter", "Ada Vinter"),
        ("Col Ada Vinter", "Ada Vinter"),
        ("Ms Vinter", "Vinter"),  # a courtesy title: a person, whatever the tagger said
        ("Defense Minister Ana de Vinter", "Ana de Vinter"),  # a particle inside the name
        ("Sen. Ali bin Vinter", "Ali bin Vinter"),
    ],
)
def test_roles_before_a_name_are_cut_off_and_leave_a_person(text, name):
    span, typ = _trim(text, spans_of(text), "LOC")
    assert (text[span.start : span.end], typ) == (name, "PERSON")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hollow Prison in September", "Hollow Prison"),  # a preposition and a month after it
        ("Crane Label last", "Crane Label"),  # a lower-case word after it
        ("Harbor Hawks DL", "Harbor Hawks"),  # a role after it
        ("Hey Twitter", "Twitter"),  # a greeting before it
    ],
)
def test_what_follows_or_precedes_a_name_is_cut_off(text, name):
    span, _ = _trim(text, spans_of(text), "ORG")
    assert text[span.start : span.end] == name


def test_a_surname_joined_to_its_particle_ends_a_name():
    text = "Omar al-Vinter"  # lower case, yet no word glued after the name
    assert _trim(text, spans_of(text), "PERSON") == (Span(0, len(text)), "PERSON")


def test_a_role_after_of_is_part_of_the_name():
    text = "Tolvo Court of Justice"  # "Justice" is also a judge's title
    assert _trim(text, spans_of(text), "ORG") == (Span(0, len(text)), "ORG")


def test_no_name_ends_with_a_function_word():
    text = "Summit of Heads of State and"
    toks = [Span(0, 6), Span(7, 9), Span(10, 15), Span(16, 18), Span(19, 24), Span(25, 28)]
    assert _trim(text, toks) == (Span(0, 24), "ORG")


def test_rivers_and_lakes_are_places():
    assert (
        is_place("River Ouse", "ORG")
        and is_place("Lake Geneva", "ORG")
        and is_place("Ouse River", "PERSON")
    )
    assert not is_place("River Phoenix", "PERSON") and not is_place("Gulf War", "MISC")
    assert not is_place("Faroe Islands", "ORG") and not is_place("Ouse", "ORG")


def test_sentence_starters_and_lone_adjectives_are_not_names():
    text = "Since April the Allied ministers have met in Brussels. Thus NATO grew."
    names = {text[m.start : m.end] for e in analyse_text(text) for m in e.mentions}
    assert {"Brussels", "NATO"} <= names
    assert not names & {"Since", "Since April", "April", "Allied", "Thus", "Thus NATO"}


def test_title_case_headline_is_read_like_capitals():
    text = (
        "Biden And Scholz Pledge More Help For Ukraine As Winter Looms\n\n"
        "President Joe Biden met Chancellor Olaf Scholz in Washington on Friday. "
        "Biden said Ukraine would get more air defence systems."
    )
    found = surfaces(text, analyse_text(text))
    assert not set(found) & {"Help", "Winter Looms", "Pledge", "Looms"}
    assert ("PERSON" in {t for t, _ in found["Joe Biden"]}) and found["Ukraine"]


# --- grouping rules ------------------------------------------------------------------------------


def mention(text: str, start: int, typ="PERSON") -> Mention:
    return Mention(Span(start, start + len(text)), typ, text)


def test_surname_joins_full_name_and_name_is_longest_form():
    (e,) = group(
        [mention("Stoltenberg", 0), mention("Jens Stoltenberg", 50), mention("Stoltenberg", 90)]
    )
    assert e.name == "Jens Stoltenberg" and e.aliases == ("Stoltenberg",) and len(e.mentions) == 3


def test_a_surname_with_its_particle_joins_the_person_whatever_its_type():
    # At a sentence start the particle is capitalised and the tagger may take a place for it.
    (e,) = group([mention("Ludwig van der Osten", 0), mention("Van der Osten", 40, "LOC")])
    assert (e.name, e.type, e.aliases) == ("Ludwig van der Osten", "PERSON", ("Van der Osten",))
    (e,) = group([mention("Omar al-Hadrani", 0), mention("Al-Hadrani", 40, "ORG")])
    assert (e.name, e.type) == ("Omar al-Hadrani", "PERSON")


def test_father_and_son_stay_apart_and_a_surname_joins_one_of_them():
    entities = group(
        [mention("Tom Velmar Sr.", 0), mention("Tom Velmar Jr.", 30), mention("Velmar Jr.", 60)]
    )
    assert [(e.name, len(e.mentions)) for e in entities] == [
        ("Tom Velmar Sr.", 1),
        ("Tom Velmar Jr.", 2),
    ]


def test_transliterations_of_one_surname_join():
    (e,) = group(
        [mention("Kuleba", 0), mention("Dimitro Koleba", 20), mention("Dmytro Kuleba", 60)]
    )
    assert e.name == "Dimitro Koleba" and set(e.aliases) == {"Kuleba", "Dmytro Kuleba"}


def test_people_sharing_a_first_name_stay_apart():
    entities = group(
        [mention("Jens Stoltenberg", 0), mention("Jens Weidmann", 30), mention("Weidmann", 60)]
    )
    assert [(e.name, len(e.mentions)) for e in entities] == [
        ("Jens Stoltenberg", 1),
        ("Jens Weidmann", 2),
    ]


def test_same_surname_different_first_names_stay_apart():
    assert len(group([mention("Bill Clinton", 0), mention("Hillary Clinton", 20)])) == 2
    assert len(group([mention("Maria Rossi", 0), mention("Mario Rossi", 20)])) == 2


def test_acronym_joins_its_expansion_and_a_lone_surname_joins_whatever_its_type():
    entities = group(
        [
            mention("North Atlantic Treaty Organization", 0, "ORG"),
            mention("NATO", 40, "ORG"),
            mention("Putin", 50, "LOC"),
            mention("Vladimir Putin", 60),
            mention("Putin", 80),
        ]
    )
    assert [(e.id, e.type, e.name, e.aliases) for e in entities] == [
        ("E1", "ORG", "North Atlantic Treaty Organization", ("NATO",)),
        ("E2", "PERSON", "Vladimir Putin", ("Putin",)),
    ]


def test_a_known_place_does_not_join_a_person_of_that_name():
    found = group(
        [mention("Georgia", 0, "LOC"), mention("Georgia Hale", 20), mention("Hale", 40)],
        lambda form: form == "Georgia",
    )
    assert [(e.type, e.name) for e in found] == [("LOC", "Georgia"), ("PERSON", "Georgia Hale")]


def test_one_row_per_referent_across_types_and_short_forms():
    found = group(
        [
            mention("United States", 0, "LOC"),
            mention("U.S.", 20, "ORG"),
            mention("US", 30, "LOC"),
            mention("Norland", 40, "LOC"),
            mention("Norland", 50, "ORG"),
            mention("Norland", 60, "LOC"),
        ]
    )
    assert [(e.type, e.name, set(e.aliases), len(e.mentions)) for e in found] == [
        ("LOC", "United States", {"U.S.", "US"}, 3),
        ("LOC", "Norland", set(), 3),
    ]


def test_first_names_suffixes_and_particles_join_the_full_name():
    found = group(
        [
            mention("Ada Vinter Jr.", 0),
            mention("Vinter", 20, "ORG"),
            mention("Ada", 30),
            mention("Rob De Marco", 40),
            mention("De Marco", 60),
        ]
    )
    assert [(e.name, set(e.aliases)) for e in found] == [
        ("Ada Vinter Jr.", {"Vinter", "Ada"}),
        ("Rob De Marco", {"De Marco"}),
    ]
    # two people share the first name: alone, it stays apart
    found = group([mention("Ada Vinter", 0), mention("Ada Rowe", 20), mention("Ada", 40)])
    assert len(found) == 3


def test_name_similarity_rule():
    assert similar_names("Kuleba", "Koleba")
    assert not similar_names("Kuleba", "Ruleba")  # different initial
    assert not similar_names("Hahn", "Hahm")  # too short to guess
    assert acronym("European Union") == "EU" and acronym("Bank of England") == "BE"


# --- features and decoding -----------------------------------------------------------------------


def test_shape_and_caps_line():
    assert [shape(w) for w in ("Putin", "NATO", "U.S.", "1996-08-22", "McDonald")] == [
        "Xxx",
        "XX",
        "X.X.",
        "dd-dd-dd",
        "XxXxx",
    ]
    assert is_caps_line(["NATO", "PLEDGES", "SUPPORT", "."])
    assert not is_caps_line(["NATO", "pledges"]) and not is_caps_line(["A", "1"])


def test_word_and_neighbour_features():
    assert word_features("Kyiv")[:3] == ["w=Kyiv", "l=kyiv", "s=Xxx"]
    assert neighbour_features("Mr.", -1) == ["l-1=mr.", "s-1=Xx."]
    assert neighbour_features("<s>", -2) == ["l-2=<s>"]


def test_document_features_use_the_rest_of_the_document():
    sentences = [["The", "bill", "passed", "."], ["Bill", "Gates", "met", "The", "Times", "."]]
    doc = doc_context(sentences)
    gaz = Gazetteer({"FN": ["Bill"], "LOC": ["New York"]})
    first = context_features(sentences[1], doc, gaz)[0]
    assert "dl" in first and "g=B-FN" in first and "F|Xxx" in first
    assert "dc" in context_features(sentences[0], doc, gaz)[0]  # "The" also appears mid-sentence
    assert gaz.tags(["in", "New", "York", "today"], ["in", "new", "york", "today"]) == [
        "",
        "B-LOC",
        "I-LOC",
        "",
    ]
    assert (
        doc_context([["SOCCER", "-", "LEEDS", "WIN", "."], ["Leeds", "won", "."]]).topic == "soccer"
    )
    assert doc.topic == ""
    both = Gazetteer(
        {"FN": ["Georgia"], "LOC": ["Georgia"]}
    )  # a place first, whatever the order given
    assert both.tags(["Georgia"], ["georgia"]) == ["B-LOC"]


def test_second_pass_features_ignore_the_token_itself():
    words = ["Putin", "met", "Putin", "Putin", "."]
    tags = ["B-PER", "O", "B-LOC", "B-PER", "O"]
    feats = second_pass_features(words, first_pass_types([words], [tags]), tags)
    assert feats[0] == ["d2=PER", "Fd2=PER"]  # the others: one LOC, one PER (a tie, broken by name)
    assert feats[2] == ["d2=PER", "d2a=PER", "d2+1=PER"]  # the others are both PER
    assert feats[1] == ["d2-1=PER", "d2+1=PER"] and feats[4] == ["d2-1=PER"]
    assert second_pass_features(["Kyiv"], {}, ["O"]) == [[]]


def test_decoding_keeps_bio_well_formed():
    t = Tagger(
        {
            "format": FORMAT,
            "classes": ["O", "B-PER", "I-PER"],
            "gazetteer": {},
            "passes": [encode_pass({"b": [0, 0, 50], "t1=<s>": [0, 10, 0]})],
        }
    )
    assert t.tag([["a", "b", "c"]]) == [["B-PER", "I-PER", "I-PER"]]
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
    ]


def test_beam_finds_a_sequence_greedy_misses():
    # "x" leans PER over LOC by a little; after PER, "y" is torn between O and I-PER, but after
    # LOC it is surely I-LOC: the sequence through LOC is the likelier, and only the beam sees it.
    classes = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    weights = {
        "f=x": [0, 3000, 0, 2000, 0],
        "t1l=B-PER|y": [5000, 0, 5000, 0, 0],
        "t1l=B-LOC|y": [0, 0, 0, 0, 20000],
    }
    t = Tagger({"format": FORMAT, "classes": classes, "gazetteer": {}, "passes": []})
    p = _Pass(encode_pass(weights), classes)
    keys, static = [("x", "x"), ("y", "x")], p.static(["x", "y"], [["f=x"], []])
    assert t.decode(p, keys, static) == ["B-PER", "O"]  # greedy
    assert t.decode(p, keys, static, BEAM) == ["B-LOC", "I-LOC"]


# --- on the corpus, when it is there -------------------------------------------------------------


@pytest.mark.skipif(not (CORPUS / "eng.testa").exists(), reason="CoNLL-2003 not available")
def test_dev_sample_accuracy():
    from entities import read_conll

    docs = read_conll(CORPUS / "eng.testa")[:25]
    tagger = get_tagger()
    gold = pred = hit = 0
    for doc in docs:
        for (_, tags), out in zip(doc, tagger.tag([w for w, _ in doc])):
            g, p = set(bio_spans(tags)), set(bio_spans(out))
            gold, pred, hit = gold + len(g), pred + len(p), hit + len(g & p)
    assert gold > 300 and 2 * hit / (gold + pred) > 0.85


def test_learned_lexicon_leaves_each_training_document_out():
    from entities import HeldOutLexicon, doc_names, lexicon_lists

    doc_a = [
        (
            ["Niall", "Quinn", "scored", "for", "Sunderland", "."],
            ["B-PER", "I-PER", "O", "O", "B-ORG", "O"],
        )
    ]
    doc_b = [(["Sunderland", "won", "."], ["B-ORG", "O", "O"])]
    names = [doc_names(doc_a), doc_names(doc_b)]
    assert lexicon_lists(names, 1)["ORG"] == ["sunderland"]
    assert lexicon_lists(names, 2)["PER"] == [] and lexicon_lists(names, 1)["PER"] == [
        "niall quinn"
    ]
    held = HeldOutLexicon(names, 1)
    held.own = names[
        0
    ]  # doc_a sees the lexicon of the other documents: Sunderland, not Niall Quinn
    words = doc_a[0][0]
    assert held.tags(words, [w.lower() for w in words]) == ["", "", "", "", "B-ORG", ""]
    feats = context_features(
        words, doc_context([words]), Gazetteer({}), Gazetteer(lexicon_lists(names, 1))
    )
    assert "x=B-PER" in feats[0] and "x+1=I-PER" in feats[0] and "x-1=B-PER" in feats[1]
    assert "x=B-ORG" in feats[4] and not any(
        f.startswith("x") for f in context_features(words, doc_context([words]), Gazetteer({}))[4]
    )


def test_word_types_leave_each_training_document_out():
    from entities import HeldOutTokens, doc_tokens

    doc_a = [(["Quinn", "scored", "for", "Sunderland", "."], ["B-PER", "O", "O", "B-ORG", "O"])]
    doc_b = [(["Sunderland", "won", "."], ["B-ORG", "O", "O"]), (["The", "end"], ["O", "O"])]
    counts = [doc_tokens(doc_a), doc_tokens(doc_b)]
    held = HeldOutTokens(counts)
    assert held.lists() == {"O": "the", "ORG": "sunderland", "PER": "quinn"}
    held.own = counts[0]  # doc_a sees only what the other documents say
    assert (held.get("quinn"), held.get("sunderland"), held.get("the"), held.get("kyiv")) == (
        "",
        "ORG",
        "O",
        "",
    )
    words = doc_a[0][0]
    feats = context_features(
        words, doc_context([words]), Gazetteer({}), None, {"sunderland": "ORG", "for": "O"}
    )
    assert "xt=ORG" in feats[3] and not any(
        f.startswith("xt=") for f in feats[2]
    )  # capitalised words only
    assert (
        "xt+1=ORG" in feats[2]
        and "xt-1=ORG" in feats[4]
        and not any(f.startswith("xt") for f in feats[1])
    )


def test_document_shows_who_is_named_in_full_and_who_has_scores():
    sentences = [
        ["Tom", "Glavine", "beat", "Pirelli", "."],
        ["Glavine", "and", "the", "Braves", "3", "Mets", "2"],
        ["LEEDS", "WIN"],
    ]
    doc = doc_context(sentences)
    assert (doc.joined["Tom"], doc.joined["Glavine"], doc.joined["Pirelli"]) == ("f", "p", "")
    assert (
        doc.joined["Braves"] == ""
        and doc.scored == {"Braves", "Mets"}
        and "LEEDS" not in doc.joined
    )
    feats = context_features(sentences[1], doc, Gazetteer({}))
    assert (
        "dj=p" in feats[0] and "dn" in feats[3] and not any(f[:2] in ("dj", "dn") for f in feats[1])
    )


def test_run_heads_reach_the_last_capitalised_word():
    words = ["the", "Central", "Jakarta", "District", "Court", "met", "Don", "Penney"]
    gz = Gazetteer({"ORG": ["Court"], "LOC": ["Jakarta"]}).tags(words, [w.lower() for w in words])
    assert run_heads(words, gz, None) == ["", "ORG|", "ORG|", "ORG|", "", "", "|", ""]
    assert run_heads(words, gz, [""] * 7 + ["PER"])[6] == "|PER"
    feats = context_features(words, doc_context([words]), Gazetteer({"ORG": ["Court"]}))
    assert "re=ORG|" in feats[1] and not any(f.startswith("re=") for f in feats[4])


def test_runs_span_joiners_and_show_their_head_and_surroundings():
    words = ["shares", "of", "Zelvo", "Gas", "&", "Power", "Co.", "fell", "while", "Ada", "spoke"]
    assert name_runs(words) == [(2, 7), (9, 10)]
    assert name_runs(["Bank", "of", "."]) == [(0, 1)]  # a joiner needs a capitalised word after it
    feats = context_features(words, doc_context([words]), Gazetteer({}))
    assert {"rp=0/4", "rh=co.", "rb=of", "rb2=shares|of", "ra=fell", "ra2=fell|while"} <= set(
        feats[2]
    )
    assert "rf=zelvo" in feats[4] and not any(f.startswith("rh=") for f in feats[6])
    assert {"rp=0/1", "rb=while", "ra=spoke"} <= set(feats[9])
    assert not any(f.startswith("r") and f[1] in "pfhba" for f in feats[0])


def test_document_shows_what_stands_around_a_name_elsewhere():
    sentences = [
        ["the", "Zelvo", "app", "crashed", "."],
        ["Zelvo", "said", "sorry", "."],
        ["USERS", "LEFT", "ZELVO"],
    ]
    doc = doc_context(sentences)
    assert doc.around["Zelvo"] == ("da-=the", "da+=app", "da+=said")
    assert "ZELVO" not in doc.around  # a line in capitals says nothing
    assert {"da-=the", "da+=app"} <= set(context_features(sentences[1], doc, Gazetteer({}))[0])


def test_word_classes_are_features_of_the_word_and_its_neighbours():
    classes = {"Zelvo": "3/41", "said": "7/90"}
    assert word_features("Zelvo", classes)[-2:] == ["c=3", "cf=41"]
    assert word_features("Qarbo", classes)[-2:] == ["c=?", "cf=?"]
    assert neighbour_features("said", 1, classes) == ["l+1=said", "s+1=xx", "c+1=7/90"]
    assert neighbour_features("said", 2, classes) == ["l+2=said"]


def test_headlines_slogans_and_table_headers_give_no_rows():
    text = (
        "GET OUT AND VOTE TODAY\n"
        "Team Played Won Lost Points\n"
        "Harbor Hawks 10 8 2 24\n"
        "Regardless, the Harbor Hawks coach Ada Vinter said the season went well.\n"
        "Oh, and Vinter thanked the fans.\n"
    )
    names = {text[m.start : m.end] for e in analyse_text(text) for m in e.mentions}
    assert "Ada Vinter" in names
    common = {"GET", "OUT", "VOTE", "TODAY", "Team", "Played", "Won", "Lost", "Points"}
    assert not {w for n in names for w in n.split()} & (common | {"Regardless", "Oh"})


def test_curly_apostrophe_reads_like_a_straight_one():
    for text in ("Don't worry, Ada Vinter said.", "Don’t worry, Ada Vinter said."):
        names = {text[m.start : m.end] for e in analyse_text(text) for m in e.mentions}
        assert "Don" not in names and "Ada Vinter" in names


def test_glued_name_is_listed_with_a_space_and_joins_its_full_name():
    text = "Nora Vinter spoke on Monday. Later NoraVinter left Harbor City.\n"
    entities = analyse_text(text)
    people = [e for e in entities if e.type == "PERSON"]
    assert len(people) == 1 and people[0].name == "Nora Vinter" and len(people[0].mentions) == 2


def test_a_full_person_name_decides_the_type_over_lone_surnames():
    found = group(
        [mention("Vinter", 0, "ORG"), mention("Ada Vinter", 10), mention("Vinter", 30, "ORG")]
    )
    assert [(e.type, e.name, len(e.mentions)) for e in found] == [("PERSON", "Ada Vinter", 3)]


def test_a_sentence_adverb_and_a_pronoun_are_no_name():
    text = "Frankly I"
    assert _trim(text, spans_of(text), "ORG") is None


def test_training_can_hide_which_word_a_name_token_is():
    from entities import hide_names

    sents = [(["Ada", "Vinter", "met", "Bo"], ["B-PER", "I-PER", "O", "B-ORG"])]
    feats = [
        [["w=Ada", "s=Xx", "bl=<s>|ada", "cf=7"], ["l=vinter", "x2=er"], ["w=met"], ["xt=ORG"]]
    ]
    feats[0][0] += ["c=3", "c+1=3/7", "rb=<s>"]
    assert hide_names(sents, feats, 1.0, 1) == [["\x00", "\x00", "met", "\x00"]]
    # shape, affixes, the neighbours' classes and the run's context stay
    assert feats == [[["s=Xx", "c+1=3/7", "rb=<s>"], ["x2=er"], ["w=met"], []]]
    kept = [[["w=Ada"], ["w=Vinter"], ["w=met"], ["w=Bo"]]]
    assert hide_names(sents, kept, 0.0, 1) == [["ada", "vinter", "met", "bo"]]
    assert kept == [[["w=Ada"], ["w=Vinter"], ["w=met"], ["w=Bo"]]]


def test_word_classes_group_words_used_alike_and_names_apart():
    from word_clusters import text_sentences, word_classes

    lines = []
    for firm in ("Zelvo", "Qarbo", "Miltex"):
        lines += [f"shares of {firm} rose.", f"the {firm} app crashed.", f"{firm} shares fell."]
    for person in ("Ada", "Nora", "Ivo"):
        lines += [f"then {person} said no.", f"we met {person} today.", f"ask {person} again."]
    for noun in ("cat", "dog", "fox"):
        lines += [f"the {noun} ran.", f"a {noun} slept.", f"my {noun} ran."]
    sentences = text_sentences(["\n".join(lines)])
    assert sentences[0] == ["shares", "of", "Zelvo", "rose", "."]
    classes = word_classes(sentences, k=2, coarse=1, min_count=3, contexts=40, dims=8)
    assert classes == word_classes(sentences, k=2, coarse=1, min_count=3, contexts=40, dims=8)
    assert classes["Zelvo"] == classes["Qarbo"] == classes["Miltex"] != classes["Ada"]
    assert classes["Ada"] == classes["Nora"] == classes["Ivo"]
    assert classes["cat"].startswith("l") and classes["Ada"].startswith("C")
