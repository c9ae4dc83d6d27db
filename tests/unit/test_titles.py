"""Titles are words the sentence says, in order: never a sentence made by cutting words out."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_tui.extract.dates import DateContext, find_dates
from karabakh_tui.extract.titles import MAX_WORDS, make_title

WRITTEN = DateContext(written="2021-05", narrative=(2020, 9, 0))

# Sentences from the seeds whose old, stitched titles said something the text does not.
SEED_SENTENCES = [
    # 001 line 27
    "All these gestures and slogans served a purpose in unifying Azerbaijanis behind last "
    "year’s war, but they were also not lost on the Karabakh Armenians, who fear what the "
    "implications are for their long‑term well‑being should they be reintegrated into "
    "Azerbaijan.",
    # 004 line 3033
    "Azeri shelling, which had been one of the first signs of renewed violence on September "
    "27, killed a woman and child in Artsakh’s Martuni region and infrastructure in many "
    "towns was damaged.",
    # 004 line 2669
    "Along with displaying new technology, weapons that would feature prominently in the 2020 "
    "war, the Four-Day also cast new light on Russia’s position.",
    # 004 line 1527 region
    "On April 10, Azerbaijani forces attacked the village of Maraghar.",
]


def is_faithful(title: str, sentence: str) -> bool:
    """The title, less a final ellipsis, is one contiguous run of the sentence's words."""
    body = title.removesuffix("…")
    words = " ".join(sentence.split())
    return bool(body) and (body in words or body[:1].lower() + body[1:] in words)


@pytest.mark.parametrize("sentence", SEED_SENTENCES)
def test_seed_titles_are_contiguous_runs_of_the_sentence(sentence: str) -> None:
    for date in find_dates(sentence, WRITTEN):
        title = make_title(sentence, date)
        assert is_faithful(title, sentence), title
        assert len(title.removesuffix("…").split()) <= MAX_WORDS


def test_date_in_the_middle_is_not_cut_out() -> None:
    sentence = SEED_SENTENCES[1]
    title = make_title(sentence, find_dates(sentence, WRITTEN)[0])
    assert "violence killed" not in title
    assert title.startswith("Azeri shelling")


def test_leading_date_phrase_is_dropped() -> None:
    sentence = SEED_SENTENCES[3]
    assert make_title(sentence, find_dates(sentence, WRITTEN)[0]) == (
        "Azerbaijani forces attacked the village of Maraghar")


def test_trailing_date_phrase_is_dropped() -> None:
    # 004 line 2879: "... the Armenian government declared martial law on September 27."
    sentence = "Within hours, the Armenian government declared martial law on September 27."
    title = make_title(sentence, find_dates(sentence, WRITTEN)[-1])
    assert title == "Within hours, the Armenian government declared martial law"


_WORD = st.sampled_from("the war began Azerbaijan Armenia forces , ; — which while took "
                        "Shusha on in and signed ceasefire".split())
_DATE = st.sampled_from(["on September 27", "in 1994", "on 10 November 2020", "in May 1992",
                         "the following day", "in the 1990s"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, max_size=20), _DATE, st.lists(_WORD, max_size=20))
def test_any_title_is_a_contiguous_run_of_its_sentence(before, date_words, after) -> None:
    sentence = re.sub(r"\s+([,;])", r"\1", " ".join([*before, date_words, *after]) + ".")
    for date in find_dates(sentence, WRITTEN):
        assert is_faithful(make_title(sentence, date), sentence)


def test_a_second_clause_with_its_own_date_gives_its_own_title() -> None:
    # 001 line 14: two happenings at two dates; each title tells its own
    text = ("In 2008, Russia de‑recognized Georgia’s territorial integrity in order to justify "
            "its intervention in South Ossetia, and in 2014 Moscow de‑recognized Ukraine’s "
            "territorial integrity in order to justify its annexation of Crimea and its "
            "intervention in Donbass.")
    first, second = find_dates(text)
    assert "Georgia" in make_title(text, first) and "Ukraine" not in make_title(text, first)
    assert make_title(text, second).startswith("In 2014 Moscow de‑recognized Ukraine’s")


@pytest.mark.parametrize(("sentence", "opening"), [
    # 004 line 797: the clause of the date ends at a dashed aside, before the verb
    ("On July 4, 1921 the Kavburo—the Soviet authority in the Caucasus—awarded Artsakh to "
     "Armenia, over the objections of Azeris.",
     "The Kavburo—the Soviet authority in the Caucasus—awarded Artsakh"),
    # 004 line 2093
    ("On February 3, 1998, Ter-Petrosyan—facing the possibility of a “palace coup”—was forced "
     "to resign, announcing to the Armenian people that he would step down.",
     "Ter-Petrosyan—facing the possibility of a “palace coup”—was forced to resign"),
    # 004 line 2711: the date's clause is the date alone
    ("In December of 2018, when new parliamentary elections were held, Pashinyan’s “‘My Step’ "
     "alliance won the election.",
     "New parliamentary elections were held, Pashinyan’s “‘My Step’ alliance won"),
])
def test_a_clause_that_is_only_its_date_runs_on_to_what_happened(sentence, opening) -> None:
    title = make_title(sentence, find_dates(sentence, WRITTEN)[0])
    assert title.startswith(opening), title
    assert is_faithful(title, sentence)


def test_a_relative_clause_that_holds_the_date_keeps_what_it_is_about() -> None:
    # 001 line 27: 2012 dates the pardon; "Who was convicted ..." alone would date the crime
    sentence = ("Such examples include pardoning Ramil Safarov, who was convicted of axing to "
                "death an Armenian soldier with whom he was training as part of a NATO exercise "
                "and welcoming him back as a national hero in 2012; referring to or likening "
                "Armenians to fascists.")
    title = make_title(sentence, find_dates(sentence, WRITTEN)[0])
    assert title.startswith("Such examples include pardoning Ramil Safarov, who was convicted")


