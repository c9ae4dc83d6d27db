"""Sentences -> mentions: what is a dated happening, on sentences from the seeds."""

from __future__ import annotations

from karabakh_tui.extract.dates import find_dates
from karabakh_tui.extract.mentions import (
    bounds_a_superlative,
    cites_a_source,
    contrasts_states,
    dates_a_comparison,
    dates_a_writer,
    denied_at,
    document_mentions,
    ends_a_quote,
    ends_a_state,
    is_commentary,
    is_statistic,
    lasts_since,
    names_a_slogan,
    tells_happening,
)
from karabakh_tui.model import Sentence, Source

THESIS = Source(id="t", file="t.txt", title="T", written="2021-05")


def sentences(*texts: str, section: str = "Body", paragraph: int = 0) -> list[Sentence]:
    return [Sentence(document="t", index=i, start=0, end=len(t), text=t, line=i + 1,
                     section=section, paragraph=paragraph) for i, t in enumerate(texts)]


def labels(*texts: str, **kw: object) -> list[str]:
    return [m.date.label for m in document_mentions(THESIS, sentences(*texts, **kw))]


def test_acknowledgements_are_not_history() -> None:
    # 004 lines 20 and 26: "over the past year" resolved against the writing date gave 2020
    text = ("This thesis owes its existence to many people who provided invaluable guidance "
            "and assistance to me over the past year as I worked to complete my thesis.")
    assert labels(text, section="Acknowledgements") == []
    assert labels(text) == ["2020"]  # the same words in the body are read as usual


def test_the_note_a_title_star_points_to_is_about_the_document() -> None:
    # 000 lines 662-663: the paper's asterisk note, after its references
    star = ("*The paper was prepared and selected as one of the best pieces in the framework "
            "of the 6-week online course Getting to Know Nagorno-Karabakh.")
    course = ("The course was organized by Caucasus Institute on 1 April-6 May 2021, and "
              "addressed to international students, scholars and journalists.")
    assert labels(star, course) == []
    assert labels(course) == ["1 April – 6 May 2021"]  # without the star: a sentence as usual
    # italics that open a paragraph close their asterisk: not a note
    assert labels("*Izvestia* reported on 27 February 1988 that two Azeris had been killed.") \
        == ["27 February 1988"]


def test_a_state_that_lasts_until_a_date_is_not_a_happening_then() -> None:
    # 004 line 355
    state = ("However, rather than joining the Byzantine Empire, Artsakh, together with the "
             "Kingdoms of Syunik and Lori, assumed an autonomous status that it would retain "
             "until 1450.")
    assert ends_a_state(state, find_dates(state)[0])
    assert labels(state) == []
    # 004 lines 1961 and 293: "not until" and "until ..., when" tell when something happened
    late = "It was not until 2007 that the last of the ‘tent camps’ was closed"
    assert not ends_a_state(late, find_dates(late)[0])
    when = ("The Albanians would continue to control Artsakh until the early seventh century, "
            "when it was captured by the Persian Mihranid dynasty.")
    assert not ends_a_state(when, find_dates(when)[0])


def test_what_did_not_happen_at_a_date_is_no_happening_then() -> None:
    # 004 line 3151: the shelters of 2020 "were not available in the Azeri cities which
    # had not experienced shelling during the 1990s"; the sentence's other date, "the
    # first war", tells when the shelters were built
    told = ("Many Armenians fled Artsakh entirely during the war and those that stayed "
            "behind spent the majority of the war hiding in bomb shelters built during the "
            "first war, which were not available in the Azeri cities which had not "
            "experienced shelling during the 1990s.")
    decade = next(d for d in find_dates(told) if d.label == "the 1990s")
    assert denied_at(told, decade)
    assert "the 1990s" not in labels(told)
    # 004 line 1011: a claim the sentence rejects dates nothing; what it tells does
    rejected = ("Armenian sources reject the idea that Azeris were violently expelled from "
                "Kapan before February 1988, instead claiming that “four busloads of young "
                "Azerbaijani men were recruited from [Kapan] and then crossed into "
                "Azerbaijan...The young men arrived at the [Sumgait] bus depot on 26 February, "
                "setting off the first round of anti-Armenian demonstrations.”")
    assert denied_at(rejected, find_dates(rejected)[0])
    assert labels(rejected) == ["26 February 1988"]  # the arrival alone, not the rejection
    # "not until" tells when it happened (004 line 1961)
    late = "It was not until 2007 that the last of the ‘tent camps’ was closed"
    assert not denied_at(late, find_dates(late)[0])
    assert labels(late) == ["2007"]


