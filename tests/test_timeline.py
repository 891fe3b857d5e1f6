"""Timeline: the clause each date governs, in chronological order, with short summaries."""

from __future__ import annotations

from pathlib import Path

from conftest import line_blocks

from reader.analysis.pipeline import analyse
from reader.document.model import Document

SEED = Path(__file__).resolve().parents[1] / "articles" / "nato-kyiv-bucharest.txt"


def document(text: str, date: str | None = None) -> Document:
    return Document(text=text, source="test", blocks=line_blocks(text), date=date)


def test_seed_timeline_order_and_inferred_date():
    result = analyse(document(SEED.read_text(encoding="utf-8")))
    assert result.date == "2022" and result.date_source == "inferred"
    dates = [e.date for e in result.timeline]
    firsts = [
        next(i for i, d in enumerate(dates) if d.startswith(p))
        for p in ("2008-04", "2014", "2022-02")
    ]
    assert firsts == sorted(firsts)
    assert dates[:3] == ["2008-04", "2008", "2014"]  # Georgia came "months after" the April summit
    summaries = {e.date: e.summary for e in result.timeline}
    assert summaries["2014"] == "Russia captured Crimea"
    assert summaries["2022-02"] == "Russia ruthlessly attacked the rest of Ukraine"
    assert summaries["2008"] == "Russia invaded parts of Georgia"
    now = [e for e in result.timeline if e.time == ""]
    assert len(now) == 1 and now[0].date == "2022" and result.timeline[-1] is now[0]


def test_events_sorted_coarse_before_fine():
    text = (
        "The mill closed in March 2019. It had opened in 2019 after a long delay. "
        "It was sold in 2015."
    )
    timeline = analyse(document(text, "2023-05-01")).timeline
    assert [e.date for e in timeline] == ["2015", "2019", "2019-03", "2023-05-01"]
    assert timeline[0].summary == "It was sold"


def test_opening_date_dates_the_next_clause():
    text = "In 2012, the company moved its headquarters to Leeds."
    event = analyse(document(text, "2023-05-01")).timeline[0]
    assert event.summary == "The company moved its headquarters to Leeds"
    assert (
        text[event.event.start : event.event.end] == "the company moved its headquarters to Leeds"
    )


def test_undated_relative_events_are_flagged_last():
    text = "The mayor resigned last Tuesday. The library opened in 1990."
    timeline = analyse(document(text)).timeline
    assert [e.date for e in timeline] == ["1990", "XXXX-WXX-2"]
    assert timeline[-1].undated and not timeline[0].undated


def test_event_spans_are_valid_and_summaries_short():
    text = SEED.read_text(encoding="utf-8")
    for event in analyse(document(text)).timeline:
        assert 0 <= event.event.start < event.event.end <= len(text)
        assert 0 < len(event.summary.split()) <= 15


def test_half_years_cover_their_six_months():
    from datetime import date

    from reader.analysis.timeline import _interval

    assert _interval("2023-H1") == (date(2023, 1, 1), date(2023, 6, 30))
    assert _interval("2023-H2") == (date(2023, 7, 1), date(2023, 12, 31))


def test_counting_forward_sorts_after_the_date_it_counts_from():
    result = analyse(
        document(
            "The treaty was signed in March 1990. Months after this signing, the border opened.\n"
            "In 1985 the talks began. In June 1985 the first round ended.",
            "2000-01-01",
        )
    )
    dates = [e.date for e in result.timeline if e.time]
    assert dates == [
        "1985",
        "1985-06",
        "1990-03",
        "1990",
    ]  # coarser first, unless it counts forward


def summaries(text: str, date: str = "2023-05-01") -> dict[str, str]:
    return {e.date: e.summary for e in analyse(document(text, date)).timeline}


def test_summaries_name_who_a_pronoun_stands_for():
    text = (
        "The museum is run by Helena Costa. She became its director in 2017.\n"
        "“We are open late,” said Tom Hale, who has led the campaign since 2015."
    )
    found = summaries(text)
    assert found["2017"] == "Helena Costa became its director"
    assert found["2015"] == "Tom Hale has led the campaign"


def test_summaries_leave_out_quotation_marks_and_joined_dates():
    found = summaries(
        "“Today we send a clear message,” the minister said. "
        "The glacier retreated by 60 metres between June and September 2022."
    )
    assert found["2023-05-01"] == "We send a clear message"
    assert found["2022-06"] == found["2022-09"] == "The glacier retreated by 60 metres"


def test_a_subject_cut_off_by_an_aside_is_lent_to_its_verb():
    assert (
        summaries("The last strike at the port, in 2019, lasted only two days.")["2019"]
        == "The last strike at the port lasted only two days"
    )


def test_only_an_opening_date_pushes_a_clause_end_date_onward():
    text = (
        "The museum will stay open every Friday from next month, its director announced on "
        "Thursday, to draw visitors."
    )
    found = summaries(text, "2023-10-06")
    assert found["2023-10-05"] == "Its director announced"


def test_summaries_keep_apostrophes_and_drop_a_dated_possessive():
    found = summaries(
        "Sunday’s broadcast of the debate drew millions (Nielsen). "
        "On Monday she said she can’t wait."
    )
    assert found["2023-04-30"] == "Broadcast of the debate drew millions (Nielsen)"
    assert found["2023-05-01"] == "She said she can’t wait"


def test_an_opening_straight_quote_keeps_the_space_before_its_word():
    text = "Sales of the lipstick surged after 'Blue Harbour' aired on Monday. O'Neill left Friday."
    found = summaries(text, "2023-05-03")
    assert found["2023-05-01"] == "Sales of the lipstick surged after Blue Harbour aired"
    assert found["2023-04-28"] == "O'Neill left"
