"""Builds killed at random moments, readers during builds, read-only databases.

A build runs in a forked child (no interpreter start-up per trial) and is SIGKILLed after
a random delay spread over the whole build; the database must then be the previous one or
the new one, complete, never a mix or a broken file.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from karabakh_tui.corpus.manifest import load_corpus
from karabakh_tui.store.build import build
from karabakh_tui.store.read import open_reader
from tests.hostile import hostile_corpus

KILL_TRIALS = 24


def snapshot(db: Path) -> tuple[str, ...]:
    """What a reader sees, read in one transaction: documents, events, meta must agree."""
    conn = open_reader(db)
    try:
        conn.execute("BEGIN")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        meta = {r[0]: r[1] for r in conn.execute("SELECT key, value FROM meta")}
        ids = tuple(r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id"))
        assert tuple(sorted(json.loads(meta["documents"]))) == ids  # never a mix
        events = tuple(f"{r[0]} {r[1]}" for r in conn.execute(
            "SELECT id, edtf FROM events ORDER BY id"))
        (cited,) = conn.execute("SELECT count(DISTINCT document_id) FROM citations").fetchone()
        assert cited <= len(ids)
        return ids + events
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two small corpora that build to different databases: A, and A plus one document."""
    root = tmp_path_factory.mktemp("atomic")
    a = hostile_corpus(root / "a")
    b = hostile_corpus(root / "b")
    shutil.copyfile(Path(__file__).parents[2] / "seeds" / "003_fb4ed0ac2785041a.txt",
                    b / "seed003.txt")
    with (b / "sources.toml").open("a", encoding="utf-8") as fh:
        fh.write('[[source]]\nid = "seed003"\nfile = "seed003.txt"\nwritten = "2024"\n')
    return a, b


def in_child(work: Callable[[], None]) -> int:
    """Fork; the child runs `work` and exits silently (a pytest child must not go on)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115
            work()
        except BaseException:  # noqa: BLE001
            code = 1
        os._exit(code)
    return pid


def test_killed_builds_leave_the_previous_database_or_the_new_one(
        corpora: tuple[Path, Path], tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    states, took = {}, {}
    for cache in (False, True, True):  # both complete databases; how long builds take
        for corpus in corpora:
            started = time.perf_counter()
            build(load_corpus(corpus), db, cache=cache)
            states[corpus] = snapshot(db)
            took[cache] = time.perf_counter() - started
    assert states[corpora[0]] != states[corpora[1]]
    rng = random.Random(8)
    outcomes = {"old": 0, "new": 0, "mid-write": 0}
    for trial in range(KILL_TRIALS):
        old_corpus = corpora[trial % 2 == 0]  # the db now holds the other one
        new_corpus = corpora[trial % 2]
        assert snapshot(db) == states[old_corpus]
        # half the builds reuse the document cache, so mostly write the database
        cache = trial % 4 >= 2
        pid = in_child(lambda c=new_corpus, k=cache: build(load_corpus(c), db, cache=k) and None)
        time.sleep(rng.uniform(0, took[cache] * 1.5))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        outcomes["mid-write"] += bool(list(tmp_path.glob("k.sqlite.tmp-*")))
        seen = snapshot(db)  # openable, consistent ...
        assert seen in (states[old_corpus], states[new_corpus]), trial  # ... old or new
        outcomes["old" if seen == states[old_corpus] else "new"] += 1
        if seen == states[old_corpus]:
            build(load_corpus(new_corpus), db)  # finish, so the next build differs
    print(f"kill trials: {KILL_TRIALS}, previous database kept: {outcomes['old']}, "
          f"new one complete: {outcomes['new']}, killed while writing the new file: "
          f"{outcomes['mid-write']}")
    # the random delays must have hit the build both before and after the swap
    assert outcomes["old"] >= 3 and outcomes["new"] >= 1 and outcomes["mid-write"], outcomes
    build(load_corpus(corpora[0]), db, cache=False)
    assert not list(tmp_path.glob("k.sqlite.tmp-*")), "a killed build's file was not removed"


def test_killed_build_with_the_cache_keeps_cache_and_database_usable(
        corpora: tuple[Path, Path], tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    build(load_corpus(corpora[1]), db)
    after = snapshot(db)
    build(load_corpus(corpora[0]), db)
    before = snapshot(db)
    rng = random.Random(5)
    for _ in range(5):
        pid = in_child(lambda: build(load_corpus(corpora[1]), db) and None)
        time.sleep(rng.uniform(0, 0.3))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert snapshot(db) in (before, after)
        build(load_corpus(corpora[0]), db)  # a half-written cache entry is only a miss
        assert snapshot(db) == before


def test_readers_during_builds_see_old_or_new_never_a_mix(corpora: tuple[Path, Path],
                                                          tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    states = []
    for corpus in corpora:
        build(load_corpus(corpus), db, cache=False)
        states.append(snapshot(db))
    long_lived = open_reader(db)  # opened on B before the builds: keeps reading B
    first = long_lived.execute("SELECT count(*) FROM events").fetchone()

    def rebuild_many() -> None:
        for n in range(8):
            build(load_corpus(corpora[n % 2]), db, cache=False)

    pid = in_child(rebuild_many)
    reads = 0
    while os.waitpid(pid, os.WNOHANG) == (0, 0):
        assert snapshot(db) in states
        reads += 1
        assert long_lived.execute("SELECT count(*) FROM events").fetchone() == first
    print(f"reads during 8 rebuilds: {reads}, all one whole database")
    assert reads >= 5
    assert snapshot(db) == states[1]
    long_lived.close()


# ---- read-only database: lookups still served ----------------------------------------


def _unprivileged() -> list[str]:
    """A command prefix under which file permissions apply (root ignores them)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"]