def test_after_all_is_a_connective_not_the_title_s_first_word() -> None:
    # 001 line 37
    sentence = ("After all, Armenia rejected previous offers of autonomy for Nagorno-Karabakh in "
                "the failed negotiations of the 2000s.")
    title = make_title(sentence, find_dates(sentence, WRITTEN)[0])
    assert title.startswith("Armenia rejected previous offers of autonomy"), title


def test_after_the_x_is_a_time_phrase_that_keeps_its_after() -> None:
    # 004 line 1031
    sentence = ("After a month of dormancy, the Karabakh Movement returned to center stage in May "
                "1988, when Karen Demirchyan struck a deal with Igor Muradyan.")
    title = make_title(sentence, find_dates(sentence, WRITTEN)[0])
    assert title.startswith("After a month of dormancy, the Karabakh Movement returned"), title


def test_a_clock_time_is_no_clause_break() -> None:
    # 004 line 2757 (July 12, 2020): the title was "A little after 4"
    text = ("A little after 4:00 in the afternoon, Azerbaijan’s Ministry of Defense released a "
            "short statement accusing Armenian forces of violating the ceasefire.")
    date = find_dates("On July 12, 2020")[0]
    assert make_title(text, date).startswith("A little after 4:00 in the afternoon, Azerbaijan")
    # the same time told after the date: the date's clause runs on through "2:00 AM"
    # (004 line 178, whose title began "00 AM on November 10")
    night = ("A little over a week later, at around 2:00 AM on November 10, 2020, Pashinyan "
             "took to Facebook to announce that he had signed the statement.")
    assert make_title(night, find_dates(night)[0]).startswith("A little over a week later")


@pytest.mark.parametrize(("sentence", "date_words", "title"), [
    # 004 line 293: what happened at the date is the capture that ended the Albanians' rule
    ("The Albanians would continue to control Artsakh until the early seventh century, when "
     "it was captured by the Persian Mihranid dynasty.", "early seventh century",
     "It was captured by the Persian Mihranid dynasty"),
    # 004 line 1497: the June election, not the March resignation told before it
    ("On March 6, Mutabilov submitted to the protestors’ demands and resigned, leaving Yaqub "
     "Mamedov the speaker of parliament and rector of Baku’s Medical University acting "
     "president until new elections could be held in June.", "June",
     "New elections could be held"),
])
def test_until_opens_the_clause_of_what_ended_the_state(sentence: str, date_words: str,
                                                          title: str) -> None:
    date = next(d for d in find_dates(sentence, WRITTEN) if d.text.endswith(date_words))
    assert make_title(sentence, date) == title


def test_not_until_after_stays_with_what_happened() -> None:
    # 004 line 1237: the recognition is what happened in December 1991
    text = ("However, Armenia’s independence would not be recognized until after the final "
            "collapse of the Soviet Union in December 1991.")
    assert make_title(text, find_dates(text)[0]).startswith(
        "Armenia’s independence would not be recognized until after")


def test_after_and_a_gerund_keeps_its_after() -> None:
    # 004 line 1145: without "After", the title says the committee was "Being released"
    text = ("After being released from prison in May 1989, the Karabakh Committee returned "
            "to Armenia as heroes and “resumed their opposition activities with vastly "
            "increased authority” among the Armenian people.")
    assert make_title(text, find_dates(text)[0]).startswith("After being released from prison")


@pytest.mark.parametrize(("sentence", "title"), [
    # 004 line 375: "First began settling in Albania ..." had lost who settled
    ("Based on the writings of the tenth century historian Tabari's, it appears that the "
     "Khazars—a partly Turkic confederation—first began settling in Albania along the western "
     "bank of the Kura river in the mid-sixth century.",
     "The Khazars—a partly Turkic confederation—first began settling in Albania along the "
     "western bank of…"),
    # 004 line 1975: was "Re-emerged in a December 1996 OSCE summit held in Lisbon"
    ("That central bone of contention—the status of Artsakh—re-emerged in a December 1996 "
     "OSCE summit held in Lisbon.",
     "That central bone of contention—the status of Artsakh—re-emerged in a December 1996 "
     "OSCE summit…"),
])
def test_a_verb_after_a_dashed_aside_keeps_its_subject(sentence: str, title: str) -> None:
    made = make_title(sentence, find_dates(sentence, WRITTEN)[-1])
    assert made == title
    assert is_faithful(made, sentence)


def test_what_follows_an_aside_without_a_verb_is_not_given_a_subject() -> None:
    # 004 line 2729: "over allegations" is no verb; "Yuri Khachaturov, the then-Secretary-
    # General of the CSTO" is not what the title should open with
    text = ("Pashinyan’s government arrested not only Kocharyan but also Yuri Khachaturov, the "
            "then-Secretary-General of the CSTO—both of whom were personally friendly with "
            "Putin—over allegations of their involvement in the March 2008 death of protestors.")
    assert make_title(text, find_dates(text, WRITTEN)[0]).startswith("Over allegations")


def test_at_the_same_time_that_is_when_not_what() -> None:
    # 004 line 677: what happened on 22 July 1918 is the congress's declaration
    text = ("At the same time that both Armenia and Azerbaijan laid claim to Artsakh, on 22 "
            "July 1918, the First Congress of the Armenians of Karabakh declared their own "
            "independence.")
    assert make_title(text, find_dates(text, WRITTEN)[0]) == (
        "The First Congress of the Armenians of Karabakh declared their own independence")
