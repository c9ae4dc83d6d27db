"""JSON, CSV and TimelineJS exports of the crafted events."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from karabakh_tui.export import csvout, jsonout, timeline
from karabakh_tui.model import Event
from tests.unit.test_export_events import EVENTS, cite, event

BY_ID = {e.id: e for e in EVENTS}


# ---- JSON ----------------------------------------------------------------------------


def test_json_is_the_section_6_contract() -> None:
    text = jsonout.render(EVENTS)
    assert text.endswith("}\n]\n") and text.startswith("[\n  {\n")
    assert json.loads(text) == [e.to_json() for e in EVENTS]
    first = json.loads(text)[0]
    assert list(first) == ["id", "date", "start", "end", "precision", "label", "title",
                           "actors", "places", "periods", "inferred", "context", "disputed",
                           "disagreements", "related", "citations"]
    assert list(first["citations"][0]) == ["document", "source", "quote", "line", "start",
                                           "end", "footnotes", "section", "date_text"]


def test_json_keeps_letters_unescaped_and_controls_escaped() -> None:
    e = event("E1", 1, 1, "day", "x", "Şuşa / Շուշի — “q”",
              cite("d", "S", "f", 1, "a\x1b[31mb\x9b\u202ec\u2028d\udcff"))
    text = jsonout.render([e])
    assert "Şuşa / Շուշի — “q”" in text
    assert "\\u001b[31m" in text and "\\u009b" in text and "\\u202e" in text
    assert "\\u2028" in text and "\\udcff" in text
    assert not [ch for ch in text if ord(ch) < 32 and ch != "\n"]
    text.encode("utf-8")
    assert json.loads(text)[0]["citations"][0]["quote"] == e.citations[0].quote


def test_json_of_nothing() -> None:
    assert jsonout.render([]) == "[]\n"


@given(st.text())
def test_json_round_trips_any_text(text: str) -> None:
    e = event("E1", 1, 1, "day", text, text, cite("d", text, text, 1, text, (text,)))
    out = jsonout.render([e])
    out.encode("utf-8")
    assert json.loads(out) == [e.to_json()]


# ---- CSV -----------------------------------------------------------------------------


def rows(events: list[Event] | tuple[Event, ...]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csvout.render(events))))


def test_csv_has_one_row_per_event_with_the_documented_columns() -> None:
    text = csvout.render(EVENTS)
    assert text.splitlines()[0] == ("id,date,start,end,precision,label,title,actors,places,"
                                    "periods,inferred,context,disputed,n_sources,citations")
    got = rows(EVENTS)
    assert [r["id"] for r in got] == [e.id for e in EVENTS]
    e9 = next(r for r in got if r["id"] == "E0009")
    assert e9["actors"] == "Azerbaijan; Armenia" and e9["places"] == "Line of contact"
    assert (e9["inferred"], e9["context"], e9["disputed"], e9["n_sources"]) == \
        ("false", "false", "true", "2")
    assert e9["citations"] == (
        "Writer 2021 — seeds/901_crafted_b.txt:2853 — The invasion arrived on the morning of "
        "September 27, with Armenian towns shelled at dawn. | Author 2021 — "
        "seeds/900_crafted_a.txt:412 — On 28 September 2020 Azerbaijan began a large-scale "
        "offensive.")


def test_csv_cells_are_safe_text_on_one_line() -> None:
    e5 = next(r for r in rows(EVENTS) if r["id"] == "E0005")
    assert "\x1b" not in e5["citations"] and "Sumgait (red) — 1. not a list" in e5["citations"]
    e = event("E1", 1, 1, "day", "x", "two\nlines\tand\x07bell", cite("d", "S", "f", 1, "q"))
    assert rows([e])[0]["title"] == "two lines andbell"


def test_csv_neutralises_formulas() -> None:
    e = event("E1", -1989899, -1988769, "year", "200 BCE", "=HYPERLINK(\"http://x\")",
              cite("d", "@SUM(A1)", "f", 1, "q"), actors=("+1",), places=("-2+3",))
    e = replace(e, start="-0199", end="-0199")
    row = rows([e])[0]
    assert row["title"] == "'=HYPERLINK(\"http://x\")"
    assert (row["actors"], row["places"], row["start"]) == ("'+1", "'-2+3", "'-0199")
    assert row["citations"].startswith("'@SUM(A1) — ")


# ---- TimelineJS ----------------------------------------------------------------------


def slides() -> dict[str, dict]:
    doc = json.loads(timeline.render(EVENTS))
    return {s["unique_id"]: s for s in doc["events"]}


def test_timeline_title_and_one_slide_per_event() -> None:
    doc = json.loads(timeline.render(EVENTS))
    assert doc["title"]["text"]["headline"] == "Chronology of the Nagorno-Karabakh conflict"
    assert "12 events from 3 sources" in doc["title"]["text"]["text"]
    assert [s["unique_id"] for s in doc["events"]] == [e.id for e in EVENTS]


def test_timeline_dates_follow_precision_with_astronomical_bce_years() -> None:
    s = slides()
    assert s["E0009"]["start_date"] == {"year": 2020, "month": 9, "day": 27}
    assert "end_date" not in s["E0009"]
    assert s["E0011"]["start_date"] == {"year": 2020, "month": 10} and "end_date" not in s["E0011"]
    assert s["E0008"]["start_date"] == {"year": 2020} and "end_date" not in s["E0008"]
    assert s["E0012"]["start_date"] == {"year": 2020, "month": 9, "day": 1}
    assert s["E0012"]["end_date"] == {"year": 2020, "month": 12, "day": 31}
    assert s["E0002"]["start_date"] == {"year": -199} and s["E0002"]["display_date"] == "200 BCE"
    assert s["E0001"]["start_date"] == {"year": -199} and s["E0001"]["end_date"] == {"year": -100}
    assert s["E0001"]["display_date"] == "2nd century BCE"


def test_timeline_text_is_escaped_html_with_citations() -> None:
    s = slides()
    assert s["E0005"]["text"]["headline"] == \
        "Pogrom in Sumgait [Syunik] *stars* &lt;b&gt;bold&lt;/b&gt; # not a heading"
    text = s["E0005"]["text"]["text"]
    assert "\x1b" not in text and "&amp; &amp;amp;" in text
    assert "<code>seeds/900_crafted_a.txt:77</code>" in text
    assert s["E0009"]["text"]["text"].count("<blockquote>") == 2
    assert "<em>disputed: the sources disagree</em>" in s["E0009"]["text"]["text"]
    assert "<em>date inferred from narrative</em>" in s["E0010"]["text"]["text"]


def test_timeline_group_is_the_first_period() -> None:
    s = slides()
    assert s["E0009"]["group"] == "Second Karabakh War"
    assert "group" not in s["E0008"]
