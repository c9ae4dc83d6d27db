"""`karabakh events` and `export` options on the real seeds, one behaviour per test."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from karabakh_tui.app_context import Workspace
from karabakh_tui.cli import cli
from karabakh_tui.paths import bundled_corpus
from karabakh_tui.text import one_line, safe_text
from tests.unit.test_export_markdown import check_structure, footnote_texts


@pytest.fixture(autouse=True)
def _seeds(seed_env: Workspace) -> Workspace:
    return seed_env


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def events(*args: str) -> list[dict]:
    code, out, err = run("events", "--format", "json", *args)
    assert code == 0, err
    return json.loads(out) if out else []


def ids(*args: str) -> list[str]:
    return [e["id"] for e in events(*args)]


def test_several_actors_mean_any_and_all_actors_means_every(seed_conn: sqlite3.Connection) -> None:
    pashinyan, aliyev = set(ids("--actor", "Pashinyan")), set(ids("--actor", "Ilham Aliyev"))
    both = events("--actor", "Pashinyan", "--actor", "Ilham Aliyev", "--all-actors")
    assert {e["id"] for e in both} == pashinyan & aliyev
    assert set(ids("--actor", "Pashinyan", "--actor", "Ilham Aliyev")) == pashinyan | aliyev
    # thesis line 2743: "Pashinyan and Aliyev agreed in 2019 to create a hotline"
    hotline = [e for e in both if any("create a hotline" in c["quote"] for c in e["citations"])]
    assert hotline and hotline[0]["date"].startswith("2019")
    for e in both:
        assert {"Nikol Pashinyan", "Ilham Aliyev"} <= set(e["actors"])


def bounds(conn: sqlite3.Connection, event_ids: list[str]) -> list[tuple[int, int, int]]:
    rows = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
        "SELECT id, lower, upper, n_sources FROM events")}
    return [rows[i] for i in event_ids]


def test_sort_by_date_latest_first_and_sources(seed_conn: sqlite3.Connection) -> None:
    by_date = ids()
    assert [b[0] for b in bounds(seed_conn, by_date)] == sorted(
        b[0] for b in bounds(seed_conn, by_date))
    latest = ids("--sort", "-date")
    assert latest == by_date[::-1]
    by_sources = bounds(seed_conn, ids("--sort", "sources"))
    counts = [b[2] for b in by_sources]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2


def test_limit_takes_the_first_n_in_the_chosen_order() -> None:
    assert ids("--limit", "3") == ids()[:3]
    assert ids("--limit", "4", "--sort", "-date") == ids("--sort", "-date")[:4]
    code, _, err = run("events", "--limit", "0")
    assert code == 2 and "Traceback" not in err


def test_context_and_no_context_split_the_events() -> None:
    comparisons, conflict, every = events("--context"), ids("--no-context"), ids()
    assert comparisons and all(e["context"] for e in comparisons)
    assert sorted([e["id"] for e in comparisons] + conflict) == sorted(every)
    # Essay 002 line 33 compares with Britain: "Great Britain emerged twice victorious in
    # the world wars of the twentieth century."
    assert any("Great Britain emerged twice victorious" in c["quote"]
               for e in comparisons for c in e["citations"])


def test_events_as_csv_one_row_per_event() -> None:
    code, out, _ = run("events", "--format", "csv", "--place", "Shushi")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ids("--place", "Shusha")
    assert all("seeds/" in r["citations"] for r in rows)


def test_events_as_timeline_is_knight_lab_json() -> None:
    code, out, _ = run("events", "--format", "timeline", "--period", "Four-Day War")
    assert code == 0
    timeline = json.loads(out)
    slides = timeline["events"]
    assert len(slides) == len(ids("--period", "Four-Day War")) > 0
    for slide in slides:
        assert slide["start_date"]["year"] == 2016  # the war of 1-5 April 2016
        assert slide["text"]["headline"] and "seeds/" in slide["text"]["text"]


def test_events_as_markdown_has_one_footnote_per_event() -> None:
    code, out, _ = run("events", "--format", "md", "--period", "Four-Day War")
    assert code == 0
    _, env = check_structure(out)
    assert len(env["footnotes"]["refs"]) == len(ids("--period", "Four-Day War"))


@pytest.mark.parametrize("name, check", [
    ("out.json", lambda text: isinstance(json.loads(text), list)),
    ("out.csv", lambda text: text.startswith("id,date,start,end")),
    ("out.md", lambda text: text.startswith("# Chronology")),
    ("OUT.MD", lambda text: text.startswith("# Chronology")),
])
def test_export_format_follows_the_extension(tmp_path: Path, name: str, check) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / name
    code, _, err = run("export", "--place", "Shusha", "-o", str(target))
    assert code == 0, err
    assert check(target.read_text(encoding="utf-8"))
    assert f"to {target}" in err


def test_export_format_option_wins_and_unknown_extension_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "war.json"
    assert run("export", "--format", "timeline", "--period", "Four-Day War",
               "-o", str(target))[0] == 0
    assert "start_date" in json.loads(target.read_text(encoding="utf-8"))["events"][0]
    code, _, err = run("export", "-o", str(tmp_path / "war.docx"))
    assert code == 2 and ".md" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "war.docx").exists()


def lines_of(path: str) -> list[str]:
    return (bundled_corpus().parent / path).read_text(encoding="utf-8").splitlines()


_CITED = re.compile(r"^“(.*?)” — [^\n]*?, (seeds/[^\s,]+):(\d+)(?: — its footnotes?: .*)?$")


def test_every_quote_of_the_markdown_export_is_in_its_document(
        tmp_path: Path, seed_conn: sqlite3.Connection) -> None:
    target = tmp_path / "all.md"
    assert run("export", "-o", str(target))[0] == 0
    text = target.read_text(encoding="utf-8")
    tokens, env = check_structure(text)  # every reference defined and every definition used
    notes = footnote_texts(tokens)
    assert len(notes) == seed_conn.execute("SELECT count(*) FROM events").fetchone()[0]
    reading = {path: unicodedata.normalize("NFC", one_line(safe_text(body)))
               for path, body in seed_conn.execute("SELECT path, text FROM documents")}
    checked = 0
    for label, note in notes.items():
        for paragraph in note.strip().split("\n"):
            m = _CITED.match(paragraph)
            assert m, (label, paragraph[:200])
            quote, path, line = m.groups()
            assert quote in reading[path], (label, quote[:120])
            assert 1 <= int(line) <= len(lines_of(path))
            checked += 1
    assert checked >= len(notes)


def test_pandoc_reads_every_footnote_of_the_export(tmp_path: Path,
                                                  seed_conn: sqlite3.Connection) -> None:
    import shutil
    import subprocess

    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed (apt-get install pandoc); markdown-it checks above")
    target = tmp_path / "all.md"
    assert run("export", "-o", str(target))[0] == 0
    events = seed_conn.execute("SELECT count(*) FROM events").fetchone()[0]
    for dialect in ("markdown", "gfm"):
        html = subprocess.run(["pandoc", "-f", dialect, "-t", "html", str(target)],
                              capture_output=True, text=True, check=True, timeout=120).stdout
        assert html.count('role="doc-noteref"') == events, dialect
        assert html.count('role="doc-endnote"') == events, dialect
        assert "[^" not in html, dialect