def test_participles_of_present_perfect_and_adjectives_are_not_past_verbs() -> None:
    # 000 line 265: analysis, its only "-ed" words are participles
    assert not tells_happening(
        "All of these give credits to those who claim that power hierarchies have been "
        "further ossified in Azerbaijan following the result of the 2020 war.")
    # 004 gold S1-009: the narrative's future in the past is a happening
    assert tells_happening("The committee would be dissolved the following year")
    assert tells_happening("On October 17, Azerbaijan and Armenia agreed to a second ceasefire")


def test_irregular_pasts_tell_happenings() -> None:
    # 004 line 3361: "blew" was not known as a past, so the strike was no event
    strike = ("On September 29, an Azeri drone strike blew up a bus in Vardenis—within Armenia "
              "proper—in an apparent attempt to stop Armenian reinforcements.")
    assert labels(strike) == ["29 September 2020"]  # the year from the writing date (2021-05)
    # 004 line 1451: "they lit gas pipes"
    assert tells_happening("Residents spent every night in their basements; first, they lit "
                           "gas pipes.")


def test_one_mention_per_date_and_sentence() -> None:
    # 002 line 19: "in October and November 2020 ... the November 2020 ... declaration"
    text = ("Through the military advance along the southern flank in October and November "
            "2020, and then in accordance with the terms of the November 2020 Russian‑"
            "Armenian‑Azerbaijani trilateral declaration, Azerbaijan restored control over all "
            "of the seven districts.")
    assert labels(text) == ["October 2020 – November 2020", "November 2020"]


# 004 lines 3117-3119 (markers removed): a dated strike, then what a reader dates by it
CATHEDRAL = [
    "On October 8, the cathedral was hit twice by Azeri missiles, with the second injuring "
    "three journalists who had gathered to report on the initial strike.",
    "As Human Rights Watch reported, the attacks were almost certainly deliberate, as remnants "
    "of the missiles used are \"consistent with a munition capable of being accurately "
    "directed at a specific target.\"",
    "Nor was attack on Ghazanchetsots the only example of Azerbaijan hitting notable "
    "non-military targets.",
    "Along with widespread damage to residences and businesses, other structures hit by Azeri "
    "strikes included multiple schools and the newly built maternity ward of Artsakh's "
    "Republican Medical Center.",
]
GANJA = [
    "The attack, which damaged or destroyed over 20 buildings, resulted in 10 deaths and 34 "
    "injuries.",
    "Though it is unclear whether the missile was launched by forces from Armenia proper or "
    "Artsakh, the distinction is largely semantic given the close collaboration between the "
    "two.",
    "It is also unclear whether the missile was deliberately targeting residential buildings "
    "or if it missed its intended target.",
]


def inherited(mention: object) -> bool:
    """The date's words stand in another sentence."""
    return mention.date.start == mention.date.end == 0  # type: ignore[attr-defined]


def test_comparisons_and_judgements_do_not_inherit_the_passage_date() -> None:
    mentions = list(document_mentions(THESIS, sentences(*CATHEDRAL), periods=()))
    # the strike itself, and the damage told two sentences on; not the judgements between
    assert [(m.sentence.index, inherited(m), m.date.label) for m in mentions] == [
        (0, False, "8 October 2020"), (3, True, "8 October 2020")]
    for text in CATHEDRAL[1:3] + GANJA[1:]:
        assert is_commentary(text), text
    assert not is_commentary(CATHEDRAL[0])


