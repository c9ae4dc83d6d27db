"""Inheritance of a passage's date: which sentences without a date of their own a reader
dates by the dated happening before them. Sentences are from seed 004 (Toghramadjian
2021), line numbers of the seed file given with each; checked by reading the file."""

from __future__ import annotations

from dataclasses import replace

from karabakh_tui.extract.dates import find_dates
from karabakh_tui.extract.mentions import (
    Passage,
    document_mentions,
    is_commentary,
    tells_a_plan,
    tells_a_toll,
    tells_action,
)
from karabakh_tui.model import Sentence, Source

THESIS = Source(id="t", file="t.txt", title="T", written="2021-05")


def sentence(i: int, text: str, paragraph: int = 0, section: str = "Body") -> Sentence:
    return Sentence(document="t", index=i, start=0, end=len(text), text=text, line=i + 1,
                    section=section, paragraph=paragraph)


def dated(*sents: Sentence) -> list[tuple[int, bool, str]]:
    return [(m.sentence.index, m.inferred, m.date.label)
            for m in document_mentions(THESIS, list(sents), periods=())]


# 004 lines 3049-3051 (markers removed; the year, given earlier in the chapter, added to
# the first): the strike on Ganja, then what followed that day
GANJA = "That changed on October 4, 2020 when Harutyunyan announced via Twitter that Artsakh's " \
        "defense army would target military facilities in Azeri cities."
DENIED = ("While Armenia denied involvement, contending that Artsakh had unilaterally "
          "carried out the attack, the close cooperation between the two made the distinction "
          "largely meaningless.")


def test_a_concession_that_tells_what_was_done_inherits() -> None:
    assert not is_commentary(DENIED)
    assert dated(sentence(0, GANJA), sentence(1, DENIED)) == [
        (0, False, "4 October 2020"), (1, True, "4 October 2020")]


def test_a_concession_of_a_state_a_denial_or_a_comparison_is_commentary() -> None:
    for text in [
        # 004 line 1087: a reduced clause with no subject concedes a state
        "While not as focused on Artsakh as its counterpart in Armenia, “A broad-based, "
        "multi-issue mass movement had begun in Azerbaijan.",
        # 004 line 1123: what did not happen
        "However, “The catastrophe did not, as many had hoped, curtail the "
        "Armenian-Azerbaijani dispute.”",
        # 004 line 1177: a comparison with an earlier happening
        "As was also the case in Sumgait, the violence “was not entirely (or perhaps not at "
        "all) spontaneous, as the attackers had lists of Armenians and their addresses.”",
        # 004 line 1255: a quotation introduced, not a new happening
        "As Ashot Manucharyan put it, “An attack was simulated and weapons were taken; in "
        "essence those weapons were bought.”",
    ]:
        assert is_commentary(text), text
    # 004 line 1235: "However," opening the narrative's next step
    assert not is_commentary("However, Moscow ignored both resolutions, arresting several "
                             "leaders of the Popular Front and imposing martial law in Baku.")
    # a later "did not" belongs to a subordinate clause (004 line 2723)
    assert not is_commentary("Even more shockingly, “members of the Armenian army’s "
                             "prestigious peacekeeping battalion marched in uniform with the "
                             "protestors, suggesting that Sargsyan did not enjoy the complete "
                             "loyalty of the army.")


def test_the_narratives_future_in_the_past_inherits_a_counterfactual_does_not() -> None:
    # 004 line 1157 (the Popular Front's formation in July 1988, then the blockade)
    formed = "The Popular Front of Azerbaijan was formed in July of 1988."
    blockade = ("As the conflict with Armenia escalated, Azerbaijan would impose a formal rail "
                "blockade, affecting 85% of Armenia’s rail traffic and causing shortages of "
                "fuel and food.")
    assert dated(sentence(0, formed), sentence(1, blockade)) == [
        (0, False, "July 1988"), (1, True, "July 1988 – 1989")]
    # 004 line 1145: "would have" is what did not happen
    counterfactual = ("Because it would have been very dangerous if the Soviet Union had "
                      "collapsed and we had not been ready.”")
    assert [i for i, _, _ in dated(sentence(0, formed), sentence(1, counterfactual))] == [0]


