"""One mention per happening: a sentence that tells two happenings at its one date gives
two mentions, each titled from its own clause. Sentences from seed 004 (Toghramadjian
2021), with the seed file's line numbers; each split checked by reading the file."""

from __future__ import annotations

import pytest

from karabakh_tui.extract.mentions import document_mentions, happening_clauses
from karabakh_tui.merge import cluster
from karabakh_tui.model import Sentence, Source

THESIS = Source(id="t", file="t.txt", title="T", written="2021-05")


def parts(text: str) -> list[str]:
    return [text[a:b].strip(" ,") for a, b in happening_clauses(text)]


@pytest.mark.parametrize(("text", "second"), [
    # line 2709 (gold S4-010 and S4-012)
    ("On April 22, Sargsyan met with Pashinyan and “appeared to issue a threat by asking "
     "Pashinyan if he had not learned the lesson of 1 March 2008” and Pashinyan was arrested "
     "shortly after the meeting.", "and Pashinyan was arrested shortly after the meeting."),
    # line 1925 (gold S3-017 and S3-018)
    ("In 1997, the group took on its current form when the European chair—which had "
     "previously been rotating—permanently passed to France and the United States joined as "
     "a third permanent co-chair.", "and the United States joined as a third permanent "
                                    "co-chair."),
    # line 1357 (gold S2-006 and S2-007): a passive with an irregular participle
    ("Following a referendum on September 21, in which 95% of Armenians voted in favor of "
     "independence, Ter-Petrosyan was elected president and “Ten of the original eleven "
     "members of the Karabakh Committee were given senior state posts.”",
     "and “Ten of the original eleven members of the Karabakh Committee were given senior "
     "state posts.”"),
    # line 1273 (gold S1-068 and S1-069): the clause after a leading "Despite ...,"
    ("Despite a decree signed by Gorbachev on July 25 declaring militia groups illegal and "
     "giving them 15 days to turn their weapons over to the Ministry of Internal Affairs, the "
     "ANA and other such groups refused to comply.",
     "the ANA and other such groups refused to comply."),
    # line 2711 (gold S4-016 and S4-017): the main clause's subject opens with an adjective
    ("While Sargsyan’s allies succeeded in blocking Pashinyan from being elected prime "
     "minister in the first vote held on May 1, renewed protests succeeded in placing enough "
     "pressure on members of the National Assembly to secure his victory in a second vote a "
     "week later.", "renewed protests succeeded in placing enough pressure on members of the "
                    "National Assembly to secure his victory in a second vote a week later."),
    # line 1547 (gold S2-049 and S2-050): two happenings on "the very same day"
    ("On May 9, the very same day that Armenian forces took control of the city, "
     "Ter-Petrosyan and Mamedov signed a statement declaring a ceasefire.",
     "Ter-Petrosyan and Mamedov signed a statement declaring a ceasefire."),
    # line 1379 (gold S2-014 and S2-015): what came after, told in a trailing participle
    ("Six days later, “Azerbaijan's new National Council voted to revoke Nagorny Karabakh's "
     "autonomous status,” followed soon after by Artsakh's independence referendum.",
     "followed soon after by Artsakh's independence referendum."),
    # line 2523: the time clause between two commas opens the clause after it
    ("While Ter-Petrosyan ran a competitive campaign, due in part to the fact that he still "
     "commanded the loyalty of many among Armenia's political elite, \"After the first round "
     "of voting on 19 February 2008, Serzh Sarkisian was declared the outright winner.\"",
     "\"After the first round of voting on 19 February 2008, Serzh Sarkisian was declared the "
     "outright winner.\""),
    # line 1089 (gold S1-016 and S1-017): an elision joins two sentences of the quote
    ("“Autumn of 1988 saw the Armenians turn against their Azerbaijani minority and expel "
     "them from Armenia...Armenian gangs raided Azerbaijani villages; many of their residents "
     "were beaten.", "...Armenian gangs raided Azerbaijani villages; many of their residents "
                     "were beaten."),
    # line 697: "After three days" opens the elided sentence
    ("On September 22, shortly after the [Baku] Commune’s downfall, Turkish and Azeri troops "
     "moved into Karabakh...After three days, Shusha fell.”", "...After three days, Shusha "
                                                              "fell.”"),
])
def test_a_second_happening_is_its_own_part(text: str, second: str) -> None:
    got = parts(text)
    assert len(got) >= 2 and got[-1] == second