def test_a_happening_a_few_sentences_on_inherits_and_is_marked_inferred() -> None:
    # 004 line 1313 region, crafted continuation inside one paragraph
    texts = ["On April 30, Soviet soldiers and OMON forces entered the villages, killing a "
             "\"dozen or so\" residents.",
             "The occupants were deported forcibly to Stepanakert.",
             "Officials later returned to the villages."]
    ms = list(document_mentions(THESIS, sentences(*texts), periods=()))
    assert [(m.sentence.index, inherited(m)) for m in ms] == [(0, False), (1, True), (2, True)]
    assert ms[0].date.lower == ms[1].date.lower and all(m.inferred for m in ms[1:])
    # in the next paragraph the passage has changed: no inheritance
    other = sentences(*texts[:1]) + [Sentence(document="t", index=1, start=0, end=10,
                                              text=texts[1], line=2, section="Body",
                                              paragraph=1)]
    assert [m.sentence.index for m in document_mentions(THESIS, other, periods=())] == [0]


def test_a_range_of_days_dates_the_passage_like_a_day() -> None:
    # 004 line 1475: the happening three sentences after a night's range of days
    texts = ["Overnight between February 25 and 26, Armenians surrounded the village on "
             "three sides and attacked the outnumbered Azeris.",
             "What followed is widely regarded as the worst single massacre of civilians "
             "during the war.",
             "Both sides blame the other for firing the first shot, but the result was a "
             "massacre of the Azeri civilians.",
             "Other residents of Khojaly suffered—or even died—from severe frostbite as they "
             "had fled without adequate clothes for the cold weather."]
    ms = list(document_mentions(THESIS, sentences(*texts), periods=()))
    assert [(m.sentence.index, inherited(m)) for m in ms] == [(0, False), (3, True)]
    assert (ms[1].date.lower % 10000, ms[1].date.upper % 10000) == (225, 226)


def test_the_end_of_a_quotation_goes_on_with_its_first_sentence() -> None:
    # 004 line 1123: the quote's last sentence does not inherit 7 December 1988;
    # 004 line 1105: a sentence that opens a straight-quoted passage still does
    earthquake = ["On December 7, a massive earthquake struck northern Armenia.",
                  "The disaster idled one-quarter of Armenian’s industry.",
                  "Total damage was estimated at 13 billion rubles ($20 billion).”"]
    ms = list(document_mentions(THESIS, sentences(*earthquake), periods=()))
    assert [m.sentence.index for m in ms] == [0, 1]
    assert ends_a_quote(earthquake[2]) and not ends_a_quote(earthquake[1])
    assert not ends_a_quote('When news of the incident reached Stepanakert, "hundreds of '
                            'Armenians boarded buses and trucks, and headed for Khojalu.')
    assert ends_a_quote('Food and medicine supplies ran low."')


def test_a_year_or_a_span_of_years_dates_no_later_sentence() -> None:
    # 002: "1992‑ 1993" would have dated Azerbaijan's 2020 recovery of its integrity
    texts = ["Through the military advance along the southern flank in October and November "
             "2020, and then in accordance with the terms of the November 2020 "
             "Russian‑Armenian‑Azerbaijani trilateral declaration, Azerbaijan restored "
             "control over all of the seven districts occupied by Armenian forces in 1992‑ "
             "1993, with the exception of a narrow corridor connecting Nagorno‑Karabakh and "
             "Armenia.",
             "Azerbaijan thereby all but restored its territorial integrity."]
    ms = list(document_mentions(THESIS, sentences(*texts), periods=()))
    assert ms and {m.sentence.index for m in ms} == {0}


def test_a_sentence_with_a_time_of_its_own_or_none_does_not_inherit() -> None:
    # 002 line 31 and 000 line 466: each follows a dated happening in its paragraph
    tsushima = "In a set‑piece sea battle at Tsushima in May 1905, a Japanese fleet under " \
               "Admiral Togo destroyed a Russian expeditionary force."
    for later in ["Over the following four decades, Japan’s naval doctrine centered on "
                  "preparation for another set‑piece confrontation.",
                  "Yet despite the fact that they outgunned any possible rival, Yamato and "
                  "Musashi never fought their Tsushima.",
                  "When it comes to assess peacebuilding strategies, economy cannot be "
                  "understood as a sole instrument for gaining consensus on the ground."]:
        ms = list(document_mentions(THESIS, sentences(tsushima, later), periods=()))
        assert [m.sentence.index for m in ms] == [0], later
    told = "The Russian survivors were interned in Japan."
    assert len(list(document_mentions(THESIS, sentences(tsushima, told), periods=()))) == 2