def test_a_description_of_how_things_were_is_no_happening() -> None:
    # 004 lines 1435, 1103, 1235, 2899
    assert not tells_action("Stepanakert was particularly vulnerable to these attacks.")
    assert not tells_action("Roving gangs remained on the offensive for several nights.")
    assert tells_action("However, Moscow ignored both resolutions.")
    assert tells_action("A special committee with the power to overrule Baku was formed.")
    assert tells_action("Having penetrated the defensive line Armenians had been fortifying "
                        "for twenty-five years, the Azeri forces were able to advance much "
                        "more rapidly.")


def test_the_toll_of_the_dated_happening_is_not_another_happening() -> None:
    # 004 lines 3117-3119 (trap in the gold set) and 3033
    strike = "On October 11, a missile struck a residential area of Ganja."
    toll = ("The attack, which damaged or destroyed over 20 buildings, resulted in 10 deaths "
            "and 34 injuries.")
    assert tells_a_toll(toll)
    assert tells_a_toll("The shelling of Stepanakert exacted a heavy toll on the civilian "
                        "population.")
    assert [i for i, _, _ in dated(sentence(0, strike), sentence(1, toll))] == [0]
    # 004 line 1123 (trap S1-T01): the earthquake's toll
    assert tells_a_toll("The scale of the destruction was staggering: “More than 25,000 "
                        "people died as a result of the earthquake; 530,000 people were left "
                        "homeless.”")
    assert not tells_a_toll("The scale of the protests grew by the day.")
    # 004 line 579: a happening told together with its toll is still told
    assert not tells_a_toll(
        "Blaming the Armenians for their military defeats against the Russians, the Young "
        "Turks orchestrated a campaign of mass killings and deportations against the "
        "Armenian population of the Ottoman Empire that resulted in the death of well over "
        "a million Armenians.")


# 004 lines 1193-1213: the Baku pogrom, and the next paragraph going on with it (the year,
# given earlier in the passage, added to the first sentence)
POGROM = [
    "On January 15, 1990, the Supreme Council of the USSR declared a state of emergency in the "
    "NKAO and the surrounding regions, but “Inexplicably, Baku was not mentioned.”",
    "While the potential involvement of Soviet authorities will likely remain a mystery, "
    "the Baku Pogrom marked with a “terrible flourish” the effective end of Azerbaijan’s "
    "Armenian population, with survivors being evacuated across the Caspian Sea to "
    "Turkmenistan and then flown to Armenia.",
]
NEXT_PARAGRAPH = [
    "During the pogrom, “Nationalist activists ruled the streets of Baku.",
    "They put up barricades of trucks and concrete blocks on the roads leading to the "
    "barracks on the edge of the city.”",
]


def test_a_new_paragraph_that_goes_on_with_the_same_episode_inherits() -> None:
    sents = [sentence(i, t, paragraph=0) for i, t in enumerate(POGROM)] + [
        sentence(2 + i, t, paragraph=1) for i, t in enumerate(NEXT_PARAGRAPH)]
    assert dated(*sents) == [(0, False, "15 January 1990"), (2, True, "15 January 1990")]
    # the same paragraph break with nothing shared ("pogrom", "Baku") opens another story
    other = sentence(2, "Officials of the Popular Front organized strikes in Nakhichevan.",
                     paragraph=1)
    assert [i for i, _, _ in dated(*sents[:2], other)] == [0]
    # nor does a new heading continue a passage
    moved = sentence(2, NEXT_PARAGRAPH[0], paragraph=1, section="War Comes to Artsakh")
    assert [i for i, _, _ in dated(*sents[:2], moved)] == [0]


# 004 line 1311 (the year, given earlier in the paragraph, added to the first sentence)
RING = ("On April 30, 1991, Soviet soldiers and OMON forces entered the villages, killing a "
        "“dozen or so” residents many of whom were “in their eighties and nineties.")


