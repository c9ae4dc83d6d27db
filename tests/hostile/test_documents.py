"""Hostile documents: each gets one clear line, the unreadable are skipped, the rest built.

Expected values come from the crafted inputs in tests/hostile/docs (see __init__.py), not
from the code's output.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from karabakh_tui.cli import cli
from karabakh_tui.corpus.read import MAX_LINE, DocumentError, decode_document
from karabakh_tui.corpus.sentences import MAX_SENTENCE
from tests.hostile import FOOTNOTE_MARKERS, UNREADABLE, hostile_corpus

UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Nothing a terminal acts on: C0 but newline, DEL, C1, bidi embeddings/overrides/isolates."""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, str]]:
    """The hostile corpus with the two big documents, built once through the CLI."""
    root = tmp_path_factory.mktemp("hostile")
    corpus, db = hostile_corpus(root / "corpus", big=True), root / "h.sqlite"
    code, _, err = run("--corpus", str(corpus), "--db", str(db), "build")
    assert code == 0, err
    yield corpus, db, err


def test_build_warns_once_per_unreadable_document_and_builds_the_rest(
        built: tuple[Path, Path, str]) -> None:
    _, db, err = built
    assert "Traceback" not in err
    warnings = [line for line in err.splitlines() if "warning:" in line]
    expected = {**UNREADABLE, "long_line.txt": "line 1 is 10,000,000 characters long"}
    assert len(warnings) == len(expected)
    for name, words in expected.items():
        assert sum(name in w and words in w for w in warnings) == 1, (name, warnings)
    conn = sqlite3.connect(db)
    ids = {r[0] for r in conn.execute("SELECT id FROM documents")}
    assert ids == {"absurd-dates", "escapes", "footnotes", "good", "utf16"}


def test_latin1_warning_names_the_byte_offset(built: tuple[Path, Path, str]) -> None:
    # latin1.txt: 69 ASCII bytes ("In 1994 ... Azerbaijan, " + "at the caf"), then 0xE9
    prefix = b"In 1994 a ceasefire was signed in Bishkek by Armenia and Azerbaijan, at the caf"
    assert f"latin1.txt: not valid UTF-8 at byte offset {len(prefix)};" in built[2]


def test_utf16_document_is_read_and_dated(built: tuple[Path, Path, str]) -> None:
    conn = sqlite3.connect(built[1])
    rows = conn.execute("SELECT e.edtf FROM events e JOIN citations c ON c.event_id = e.id "
                        "WHERE c.document_id = 'utf16'").fetchall()
    assert ("1994-05-12",) in rows  # "On 12 May 1994 a ceasefire ... came into force."


def test_every_footnote_marker_is_kept(built: tuple[Path, Path, str]) -> None:
    conn = sqlite3.connect(built[1])
    (markers,) = conn.execute("SELECT count(DISTINCT number) FROM sentence_footnotes "
                              "WHERE document_id = 'footnotes'").fetchone()
    assert markers == FOOTNOTE_MARKERS
    (longest,) = conn.execute("SELECT max(length(text)) FROM sentences").fetchone()
    assert longest <= MAX_SENTENCE


def test_absurd_dates_are_not_events_and_real_ones_are(built: tuple[Path, Path, str]) -> None:
    edtf = pytest.importorskip("edtf")
    conn = sqlite3.connect(built[1])
    rows = conn.execute("SELECT e.edtf, e.lower, e.upper FROM events e JOIN citations c "
                        "ON c.event_id = e.id WHERE c.document_id = 'absurd-dates'").fetchall()
    dates = {r[0] for r in rows}
    assert "2020-09-27" in dates  # the one sane sentence of absurd_dates.txt
    assert not any("99999" in d or d.startswith("2020-02-31") for d in dates), dates
    for value, lower, upper in rows:
        assert edtf.parse_edtf(value) is not None and lower <= upper


def test_no_stored_text_holds_a_control_character(built: tuple[Path, Path, str]) -> None:
    conn = sqlite3.connect(built[1])
    for table, column in (("documents", "text"), ("documents", "title"), ("sentences", "text"),
                          ("sentences", "section"), ("footnotes", "text"), ("events", "title"),
                          ("sections", "title")):
        for (value,) in conn.execute(f"SELECT {column} FROM {table}"):  # noqa: S608
            assert not UNSAFE.search(value or ""), (table, column, value[:80])