def test_a_state_that_has_lasted_since_a_date_is_not_a_happening_then() -> None:
    # 003 line 108, 002 line 97; 004 gold S1-015 (past perfect) is a happening
    assert labels("Notably, the demarcation of the Azerbaijani-Georgian border has remained "
                  "unresolved since 1991.") == []
    assert labels("Since the mid‑2000s, however, Azerbaijanism has increasingly co‑existed "
                  "alongside another geopolitical tradition that I call “wide "
                  "Azerbaijanism.”") == []
    # (two happenings, as gold S1-014 and S1-015 have it: the flight since the pogrom,
    # and the pogrom itself, told in passing; data/periods.toml dates the pogrom)
    assert labels("While Armenians had been fleeing Azerbaijan since the Sumgait Pogrom in "
                  "February 1988, the exodus grew.") == ["since the Sumgait pogrom",
                                                        "February 1988"]


def test_past_forms_joined_to_a_participle_or_an_adjective_are_not_past_verbs() -> None:
    # 001 line 28: "have been shocked and disappointed" is one present perfect; the
    # sentence is analysis of the War Trophies Museum, not a happening last year
    analysis = ("While the intent may be to glorify last year’s victory and reinforce "
                "support for the war itself in the Azerbaijani psyche, some outside observers "
                "have been shocked and disappointed by what they perceive as a dehumanization "
                "of Armenians.")
    assert not tells_happening(analysis)
    assert labels(analysis) == []
    # 003 lines 102-104: "a peaceful, integrated region" is an adjective; the sentence
    # is a hope for 2024, not an event of 2024
    hope = ("In 2024, the Caucasus could thrive economically and politically, with Armenia, "
            "Azerbaijan, Georgia, Turkey, Iran, and Russia acting upon a mutual vision for a "
            "peaceful, integrated region.")
    assert not tells_happening(hope)
    written_2024 = Source(id="e", file="e.txt", title="E", written="2024")
    assert list(document_mentions(written_2024, sentences(hope))) == []
    # 004 line 540: two finite verbs joined by "and" stay finite
    assert tells_happening("During the fighting, Azeris captured and desecrated the Aguletsots "
                           "church")


def test_the_date_of_a_survey_share_or_a_population_is_no_event() -> None:
    # 002 line 105: two survey results, 2017 and 2021
    poll = ("Whereas in 2017 86.4 percent of those surveyed supported a maximally defined "
            "Nagorno‑ Karabakh within the de facto boundaries created by the First Karabakh "
            "War and were opposed to any territorial concessions, in the 2021 poll only 30.7 "
            "percent supported such a definition of Karabakh—a drop of nearly 56 percent.")
    assert all(is_statistic(poll, d) for d in find_dates(poll))
    assert labels(poll) == []
    # 000 lines 476-478
    figure = ("In Azerbaijan, in 2013, the figure shows that the 99% of Azerbaijanis were "
              "disapproved of doing business with Armenians.")
    assert labels(figure) == []
    # 004 line 1395 (gold trap 004-S2-T03)
    population = ("With a population of almost 7.3 million people in 1991, Azerbaijan was just "
                  "under double the size of Armenia's 3.5 million after accounting for the "
                  "roughly 150,000 Armenians living in Artsakh who were included in "
                  "Azerbaijan's official population.")
    assert labels(population) == []
    # 004 line 2035: a share of the vote belongs to the election it reports
    election = ("Kocharyan had recently won Artsakh’s first elections in November 1996, "
                "receiving 89% of the vote.")
    assert labels(election) == ["November 1996"]