def test_what_came_shortly_after_a_day_runs_to_the_end_of_the_next_month() -> None:
    deported = ("Shortly after clearing the village of armed resistance, “the occupants of "
                "Getashen and Martunashen were deported forcibly to Stepanakert and replaced "
                "by Azeri refugees.")
    ms = list(document_mentions(THESIS, [sentence(0, RING), sentence(1, deported)],
                                periods=()))
    assert [m.date.edtf for m in ms] == ["1991-04-30", "1991-04-30/1991-05"]
    assert ms[1].inferred and ms[1].date.label == "30 April 1991 – May 1991"
    # without a word of time passing, the sentence is dated by the day itself
    plain = "The occupants were deported forcibly to Stepanakert."
    ms = list(document_mentions(THESIS, [sentence(0, RING), sentence(1, plain)], periods=()))
    assert [m.date.edtf for m in ms] == ["1991-04-30", "1991-04-30"]


def test_the_narratives_would_runs_to_the_end_of_the_next_year() -> None:
    # 004 line 1157: formed "in July of 1988"; the blockade "would" come as the conflict grew
    formed = "The Popular Front of Azerbaijan was formed in July of 1988."
    blockade = ("As the conflict with Armenia escalated, Azerbaijan would impose a formal rail "
                "blockade, affecting 85% of Armenia’s rail traffic and causing shortages of "
                "fuel and food.")
    ms = list(document_mentions(THESIS, [sentence(0, formed), sentence(1, blockade)],
                                periods=()))
    assert [(m.date.lower, m.date.upper) for m in ms][1] == (19880701, 19891231)
    # 004 line 1975: "would" in a reported clause is no later happening
    refused = ("The Armenians refused to agree to a condition that they believed would impose "
               "“the constant threat of genocide and forced exile” on the Armenians of "
               "Artsakh.")
    lisbon = "That central bone of contention re-emerged in a December 1996 OSCE summit."
    ms = list(document_mentions(THESIS, [sentence(0, lisbon), sentence(1, refused)],
                                periods=()))
    assert [m.date.edtf for m in ms] == ["1996-12", "1996-12"]


def test_would_after_a_day_runs_to_the_year_s_last_day_and_says_so() -> None:
    # 004 line 1359: the referendum of 10 December 1991; the label was "10 December 1991 –
    # 1991", which reads like a misprint
    vote = "In a referendum held on December 10, 1991, Artsakh voted for independence."
    unrecognized = ("However, Artsakh’s attempts to secure independence would go unrecognized "
                    "by any state.")
    ms = list(document_mentions(THESIS, [sentence(0, vote), sentence(1, unrecognized)],
                                periods=()))
    assert (ms[1].date.label, ms[1].date.edtf) == (
        "10 December 1991 – 31 December 1991", "1991-12-10/1991-12-31")


def test_what_a_plan_would_do_is_not_what_happened() -> None:
    # 004 line 2037 (the year, given earlier in the passage, added to the first sentence)
    visited = ("In July 1997, the Minsk Group negotiators visited the region and presented an "
               "updated version of the plan, split into two stages.")
    leased = ("The strategically vital Lachin corridor would be leased to the OSCE, who would "
              "guarantee free transport to Artsakh and oversee the construction of a road that "
              "bypassed the town of Lachin itself.")
    assert tells_a_plan(leased, visited)
    assert [m.sentence.index for m in document_mentions(
        THESIS, [sentence(0, visited), sentence(1, leased)], periods=())] == [0]
    # the narrative's "would" after no plan still tells (004 line 1157)
    assert not tells_a_plan("As the conflict with Armenia escalated, Azerbaijan would impose "
                            "a formal rail blockade.", "The Popular Front of Azerbaijan was "
                            "formed in July of 1988.")


def test_a_paragraph_that_opens_by_pointing_back_at_the_happening_goes_on_with_it() -> None:
    # 004 line 1213: in the thesis "Baku" and "pogrom" are in too many sentences to show by
    # themselves that two paragraphs tell one episode; "During the pogrom," points back
    anchor = sentence(0, POGROM[0], paragraph=0)
    passage = Passage(find_dates(POGROM[0])[0], anchor, frozenset({"baku", "pogrom"}))
    passage.note(sentence(1, POGROM[1], paragraph=0))
    assert passage.holds(sentence(2, NEXT_PARAGRAPH[0], paragraph=1))
    assert not passage.holds(sentence(2, "During the election, activists ruled the streets "
                                         "of Baku.", paragraph=1))
    assert not passage.holds(sentence(2, "Nationalist activists ruled the streets of Baku.",
                                      paragraph=1))


