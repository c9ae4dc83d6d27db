"""Gazetteer matching on sentences from the seeds."""

from __future__ import annotations

from karabakh_tui.extract.gazetteer import load_gazetteer, parse_gazetteer
from karabakh_tui.extract.periods import load_periods, periods_for


def names(text: str, when: int | None = None) -> set[tuple[str, str]]:
    return {(m.kind, m.name) for m in load_gazetteer().find(text, when)}


def test_demonyms_and_places() -> None:
    # 004 line 3033
    found = names("Azeri shelling, which had been one of the first signs of renewed violence "
                  "on September 27, killed a woman and child in Artsakh’s Martuni region", 2020)
    assert {("actor", "Azerbaijan"), ("place", "Martuni")} <= found


def test_place_variants_keep_the_community_name() -> None:
    # 000 line 304: "Shushi-Shusha"
    matches = load_gazetteer().find("addressing the issue of Armenian IDPs from Shushi-Shusha "
                                    "and Hadrut.")
    shusha = [(m.surface, m.variant_community) for m in matches if m.name == "Shusha"]
    assert shusha == [("Shushi", "armenian"), ("Shusha", "")]


def test_non_breaking_hyphen_and_stray_space() -> None:
    # 001 line 16: "Nagorno‑ Karabakh"
    assert ("place", "Nagorno-Karabakh") in names("regarding Nagorno\u2011 Karabakh in order")


def test_shared_surname_resolved_by_full_name_then_by_date() -> None:
    assert ("actor", "Ilham Aliyev") in names("President Ilham Aliyev said Aliyev would win.")
    assert ("actor", "Heydar Aliyev") in names("Aliyev returned to power in Baku.", 1993)
    assert not {n for k, n in names("Aliyev spoke.") if n.endswith("Aliyev")}


def test_titled_person_not_in_gazetteer_is_kept_unlisted() -> None:
    # 001: "Prime Minister Menachem Begin"
    found = load_gazetteer().find("as Prime Minister Menachem Begin did")
    assert [(m.name, m.unlisted) for m in found] == [("Menachem Begin", True)]


def test_comparison_elsewhere_is_context() -> None:
    gaz = load_gazetteer()
    # 002: "Great Britain emerged twice victorious in the world wars of the twentieth century."
    assert gaz.is_context(gaz.find("Great Britain emerged twice victorious in the world wars"))
    assert not gaz.is_context(gaz.find("Great Britain and Armenia"))


def test_word_boundaries() -> None:
    assert ("place", "Armenia") not in names("Armenians")
    assert names("the Iranian-born") == {("actor", "Iran")}


def test_a_crafted_gazetteer() -> None:
    gaz = parse_gazetteer('[[place]]\nname = "X-town"\nvariants = { "Ygrad" = "b" }\n')
    assert [(m.name, m.surface) for m in gaz.find("From X town to Ygrad.")] == [
        ("X-town", "X town"), ("X-town", "Ygrad")]


def test_periods_nest() -> None:
    periods = load_periods()
    # 2 April 2016: the Four-Day War, inside the frozen conflict
    assert periods_for(20160402, 20160402, periods) == ["Frozen conflict", "Four-Day War"]
    assert "Second Karabakh War" in periods_for(20201004, 20201004, periods)


# ---- context decides what a name names (sentences from 004, read in the seed) ----------


def actors(text: str, when: int | None = None, before: tuple[str, ...] = ()) -> set[str]:
    return {m.name for m in load_gazetteer().find(text, when, before) if m.kind == "actor"}


def places(text: str, when: int | None = None, before: tuple[str, ...] = ()) -> set[str]:
    return {m.name for m in load_gazetteer().find(text, when, before) if m.kind == "place"}


def test_demonym_adjective_is_the_actor_only_before_an_agent_noun() -> None:
    # 004 line 1411: Melkonian acts; "Armenian" only describes him
    text = ("As the celebrated Armenian general Monte Melkonian told an interviewer in 1993, "
            "“mathematically speaking, we should have lost long ago")
    assert actors(text, 1993) == {"Monte Melkonian"}
    # 004 line 2947: the journalist reports; Russia does nothing; the Azeri forces act
    text = ("On October 10, Russian journalist Alexander Kots reported that a group of 200 "
            "Azeri special operation forces had attempted to infiltrate Hadrut overnight")
    assert actors(text, 2020) == {"Alexander Kots", "Azerbaijan"}
    assert places(text, 2020) == {"Hadrut"}