@pytest.mark.parametrize("text", [
    # "and" joining names, not clauses
    "The war between Armenia and Azerbaijan ended in 1994.",
    # line 271: "the combined forces of Armenia and Rome returned"
    "However, the tide quickly reversed and in the 370s the combined forces of Armenia and "
    "Rome “returned these territories to Armenia.”",
    # line 1547: "Ter-Petrosyan and Mamedov signed" (one subject; the line's "the very same
    # day that ..." before it is a happening of its own, tested above)
    "On May 9, Ter-Petrosyan and Mamedov signed a statement.",
    # 002 line 115: a participle before "by" is no verb of a clause before "and"
    "Research conducted by the Yerevan Press Club and Yeni Nesil in 2019 found that a "
    "majority of Armenians opposed dialogue.",
    # the same subject goes on: one happening
    "On April 22, Sargsyan met with Pashinyan and appeared to issue a threat.",
    # a leading clause of analysis or of a state tells no happening of its own
    "While it is unclear when Armenians first arrived in Artsakh, the earliest records date "
    "from the second century B.C.",
    "While Armenians still constituted the significant majority of the population, the "
    "region was placed under Azerbaijan in 1921.",
    # "and then" goes on with the same subject; "and there was" is a state
    "Stepanyan announced that Armenian troops had carried out a “tactical retreat” and then "
    "trapped the advancing Azeri soldiers.",
    "The first round was held in the summer of 1994, and there was no international body "
    "willing to force a deal.",
    # 004 line 3231: "and Armenians have launched": no past of its own
    "During the July clashes, the Lab had reported that “Both Azerbaijanis and Armenians have "
    "launched hashtags campaigns focused on the current hostilities.”",
    # 004 line 921: ", especially as it crossed the border" adds to the clause before it
    "While the Politburo met the following day, the push for unification would only continue "
    "to grow, especially as it crossed the border into Armenia proper.",
    # "and" between names (004 lines 613, 655, 2965) or closing "both ... and" (line 2035)
    "However, the mass desertion of Russian soldiers left Armenian and Georgian forces alone "
    "“to defend a 300-mile perimeter.”",
    "In 1918 the Christian Georgians and Armenians feared a loss of independence.",
    "The first showed two men—who would later be identified as 73-year-old Benik Hakobian and "
    "25-year-old Yuri Adamian—being taken captive by Azeri soldiers.",
    "Serzh Sargsyan, an Artsakhi who had served as both Armenia’s Minister of National Security "
    "and its Minister of Interior—“was included in the ranks of those who towed a hard line.”",
    # "and Cooperation that served": a name, then a relative clause
    "In 1997 the two countries signed the Treaty of Friendship and Cooperation that served as "
    "the culmination of bilateral agreements.",
    # after an elision, a copula (line 1841), a past perfect's background (line 2523) or
    # the present of a toll (line 635) tells no happening of its own
    "Observers from the OSCE reported that the elections “did not meet international "
    "standards for free and fair elections...And this was the OSCE/ODIHR finding for every "
    "election in Azerbaijan observed since 1995.”",
    "Facing his departure from office, “Kocharian began preparing the ground for his old "
    "friend, colleague, and fellow Karabakhi, Serzh Sarkisian, to succeed him...Sarkisian had "
    "served twice as Armenia's defense minister and more recently as prime minister.”",
    "Turkish and Azeri forces captured the city in September and “swarmed throughout the city "
    "plundering and killing...Conservative estimates of Armenian dead are close to ten "
    "thousand, while many sources claim that from twenty to thirty thousand Christians were "
    "slaughtered.”",
])
def test_one_happening_stays_one_part(text: str) -> None:
    assert len(happening_clauses(text)) == 1


def test_each_happening_gets_a_mention_titled_from_its_clause_and_its_own_event() -> None:
    text = ("On April 22, 2018, Sargsyan met with Pashinyan and “appeared to issue a threat” "
            "and Pashinyan was arrested shortly after the meeting.")
    sentence = Sentence(document="t", index=0, start=0, end=len(text), text=text, line=1,
                        section="Body", paragraph=0)
    met, arrested = document_mentions(THESIS, [sentence], periods=())
    assert met.clause is None and met.title.startswith("Sargsyan met with Pashinyan")
    assert arrested.clause is not None
    assert arrested.title == "Pashinyan was arrested shortly after the meeting"
    # "shortly after" the day: from it, on into the next weeks
    assert (arrested.date.lower, arrested.date.text) == (20180422, "April 22, 2018")
    assert not arrested.inferred
    # two happenings, two events, though one sentence tells both at one date
    assert len(cluster([met, arrested], happenings=())) == 2