def test_a_later_time_in_a_dash_aside_does_not_stretch_the_inherited_date() -> None:
    # 004 line 2965: the video that appeared on October 15 showed the men being taken
    # captive; "who would later be identified" tells about the men, not the capture.
    hadrut = sentence(0, "On October 15, 2020, the same day that videos emerged showing Azeri "
                         "control over Hadrut, two other videos appeared on Azeri Telegram "
                         "channels.")
    captive = sentence(1, "The first showed two men—who would later be identified as "
                          "73-year-old Benik Hakobian and 25-year-old Yuri Adamian—being taken "
                          "captive by Azeri soldiers at a site located on the town’s northern "
                          "edge.")
    assert dated(hadrut, captive) == [(0, False, "15 October 2020"),
                                      (1, True, "15 October 2020")]
    # 004 line 3047: the count reported that day, revised later
    ganja = sentence(0, "At around the same time, on October 4, 2020, three rockets hit a "
                        "residential section of Ganja, Azerbaijan’s second largest city.")
    toll = sentence(1, "Azeri authorities reported that the attack killed one civilian and "
                       "injured four more—the latter number later rising to 32.")
    assert dated(ganja, toll) == [(0, False, "4 October 2020"), (1, True, "4 October 2020")]


def test_minutes_or_hours_later_stay_on_the_passage_s_day_not_the_weeks_soon_allows() -> None:
    from karabakh_tui.extract.mentions import inferred_span

    # 004 lines 3385-3407: the ceasefire of October 25, 2020 and the deleted message
    anchor = find_dates("A third ceasefire—negotiated by the United States—on October 25, "
                        "2020 once again failed to prevent the continuation of fighting.")[0]
    deleted = "Evidently realizing their mistake, the message was soon deleted and reposted " \
              "10 minutes later."
    assert inferred_span(anchor, deleted) == anchor
    # 004 line 3477: the statement signed on the night of November 9, released "A few hours
    # later", can fall on November 10
    night = find_dates("However, on November 9, 2020, the final deal was negotiated.")[0]
    released = inferred_span(night, "A few hours later, the text of the joint statement was "
                                    "released, bringing an end to the war.")
    assert (released.lower, released.upper) == (20201109, 20201110)
    # "soon" alone still runs on to the end of the next month
    assert inferred_span(anchor, "The message was soon deleted.").upper == 20201130


def test_shortly_after_a_happening_of_the_day_is_that_day() -> None:
    from karabakh_tui.extract.mentions import inferred_span

    # 004 line 2709: Pashinyan was arrested the day of the meeting (April 22, 2018)
    meeting = find_dates("On April 22, 2018, Sargsyan met with Pashinyan.")[0]
    arrested = inferred_span(meeting, "Pashinyan was arrested shortly after the meeting.")
    assert arrested == meeting
    # "shortly after" with no happening named after it still runs on
    assert inferred_span(meeting, "Pashinyan was arrested shortly after.").upper == 20180531


def test_what_is_demanded_at_once_was_demanded_that_day() -> None:
    from karabakh_tui.extract.mentions import inferred_span

    # 004 line 773: the demand of December 2, 1920, not the weeks after it
    day = find_dates("On December 2, 1920, the Republic of Armenia became the Armenian "
                     "Soviet Socialist Republic.")[0]
    demand = ("Turkey demanded that Armenia immediately sign a treaty renouncing Sèvres and "
              "all claims to western Armenia.")
    assert inferred_span(day, demand) == day
    # the same word telling the happening itself still runs on
    assert inferred_span(day, "Turkey immediately demanded a treaty.").upper == 19210131