def test_a_state_is_the_place_after_a_locative_word_not_where_it_acts_abroad() -> None:
    # 004 line 1145
    assert "Armenia" in places("After being released from prison in May 1989, the Karabakh "
                               "Committee returned to Armenia as heroes", 1989)
    # 004 line 1975: Armenia acts at the Lisbon summit
    text = "In the end, Armenia vetoed the Lisbon Summit’s final communique"
    assert actors(text, 1996) == {"Armenia"} and places(text, 1996) == {"Lisbon"}
    # 004 line 1159
    text = ("Across Azerbaijan, the Popular Front organized strikes, held meetings, and "
            "drafted public statements")
    assert places(text, 1989) == {"Azerbaijan"} and "Popular Front of Azerbaijan" in actors(text)


def test_the_narrower_place_wins_over_its_state() -> None:
    # 004 line 3047
    text = ("At around the same time, three rockets hit a residential section of Ganja, "
            "Azerbaijan’s second largest city.")
    assert places(text, 2020) == {"Ganja"}


def test_artsakh_is_the_territory_after_a_preposition_and_the_actor_when_it_acts() -> None:
    # 004 line 1069
    text = "On June 15, the Supreme Soviet of Armenia voted in favor of unification with Artsakh"
    assert actors(text, 1988) == {"Armenia"} and places(text, 1988) == {"Nagorno-Karabakh"}
    # 004 line 3047
    text = ("That changed on October 4 when Harutyunyan announced via Twitter that Artsakh’s "
            "defense army would begin targeting military objects")
    assert {"Artsakh", "Arayik Harutyunyan"} <= actors(text, 2020)


def test_soviet_as_a_council_is_not_the_soviet_union() -> None:
    # 004 line 1069
    text = ("The first stage of this war of laws reached its peak on July 12 when the "
            "Stepanakert Soviet “voted to secede unilaterally from Azerbaijan")
    assert "Soviet Union" not in actors(text, 1988)
    assert "Stepanakert" in places(text, 1988)


def test_a_place_named_in_a_comparison_is_not_the_place() -> None:
    # 004 line 1177, the January 1990 Baku pogrom
    text = ("As in Sumgait, the savagery was appalling and the center of the city around the "
            "Armenian quarter became a killing ground.")
    assert "Sumgait" not in places(text, 1990)
    # the square is a place, not Vladimir Lenin
    text = "A vast crowd filled Lenin Square for a rally"
    assert places(text, 1990) == {"Lenin Square"} and "Vladimir Lenin" not in actors(text)


def test_leaders_act_for_their_state() -> None:
    # 004 line 1965
    text = ("In November 1995, Ter-Petrosyan and Aliyev had met at an OSCE summit in Bonn, "
            "Germany and agreed to begin direct negotiations between the two countries.")
    assert {"Levon Ter-Petrosyan", "Heydar Aliyev", "Armenia", "Azerbaijan", "OSCE"} <= actors(
        text, 1995)
    # 004 line 2691: Serzh, not Vazgen (killed 1999), in 2018
    assert actors("Sargsyan was formally sworn in as prime minister on April 17", 2018) == {
        "Serzh Sargsyan", "Armenia"}


def test_a_sentence_without_a_place_happened_where_the_passage_says() -> None:
    # 004 lines 1513-1527: "the village" is Maraga
    before = ("The Khojaly Massacre was closely followed by the worst single massacre of "
              "Armenian civilians when, on April 10, Azeri forces captured the village of Maraga.",)
    text = "Armenian troops recaptured the village the following day"
    # all the places of the nearest sentence that names one (Khojaly too: a known excess)
    assert "Maraga" in places(text, 1992, before)
    assert all(m.carried for m in load_gazetteer().find(text, 1992, before) if m.kind == "place")
    assert places(text, 1992) == set()


def test_spelling_variants_of_the_seeds() -> None:
    # 004 line 1105 "headed for Khojalu"; 001 line 15 "Duma parliamentarian Konstantin Zatulin"
    assert places("hundreds of Armenians boarded buses and trucks, and headed for Khojalu.") == {
        "Khojaly"}
    assert "Konstantin Zatulin" in actors("In March 2021, Duma parliamentarian Konstantin Zatulin, "
                                          "a member of the ruling United Russia party, met")