def test_a_date_closing_a_parenthetical_reference_is_the_source_s() -> None:
    # 000 lines 630-636
    text = ("In particular, a restorative justice tool kit would symbolise the Armenia and "
            "Azerbaijan’s commitment to work closely for truth and reconciliation, thus "
            "establishing commissions that would show justice efforts through massive "
            "reparation programs, vetting procedures and institutional reforms as defined by "
            "the UN Secretary General (UN Doc S/2004/616, 2004).")
    assert cites_a_source(text, find_dates(text)[-1])
    assert labels(text) == []
    # a date in brackets that is not a reference stays a date (004 line 2035 style)
    told = "The first elections (held in November 1996) were won by Kocharyan."
    assert not cites_a_source(told, find_dates(told)[0])


def test_the_century_a_writer_lived_in_dates_no_happening() -> None:
    # 004 line 375: Tabari lived in the tenth century; the Khazars settled in the sixth
    text = ("Based on the writings of the tenth century historian Tabari's, it appears that "
            "the Khazars—a partly Turkic confederation—first began settling in Albania along "
            "the western bank of the Kura river in the mid-sixth century.")
    assert labels(text) == ["mid 6th century"]
    assert not dates_a_writer(text, find_dates(text)[-1])
    assert dates_a_writer("the fifth-century Armenian historian Movses wrote",
                          find_dates("the fifth-century Armenian historian Movses wrote")[0])


def test_a_vague_range_gives_way_to_the_date_it_holds() -> None:
    # 004 line 2899 (the first sentence is crafted to set the narrative): the narrative's
    # "a few days later" and "on October 9" are one time: one mention, on October 9
    texts = ("On October 6, the Azeri forces broke through the line of contact.",
             "A few days later, in a speech on October 9, Aliyev claimed that Azeri forces "
             "had captured the town Hadrut.")
    found = [m for m in document_mentions(THESIS, sentences(*texts)) if m.sentence.index == 1]
    assert [m.date.label for m in found] == ["9 October 2020"]


def test_a_place_carried_from_an_earlier_sentence_is_marked_and_has_no_name_here() -> None:
    # 004 lines 1513 and 1527 (gold S2-040, S2-042): the village is Maraga, named before
    texts = ("The Khojaly Massacre was closely followed by the worst single massacre of "
             "Armenian civilians when, on April 10, Azeri forces captured the village of "
             "Maraga.",
             "Armenian troops recaptured the village the following day.")
    first, second = document_mentions(THESIS, sentences(*texts))
    assert "Maraga" in first.places and first.carried_places == ()
    assert "Maraga" in [v[1] for v in first.place_variants]
    assert "Maraga" in second.places and second.carried_places == second.places
    assert second.place_variants == ()  # the sentence uses no name for it


def test_a_date_inside_a_short_quoted_name_is_no_event_date() -> None:
    # 002 line 33
    text = ("British identity remained attached to the “spirit of 1940” that merged over time "
            "with imperial nostalgia into a sense of especially English exceptionalism.")
    assert names_a_slogan(text, find_dates(text)[0])
    assert labels(text) == []
    # 000 line 79: a date next to a quoted name is still a date
    near = ("Yet, it goes without saying that the legacy of the ‘Karabakh Clan members’ had "
            "given an elusive peace to Pashinyan, especially after the 2016 ‘4-Day War’.")
    assert not names_a_slogan(near, find_dates(near)[0])


def test_a_contrast_that_tells_nothing_done_after_its_opening_clause_is_no_event() -> None:
    # 002 line 45: two outlooks compared
    outlooks = ("Whereas Armenia’s outlook in 1994 accepted the long‑distance segregation of "
                "Armenian and Azerbaijani communities as a condition of security, Azerbaijan’s "
                "outlook in 2021 presumes their interaction.")
    assert contrasts_states(outlooks)
    assert labels(outlooks) == []
    # 004 line 541: a judgement of how the 1905 clashes are cited
    assert labels("While the 1905 clashes are often cited as the first outbreak of violence "
                  "between Azeris and Armenians, suggesting a relatively recent origin for the "
                  "Armenian-Azeri conflict, this is only partially true.") == []
    # 004 line 1379 (gold S2-011/S2-012; the seed says "in September", its year from the
    # narrative): a past verb after the opening clause tells what happened
    told = ("While Boris Yeltsin and Kazakhstan's President Nursultan Nazarbayev succeeded in "
            "getting both sides to commit to a peaceful solution in September 1991 at the "
            "Russian resort town of Zheleznovodsk, the effort to mediate the conflict soon "
            "collapsed.")
    assert not contrasts_states(told)
    # two happenings: the commitment in September, and the collapse "soon" after it
    assert labels(told) == ["September 1991", "September 1991 – December 1991"]