def test_the_dated_sentence_s_own_paragraph_goes_on_with_its_story_further() -> None:
    # 004 line 1123 (gold S1-029, S1-030): one paragraph from the earthquake of December 7,
    # 1988 to the arrest of the Karabakh Committee, nine sentences on
    story = [
        "Armenia was soon hit by another humanitarian crisis, when, on December 7, 1988, a "
        "magnitude 6.9 earthquake struck the north of the country.",
        "While not especially powerful on an absolute level, “geology, poor construction, and "
        "unfortunate timing magnified the impact of the earthquake.”",
        "Due to widespread theft of building materials, “Every single multistory building "
        "collapsed.”",
        "The scale of the destruction was staggering.",
        "Total damage was estimated at 13 billion rubles ($20 billion).”",
        "However, “The catastrophe did not, as many had hoped, curtail the dispute.”",
        "Gorbachev “stumbled into a shouting match with earthquake survivors.”",
        "After returning to Yerevan, “Gorbachev gave an interview to Armenian television.",
        "This was his signal for the arrest of the Karabakh Committee.”",
        "Nine of the committee’s members were arrested at the Union of Writers building.",
    ]
    got = dated(*(sentence(i, text) for i, text in enumerate(story)))
    assert (8, True, "7 December 1988") not in got  # "This was his signal": no happening
    assert {i for i, inferred, _ in got if inferred} >= {7, 9}
    # in another paragraph the passage ends six sentences after its date
    apart = [sentence(i, text, paragraph=0 if i < 7 else 1) for i, text in enumerate(story)]
    apart[9] = sentence(9, "The delegates were arrested in the capital.", paragraph=1)
    assert 9 not in {i for i, _, _ in dated(*apart)}


def test_a_paragraph_opening_with_while_the_x_of_the_passage_goes_on_with_it() -> None:
    # 004 lines 1213-1215 (gold S1-053): Black January, then a paragraph that opens on
    # "the soldiers" of the assault; its judgement dates nothing, the session after it does
    assault = sentence(0, "On January 19, 1990, Soviet troops stormed Baku, and “Some one "
                          "hundred thirty citizens of Baku were killed” along with "
                          "twenty-one soldiers.", paragraph=0)
    judged = sentence(1, "While the soldiers were successful in asserting the Soviet Union’s "
                         "military control of Baku, their violent methods ensured that "
                         "“Moscow essentially lost Azerbaijan.”", paragraph=1)
    session = sentence(2, "In an all-night session, the Azerbaijani Supreme Soviet passed “a "
                          "resolution demanding the immediate withdrawal.”", paragraph=1)
    got = dated(assault, judged, session)
    assert (2, True, "19 January 1990") in got and 1 not in {i for i, _, _ in got}
    other = sentence(1, "While the delegates were successful, their methods ensured "
                        "nothing.", paragraph=1)
    assert 2 not in {i for i, _, _ in dated(assault, other, session)}


def test_a_few_days_on_from_the_passage_s_day_is_a_week_not_the_next_month() -> None:
    from karabakh_tui.extract.mentions import inferred_span

    # 004 line 1123 (gold S1-030): after the earthquake of December 7, 1988
    quake = find_dates("Armenia was hit by an earthquake on December 7, 1988.")[0]
    arrested = inferred_span(quake, "Nine of the committee’s members were arrested at the Union "
                                    "of Writers building, and the remaining two were arrested "
                                    "within a few days.")
    assert (arrested.lower, arrested.upper) == (19881207, 19881214)
    assert inferred_span(quake, "It took several weeks.").upper == 19890131


def test_a_participle_of_realizing_or_rather_than_opens_narrative_not_commentary() -> None:
    # 004 lines 1897-1907 (across a page break): what the CSCE resolved in March 1992
    assert not is_commentary(
        "Realizing that “the organization had just admitted two members, Armenia and "
        "Azerbaijan, who were at war with each other... CSCE foreign ministers resolved to "
        "hold a peace conference on Nagorny Karabakh.”")
    # 004 line 2709: what the arrest did on 22 April 2018
    assert not is_commentary(
        "However, rather than dampening the protests, Pashinyan’s arrest and the apparent "
        "threat of violence only increased opposition to Sargsyan.")
    # a "Rather," that corrects the writer's own claim still judges
    assert is_commentary("Rather, the most significant conclusion is that the war changed.")


def test_where_people_lived_is_a_state_not_a_happening() -> None:
    # 004 line 1433
    assert not tells_action("While Armenians and Azeris no longer lived side by side anywhere "
                            "in Artsakh, the region “was still a mosaic of Azerbaijani and "
                            "Armenian villages.")


