"""Document text full of escape sequences and markup is inert in the CLI, TUI and exports;
FTS5 syntax typed into a search is taken as words."""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from textual.widgets import DataTable, Input, TextArea

from karabakh_tui import console
from karabakh_tui.app_context import Workspace
from karabakh_tui.cli import cli
from karabakh_tui.corpus.manifest import load_corpus
from karabakh_tui.model import Filter
from karabakh_tui.query import find_events, fts_query, search_sentences
from karabakh_tui.store.build import build
from karabakh_tui.store.read import open_reader
from karabakh_tui.tui.app import make_app
from karabakh_tui.tui.screens.document import DocumentScreen
from tests.hostile import hostile_corpus

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FTS_SYNTAX = ('"unbalanced', "AND OR", "NEAR(", "*", "Shusha*", "a NOT b", "OR", "(", ")",
              "NEAR(a b, 2)", "col:word", "^start", "'", '""', "a AND (b OR", "-", "+", "{x}",
              "\x1b[31m", "\u202e", "%", "_", "\\", ";DROP TABLE events;--",
              "took Shusha", "Shushi AND", "Shusha*  Stepanakert")


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("terminal")
    corpus = hostile_corpus(root / "corpus")
    build(load_corpus(corpus), root / "t.sqlite")
    return Workspace(corpus, root / "t.sqlite")


@pytest.fixture
def conn(ws: Workspace) -> Iterator[sqlite3.Connection]:
    c = open_reader(ws.db)
    yield c
    c.close()


def run(ws: Workspace, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--corpus", str(ws.corpus), "--db", str(ws.db), *args],
                                catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI draw its rich tables, as in a terminal, but without colours of its own:
    any escape in the output then came from a document."""
    monkeypatch.setattr(console, "interactive", lambda: True)
    monkeypatch.setattr(console, "out_console", lambda: Console(
        file=sys.stdout, force_terminal=True, color_system=None, width=160, highlight=False))


def test_the_corpus_really_is_hostile() -> None:
    raw = (Path(__file__).parent / "docs" / "escapes.txt").read_text(encoding="utf-8")
    for needle in ("\x1b[31m", "\x1b]0;", "\x1b]8;;", "\x1b[2J", "\x07", "\x9b", "\x9d",
                   "\u202e", "\u2066", "[bold red]", "[@click=", "**in bold**", "<script>"):
        assert needle in raw, needle


@pytest.mark.parametrize("tty", [False, True], ids=["piped", "terminal"])
def test_cli_output_is_inert(ws: Workspace, conn: sqlite3.Connection, tty: bool,
                             request: pytest.FixtureRequest) -> None:
    if tty:
        request.getfixturevalue("terminal")
    ids = [e.id for e in find_events(conn, Filter(sources=("escapes",)))]
    assert len(ids) >= 8  # escapes.txt has 11 dated sentences
    commands = [("sources",), ("events",), ("events", "--source", "escapes"),
                ("search", "Azerbaijan"), ("actors",), ("places",)]
    commands += [("show", i) for i in ids]
    shown = ""
    for args in commands:
        code, out, err = run(ws, *args)
        assert code == 0, (args, err)
        assert not UNSAFE.search(out + err), (args, repr(UNSAFE.search(out + err)))
        shown += out
    # markup is shown as written, not applied; Markdown is left alone in a terminal (the
    # "# In 1990" heading makes the document Markdown, so the cleaner reads "**in bold**"
    # as the words "in bold"; code spans and links are not Markdown the cleaner reads)
    assert "[bold red]in markup[/bold red]" in shown
    assert "`code`" in shown and "[a link](https://evil.example)" in shown


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "timeline"])
def test_exports_are_inert(ws: Workspace, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    code, _, err = run(ws, "export", "--source", "escapes", "--format", fmt, "-o", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "Stepanakert" in text
    assert not UNSAFE.search(text.replace("\n", "")), repr(UNSAFE.search(text))
    assert "\\u001b" not in text.lower() and "\\u202e" not in text.lower()


def test_markdown_export_of_hostile_text_adds_no_markup(ws: Workspace, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    out = tmp_path / "out.md"
    assert run(ws, "export", "--source", "escapes", "-o", str(out))[0] == 0
    tokens = MarkdownIt("commonmark").use(footnote_plugin).parse(out.read_text("utf-8"))
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_inline",
                        "table_open"}, kinds
    headings = [t for t in tokens if t.type == "heading_open"]
    inline = [t.content for t in tokens if t.type == "inline"]
    # the document's "# In 1990 ..." and "**in bold**" stay text: no heading or emphasis
    assert not any("Soviet troops" in tokens[tokens.index(h) + 1].content for h in headings)
    strong = [c for t in tokens for c in t.children or () if c.type == "strong_open"]
    assert len(strong) <= len([i for i in inline if i.startswith("**")])


@pytest.mark.parametrize("text", FTS_SYNTAX)
def test_fts_syntax_in_search_and_filter_never_crashes(ws: Workspace, text: str) -> None:
    for args in (("search", text), ("events", "--search", text, "--format", "json")):
        code, out, err = run(ws, *args)
        assert code == 0, (args, err)
        assert "Traceback" not in err and not UNSAFE.search(err)


def test_operators_are_words(conn: sqlite3.Connection) -> None:
    # "AND" is a word of escapes.txt line 3 ("Stepanakert and Shusha"); as an operator it
    # would be a syntax error on its own
    assert search_sentences(conn, "and")
    assert search_sentences(conn, "AND") == search_sentences(conn, "and")


search_text = st.lists(st.one_of(st.text(max_size=8), st.sampled_from(
    ["Shusha", "shushi", "Shusha*", "took", "AND", "OR", "NOT", "NEAR(", '"', "(", ")", "*"])),
    max_size=6).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(search_text)
def test_any_search_text_is_a_valid_fts_query(text: str) -> None:
    from karabakh_tui.names import fold

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE aliases (kind, name, alias, folded)")
    db.executemany("INSERT INTO aliases VALUES ('place', 'Shusha', ?, ?)",
                   [(a, fold(a)) for a in ("Shusha", "Shushi", "Şuşa")])
    db.execute("CREATE VIRTUAL TABLE f USING fts5(text)")
    db.execute("INSERT INTO f VALUES ('Shusha and Stepanakert in 1992')")
    query = fts_query(db, text)
    if query:
        db.execute("SELECT rowid FROM f WHERE f MATCH ?", (query,)).fetchall()


# ---- the TUI -------------------------------------------------------------------------


async def test_tui_shows_hostile_text_inert(ws: Workspace) -> None:
    async with make_app(ws, Filter(sources=("escapes",))).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        table = pilot.app.screen.query_one("#events", DataTable)
        assert table.row_count >= 8
        for _ in range(table.row_count):
            assert not UNSAFE.search(pilot.app.export_screenshot().replace("\n", ""))
            await pilot.press("down")
            await pilot.pause()
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, DocumentScreen)
        text = pilot.app.screen.query_one(TextArea).text
        assert "[bold red]in markup[/bold red]" in text and not UNSAFE.search(
            text.replace("\n", ""))
        await pilot.press("escape")
        await pilot.pause()
        for typed in FTS_SYNTAX[:8]:
            pilot.app.screen.query_one("#text", Input).value = typed
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
        assert pilot.app.is_running
