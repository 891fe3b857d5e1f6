"""The cheap language test and what the analysis says about a page that is not English."""

from __future__ import annotations

import json

from reader.analysis.language import detect, shares
from reader.analysis.pipeline import analyse
from reader.document.load import from_bytes

GERMAN = (
    "Die Stadtverwaltung hat am Mittwoch beschlossen, dass die neuen Regeln für den Markt ab dem "
    "kommenden Jahr gelten sollen. Der Bürgermeister sagte, man werde die Händler nicht allein "
    "lassen und auch weiterhin mit den Vereinen über die Kosten sprechen. Nach Angaben des "
    "Verbandes sind viele Betriebe auf eine schnelle Entscheidung angewiesen, weil die Mieten im "
    "Herbst noch einmal deutlich gestiegen sind und eine Entlastung bislang fehlt."
)
FRENCH = (
    "La mairie a annoncé mercredi que les nouvelles règles pour le marché entreront en vigueur "
    "l'année prochaine. Le maire a déclaré qu'il ne laisserait pas les commerçants seuls et qu'il "
    "continuerait à discuter des coûts avec les associations. Selon la fédération, de nombreuses "
    "entreprises attendent une décision rapide, car les loyers ont encore augmenté cet automne."
)
ENGLISH = (
    "The town council decided on Wednesday that the new market rules will apply from next year. "
    "The mayor said that the traders would not be left alone and that talks with the clubs about "
    "the costs would go on. According to the association, many firms are waiting for a quick "
    "decision, because rents rose again in the autumn and there has been no relief so far."
)


def test_languages_are_told_apart():
    assert detect(GERMAN).code == "de" and detect(FRENCH).code == "fr"
    assert detect(ENGLISH).english and shares(ENGLISH)["en"] > 0.3
    assert detect("Berlin Paris Rom").english  # too few words to tell: English, the default
    assert detect("").english


def test_a_page_in_another_language_opens_lists_no_names_and_says_why():
    analysis = analyse(from_bytes(GERMAN.encode(), "x", None))
    out = json.loads(json.dumps(analysis.to_json()))
    assert out["language"] == "de" and out["entities"] == [] and out["text"].startswith("Die")
    assert out["notices"] and "German" in out["notices"][0] and out["errors"] == []
    english = analyse(from_bytes(ENGLISH.encode(), "x", None)).to_json()
    assert english["language"] == "en" and english["notices"] == []


def test_text_report_says_the_page_is_not_english():
    from reader.report import summary

    text = summary(analyse(from_bytes(GERMAN.encode(), "x", None)))
    assert "note: The article seems to be in German" in text and "Entities (0)" in text