def test_a_person_introduced_by_a_role_or_apposition_is_kept() -> None:
    gaz = parse_gazetteer('[matching]\nroles = ["expert", "historian"]\n')
    assert [m.name for m in gaz.find("historian Ann Smith wrote; Bob Jones, a military expert, "
                                     "said")] == ["Ann Smith", "Bob Jones"]
    assert all(m.unlisted for m in gaz.find("historian Ann Smith wrote"))


def test_titled_names_with_initials_numerals_and_apostrophes() -> None:
    # 001 "U.S. President George W. Bush"; 002 "Irish journalist Fintan O’Toole"; 004 "the
    # Byzantine Emperor Romanus IV Diogenes in 1071"; 000: an unresolved "President Aliyev" (no
    # date) is no new person
    assert "George W. Bush" in actors("in May 2003 U.S. President George W. Bush declared")
    assert "Fintan O’Toole" in actors("Yet as Irish journalist Fintan O’Toole argues in his")
    assert "Romanus IV Diogenes" in actors("After defeating the Byzantine Emperor Romanus IV "
                                           "Diogenes in 1071")
    assert actors("on the Azeri side, expect President Aliyev.") == {"Azerbaijan"}


def test_a_capital_stands_for_its_government_of_the_time_unless_it_is_only_where() -> None:
    # 004 line 1177 (January 1990): Moscow is the Soviet government; Baku is only where
    text = "that Moscow declared a state of emergency in Baku."
    assert actors(text, 1990) == {"Soviet Union"}
    assert places(text, 1990) == {"Moscow", "Baku"}
    # 004 line 1235 says it of 1990; the same words dated 2021 are Russia’s
    assert actors("Moscow ignored both resolutions", 1990) == {"Soviet Union"}
    assert actors("Moscow ignored both resolutions", 2021) == {"Russia"}


def test_comparison_states_are_context_actors() -> None:
    gaz = load_gazetteer()
    # 002: "In a set‑piece sea battle at Tsushima in May of that year, a Japanese fleet under
    # Admiral Togo destroyed ..."
    found = gaz.find("In a set\u2011piece sea battle at Tsushima in May of that year, a Japanese "
                     "fleet under Admiral Togo destroyed")
    assert {(m.kind, m.name) for m in found} == {("place", "Tsushima"), ("actor", "Japan")}
    assert gaz.is_context(found)
    # 001: Israel acts through its prime minister; the PLO is defeated in Lebanon
    text = ("in August 1982 Israeli Prime Minister Menachem Begin predicted that the imminent "
            "defeat of the Palestine Liberation Organization (PLO) in Lebanon portended")
    assert actors(text, 1982) == {"Israel", "Menachem Begin", "Palestine Liberation Organization"}


def test_a_third_party_makes_a_comparison_neither_core_nor_context() -> None:
    gaz = load_gazetteer()
    # the comparisons the issue names: Tsushima in 1905 (002 line 31, "In 1905 Japan scored
    # a stunning victory over Russia"), Israel and the PLO in 1982 and Iraq in 2003 (001
    # line 3); Russia, Israel and the United States act in the conflict too
    assert gaz.is_context(gaz.find("In 1905 Japan scored a stunning victory over Russia.",
                                   1905))
    bush = ("in May 2003 U.S. President George W. Bush declared “Mission Accomplished” after "
            "ousting Saddam Hussein from power in Iraq.")
    assert gaz.is_context(gaz.find(bush, 2003))
    ossetia = ("In 2008, Russia de\u2011recognized Georgia’s territorial integrity in order to "
               "justify its intervention in South Ossetia")
    assert gaz.is_context(gaz.find(ossetia, 2008))
    # a third party on its own, or beside a party to the conflict, is the conflict's
    assert not gaz.is_context(gaz.find("Russia brokered a ceasefire", 2020))
    assert not gaz.is_context(gaz.find("In 1905 Japan scored a victory over Russia and "
                                       "Armenia", 1905))