def test_a_past_only_in_a_relative_clause_or_a_writer_s_present_is_no_happening() -> None:
    # 004 line 3015: the only past is in "who stayed behind"
    assert not tells_action(
        "In this light, encouraging violence against civilians and captives—either tacitly or "
        "explicitly—not only removes the few Armenians who stayed behind, but also scares the "
        "rest into fleeing ahead of the Azeri army’s advance.")
    # 004 line 2999: a present perfect whose participle follows an opening quote
    assert not tells_action("The Prosecutor’s Office has dismissed most claims of war crimes, "
                            "alleging that it has “determined that many of the videos were "
                            "fake.”")
    # 004 line 2999: the writer's present; 004 line 3425: a present inside what is quoted
    assert is_commentary("Describing the videos of war crimes, journalist Neil Hauer writes "
                         "that “A state policy in Azerbaijan of ethnic hatred towards Armenians "
                         "has played a driving role in encouraging these crimes.”")
    assert not is_commentary("While Azerbaijan predictably denied these reports, the DFR Lab "
                             "concluded that “open-source evidence suggests that Azerbaijan used "
                             "extreme and indiscriminate tactics.”")


# 004 lines 1359 and 1379 (markers removed; the year, given earlier in the chapter, added)
REFERENDUM = ("In a referendum held on December 10, 1991, the Armenians of Artsakh, the Azeri "
              "minority having boycotted, approved the Soviet’s declaration, voting almost "
              "unanimously—108,615 to 24—for independence.")
CRASH = ("On November 20, 1991, a helicopter carrying Azeri officials as well as Russian and "
         "Kazakh negotiators \"crashed over the Martuni region in southern Karabakh, apparently "
         "after being shot down by Armenian fighters.\"")
REVOKED = ("Six days later, \"Azerbaijan's new National Council voted to revoke Nagorny "
           "Karabakh's autonomous status,\" followed soon after by Artsakh's independence "
           "referendum.")


def test_a_happening_told_as_soon_after_takes_the_day_the_document_gave_it_before() -> None:
    told = dated(sentence(0, REFERENDUM, paragraph=0), sentence(1, CRASH, paragraph=1),
                 sentence(2, REVOKED, paragraph=1))
    assert told[-2:] == [(2, True, "26 November 1991"), (2, True, "10 December 1991")]
    # without the referendum's own sentence, "soon after" 26 November is all a reader has
    alone = dated(sentence(1, CRASH, paragraph=1), sentence(2, REVOKED, paragraph=1))
    assert alone[-1] == (2, True, "26 November 1991 – December 1991")


def test_a_decade_told_in_passing_does_not_end_the_story_of_a_day() -> None:
    # 004 line 953 (markers removed; the year, given earlier in the chapter, added): the
    # march on Stepanakert of February 22, 1988, a rumour's decade, the clash at Askeran
    story = [
        "A few days prior to Gorbachev's address, on February 22, 1988, several hundred Azeris "
        "from the town of Aghdam had marched toward Stepanakert \"burning everything along "
        "the way.\"",
        "While Azeris claim that the crowd was reacting to the rape of two Azeri women in "
        "Stepanakert, Armenian sources counter by arguing that \"it was only in the beginning "
        "of the 1990s that the 'rape of two Azerbaijani girls' was put into circulation\" to "
        "explain the motivation of the crowd.",
        "Whatever their motivation, the crowd was \"met by a cordon of policemen and a group "
        "of Armenian villagers, some of whom carried hunting rifles.\"",
        "In the ensuing fighting, two Azeris were killed, one by an Azeri policeman and the "
        "other by a hunting rifle likely fired by an Armenian.",
    ]
    told = dated(*(sentence(i, t) for i, t in enumerate(story)))
    assert (1, False, "early 1990s") in told
    assert (3, True, "22 February 1988") in told