def test_a_clause_before_a_date_counted_from_an_earlier_one_tells_that_earlier_time() -> None:
    # line 2303: the first round was in 1998; "the following year" dates the new format
    text = ("While this first round of negotiations under Kocharyan and Aliyev resulted in "
            "little progress, a promising new format emerged the following year.")
    assert len(happening_clauses(text)) == 2
    first = Sentence(document="t", index=0, start=0, end=16, text="In 1998, talks began.",
                     line=1, section="Body", paragraph=0)
    second = Sentence(document="t", index=1, start=17, end=17 + len(text), text=text, line=1,
                      section="Body", paragraph=0)
    got = [m for m in document_mentions(THESIS, [first, second], periods=()) if
           m.sentence.index == 1]
    assert [m.date.label for m in got] == ["1999"]


def _mentions(*texts: str):
    sents = [Sentence(document="t", index=i, start=0, end=len(t), text=t, line=i + 1,
                      section="Body", paragraph=0) for i, t in enumerate(texts)]
    return list(document_mentions(THESIS, sents, periods=()))


def test_what_follows_a_leading_following_x_on_a_date_came_after_it() -> None:
    # 004 line 1357 (gold S2-005, S2-006, S2-007): Ter-Petrosyan was elected on October 16
    got = _mentions("Following a referendum on September 21, 1991, in which 95% of Armenians "
                    "voted in favor of independence, Ter-Petrosyan was elected president and "
                    "“Ten of the original eleven members of the Karabakh Committee were given "
                    "senior state posts.”")
    assert [(m.title, m.date.lower, m.date.upper) for m in got] == [
        ("Following a referendum on September 21, 1991, in which 95% of Armenians voted in…",
         19910921, 19910921),
        ("Ter-Petrosyan was elected president", 19910921, 19911031),
        ("Ten of the original eleven members of the Karabakh Committee were given senior "
         "state…", 19910921, 19911031)]


def test_what_was_done_despite_x_on_a_date_came_after_it() -> None:
    # 004 line 1273 (gold S1-068, S1-069; the year added): the decree gave 15 days
    got = _mentions("Despite a decree signed by Gorbachev on July 25, 1990 declaring militia "
                    "groups illegal and giving them 15 days to turn their weapons over to the "
                    "Ministry of Internal Affairs, the ANA and other such groups refused to "
                    "comply.")
    assert [(m.date.lower, m.date.upper) for m in got] == [(19900725, 19900725),
                                                           (19900725, 19900831)]


def test_the_date_s_mention_is_titled_from_its_clause_and_an_earlier_pluperfect_is_left() -> None:
    # 004 line 2899: "by October 6" opens the clause after it; the defence that "had largely
    # succeeded" came before that day, so it is not dated October 6
    got = _mentions("On September 27, 2020, Azerbaijan attacked.",
                    "While Armenian and Artsakhi soldiers had largely succeeded in defending "
                    "against the initial round of attacks, by October 6, Azerbaijan had broken "
                    "through the defenses along a roughly six-kilometer long portion of the "
                    "line of contact.")
    assert [m.title for m in got if m.sentence.index == 1] == [
        "By October 6, Azerbaijan had broken through the defenses along a roughly six-kilometer "
        "long…"]


def test_a_sentence_dated_by_its_passage_tells_its_second_happening_too() -> None:
    # 004 line 1123 (gold S1-030): "the remaining two were arrested within a few days"
    got = _mentions("On December 7, 1988, an earthquake struck northern Armenia.",
                    "Nine of the committee’s members were arrested at the Union of Writers "
                    "building, and the remaining two were arrested within a few days.")
    later = [(m.title, m.inferred, m.date.lower, m.date.upper) for m in got
             if m.sentence.index == 1]
    assert later == [
        ("Nine of the committee’s members were arrested at the Union of Writers building",
         True, 19881207, 19881207),
        ("The remaining two were arrested within a few days", True, 19881207, 19881214)]
