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
    # 003: "Prime Minister Menachem Begin"
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