def test_a_speaker_telling_what_they_have_just_done_inherits_the_statement_s_day() -> None:
    # 004 line 3049 (the year, given earlier in the chapter, added): Harutyunyan's statement
    orders = sentence(0, "“At my orders, today, October 4, 2020, the Defense Army delivered "
                         "several rocket strikes with the purpose of neutralizing military "
                         "facilities deployed in the city of Ganja.")
    cease = sentence(1, "As of this moment, I have ordered to cease the fire, in order to avoid "
                        "innocent victims among the civilian population.")
    assert dated(orders, cease)[-1] == (1, True, "4 October 2020")
    assert tells_action(cease.text)
    assert not tells_action("As of this moment, the fire has ceased.")


def test_an_opening_concession_in_the_pluperfect_recalls_and_tells_nothing_new() -> None:
    # 004 line 1235 (January 1990; the first sentence's date written in full)
    ignored = sentence(0, "However, on January 20, 1990, Moscow ignored both resolutions, "
                          "arresting several leaders of the Popular Front and imposing martial "
                          "law in Baku.")
    turned = sentence(1, "While the Soviet authorities had reasserted their control of "
                         "Azerbaijan, the events of “Black January” turned the Azeri "
                         "population against the Soviet Union, marking the beginning of the "
                         "end of the Azerbaijani Soviet Socialist Republic.")
    found = [m for m in document_mentions(THESIS, [ignored, turned], periods=())
             if m.sentence.index == 1]
    assert [m.title.split(" turned")[0] for m in found] == ["The events of “Black January”"]


def test_a_block_quote_s_speaker_is_the_one_who_introduced_it() -> None:
    # 004 lines 3047-3049 (markers removed; the date, given earlier in the paragraph, and
    # "military facilities", which the quote repeats, added to the first): Harutyunyan's
    # Facebook statement, set off in a paragraph of its own
    hit = sentence(0, "On October 4, 2020, three rockets hit a residential section of Ganja, "
                      "Azerbaijan’s second largest city, and military facilities.", paragraph=0)
    told = sentence(1, "Turning to Facebook, Harutyunyan announced that the missiles had been "
                       "fired by Artsakh’s forces, writing that", paragraph=0)
    orders = sentence(2, "“At my orders, today the Defense Army delivered several rocket "
                         "strikes with the purpose of neutralizing military facilities "
                         "deployed in the city of Ganja.", paragraph=1)
    cease = sentence(3, "As of this moment, I have ordered to cease the fire, in order to avoid "
                        "innocent victims among the civilian population.", paragraph=1)
    found = {m.sentence.index: m.actors
             for m in document_mentions(THESIS, [hit, told, orders, cease], periods=())}
    assert "Arayik Harutyunyan" in found[2] and "Arayik Harutyunyan" in found[3]
    # a paragraph that ends its sentence gives the next one no speaker
    ended = replace(told, text=told.text.removesuffix(", writing that") + ".")
    found = {m.sentence.index: m.actors
             for m in document_mentions(THESIS, [hit, ended, orders, cease], periods=())}
    assert found[3] == ()


def test_a_third_of_a_year_dates_what_follows_like_a_season() -> None:
    # 004 line 1273 (marker removed): "late 1990" is September to December, as narrow as a
    # season; the clash told next happened then (gold 004-S1-073: 1990-09..1990-12)
    raids = ("Even this measure could not stop the fighting and “sporadic raids on both Soviet "
             "forces and Azerbaijani settlements continued throughout late 1990.”")
    clash = ("The Armenian militias clashed with Azerbaijan’s OMON, Azerbaijan’s legalized "
             "paramilitary force, which was “deployed almost exclusively in and around Nagorny "
             "Karabakh.")
    assert dated(sentence(0, raids), sentence(1, clash)) == [
        (0, False, "late 1990"), (1, True, "late 1990")]
    # a wider part of a span does not: the first half of a decade
    decade = "Sporadic raids continued throughout the early 1990s."
    assert dated(sentence(0, decade), sentence(1, clash)) == [(0, False, "early 1990s")]


