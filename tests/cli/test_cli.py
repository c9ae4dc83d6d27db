"""The CLI on the real seeds: each expectation checked against the documents."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from karabakh_tui.app_context import Workspace
from karabakh_tui.cli import cli

THESIS = "seeds/004_08f10c039a61daac.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _seeds(seed_env: Workspace) -> Workspace:
    return seed_env


def test_sources_lists_the_five_documents() -> None:
    code, out, _ = run("sources")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].split("\t")[:3] == ["id", "author", "title"]
    assert len(lines) == 6
    assert "Raffi Toghramadjian\tMountain Fortress" in out
    assert "Laurence Broers" in out


def test_search_sumgait_lists_thesis_passages_with_file_and_line() -> None:
    code, out, _ = run("search", "Sumgait")
    assert code == 0
    # line 973 begins "That explosion occurred on the evening of February 27, when a rally
    # in the coastal Azeri city of Sumgait"; line 993 begins "The Sumgait Pogrom had …"
    assert f"{THESIS}:973\tProtests and Pogroms\tThat explosion occurred" in out
    assert f"{THESIS}:993\tProtests and Pogroms\tThe Sumgait Pogrom had" in out
    assert all(line.startswith(THESIS) for line in out.strip().splitlines())


def test_search_with_fts_syntax_never_crashes() -> None:
    for text in ('"unbalanced', "AND OR", "NEAR(", "*", "Sumgait*"):
        code, _, err = run("search", text)
        assert code == 0, err


def test_every_command_has_help_with_an_example() -> None:
    for name, command in cli.commands.items():  # type: ignore[attr-defined]
        assert isinstance(command, click.Command)
        code, out, _ = run(name, "--help")
        assert code == 0
        assert "Example" in out, name


def test_events_json_follows_the_contract() -> None:
    code, out, _ = run("events", "--format", "json", "--limit", "5")
    assert code == 0
    events = json.loads(out)
    assert 0 < len(events) <= 5
    keys = {"id", "date", "start", "end", "precision", "label", "title", "actors", "places",
            "periods", "inferred", "context", "disputed", "disagreements", "citations"}
    for event in events:
        assert keys <= set(event)
        for c in event["citations"]:
            assert {"document", "source", "quote", "line", "start", "end", "footnotes"} <= set(c)


def test_place_variants_give_the_same_events() -> None:
    _, shusha, _ = run("events", "--place", "Shusha", "--format", "json")
    _, shushi, _ = run("events", "--place", "shushi", "--format", "json")
    assert json.loads(shusha) and shusha == shushi


def test_accented_actor_name_resolves() -> None:
    code, _, err = run("events", "--actor", "Erdoğan", "--format", "json")
    assert code == 0, err


def test_ambiguous_and_unknown_names_exit_2_with_one_line() -> None:
    code, _, err = run("events", "--actor", "Aliyev")
    assert code == 2
    assert "Heydar Aliyev" in err and "Ilham Aliyev" in err and "Traceback" not in err
    code, _, err = run("events", "--place", "Shushaa")
    assert code == 2
    assert "Shusha" in err and len(err.strip().splitlines()) == 1


def test_reversed_date_range_is_an_error() -> None:
    code, _, err = run("events", "--from", "1994", "--to", "1988")
    assert code == 2
    assert "after" in err


@pytest.mark.parametrize("typed", ["1988", "1988-02", "27 September 2020", "200 BCE",
                                   "4th century", "1990s"])
def test_dates_people_type_are_accepted(typed: str) -> None:
    code, _, err = run("events", "--from", typed, "--format", "json")
    assert code == 0, err


def test_no_match_is_a_message_on_stderr_and_status_0() -> None:
    code, out, err = run("events", "--search", "zzzyzzy")
    assert (code, out) == (0, "")
    assert "no events match" in err


def test_no_whole_word_says_how_to_find_the_start_of_words() -> None:
    # the thesis spells the district Jebrail, Jebraïl and Jebrayil (004 lines 1687, 1707,
    # 1729):
    # "Jebra" is no word of them, and the message says what finds the three sentences
    code, out, err = run("search", "Jebra")
    assert (code, out) == (0, "")
    assert "no sentence matches 'Jebra'; 3 match them as the start of words, with 'Jebra*'" \
        in err
    assert run("search", "Jebra*")[1].count(THESIS) == 3
    code, out, err = run("events", "--search", "Jebra")
    assert (code, out) == (0, "")
    assert "with --search 'Jebra*'" in err
    # nothing starts with it either: no hint
    assert "start of words" not in run("search", "zzzyzzy")[2]


def test_show_prints_every_citation_with_file_and_line() -> None:
    _, out, _ = run("events", "--format", "json", "--min-sources", "2")
    event = json.loads(out)[0]
    code, shown, _ = run("show", event["id"])
    assert code == 0
    for c in event["citations"]:
        assert f"{c['document']}:{c['line']}" in shown


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    assert run("export", "-o", str(target))[0] == 0
    first = target.read_text(encoding="utf-8")
    code, _, err = run("export", "-o", str(target), "--period", "Second Karabakh War")
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == first
    assert run("export", "-o", str(target), "--force", "--period",
               "Second Karabakh War")[0] == 0


def test_markdown_export_quotes_are_in_their_documents(tmp_path: Path,
                                                      seed_conn: object) -> None:
    out = tmp_path / "all.json"
    assert run("export", "-o", str(out))[0] == 0
    texts = {r[0]: r[1] for r in seed_conn.execute(  # type: ignore[attr-defined]
        "SELECT path, text FROM documents")}
    for event in json.loads(out.read_text(encoding="utf-8")):
        for c in event["citations"]:
            assert c["quote"] in texts[c["document"]]


def test_show_gives_neighbours_source_credits_and_footnotes() -> None:
    # thesis line 459: "Politically, the Karabakh Khanate experienced a significant degree
    # of turmoil. In 1796, Persia, now ruled by Afghan lords, occupied Shushi …"; its
    # footnote 116 (line 487) reads "Ibid., 141."
    _, out, _ = run("events", "--format", "json", "--place", "Shushi", "--to", "1796")
    event = next(e for e in json.loads(out)
                 if any(c["quote"].startswith("In 1796, Persia") for c in e["citations"]))
    code, shown, _ = run("show", event["id"])
    assert code == 0
    assert f"{event['id']}  1796  (1796, year)" in shown
    assert "Politically, the Karabakh Khanate experienced a significant degree of turmoil." \
        in shown
    assert "This period of anarchy was brought to an end" in shown  # the sentence after
    assert "Raffi Toghramadjian, Mountain Fortress" in shown and ", 2021" in shown
    assert f"{THESIS}:459" in shown and "note: Ibid., 141." in shown
    assert "places: Shusha" in shown


def test_typed_dates_bound_the_events(seed_conn: object) -> None:
    def spans(*args: str) -> list[tuple[str, str]]:
        _, out, _ = run("events", "--format", "json", *args)
        return [(e["start"], e["end"]) for e in json.loads(out)]

    # thesis line 291: the Caucasian Albanian church "established by Armenian missionaries
    # in the fourth century"; line 260: "an eighth century B.C. inscription"
    fourth = spans("--from", "4th century", "--to", "4th century")
    assert fourth and all(s <= "0400-12-31" and e >= "0301" for s, e in fourth)
    _, out, _ = run("events", "--format", "json", "--from", "4th century", "--to", "4th century")
    assert any("Caucasian Albanian church" in c["quote"] for e in json.loads(out)
               for c in e["citations"])
    bce = spans("--to", "200 BCE")
    assert bce and all(s.startswith("-") for s, _ in bce)
    nineties = spans("--from", "1990s", "--to", "1990s")
    assert nineties and all(s <= "1999-12-31" and e >= "1990" for s, e in nineties)
    # thesis line 1925: "In 1997, the group took on its current form" — late in the decade
    assert ("1997", "1997") in nineties
    code, _, err = run("events", "--from", "the 5th of Octember")
    assert code == 2 and "--from" in err and "Traceback" not in err


def test_search_with_a_place_variant_and_another_word() -> None:
    # essay 000, line 235: "In the second case, many began to question … after having
    # seized and taken control of Shushi-Shusha" (the sentence runs on to line 239)
    code, out, err = run("search", "seized Shushi")
    assert code == 0, err
    assert "seeds/000_a2c2b228971dc689.txt:235\t" in out
    code, _, err = run("events", "--search", "capture of Shushi")
    assert code == 0 and "cannot be read" not in err


def test_places_actors_periods_list_counts_and_other_names(seed_conn: object) -> None:
    def rows(command: str) -> dict[str, list[str]]:
        code, out, _ = run(command)
        assert code == 0
        lines = [line.split("\t") for line in out.strip().splitlines()]
        assert lines[0][:2] == [command[:-1], "events"]
        return {cells[0]: cells for cells in lines[1:]}

    def count(table: str, column: str, name: str) -> int:
        return seed_conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?",  # type: ignore[attr-defined]
                                 (name,)).fetchone()[0]

    # thesis line 459: "Panakhabad—today known as Shushi to Armenians and Shusha to Azeris"
    shusha = rows("places")["Shusha"]
    assert int(shusha[1]) == count("event_places", "place", "Shusha") > 0
    assert "Shushi (armenian)" in shusha[4]
    stepanakert = rows("places")["Stepanakert"]
    # essay 002: "known as Khankendi to Azerbaijanis"
    assert "Khankendi (azerbaijani)" in stepanakert[4]
    ilham = rows("actors")["Ilham Aliyev"]
    assert int(ilham[1]) == count("event_actors", "actor", "Ilham Aliyev") > 0
    war = rows("periods")["Second Karabakh War"]
    assert int(war[1]) == count("event_periods", "period", "Second Karabakh War") > 0
    assert war[2] == "2020-09-27/2020-11-10"  # the 44-day war, DESIGN.md section 5
