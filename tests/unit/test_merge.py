"""Merging mentions into events: small crafted mentions, then the real seeds.

Every seed expectation was checked by reading the documents (grep the quoted words in
seeds/); events are looked up by the words of their quotes, never by id, so the tests
hold while extraction changes.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_tui.cli import cli
from karabakh_tui.merge import Happening, cluster, disagreements, merge, quantities
from karabakh_tui.model import DateSpan, Event, Filter, Mention, Sentence, Source
from karabakh_tui.query import find_events

SOURCES = {d: Source(id=d, file=f"{d}.txt", title=d.upper(), short=f"{d.title()} 2021")
           for d in ("alpha", "beta", "gamma")}
_MONTHS = ("January February March April May June July August September October "
           "November December").split()


def day(y: int, m: int, d: int, text: str = "", **kw: object) -> DateSpan:
    label = f"{d} {_MONTHS[m - 1]} {y}"
    key = y * 10000 + m * 100 + d
    return DateSpan(text=text or label, edtf=f"{y:04d}-{m:02d}-{d:02d}", lower=key,
                    upper=key, precision="day", label=label, **kw)  # type: ignore[arg-type]


def year(y: int, **kw: object) -> DateSpan:
    return DateSpan(text=str(y), edtf=str(y), lower=y * 10000 + 101, upper=y * 10000 + 1231,
                    precision="year", label=str(y), **kw)  # type: ignore[arg-type]


def mention(doc: str, index: int, text: str, date: DateSpan, *, places: Sequence[str] = (),
            actors: Sequence[str] = (), inferred: bool = False,
            variants: Sequence[tuple[str, str, str]] = ()) -> Mention:
    start = text.find(date.text)
    date = DateSpan(**{**date.__dict__, "start": max(start, 0),
                       "end": max(start, 0) + len(date.text) if start >= 0 else 0})
    sentence = Sentence(document=doc, index=index, start=index * 1000,
                        end=index * 1000 + len(text), text=text, line=index + 1,
                        paragraph=index)
    return Mention(sentence=sentence, date=date, title=text[:60], actors=tuple(actors),
                   places=tuple(places), place_variants=tuple(variants), inferred=inferred)


def events_of(ms: Sequence[Mention], happenings: Sequence[Happening] = ()) -> list[Event]:
    return merge(ms, SOURCES, {}, happenings=happenings)


ACCORD = Happening(id="accord", name="Accord", lower=20201110, upper=20201110, point=True,
                   tolerance_days=1, coarse=("month", "year"),
                   cues=(re.compile(r"\baccord\b", re.I),))


# ---- crafted mentions ------------------------------------------------------------------


def test_same_day_same_town_same_words_in_two_documents_is_one_event() -> None:
    a = mention("alpha", 0, "On 4 October 2020 rockets struck the market of Ganja at dawn.",
                day(2020, 10, 4, "4 October 2020"), places=("Ganja", "Azerbaijan"))
    b = mention("beta", 5, "Rockets struck the Ganja market on 4 October 2020, at dawn.",
                day(2020, 10, 4, "4 October 2020"), places=("Ganja",))
    [event] = events_of([a, b])
    assert event.n_sources == 2
    assert [c.document for c in event.citations] == ["alpha", "beta"]


def test_sharing_only_a_country_is_not_enough_to_merge() -> None:
    a = mention("alpha", 0, "On 4 October 2020 rockets struck the market at dawn.",
                day(2020, 10, 4, "4 October 2020"), places=("Azerbaijan",))
    b = mention("beta", 0, "On 4 October 2020 rockets struck the market at dawn.",
                day(2020, 10, 4, "4 October 2020"), places=("Azerbaijan",))
    assert len(events_of([a, b])) == 2


def test_a_coarse_date_needs_more_shared_words_and_is_linked_as_related_when_short() -> None:
    a = mention("alpha", 0, "In 2019 the cathedral of Shusha was repaired by volunteers.",
                year(2019), places=("Shusha",))
    b = mention("beta", 0, "On 3 May 2019 the cathedral of Shusha hosted a concert.",
                day(2019, 5, 3, "3 May 2019"), places=("Shusha",))
    first, second = events_of([a, b])
    assert first.n_sources == second.n_sources == 1
    assert first.related == (second.id,) and second.related == (first.id,)


def test_different_years_are_neither_merged_nor_related() -> None:
    a = mention("alpha", 0, "In 2019 the cathedral of Shusha was repaired.", year(2019),
                places=("Shusha",))
    b = mention("beta", 0, "In 2018 the cathedral of Shusha was repaired.", year(2018),
                places=("Shusha",))
    events = events_of([a, b])
    assert len(events) == 2 and all(not e.related for e in events)


def test_a_happening_told_a_day_apart_is_one_disputed_event_showing_both_days() -> None:
    a = mention("alpha", 0, "The accord was signed on 9 November 2020.", day(2020, 11, 9))
    b = mention("beta", 0, "The accord of 10 November 2020 ended the war.", day(2020, 11, 10))
    c = mention("gamma", 0, "The leaders signed the accord on 10 November 2020.",
                day(2020, 11, 10))
    [event] = events_of([a, b, c], [ACCORD])
    assert event.disputed
    assert event.label == "10 November 2020"  # the day two of the three documents give
    says = dict(event.disagreement_rows())["date"]
    assert says == [("Alpha 2021", "9 November 2020"), ("Beta 2021", "10 November 2020"),
                    ("Gamma 2021", "10 November 2020")]


def test_one_document_giving_two_days_is_not_a_disagreement() -> None:
    a = mention("alpha", 0, "The accord was drafted on 9 November 2020.", day(2020, 11, 9))
    b = mention("alpha", 1, "The accord was signed on 10 November 2020.", day(2020, 11, 10))
    [event] = events_of([a, b], [ACCORD])
    assert not event.disputed


def test_days_of_a_happening_lasting_several_days_are_not_a_disagreement() -> None:
    pogrom = Happening(id="p", name="Pogrom", lower=19880227, upper=19880229, point=False,
                       tolerance_days=0, coarse=("month",), cues=(re.compile("pogrom"),))
    month = DateSpan("February 1988", "1988-02", 19880201, 19880229, "month", "February 1988")
    ms = [mention("alpha", 0, "In February 1988 the pogrom began.", month),
          mention("alpha", 1, "The pogrom began on 27 February 1988.", day(1988, 2, 27)),
          mention("beta", 0, "The pogrom ended on 29 February 1988.", day(1988, 2, 29))]
    [event] = events_of(ms, [pogrom])
    assert not event.disputed


def test_a_relative_inherited_day_does_not_outvote_a_stated_one() -> None:
    stated = mention("alpha", 0, "The accord was signed on 10 November 2020.",
                     day(2020, 11, 10))
    relative = mention("beta", 0, "The accord was signed the following day.",
                       day(2020, 11, 9, "the following day"), inferred=True)
    relative2 = mention("gamma", 0, "The accord came into force the following day.",
                        day(2020, 11, 9, "the following day"), inferred=True)
    [event] = events_of([stated, relative, relative2], [ACCORD])
    assert event.label == "10 November 2020" and not event.disputed


def test_a_date_relative_to_the_happening_is_not_gathered_into_it() -> None:
    told = mention("alpha", 0, "The accord was signed on 10 November 2020.",
                   day(2020, 11, 10))
    after = mention("beta", 0, "Refugees returned after the accord.",
                    DateSpan("after the accord", "[2020-11-10..]", 20201110, 20201110,
                             "range", "after the accord", qualifier="after"))
    assert len(cluster([told, after], [ACCORD])) == 2


def test_a_non_breaking_hyphen_still_names_the_happening() -> None:
    four_day = Happening(id="4d", name="Four-Day War", lower=20160401, upper=20160405,
                         point=False, tolerance_days=0, coarse=("month", "year"),
                         cues=(re.compile(r"\bfour[- ]day war\b", re.I),))
    a = mention("alpha", 0, "Dialogue never recovered from the Four\u2011Day War of 2016.",
                year(2016))
    b = mention("beta", 0, "In 2016 the Four-Day War broke out.", year(2016))
    [event] = events_of([a, b], [four_day])
    assert event.n_sources == 2


def test_numbers_of_dead_that_differ_between_documents_are_flagged() -> None:
    a = mention("alpha", 0, "On 28 February 1988 at least 29 Armenians and 6 Azeris were "
                "killed in Sumgait.", day(1988, 2, 28), places=("Sumgait",))
    b = mention("beta", 0, "On 28 February 1988, 32 people were killed in Sumgait.",
                day(1988, 2, 28), places=("Sumgait",))
    rows = dict(disagreements_rows([a, b]))
    assert rows["killed"] == [("Alpha 2021", "29, 6"), ("Beta 2021", "32")]


def disagreements_rows(ms: Sequence[Mention]) -> list[tuple[str, list[tuple[str, str]]]]:
    diffs = disagreements(ms, SOURCES)
    return Event("", "", "", "", 0, 0, "day", "", "", disagreements=tuple(diffs)) \
        .disagreement_rows()


def test_quantities_are_counts_of_people_not_years_or_percentages() -> None:
    assert quantities("By February 29, at least 29 Armenians and 6 Azeris had been killed "
                      "and between 14,000 and 19,000 people had become refugees.") == {
        "killed": ("29", "6"), "displaced": ("14,000", "19,000")}
    assert quantities("In 1994 the fighting killed many; 17.5% of the land was lost.") == {}


def test_place_names_of_different_communities_are_flagged_with_who_says_what() -> None:
    a = mention("alpha", 0, "On 8 November 2020 Shushi fell to Azerbaijani forces.",
                day(2020, 11, 8), places=("Shusha",),
                variants=(("Shusha", "Shushi", "armenian"),))
    b = mention("beta", 0, "On 8 November 2020 Şuşa was liberated by Azerbaijani forces.",
                day(2020, 11, 8), places=("Shusha",),
                variants=(("Shusha", "Şuşa", "azerbaijani"),))
    rows = dict(disagreements_rows([a, b]))
    assert rows["name of Shusha"] == [("Alpha 2021", "Shushi"), ("Beta 2021", "Şuşa")]


def test_citations_are_grouped_by_document_the_clearest_first() -> None:
    ms = [mention("beta", 3, "The accord was praised.", day(2020, 11, 10, "10 November"),
                  inferred=True),
          mention("alpha", 1, "The accord was doubted.", day(2020, 11, 10, "10 November"),
                  inferred=True),
          mention("beta", 1, "On 10 November 2020 the accord was signed.", day(2020, 11, 10)),
          mention("alpha", 7, "The accord was signed in 2020.", year(2020))]
    [event] = events_of(ms, [ACCORD])
    assert [(c.document, c.sentence_index) for c in event.citations] == [
        ("beta", 1), ("beta", 3), ("alpha", 1), ("alpha", 7)]
    assert event.title.startswith("On 10 November 2020 the accord")


def test_a_sentence_giving_two_dates_of_one_event_is_cited_once() -> None:
    text = "The accord was signed in November 2020, on 10 November 2020."
    month = DateSpan("November 2020", "2020-11", 20201101, 20201130, "month", "November 2020")
    [event] = events_of([mention("alpha", 0, text, month),
                         mention("alpha", 0, text, day(2020, 11, 10))], [ACCORD])
    assert len(event.citations) == 1
    assert event.citations[0].date_text == "10 November 2020"


# ---- the seeds -------------------------------------------------------------------------


def _events_quoting(conn: sqlite3.Connection, words: str) -> list[Event]:
    found = find_events(conn, Filter(text=words))
    return [e for e in found if any(words in " ".join(c.quote.split()) for c in e.citations)]


def _event_quoting(conn: sqlite3.Connection, words: str) -> Event:
    [event] = _events_quoting(conn, words)
    return event


def test_seed_trilateral_statement_is_one_event_citing_at_least_four_documents(
        seed_conn: sqlite3.Connection) -> None:
    # 000 line 446, 001 line 6, 002 "the November 2020 trilateral declaration that brought
    # the war to a close", 004 line 190: four documents telling the 10 November statement
    quotes = ("trilateral agreement that ended the military confrontations",
              "November 10th, 2020 statement by the leaders of Azerbaijan, Armenia, and Russia",
              "November 2020 trilateral declaration that brought the war to a close",
              "2:00 AM on November 10, Pashinyan took to Facebook")
    events = {_event_quoting(seed_conn, q).id for q in quotes}
    assert len(events) == 1
    event = _event_quoting(seed_conn, quotes[0])
    assert event.n_sources >= 4
    assert event.date.startswith("2020-11")


def test_seed_trilateral_statement_is_disputed_and_show_prints_both_days(
        seed_conn: sqlite3.Connection, seed_env: object) -> None:
    # 000: "on the 9 November 2020"; 001: "the November 10th, 2020 statement"
    event = _event_quoting(seed_conn, "trilateral agreement that ended the military")
    assert event.disputed
    said = {source: value for source, value in dict(event.disagreement_rows())["date"]}
    assert said["Caucasus Institute essay 2021"] == "9 November 2020"
    assert said["Full Resolution essay 2021"] == "10 November 2020"
    out = CliRunner().invoke(cli, ["show", event.id], catch_exceptions=False).stdout
    assert re.search(r"Caucasus Institute essay 2021 +says 9 November 2020", out)
    assert re.search(r"Full Resolution essay 2021 +says 10 November 2020", out)


def test_seed_citation_carries_the_thesis_footnote_behind_it(
        seed_conn: sqlite3.Connection) -> None:
    # 004 footnote of the 2:00 AM sentence: "Pashinyan, Nikol. Facebook. … November 9, 2020."
    event = _event_quoting(seed_conn, "2:00 AM on November 10, Pashinyan took to Facebook")
    [cite] = [c for c in event.citations if "2:00 AM" in c.quote]
    assert any(n.startswith("Pashinyan, Nikol. Facebook.") for n in cite.footnotes)


def test_seed_sumgait_pogrom_is_one_event_however_many_thesis_sentences_tell_it(
        seed_conn: sqlite3.Connection) -> None:
    # 004 line 90 "In February 1988, the Armenian community of Sumgait …", line 973
    # "on the evening of February 27, when a rally in … Sumgait", and "By the time order
    # was re-imposed on February 29, … Sumgait"
    quotes = ("In February 1988, the Armenian community of Sumgait",
              "evening of February 27, when a rally in the coastal Azeri city of Sumgait",
              "By the time order was re-imposed on February 29")
    assert len({_event_quoting(seed_conn, q).id for q in quotes}) == 1
    february_1988 = [e for e in _events_quoting(seed_conn, "Sumgait")
                     if 19880201 <= e.lower and e.upper <= 19880229 and e.upper >= 19880227
                     and ".." not in e.date]  # not what came before or since it (lines
    # 1013, 1089: "the temporary halt to demonstrations agreed upon before the Sumgait
    # Pogrom", "Armenians had been fleeing Azerbaijan since the Sumgait Pogrom")
    assert len(february_1988) == 1
    # line 1011, Armenian sources: "The young men arrived at the [Sumgait] bus depot on 26
    # February, setting off the first round of anti-Armenian demonstrations" is the day
    # before, a happening of its own
    told = _events_quoting(seed_conn, "arrived at the [Sumgait] bus depot on 26 February")
    assert "1988-02-26" in {e.date for e in told}
    assert february_1988[0].id not in {e.id for e in told}
    assert len(february_1988[0].citations) >= 3
    # the most precise date the citations support: the 27th to the 29th
    assert february_1988[0].date == "1988-02-27/1988-02-29"
    assert (february_1988[0].lower, february_1988[0].upper) == (19880227, 19880229)


def test_seed_helicopter_downed_while_the_deal_was_negotiated_is_not_the_deal(
        seed_conn: sqlite3.Connection) -> None:
    # 004 line 3477: "However, on November 9, while the final peace deal was likely being
    # negotiated, a Russian military helicopter was shot down by Azeri soldiers"
    helicopter = _event_quoting(seed_conn, "a Russian military helicopter was shot down")
    statement = _event_quoting(seed_conn, "November 10th, 2020 statement")
    assert helicopter.id != statement.id
    assert helicopter.date == "2020-11-09"
    # 001 and 004 give 10 November, 000 gives 9 November: the day most documents give
    assert statement.date == "2020-11-10" and statement.disputed


def test_seed_two_ceasefires_of_2020_stay_two_events(seed_conn: sqlite3.Connection) -> None:
    # 004 line 154: "a temporary humanitarian ceasefire on October 10 … in Moscow"
    october = _event_quoting(seed_conn, "temporary humanitarian ceasefire on October 10")
    november = _event_quoting(seed_conn, "November 10th, 2020 statement")
    assert october.id != november.id
    assert october.date == "2020-10-10"
    assert not any("humanitarian" in c.quote for c in november.citations)


def test_seed_1994_ceasefire_and_1994_victory_stay_apart(seed_conn: sqlite3.Connection) -> None:
    # 004 "In May 1994, with both sides exhausted by the war effort, a ceasefire was
    # brokered"; 003 line 7 "In 1994, Armenian forces celebrated a triumphant victory";
    # 002 line 35 "Armenia was also, in its own way, overwhelmed by victory in 1994"
    ceasefire = _event_quoting(seed_conn, "with both sides exhausted by the war effort")
    victory = _event_quoting(seed_conn, "Armenian forces celebrated a triumphant victory")
    assert ceasefire.id != victory.id
    assert victory.id == _event_quoting(seed_conn, "overwhelmed by victory in 1994").id


def test_seed_four_day_war_written_with_a_non_breaking_hyphen_joins_the_others(
        seed_conn: sqlite3.Connection) -> None:
    # 002: "after the April 2016 Four\u2011Day War" (U+2011); 004 "In April 2016, the
    # tensions along the border boiled over into a serious clash later dubbed the
    # 'Four-Day War.'"
    broers = _event_quoting(seed_conn, "dialogue never recovered after the April 2016")
    thesis = _event_quoting(seed_conn, "tensions along the border boiled over")
    assert broers.id == thesis.id and broers.n_sources >= 2


def test_seed_min_sources_and_disputed_filter_and_sources_counts_documents(
        seed_env: object) -> None:
    import json

    def events(*args: str) -> list[dict[str, Any]]:
        result = CliRunner().invoke(cli, ["events", "--format", "json", *args],
                                    catch_exceptions=False)
        return json.loads(result.stdout) if result.stdout.strip() else []

    def documents(e: dict[str, Any]) -> int:
        return len({c["document"] for c in e["citations"]})

    several = events("--min-sources", "2")
    assert several and all(documents(e) >= 2 for e in several)
    four = events("--min-sources", "4")
    assert any("November 10th, 2020 statement" in c["quote"]
               for e in four for c in e["citations"])
    disputed = events("--disputed")
    assert disputed and all(e["disputed"] and e["disagreements"] for e in disputed)
    table = CliRunner().invoke(cli, ["events", "--min-sources", "4"]).stdout.splitlines()
    for row, e in zip(table[1:], four, strict=True):  # the "src" column counts documents
        assert row.split("\t")[-1] == str(documents(e))


def test_seed_names_option_shows_each_communitys_name_and_quotes_stay_verbatim(
        seed_conn: sqlite3.Connection, seed_env: object) -> None:
    # 004 line 2899: "… the road leading onwards to Shushi and Stepanakert." The gazetteer
    # gives Shushi (Armenian) and Şuşa (Azerbaijani) for Shusha, Khankendi for Stepanakert.
    event = _event_quoting(seed_conn, "Aliyev claimed that Azeri forces had captured the town")
    assert "Shusha" in event.places

    def places_column(names: str) -> str:
        out = CliRunner().invoke(cli, ["events", "--place", "Shusha", "--names", names,
                                       "--from", event.start, "--to", event.end]).stdout
        [row] = [r for r in out.splitlines() if r.startswith(event.id + "\t")]
        return row.split("\t")[4]

    assert "Shushi" in places_column("armenian")
    assert "Şuşa" in places_column("azerbaijani")
    assert "Khankendi" in places_column("azerbaijani")
    assert "Shusha" in places_column("neutral") and "Shusha" in places_column("source")
    assert any("onwards to Shushi and Stepanakert" in c.quote for c in event.citations)


def test_seed_baku_pogrom_joins_its_sentences_but_not_black_january(
        seed_conn: sqlite3.Connection) -> None:
    # 004 line 90 "In January 1990, another wave of anti-Armenian pogroms in Baku killed
    # scores more"; line 1193 "It was not until January 19, 'when, in reality, the massacre
    # of the Armenians had ended and there were no Armenians left in Baku'"; line 1213 the
    # Soviet army's assault of 20 January: "Some one hundred thirty citizens of Baku were
    # killed" - a different happening.
    pogrom = _event_quoting(seed_conn, "another wave of anti-Armenian pogroms in Baku")
    assert pogrom.id == _event_quoting(
        seed_conn, "the massacre of the Armenians had ended and there were no Armenians").id
    assert pogrom.id != _event_quoting(seed_conn, "one hundred thirty citizens of Baku").id


def test_seed_show_says_which_name_each_document_uses(seed_conn: sqlite3.Connection,
                                                      seed_env: object) -> None:
    # 004 line 2899 writes "Shushi" (the Armenian name of Shusha in the gazetteer)
    event = _event_quoting(seed_conn, "Aliyev claimed that Azeri forces had captured the town")
    out = CliRunner().invoke(cli, ["show", event.id], catch_exceptions=False).stdout
    assert "names in Toghramadjian 2021: Shushi (Shusha)" in out


def test_seed_detail_pane_lists_what_each_source_says(seed_conn: sqlite3.Connection) -> None:
    from karabakh_tui.tui.widgets.detail import render_event

    event = _event_quoting(seed_conn, "trilateral agreement that ended the military")
    text = render_event(event).plain
    assert "sources disagree on the date" in text
    assert "    Caucasus Institute essay 2021: 9 November 2020" in text
    assert "    Full Resolution essay 2021: 10 November 2020" in text
    headers = [line for line in text.splitlines() if line.startswith("── ")]
    assert len(headers) == event.n_sources  # one group per document


_WORDS = ("rockets", "struck", "market", "cathedral", "shelled", "talks", "signed", "army")
_PLACES = ("Ganja", "Shusha", "Hadrut", "Azerbaijan")


@st.composite
def _mentions(draw: st.DrawFn) -> list[Mention]:
    out = []
    for index in range(draw(st.integers(1, 12))):
        doc = draw(st.sampled_from(sorted(SOURCES)))
        words = " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5)))
        when = draw(st.sampled_from([day(2020, 10, d) for d in (4, 5)] + [year(2020)]))
        text = f"In {when.text} the {words} happened."
        places = draw(st.lists(st.sampled_from(_PLACES), max_size=2))
        out.append(mention(doc, index, text, when, places=places))
        if draw(st.booleans()):  # the sentence's year gives a second mention
            out.append(mention(doc, index, text, year(2020), places=places))
    return out


@given(_mentions())
@settings(max_examples=60, deadline=None)
def test_every_sentence_is_cited_once_per_event_and_events_are_in_date_order(
        ms: list[Mention]) -> None:
    events = events_of(ms)
    cited = [(c.document, c.sentence_index) for e in events for c in e.citations]
    assert set(cited) == {(m.sentence.document, m.sentence.index) for m in ms}
    for e in events:
        keys = [(c.document, c.sentence_index) for c in e.citations]
        assert len(keys) == len(set(keys))
        assert e.disputed == bool(e.disagreements)
        assert e.id not in e.related
    assert [e.id for e in events] == [f"E{n:04d}" for n in range(1, len(events) + 1)]
    assert [(e.lower, e.upper) for e in events] == sorted((e.lower, e.upper) for e in events)


def test_seed_event_is_titled_by_the_sentence_telling_it_not_by_one_dated_by_its_name(
        seed_conn: sqlite3.Connection) -> None:
    # 004 line 114 "Then, on July 12, skirmishes along the border between Armenia's Tavush
    # Province and Azerbaijan's Tovuz District …" (its year from the narrative) tells the
    # clashes; line 3231 "During the July clashes, the Atlantic Council's Digital Forensic
    # Lab had reported …" tells a report made while they went on
    event = _event_quoting(seed_conn, "on July 12, skirmishes along the border")
    assert event.title.startswith("On July 12, skirmishes along the border")
    assert event.citations[0].line == 114