def test_what_a_named_happening_brought_about_came_soon_after_it() -> None:
    # 004 line 1509, in a paragraph the June 1992 election dated before: "Khojaly" is the
    # Khojaly massacre of data/periods.toml (25-26 February 1992); what it resulted in
    # came after it (gold S2-039: 1992-02..1992), not in June
    election = "In June 1992, Abulfaz Elchibey won the presidential election."
    surge = ('Khojaly also resulted in a surge of motivation among Azeris, and "Hundreds of '
             'men for whom Karabakh had hitherto been a distant dispute volunteered to fight."')
    told = [(m.sentence.index, m.inferred, m.date.label) for m in document_mentions(
        THESIS, [sentence(0, election), sentence(1, surge)])]
    assert told == [(0, False, "June 1992"), (1, True, "26 February 1992 – March 1992")]
    # a place that names no happening leaves the sentence to its passage
    kapan = surge.replace("Khojaly", "Kapan")
    assert [m.date.label for m in document_mentions(
        THESIS, [sentence(0, election), sentence(1, kapan)])][1] == "June 1992"
    # 004 line 1529: what was done after it, and what the passage goes on to tell
    capture = ("After capturing Khojaly, the Armenian commanders had turned their attention "
               "back to Azerbaijan’s other stronghold in Artsakh: Shushi.")
    assert [m.date.label for m in document_mentions(
        THESIS, [sentence(0, election), sentence(1, capture)])][1] == \
        "26 February 1992 – March 1992"


def test_having_done_the_thing_told_before_is_soon_after_it() -> None:
    # 004 lines 1359 and 1379: the independence referendum of 10 December 1991, then, in
    # a later paragraph, "Having declared independence, ... entered into a state of war"
    referendum = sentence(0, "In a referendum held on December 10, 1991, the Armenians of "
                             "Artsakh, the Azeri minority having boycotted, approved the "
                             "Soviet’s declaration, voting almost unanimously—108,615 to "
                             "24—for independence.", paragraph=0)
    war = sentence(1, "Having declared independence, Armenia, Artsakh, and Azerbaijan almost "
                      "immediately entered into a state of war.", paragraph=1)
    assert dated(referendum, war) == [(0, False, "10 December 1991"),
                                      (1, True, "10 December 1991 – January 1992")]
    # not through the passage: under another heading the referendum's passage has ended,
    # and only the words pointing back at what was declared date the war
    later = replace(war, section="War Comes to Artsakh")
    assert dated(referendum, later) == [(0, False, "10 December 1991"),
                                        (1, True, "10 December 1991 – January 1992")]


# 004 line 1547 (the capture of Shushi, 8-9 May 1992, is told in the paragraph before)
SHUSHI = "On May 8, 1992, Armenian forces captured Shushi after a two-day assault."
TEHRAN = ("At the same time that Armenians in Artsakh were mounting their attack on Shushi, "
          "Ter-Petrosyan was meeting with Mamedov in Tehran.")


def test_a_paragraph_at_the_same_time_goes_on_at_the_passage_s_date() -> None:
    ms = list(document_mentions(THESIS, [sentence(0, SHUSHI), sentence(1, TEHRAN, 1)],
                                periods=()))
    assert [(m.sentence.index, m.inferred, m.date.label) for m in ms] == [
        (0, False, "8 May 1992"), (1, True, "8 May 1992")]
    assert ms[1].title == "Ter-Petrosyan was meeting with Mamedov in Tehran"
    # a past progressive elsewhere is the background, not a happening (004 line 2013)
    poor = "Tens of thousands of professionals were emigrating, and the country was poor."
    assert dated(sentence(0, SHUSHI), sentence(1, poor)) == [(0, False, "8 May 1992")]


def test_at_the_same_time_does_not_hold_when_the_paragraph_steps_back() -> None:
    # 004 line 2913: the talks in Moscow were on October 9, before the passage's October 12
    hadrut = "Russia Today correspondent Igor Zhdanov visited Hadrut on October 12, 2020."
    moscow = ("At the same time that Armenian and Azeri forces battled for control of Hadrut, "
              "diplomats from the two sides met in Moscow.")
    travel = ("Despite this demand, the foreign ministers of both Armenia and Azerbaijan "
              "traveled to Moscow on October 9 to meet with Russia’s Sergei Lavrov.")
    assert dated(sentence(0, hadrut), sentence(1, moscow, 1), sentence(2, travel, 1)) == [
        (0, False, "12 October 2020"), (2, True, "9 October 2020")]