def test_a_past_form_opening_a_short_quoted_name_is_an_adjective() -> None:
    # 002 line 105: present-tense analysis after the war
    text = ("After the Second Karabakh War, “wide Azerbaijanism” no longer confronts "
            "“augmented Armenia.”")
    assert not tells_happening(text)
    assert labels(text) == []
    # 004 line 1123 (gold S1-028): a quotation opening on its verb still tells
    assert tells_happening("Gorbachev “stumbled into a shouting match with earthquake survivors")


def test_a_state_held_since_a_date_is_no_happening_then() -> None:
    # 001 line 2: the recovery is in 2020; "the 1990s" starts the occupation, a state
    text = ("After all, Azerbaijan managed to recover all the territories outside the Karabakh "
            "enclave captured and occupied by Armenia since the 1990s—as well as parts of the "
            "former Nagorno‑Karabakh Autonomous Oblast itself—in addition to forcing Armenia "
            "to withdraw all its troops from sovereign Azerbaijani territory.")
    assert lasts_since(text, find_dates(text)[0])
    assert labels(text) == []
    # 004 gold S1-014 (its year written in): "had been fleeing since" tells the flight
    flight = ("While Armenians had been fleeing Azerbaijan since the Sumgait Pogrom in "
              "February 1988")
    assert not lasts_since(flight, find_dates(flight)[0])
    # 004 line 100: a past state that had lasted since the date
    power = ("Sargsyan's Republican Party of Armenia had been in power since 1998 and was a "
             "typical post-Soviet party of power.")
    assert lasts_since(power, find_dates(power)[0])


def test_the_date_of_a_leading_comparison_is_not_the_sentence_s() -> None:
    # 004 line 2897, in the 2020 war (its "during the Four-Day War" written as a date): what
    # happened in April 2016 is compared with
    text = ("As was also the case in April 2016, these initial gains were concentrated in "
            "the northeast of Artsakh.")
    dates = find_dates(text)
    assert dates and all(dates_a_comparison(text, d) for d in dates)
    assert labels(text) == []
    # 004 line 2375: the date of what a happening is compared to
    compared = ("Speaking in 2007, Ter-Petrosyan compared the attack to the killing of the "
                "Armenian elite and Stalin’s purges of the 1930s.")
    assert labels(compared) == ["2007"]
    # a date after the comparison's comma is the sentence's own
    own = "Like Sumgait, the violence in Baku began on January 13, 1990."
    assert labels(own) == ["13 January 1990"]
    # 004 line 2691: the other half of a likeness ("ten years earlier" gave 2007)
    same = ("In the spring of 2017, Sargsyan faced the same problem that Kocharyan had ten "
            "years earlier: his second term as president was coming to an end.")
    assert labels("In March 2017, the campaign began.", same) == ["March 2017", "spring 2017"]
    # "the same day that" is the same time (two happenings, 004 line 1547)
    day = ("On May 9, 1992, the very same day that Armenian forces took control of the city, "
           "Ter-Petrosyan and Mamedov signed a statement.")
    assert labels(day) == ["9 May 1992", "9 May 1992"]


