"""What a happening told without a date of its own is dated by: the date of the main
clause rather than an aside's, the happening a sentence points back to. Sentences are
from seed 004 (Toghramadjian 2021), line numbers of the seed file given with each;
expected dates checked by reading the file."""

from __future__ import annotations

from karabakh_tui.extract.dates import anchor_order, find_dates
from karabakh_tui.extract.mentions import document_mentions
from karabakh_tui.model import Sentence, Source

THESIS = Source(id="t", file="t.txt", title="T", written="2021-05")


def sentence(i: int, text: str, paragraph: int = 0, section: str = "Body") -> Sentence:
    return Sentence(document="t", index=i, start=0, end=len(text), text=text, line=i + 1,
                    section=section, paragraph=paragraph)


def spans(*sents: Sentence) -> list[tuple[int, int, int]]:
    return [(m.sentence.index, m.date.lower, m.date.upper)
            for m in document_mentions(THESIS, list(sents), periods=())]


# 004 line 1897: the group's origins in March 1992; the renaming of December 1994 is an
# aside between dashes
ORIGINS = ("The origins of the group dated back to March 1992, when the Conference on "
           "Security and Co-operation in Europe—renamed the Organization for Security and "
           "Co-operation in Europe (OSCE) in December 1994—inducted the newly independent "
           "states of the former Soviet Union.")
def test_a_date_in_an_aside_between_dashes_does_not_anchor_the_narrative() -> None:
    found = find_dates(ORIGINS)
    assert [s.label for s in found] == ["March 1992", "December 1994"]
    assert anchor_order(found, ORIGINS)[0].label == "March 1992"
    # alone in its sentence, a date between dashes still anchors
    alone = "Azerbaijan’s demand—made in May 1992—prevented the conference."
    assert anchor_order(find_dates(alone), alone)[0].label == "May 1992"


# 004 lines 1873, 1909: the 1994 ceasefire (the year, given earlier in the chapter, added),
# then, after the paragraphs on the Minsk Group's origins in 1992, "After the
# Russian-brokered ceasefire, ..." and "In May, ..."
MOSCOW = ("On May 16, 1994, four days after the ceasefire became official, delegates from "
          "Armenia, Artsakh, and Azerbaijan met in Moscow to begin negotiations.")
SCRAMBLED = ("After the Russian-brokered ceasefire, the Western members of the Minsk Group "
             "scrambled to reassert their influence in the region, creating tension among the "
             "mediators themselves.")
ELIASSON = ("In May, “Minsk Group chairman Jan Eliasson shuttled back and forth between "
            "Yerevan and Baku in an effort to convince the sides not to accept hastily the most "
            "recent draft Russian peace plan—a plan that minimized the CSCE’s role.”")


def test_a_sentence_pointing_back_at_a_dated_happening_comes_after_it() -> None:
    found = spans(sentence(1, MOSCOW, paragraph=1),
                  sentence(2, ORIGINS, paragraph=2),
                  sentence(4, SCRAMBLED, paragraph=3), sentence(5, ELIASSON, paragraph=3))
    # after the latest dated sentence naming the ceasefire (16 May), to the end of June
    assert (4, 19940516, 19940630) in found
    # and the narrative is back in 1994: "In May" is May 1994, not May 1992
    assert (5, 19940501, 19940531) in found


def test_a_pointer_to_a_happening_not_told_before_dates_nothing_by_itself() -> None:
    assert spans(sentence(0, ORIGINS), sentence(1, SCRAMBLED, paragraph=1)) == [
        (0, 19920301, 19920331), (0, 19941201, 19941231)]


# 004 lines 1455 and 1475: the year of the narrative, then the attack on Khojaly, a
# judgement placing it "during the war", and the massacre itself
SHELLING = ("Beginning in January 1992, Azeri forces also began indiscriminately shelling "
            "Armenian towns and cities.")
ATTACK = ("Overnight between February 25 and 26, Armenians, accompanied by armored "
          "vehicles from the Soviet 366th Regiment which had remained in Stepanakert even "
          "after the dissolution of the Soviet Union, surrounded the village on three sides "
          "and attacked the outnumbered Azeris.")
FOLLOWED = ("What followed is widely regarded as the worst single massacre of civilians "
            "during the war.")
CROWD = ("While the Armenian forces had left a corridor leading out of the village open to "
         "allow for the evacuation of civilians, when “the crowd of Khojali civilians, "
         "interspersed with a few militiamen, emerged onto open ground...they were hit by a "
         "wall of gunfire.”")


def test_the_war_around_the_passage_does_not_end_the_passage() -> None:
    found = spans(sentence(0, SHELLING), sentence(1, ATTACK, paragraph=1),
                  sentence(2, FOLLOWED, paragraph=1), sentence(3, CROWD, paragraph=1))[1:]
    # "during the war" only bounds "the worst": no date of the sentence's own, and no end
    # of the passage either
    assert found == [(1, 19920225, 19920226), (3, 19920225, 19920226)]


def test_what_followed_upon_or_immediately_after_the_passage_runs_on_from_it() -> None:
    # 004 line 1145: the committee returned in May 1989; "Upon returning" it founded the
    # ANM, some time in the rest of 1989
    released = ("After being released from prison in May 1989, the Karabakh Committee "
                "returned to Armenia as heroes and “resumed their opposition activities with "
                "vastly increased authority” among the Armenian people.")
    upon = ("Upon returning to Armenia, the members of the Karabakh Committee created the "
            "Pan-Armenian National Movement (ANM), “which spearheaded Armenia’s efforts to "
            "break away from the Soviet Union.”")
    assert spans(sentence(0, released), sentence(1, upon)) == [
        (0, 19890501, 19890531), (1, 19890501, 19891231)]
    # 004 line 114 (the year, given earlier, added): the July 2020 clashes "quickly
    # dissipated" after 12 July, within the four days of fighting
    clashes = ("Then, on July 12, 2020, skirmishes along the border between Armenia’s Tavush "
               "Province and Azerbaijan’s Tovuz District—far away from Artsakh—escalated into "
               "minor border war that resulted in the deaths of 17 soldiers: 5 Armenians and "
               "12 Azeris.")
    quickly = ("While the conflict quickly dissipated without any territorial changes, it had a "
               "profound effect on Azeri society.")
    assert spans(sentence(0, clashes), sentence(1, quickly))[1] == (1, 20200712, 20200831)