@pytest.fixture
def read_only_db(corpora: tuple[Path, Path]) -> Iterator[tuple[Path, Path]]:
    """A built database in a folder nobody may write, whose corpus then changed."""
    folder = Path(tempfile.mkdtemp(prefix="karabakh-ro-"))
    corpus = hostile_corpus(folder / "corpus")
    db = folder / "db" / "k.sqlite"
    build(load_corpus(corpus), db)
    (corpus / "good.txt").write_text("On 1 May 1995 nothing happened in Shusha.\n",
                                     encoding="utf-8")
    db.chmod(0o444)
    db.parent.chmod(0o555)
    yield corpus, db
    db.parent.chmod(0o755)
    shutil.rmtree(folder)


def karabakh(prefix: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, sys.executable, "-m", "karabakh_tui", *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_read_only_database_serves_lookups_with_a_warning(read_only_db: tuple[Path, Path]
                                                          ) -> None:
    corpus, db = read_only_db
    prefix = _unprivileged()
    done = karabakh(prefix, "--corpus", str(corpus), "--db", str(db), "events",
                    "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)
    assert done.stderr.count("\n") == 1 and "read-only" in done.stderr
    assert "Traceback" not in done.stderr
    built = karabakh(prefix, "--corpus", str(corpus), "--db", str(db), "build", "--force")
    assert built.returncode == 2 and "Traceback" not in built.stderr, built.stderr
    assert "read-only" in built.stderr and "--db" in built.stderr
    assert snapshot(db)  # untouched and still readable


# ---- the explorer across a rebuild ---------------------------------------------------


async def test_explorer_pages_come_from_the_database_its_list_came_from(
        seed_db: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    from karabakh_tui.app_context import Workspace
    from karabakh_tui.model import Filter
    from karabakh_tui.paths import bundled_corpus
    from karabakh_tui.query import event_ids
    from karabakh_tui.tui.app import make_app
    from karabakh_tui.tui.screens.explorer import PAGE

    db, new = tmp_path / "k.sqlite", tmp_path / "new.sqlite"
    shutil.copyfile(seed_db, db)
    shutil.copyfile(seed_db, new)
    with sqlite3.connect(new) as conn:  # "the next build": every third event gone
        conn.execute("DELETE FROM events WHERE rowid % 3 = 0")
    with sqlite3.connect(new) as conn:
        after = event_ids(conn, Filter())
    assert len(after) > PAGE + 10
    async with make_app(Workspace(bundled_corpus(), db)).run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        os.replace(new, db)  # a build finishes while the explorer is open
        pilot.app.screen.action_clear()  # any filter change reads the list again
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.screen._move_to(PAGE + 5)  # the next page is hydrated
        table = pilot.app.screen.query_one(DataTable)
        shown = [table.coordinate_to_cell_key((row, 0)).row_key.value
                 for row in range(PAGE + 6)]
        assert shown == after[:PAGE + 6]