def test_a_date_that_only_bounds_a_superlative_is_not_the_happening_s() -> None:
    # 004 line 2771, of the July 2020 clashes in Tavush: the Four-Day War is what they are
    # measured against (it was dated 5 April 2016)
    tavush = ("While the fighting may have begun accidentally, it quickly escalated into the "
              "most serious round of fighting since the Four-Day War in 2016.")
    assert find_dates(tavush) and labels(tavush) == []
    # 004 line 1475: "during the war" is the range of "worst", not when the massacre was
    massacre = "What followed is widely regarded as the worst single massacre during the war."
    assert all(bounds_a_superlative(massacre, d) for d in find_dates(massacre))
    # 004 line 1237 (May 1990): "for the first time since 1920" is not an event of 1920
    elections = ("In Armenia, where elections were held on May 20, 1990, the ANM won half the "
                 "seats, placing it in power for the first time since 1920.")
    assert labels(elections) == ["20 May 1990"]
    # a verb between the superlative and the date makes the date its own (004 lines 887,
    # 2667)
    emerged = ("The most recent conflict emerged in the late 1980s when the Soviet Union began "
               "instituting the policies of glasnost.")
    assert labels(emerged) == ["late 1980s"]
    topping = ("Azerbaijan channeled much of its wealth into its military, with military "
               "expenditures topping $1 billion for the first time in 2008.")
    assert labels(topping) == ["2008"]


def test_the_place_of_a_story_is_carried_three_sentences_on() -> None:
    # 004 lines 1513-1527 (gold S2-040 .. S2-044): the story of Maraga
    texts = ("The Khojaly Massacre was closely followed by the worst single massacre of "
             "Armenian civilians when, on April 10, Azeri forces captured the village of "
             "Maraga.",
             "While Armenian officials had attempted to evacuate the village ahead of the "
             "advancing Azeri forces, they were not aware that “several families had stayed "
             "behind in their basements.”",
             "Armenian troops recaptured the village the following day, but in the five to six "
             "hours that Azeri forces controlled the town “around 50 people, mostly women and "
             "children, were killed and 45 more taken prisoner.”",
             "After receiving permission to exhume the bodies, a fact-finding mission by "
             "Christian Solidarity International found “decapitated and charred bodies.”")
    last = [m for m in document_mentions(THESIS, sentences(*texts)) if m.sentence.index == 3]
    assert last and all("Maraga" in m.carried_places for m in last)


def places_by_date(*texts: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(m.date.label, m.places) for m in document_mentions(THESIS, sentences(*texts))]


def test_each_date_of_a_list_keeps_the_places_of_its_own_piece() -> None:
    # 004 line 523: violence in Erevan in February, in Nakhjivan in May, in Shusha in June,
    # in Ganje and Tiflis in November (the quote's spellings: Yerevan, Nakhchivan, Ganja,
    # Tbilisi in the gazetteer)
    got = dict(places_by_date(
        "As revolution and unrest spread across the Russian Empire in the early 20th "
        "century, “Violence erupted in and around Erevan in February 1905, in Nakhjivan in "
        "May, in Shusha in June, and in Ganje and Tiflis in November.”"))
    assert got["February 1905"] == ("Yerevan",)
    assert got["May 1905"] == ("Nakhchivan",)
    assert got["June 1905"] == ("Shusha",)
    assert got["November 1905"] == ("Ganja", "Tbilisi")


def test_an_elided_quote_s_new_sentence_is_a_piece_of_its_own() -> None:
    # 004 line 697, after a crafted sentence giving the narrative's day: the troops moved
    # into Karabakh on September 22; Shusha fell three days after
    got = dict(places_by_date(
        "The Ottoman army reached Baku on September 15, 1918.",
        "On September 22, shortly after the [Baku] Commune’s downfall, Turkish and Azeri "
        "troops moved into Karabakh...After three days, Shusha fell."))
    assert "Nagorno-Karabakh" in got["22 September 1918"]
    assert got["25 September 1918"] == ("Shusha",)