def test_the_group_is_the_group_named_before() -> None:
    # 004 line 1925
    before = ("In addition, improving relations between Russia and the West as well as the OSCE "
              "acknowledging “Russia’s special role in the dispute by promoting it to become "
              "one "
              "of two co-chairs of the Minsk Group, alongside Sweden” convinced Russia to stop "
              "pursuing mediation efforts outside of the OSCE.",)
    text = ("By April 1995, when Finland replaced Sweden as co-chair, the group’s internal "
            "“conflicts were pretty much settled between Russia and the West.”")
    assert "OSCE Minsk Group" in actors(text, 1995, before)
    assert "OSCE Minsk Group" not in actors(text, 1995)


def test_both_sides_are_the_conflicts_parties_except_in_a_comparison() -> None:
    # 004 line 1379
    text = ("While Boris Yeltsin and Kazakhstan's President Nursultan Nazarbayev succeeded in "
            "getting both sides to commit to a peaceful solution in September")
    assert {"Armenia", "Azerbaijan", "Russia", "Kazakhstan"} <= actors(text, 1991)
    # crafted after 001 on Kosovo: no Armenia in a comparison
    text = "the UN brokered talks in Kosovo and both sides agreed"
    assert actors(text, 2006) == {"United Nations"} and places(text, 2006) == {"Kosovo"}


def test_a_name_used_as_a_topic_names_neither_actor_nor_place() -> None:
    # 004: "At the conclusion of the Key West summit, a peaceful conclusion to the Artsakh
    # conflict seemed within sight"; Bishkek is in Kyrgyzstan, both places of the seed
    text = "a peaceful conclusion to the Artsakh conflict seemed within sight"
    assert actors(text, 2001) == set() and places(text, 2001) == set()
    assert places("met in Bishkek, Kyrgyzstan to agree to a peace deal") == {"Bishkek",
                                                                           "Kyrgyzstan"}


def test_one_state_s_leader_acting_alone_is_at_home_two_states_leaders_are_not() -> None:
    # 004 line 2711 (gold S4-015): Armenian domestic politics, no place named or carried
    text = ("By the following evening, perhaps anticipating even larger crowds on April 24, "
            "the date of the annual Armenian Genocide commemoration, Sargsyan “tendered his "
            "resignation, including an enigmatic mea culpa")
    found = [m for m in load_gazetteer().find(text, 2018) if m.kind == "place"]
    assert [(m.name, m.carried) for m in found] == [("Armenia", True)]
    # a place carried from the paragraph comes first (gold S4-014 is in Yerevan)
    assert places(text, 2018, before=("Protesters marched in Yerevan.",)) == {"Yerevan"}
    # 004 gold S4-024: two states' leaders agree somewhere the sentence does not say
    assert places("Pashinyan and Aliyev agreed in 2019 to create a hotline between "
                  "commanders", 2019) == set()


def test_a_demonym_joined_to_an_agent_participle_is_the_actor() -> None:
    # 004 line 1909 "After the Russian-brokered ceasefire, the Western members of the Minsk
    # Group scrambled …": Russia brokered it
    assert ("actor", "Russia") in names("After the Russian-brokered ceasefire, the Western "
                                        "members of the Minsk Group scrambled to reassert "
                                        "their influence in the region.", 1994)
    assert ("actor", "Turkey") in names("Turkish-backed Syrian mercenaries arrived.", 2020)
    # a thing made or a place peopled by them: no actor
    assert not any(kind == "actor" for kind, _ in names("Azerbaijan bought Russian-made "
                                                       "tanks in an Armenian-populated "
                                                       "region.", 2010) - {("actor", "Azerbaijan")})


def test_harutyunyan_is_the_one_in_office_at_the_time() -> None:
    # 004 line 1049 (1988): Demirchyan's successor, not Artsakh's president of 2020
    replaced = ("prompted Moscow to remove him from office and replace him on May 21 with "
                "Suren Harutyunyan, an Armenian from Georgia")
    assert "Suren Harutyunyan" in actors(replaced, 1988)
    assert "Arayik Harutyunyan" not in actors(replaced, 1988)
    # 004 line 3049 (2020): the surname alone is Artsakh's president
    assert "Arayik Harutyunyan" in actors("Harutyunyan announced via Twitter", 2020)
    # 004 line 3199: a journalist of the same surname is neither
    journalist = "Karen Harutyunyan, Hakobyan’s colleague at Civilnet, expressed a similar"
    assert actors(journalist, 2020) == {"Karen Harutyunyan"}