def test_escapes_document_still_yields_its_events(built: tuple[Path, Path, str]) -> None:
    conn = sqlite3.connect(built[1])
    quotes = [r[0] for r in conn.execute(
        "SELECT s.text FROM citations c JOIN sentences s ON s.id = c.sentence_id "
        "WHERE c.document_id = 'escapes'")]
    # escapes.txt line 3, with "\x1b[31m" and "\x1b[0m" around Stepanakert
    assert any("offensive on Stepanakert and Shusha" in q for q in quotes), quotes
    assert any("[bold red]in markup[/bold red]" in q for q in quotes)  # shown, not applied


# ---- manifest errors: exit 2, one line ------------------------------------------------

GOOD = '[[source]]\nid = "good"\nfile = "good.txt"\nwritten = "2021-05"\n'


@pytest.mark.parametrize(("extra", "words"), [
    ('[[source]]\nid = "gone"\nfile = "missing.txt"\n', "file 'missing.txt' not found"),
    ('[[source]]\nid = "good"\nfile = "escapes.txt"\n', "duplicate id"),
    ('[[source]]\nid = "esc"\nfile = "escapes.txt"\nwritten = "45 Octember 99999"\n',
     "written date '45 Octember 99999' does not parse"),
])
def test_manifest_errors_exit_2_with_one_line(tmp_path: Path, extra: str, words: str) -> None:
    corpus = hostile_corpus(tmp_path / "c")
    (corpus / "sources.toml").write_text(GOOD + extra, encoding="utf-8")
    code, out, err = run("--corpus", str(corpus), "--db", str(tmp_path / "x.sqlite"), "sources")
    assert code == 2 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "x.sqlite").exists()


# ---- decoding, unit ------------------------------------------------------------------


def test_utf16_big_endian_with_bom() -> None:
    data = "On 12 May 1994 a ceasefire came into force.\n".encode("utf-16-be")
    assert decode_document(b"\xfe\xff" + data, "be.txt").startswith("On 12 May 1994")


def test_utf16_without_bom_is_called_binary_with_the_fix() -> None:
    with pytest.raises(DocumentError, match=r"nobom.txt: looks binary .*UTF-16 with a byte"):
        decode_document("In 1994 peace.".encode("utf-16-le"), "nobom.txt")


def test_document_of_only_escape_sequences_is_empty() -> None:
    with pytest.raises(DocumentError, match="only control characters"):
        decode_document(b"\x1b[2J\x1b]0;title\x07\x07\n", "junk.txt")


def test_long_line_names_its_number_and_length() -> None:
    data = b"short\n" + b"x" * (MAX_LINE + 5) + b"\nend\n"
    with pytest.raises(DocumentError) as caught:
        decode_document(data, "dump.txt")
    assert str(caught.value).startswith(f"dump.txt: line 2 is {MAX_LINE + 5:,} characters")


def test_line_breaks_other_than_newline_keep_grep_line_numbers() -> None:
    # splitlines() would break on VT, FF, NEL, U+2028; grep -n and editors do not
    text = decode_document("a\vb\fc\x85d\u2028e\u2029f\x1cg\nline 2\r\nline 3".encode(),
                           "lines.txt")
    assert text.split("\n") == ["a b c d e fg", "line 2", "line 3"]
    assert text.splitlines() == text.split("\n")


def test_tabs_are_kept_for_the_cleaners() -> None:
    assert decode_document(b"Contents\t\t12\n", "toc.txt") == "Contents\t\t12\n"


def test_json_export_of_hostile_corpus_is_clean(built: tuple[Path, Path, str],
                                                tmp_path: Path) -> None:
    corpus, db, _ = built
    out = tmp_path / "all.json"
    code, _, err = run("--corpus", str(corpus), "--db", str(db), "export", "-o", str(out))
    assert code == 0, err
    events = json.loads(out.read_text(encoding="utf-8"))
    assert {c["document"] for e in events for c in e["citations"]} >= {"corpus/escapes.txt"}
    for text in _strings(events):
        assert not UNSAFE.search(text), text[:80]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("junk", [b"", b"not a database at all\n",
                                  b"SQLite format 3\x00" + b"\xff" * 90])
def test_a_broken_database_file_is_rebuilt(tmp_path: Path, junk: bytes) -> None:
    corpus = hostile_corpus(tmp_path / "c")
    db = tmp_path / "broken.sqlite"
    db.write_bytes(junk)
    code, out, err = run("--corpus", str(corpus), "--db", str(db), "sources")
    assert code == 0 and "Traceback" not in err, err
    assert "Building" in err and "good" in out
