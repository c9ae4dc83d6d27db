"""The CLI as a shell runs it: a real process, a terminal or a pipe, completion, imports."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from karabakh_tui.app_context import Workspace

WAR = ("events", "--actor", "Azerbaijan", "--period", "Second Karabakh War")
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|38;|48;)[0-9;]*m")
ESCAPE = re.compile(r"\x1b\[")


def karabakh(ws: Workspace, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`karabakh ARGS` in a fresh interpreter, stdout a pipe unless env says otherwise."""
    clean = {k: v for k, v in os.environ.items()
             if k not in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS")}
    clean.update(KARABAKH_DB=str(ws.db), **env)
    return subprocess.run([sys.executable, "-m", "karabakh_tui", *args], env=clean,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.fixture
def ws(seed_env: Workspace) -> Workspace:
    return seed_env


def test_piped_output_is_plain_tab_separated_and_stable(ws: Workspace) -> None:
    first, second = karabakh(ws, *WAR), karabakh(ws, *WAR)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert not ESCAPE.search(first.stdout)
    lines = first.stdout.splitlines()
    assert lines[0] == "id\tdate\ttitle\tactors\tplaces\tsrc"
    assert len(lines) > 10 and all(line.count("\t") == 5 for line in lines)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_table_in_a_terminal_fits_its_width(ws: Workspace, width: int) -> None:
    for args in (WAR, ("places",), ("sources",)):
        shown = karabakh(ws, *args, TTY_COMPATIBLE="1", COLUMNS=str(width), NO_COLOR="1")
        assert shown.returncode == 0, shown.stderr
        lines = shown.stdout.splitlines()
        assert "┃" in shown.stdout and len(lines) > 5  # a rich table, not the piped form
        plain = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in lines]
        assert max(cell_len(line) for line in plain) <= width, args


def test_terminal_output_has_colour_unless_no_color(ws: Workspace, seed_conn: object) -> None:
    first = seed_conn.execute("SELECT id FROM events ORDER BY lower").fetchone()[0]  # type: ignore[attr-defined]
    coloured = karabakh(ws, "show", first, TTY_COMPATIBLE="1", FORCE_COLOR="1")
    assert COLOUR.search(coloured.stdout)
    plain = karabakh(ws, "show", first, TTY_COMPATIBLE="1", NO_COLOR="1")
    assert plain.returncode == 0 and "seeds/004_08f10c039a61daac.txt:" in plain.stdout
    assert not COLOUR.search(plain.stdout)


def test_cold_lookup_never_imports_textual(ws: Workspace) -> None:
    karabakh(ws, *WAR)  # the first run may build or check the database
    probe = ("import runpy, sys; sys.argv = ['karabakh', *sys.argv[1:]];\n"
             "try:\n    runpy.run_module('karabakh_tui', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "sys.stderr.write('MODULES ' + ' '.join(sorted(sys.modules)))")
    env = {**os.environ, "KARABAKH_DB": str(ws.db)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", probe, *WAR], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "E07" in done.stdout, done.stderr[-500:]
    modules = set(done.stderr.rsplit("MODULES ", 1)[1].split())
    timed = re.findall(r"\|\s+([\w.]+)\s*$", done.stderr, re.MULTILINE)
    assert "karabakh_tui.query" in timed  # -X importtime did see the imports
    assert not {m for m in modules | set(timed) if m.split(".")[0] == "textual"}


def complete(ws: Workspace, words: str, shell: str = "bash") -> list[str]:
    """What the shell gets for the last word of `words`, through click's protocol.

    For bash, each line goes through the `read` of click's script, which drops one level
    of backslashes; what is left is inserted on the command line as typed.
    """
    env = {**os.environ, "KARABAKH_DB": str(ws.db), "_KARABAKH_COMPLETE": f"{shell}_complete",
           "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    done = subprocess.run([sys.executable, "-m", "karabakh_tui"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    if shell == "zsh":  # type, value, help: three lines a completion
        return done.stdout.splitlines()[1::3]
    values = [line.split(",", 1)[1] for line in done.stdout.splitlines() if line]
    return [re.sub(r"\\(.)", r"\1", v) for v in values]


def test_completion_of_commands_and_names(ws: Workspace) -> None:
    assert complete(ws, "karabakh ev") == ["events"]
    assert set(complete(ws, "karabakh p")) == {"places", "periods"}
    # gazetteer: Shusha with its Armenian variant Shushi, the thesis's spelling (line 459)
    assert {"Shusha", "Shushi"} <= set(complete(ws, "karabakh events --place Shu"))
    assert "Erdoğan" in complete(ws, "karabakh events --actor erd")
    assert complete(ws, "karabakh events --place Zzq") == []


def test_names_with_spaces_complete_as_one_word(ws: Workspace) -> None:
    bash = complete(ws, "karabakh export --period Sec")
    assert r"Second\ Karabakh\ War" in bash  # one word on bash's command line
    assert "Second Karabakh War" in complete(ws, "karabakh export --period Sec", "zsh")


def test_completion_without_a_database_offers_nothing_quietly(tmp_path: Path) -> None:
    ws = Workspace(tmp_path, tmp_path / "missing.sqlite")
    assert complete(ws, "karabakh events --place Shu") == []
    assert not ws.db.exists()