def test_a_piece_runs_to_the_next_date_and_two_dates_in_one_piece_share_its_places() -> None:
    # 004 line 1731: Resolution 884 of 12 November condemned the occupation of Zangilan and
    # Horadiz in Fizuli; Resolution 874 of 14 October followed a meeting in Moscow
    got = dict(places_by_date(
        "This was followed by Resolution 853 on July 29, 1993 condemning the seizure of "
        "Aghdam, Resolution 874 on October 14 calling for more negotiations in the wake of "
        "a high level meeting between the sides in Moscow, and Resolution 884 on November 12 "
        "condemning the occupation of Zangilan and the city of Horadiz in Fizuli."))
    assert got["29 July 1993"] == ("Aghdam",)
    assert got["14 October 1993"] == ("Moscow",)
    assert got["12 November 1993"] == ("Zangilan", "Horadiz", "Fizuli")
    # 004 line 2411: both plans in one piece, both places with each
    both = places_by_date(
        "In what looked like a coordinated move, newspapers in both Armenia and Azerbaijan "
        "printed leaked copies of the three Minsk Group peace plans of 1997 and 1998.")
    assert both and all(set(p) == {"Armenia", "Azerbaijan"} for _, p in both)


def test_a_would_in_a_relative_clause_and_the_following_year_move_the_narrative() -> None:
    # 004 lines 2287-2303: the Primakov plan of November 1998 ("a ‘common state’ solution
    # under which Artsakh would be recognized" tells the plan, not a later time), then "a
    # promising new format emerged the following year. On April 1, Aliyev and Kocharyan
    # met in Moscow … Three weeks later, both men traveled to Washington D.C. to celebrate
    # NATO's fiftieth anniversary" — April 1999
    got = labels(
        "In 1992, the war intensified.",
        "At a November 1998 meeting of the Minsk Group, Russian Foreign Affairs Minister "
        "Yevgeny Primakov proposed a ‘common state’ solution under which Artsakh would be "
        "recognized as “a state-territorial unit in the form of a Republic.”",
        "While this first round of negotiations under Kocharyan and Aliyev resulted in "
        "little progress, a promising new format emerged the following year.",
        "On April 1, Aliyev and Kocharyan met in Moscow for a CIS summit and held a two and "
        "half hour long meeting.",
        "Three weeks later, both men traveled to Washington D.C. to celebrate NATO’s "
        "fiftieth anniversary.")
    assert got[1:] == ["November 1998", "1999", "1 April 1999", "22 April 1999"]


def test_a_yearless_month_after_new_year_reaches_the_writers_present() -> None:
    # 004 line 192 (written May 2021): after the November 2020 protests, "In April,
    # Pashinyan acceded to the opposition's demands that he resign" is April 2021; a month
    # after the writing month stays in the narrative's year
    got = labels("On November 10, 2020, Armenian protestors stormed the parliament.",
                 "In April, Pashinyan acceded to the opposition’s demands that he resign.")
    assert got == ["10 November 2020", "April 2021"]
    got = labels("On November 10, 2020, Armenian protestors stormed the parliament.",
                 "In June, Pashinyan acceded to the opposition’s demands.")
    assert got[1] == "June 2020"
    # far from the writer's present, a long way back stays in the same year (Sumgait, 1988)
    old = Source(id="t", file="t.txt", title="T", written="2021-05")
    assert [m.date.label for m in document_mentions(old, sentences(
        "On November 17, 1988, a series of mass demonstrations began.",
        "In April, the committee was arrested."))] == ["17 November 1988", "April 1988"]


def test_a_pluperfect_concession_keeps_its_date_to_itself() -> None:
    # 004 line 1411: Operation Ring (data/periods.toml) dates what Azerbaijan had relied
    # on; the Armenian army was created "in the waning years of the Soviet Union"
    ring = ("While Azerbaijan had relied heavily upon Soviet soldiers during Operation Ring, "
            "“A core of Soviet army officers had set about creating an Armenian army” in the "
            "waning years of the Soviet Union.")
    titles = [m.title for m in document_mentions(THESIS, sentences(ring))]
    assert titles == ["Azerbaijan had relied heavily upon Soviet soldiers"]
    # 004 line 753: "soon" counts on from the concession's date
    soon = ("While Azerbaijan had succeeded in establishing tenuous control over Artsakh "
            "following the March 1920 violence, the country soon faced an existential crisis "
            "in the form of the expanding Soviet Union.")
    assert labels(soon) == ["March 1920", "March 1920 – December 1920"]