def test_the_spellings_of_the_1993_offensive_are_places() -> None:
    # 004 line 1707: one paragraph spells the district two ways
    assert "Jabrayil" in places("launched a sudden attack in the Jebraïl region on 21 October",
                                1993)
    assert {"Zangilan", "Jabrayil"} <= places("Qubadli, Zangilan, and Jebrayil to the west",
                                              1993)
    assert {"Horadiz", "Mincivan", "Zangilan"} <= places(
        "the NK forces occupied Horadiz, Minjevan and the entire region of Zangelan", 1993)


def test_places_of_battles_deaths_and_conferences() -> None:
    # 004 lines 273, 561, 1821, 2453, 3361; 1920 Khankend and Veranda keep their words
    assert "Avarayr" in places("the Armenian forces were defeated at the Battle of Avarayr "
                               "in 451", 451)
    assert "Sarikamish" in places("a decisive Russian victory over the Ottomans at Sarikamish",
                                  1915)
    assert "Cleveland" in places("he died in Cleveland in December", 2003)
    assert "Copenhagen" in places("for a United Nation’s conference—this time in Copenhagen",
                                  1995)
    assert "Hakari valley" in places("advancing up the Hakari river valley", 2020)
    found = load_gazetteer().find("an outbreak of violence at Khankend (now Stepanakert)", 1920)
    assert ("Stepanakert", "Khankend") in {(m.name, m.surface) for m in found}
    assert "Fizuli" in places("forced them to withdraw from Veranda [Fuzuli]", 1920)


def test_a_surname_both_namesakes_bore_that_year_is_the_one_named_before() -> None:
    # 004 line 2453: 2003 is the last year of Heydar Aliyev and the first of Ilham
    before = ("Azerbaijan was also dissuaded from undertaking new mediation efforts by the "
              "declining health of Heydar Aliyev.",)
    text = "In July, Aliyev was taken to Ankara for medical treatment"
    assert "Heydar Aliyev" in actors(text, 2003, before)
    assert not {"Heydar Aliyev", "Ilham Aliyev"} & actors(text, 2003)  # not a guess
    assert "Ilham Aliyev" in actors(text, 2010, before)  # the year still decides first


def test_a_place_carried_from_before_does_not_make_a_comparison_core() -> None:
    gaz = load_gazetteer()
    # 002 line 79, after sentences on Armenia and Azerbaijan; "East Pakistan" is a place
    before = ("Armenia and Azerbaijan have lived with the rivalry for thirty years.",)
    text = ("Despite successive defeats in actual wars, including a crushing defeat in 1971 "
            "that led to the loss of East Pakistan (now Bangladesh), Pakistan has sustained "
            "its rivalry with India.")
    found = gaz.find(text, 1971, before)
    assert "Bangladesh" in {m.name for m in found if m.kind == "place"}
    assert gaz.is_context(found)
    # with no place of its own, the places carried from before are all it has
    carried = gaz.find("Both of these declarations came back to haunt them.", 2003,
                       ("the PLO in Lebanon and Saddam Hussein in Iraq",))
    assert gaz.is_context(carried)
    without_place = gaz.find("Pakistan has sustained its rivalry with India.", 1971, before)
    assert gaz.is_context(without_place)


def test_a_leader_s_own_country_beats_another_country_carried_from_before() -> None:
    # 004 line 1357 (1991): Ter-Petrosyan was elected in Armenia, the sentence before was
    # about Azerbaijan
    before = ("In Azerbaijan, Mutalibov was elected president, “but it was a mechanical "
              "victory: his was the only name on the ballot.”",)
    text = ("Following a referendum on September 21, in which 95% of Armenians voted in favor "
            "of independence, Ter-Petrosyan was elected president.")
    assert places(text, 1991, before) == {"Armenia"}
    # a town carried from before still goes on ("... the village. Armenian troops
    # recaptured the village the following day")
    village = ("On April 10, Azeri forces captured the village of Maraga.",)
    assert places("Ter-Petrosyan's troops recaptured the village the following day.", 1992,
                  village) == {"Maraga"}


def test_the_omon_acts_for_azerbaijan() -> None:
    # 004 line 1311 (1991): "Azerbaijan's OMON, Azerbaijan's legalized paramilitary force"
    found = actors("On April 30, Soviet soldiers and OMON forces entered the villages", 1991)
    assert {"OMON", "Azerbaijan", "Soviet Union"} <= found
