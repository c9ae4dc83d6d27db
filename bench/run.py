"""The benchmark harness: one command, every figure of issue 7, written to bench/RESULTS.md.

    python bench/run.py                   # 1x, 10x, 100x (about 15 minutes on 2 cores)
    python bench/run.py --scales 1,10     # quicker
    python bench/run.py --quick           # 1x and 10x, fewer repetitions (a smoke run)

Each figure is min / median / max over several runs, measured from outside as a user
meets it: builds and lookups are new `karabakh` processes, the TUI is driven with
`App.run_test` in a fresh process per run (so its peak memory is its own). Corpora come
from `bench/synth.py` and, with their databases, live under bench/out/ (ignored by git).
Peak memory is the child's `ru_maxrss` from `os.wait4` (for a parallel build: the
largest of the main process and its workers).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
RESULTS = BENCH / "RESULTS.md"
sys.path.insert(0, str(BENCH))

KARABAKH = str(Path(sys.executable).with_name("karabakh"))
if not Path(KARABAKH).is_file():
    sys.exit(f"no karabakh script beside {sys.executable}; run this with the Python of the "
             "environment where the package is installed (pip install -e '.[bench]')")
LOOKUP = ["events", "--actor", "Azerbaijan", "--period", "Second Karabakh War",
          "--format", "json"]
PERIOD = "Second Karabakh War"


# ---- running and measuring processes ---------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str


def run(cmd: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run `cmd` to completion: wall time and the child's peak RSS in MB (`os.wait4`, so
    it is this child's own figure, not the harness's)."""
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, cwd=ROOT,
                                env=child_env(env))
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr.strip()[-400:]}")
    return Run(seconds, usage.ru_maxrss / 1024, stdout, stderr)


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of measured processes: bytecode caching on, as after a normal
    install (PYTHONDONTWRITEBYTECODE would make every start compile the package again)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("KARABAKH_DB", None)
    env.pop("KARABAKH_CORPUS", None)
    return {**env, **(extra or {})}


@dataclass
class Figure:
    """One row of the results table."""

    what: str
    scale: str
    values: list[float] = field(default_factory=list)
    unit: str = "s"
    target: float | None = None
    """Met when the median is at most this (or at least, for `higher_is_better`)."""
    higher_is_better: bool = False
    note: str = ""

    def met(self) -> str:
        if self.target is None or not self.values:
            return ""
        median = statistics.median(self.values)
        ok = median >= self.target if self.higher_is_better else median <= self.target
        return "yes" if ok else "**no**"

    def target_text(self) -> str:
        if self.target is None:
            return ""
        return ("≥ " if self.higher_is_better else "≤ ") + _fmt(self.target, self.unit)

    def cells(self) -> list[str]:
        if not self.values:
            return ["–", "–", "–"]
        v = sorted(self.values)
        return [_fmt(v[0], self.unit), _fmt(statistics.median(v), self.unit),
                _fmt(v[-1], self.unit)]


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        if value < 0.01:
            return f"{value * 1000:.2f} ms"
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "x":
        return f"{value:.1f}x"
    return f"{value:.{2 if value < 10 else 1}f} {unit}"


def repeat(times: int, measure: Callable[[], float]) -> list[float]:
    return [measure() for _ in range(times)]


# ---- corpora and builds ----------------------------------------------------------------


def corpus_for(scale: int) -> Path:
    """bench/out/corpus-Nx; at 1x a byte-for-byte copy of the seeds, so that changing a
    document for the incremental build never touches seeds/."""
    from synth import make_corpus

    folder = OUT / f"corpus-{scale}x"
    if not (folder / "sources.toml").is_file():
        make_corpus(scale, folder)
    return folder


def text_mb(corpus: Path) -> float:
    return sum(p.stat().st_size for p in corpus.iterdir()
               if p.suffix in (".txt", ".md")) / 1e6


def karabakh(corpus: Path, db: Path, *args: str) -> Run:
    return run([KARABAKH, "--corpus", str(corpus), "--db", str(db), *args])


def cold_build(corpus: Path, db: Path) -> Run:
    """A build from nothing: no database, no per-document cache."""
    for stale in (db, db.with_name(db.name + ".cache")):
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink(missing_ok=True)
    return karabakh(corpus, db, "build", "--force")


def incremental(corpus: Path, db: Path, documents: int) -> tuple[Run, str]:
    """Change one document, build, restore it, build again; the first build's run."""
    doc = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))[-1]
    original = doc.read_bytes()
    try:
        doc.write_bytes(original + b"\nA sentence added by the benchmark.\n")
        changed = karabakh(corpus, db, "build")
    finally:
        doc.write_bytes(original)
    karabakh(corpus, db, "build")
    said = next((line.strip() for line in (changed.stdout + changed.stderr).splitlines()
                 if "reused" in line or "processed" in line), "")
    return changed, said


# ---- lookups: our CLI, the sqlite3 shell, an empty Python ------------------------------


def lookup_sql(db: Path) -> str:
    """The CLI lookup's event query with its parameters written in, for the sqlite3 shell."""
    import sqlite3

    from karabakh_tui.model import Filter
    from karabakh_tui.query import events_sql

    conn = sqlite3.connect(db)
    try:
        sql, params = events_sql(conn, Filter(periods=(PERIOD,), actors=("Azerbaijan",)))
    finally:
        conn.close()
    for p in params:
        literal = str(p) if isinstance(p, int) else "'" + str(p).replace("'", "''") + "'"
        sql = sql.replace("?", literal, 1)
    return sql


# ---- the TUI, one fresh process per run --------------------------------------------------

TUI_CHANGES = 6
LOAD_AT_START = " / ".join(f"{x:.1f}" for x in os.getloadavg())


async def _tui_probe(corpus: str, db: str) -> dict[str, object]:
    started = time.perf_counter()
    from textual.widgets import DataTable, Select

    from karabakh_tui.app_context import Workspace
    from karabakh_tui.tui.app import make_app

    app = make_app(Workspace(Path(corpus).resolve(), Path(db).resolve()))
    deadline = time.perf_counter() + 120

    async def until(ready: Callable[[], bool], step: float) -> None:
        while not ready():
            if time.perf_counter() > deadline or app._exit_renderables or app.return_code:
                raise RuntimeError("the TUI did not get there (see its error above)")
            await pilot.pause(step)

    async with app.run_test(size=(120, 40)) as pilot:
        await until(lambda: bool(app.screen.query(DataTable))
                    and bool(app.screen.query_one(DataTable).row_count), 0.002)
        screen = app.screen
        await pilot.pause()  # one more refresh: the rows are painted
        first = time.perf_counter() - started
        total = len(screen.view.ids)
        changes = []
        select = screen.query_one("#period", Select)
        for n in range(TUI_CHANGES):
            want = (PERIOD,) if n % 2 == 0 else ()
            t0 = time.perf_counter()
            if want:
                select.value = PERIOD
            else:
                select.clear()
            await until(lambda w=want: screen.view.flt is not None  # type: ignore[misc]
                        and screen.view.flt.periods == w, 0.001)
            await pilot.pause()
            changes.append(time.perf_counter() - t0)
        import resource

        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        table = screen.query_one(DataTable)
        table.focus()
        t0 = time.perf_counter()
        await pilot.press("ctrl+end")
        await pilot.pause()
        to_bottom = time.perf_counter() - t0
        bottom_row = screen.position  # the row in the whole view, not in the table's window
        # what `/` search's n/N and `karabakh tui --event ID` do: put the cursor on a row
        t0 = time.perf_counter()
        screen._move_to(total - 1)
        await pilot.pause()
        to_last = time.perf_counter() - t0
        return {"first_paint": first, "changes": changes, "events": total, "peak_mb": peak_mb,
                "to_bottom": to_bottom, "bottom_row": bottom_row,
                "to_last": to_last, "last_row": screen.position, "table_rows": table.row_count}


def tui_probe_main(corpus: str, db: str) -> int:
    import asyncio

    print(json.dumps(asyncio.run(_tui_probe(corpus, db))))
    return 0


# ---- the date tagger against dateparser ---------------------------------------------------


def dates_vs_dateparser(db: Path, sentences: int) -> tuple[float, float, int]:
    """Seconds per sentence for our tagger and for dateparser over the same sentences."""
    import sqlite3

    from dateparser.search import search_dates

    from karabakh_tui.extract.dates import find_dates

    conn = sqlite3.connect(db)
    texts = [r[0] for r in conn.execute(
        "SELECT text FROM sentences ORDER BY id LIMIT ?", (sentences,))]
    conn.close()
    search_dates("On 27 September 2020.", languages=["en"])  # its one-off loading
    find_dates("On 27 September 2020.")
    t0 = time.perf_counter()
    for text in texts:
        find_dates(text)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text in texts:
        search_dates(text, languages=["en"])
    theirs = time.perf_counter() - t0
    return ours / len(texts), theirs / len(texts), len(texts)


# ---- the whole run ---------------------------------------------------------------------


@dataclass
class Plan:
    scales: list[int]
    build_reps: dict[int, int]
    lookup_reps: int
    tui_runs: int
    sentences: int


def measure_scale(scale: int, plan: Plan, figures: list[Figure],
                  log: Callable[[str], None]) -> None:
    corpus = corpus_for(scale)
    db = OUT / f"db-{scale}x.sqlite"
    mb = text_mb(corpus)
    tag = f"{scale}x"
    documents = sum(1 for p in corpus.iterdir() if p.suffix in (".txt", ".md"))
    reps = plan.build_reps.get(scale, 1)
    log(f"{tag}: {documents} documents, {mb:.1f} MB; {reps} cold build(s)")
    builds = [cold_build(corpus, db) for _ in range(reps)]
    said = builds[-1].stderr.strip().splitlines()[-1:] or [""]
    figures += [
        Figure("build from nothing (no db, no cache)", tag, [b.seconds for b in builds],
               target=2.0 if scale == 1 else None,
               note=f"{documents} docs, {mb:.1f} MB; {said[0].strip()}"),
        Figure("build throughput", tag, [mb / b.seconds for b in builds], unit="MB/s",
               target=1.0 if scale == 100 else None, higher_is_better=True),
        Figure("build peak memory (largest process)", tag, [b.peak_mb for b in builds],
               unit="MB"),
        Figure("database size", tag, [db.stat().st_size / 1e6], unit="MB"),
    ]
    log(f"{tag}: incremental build")
    runs, said_inc = [], ""
    for _ in range(2 if scale < 100 else 1):
        changed, said_inc = incremental(corpus, db, documents)
        runs.append(changed)
    figures.append(Figure("build after one document changed", tag, [r.seconds for r in runs],
                          note=f"it says: “{said_inc}”"))
    log(f"{tag}: cold lookups")
    lookups = [karabakh(corpus, db, *LOOKUP) for _ in range(plan.lookup_reps)]
    found = len(json.loads(lookups[-1].stdout))
    sql = lookup_sql(db)
    shell = [run(["sqlite3", "-json", str(db), sql]) for _ in range(plan.lookup_reps)]
    empty = [run([sys.executable, "-c", "pass"]) for _ in range(plan.lookup_reps)]
    ours = statistics.median(r.seconds for r in lookups)
    figures += [
        Figure("cold CLI lookup (new process)", tag, [r.seconds for r in lookups],
               target={1: 0.150, 100: 0.250}.get(scale),
               note=f"`karabakh {' '.join(LOOKUP)}`: {found} events"),
        Figure("  same SQL in the sqlite3 shell", tag, [r.seconds for r in shell],
               note=f"lookup / shell = {ours / statistics.median(r.seconds for r in shell):.1f}x"
                    " (the shell runs only the events query, no citations)"),
        Figure("  `python -c pass`", tag, [r.seconds for r in empty],
               note=f"lookup / empty Python = "
                    f"{ours / statistics.median(r.seconds for r in empty):.1f}x"),
        Figure("CLI lookup peak memory", tag, [r.peak_mb for r in lookups], unit="MB"),
    ]
    log(f"{tag}: {plan.tui_runs} TUI run(s)")
    probes = [run([sys.executable, __file__, "--tui-probe", str(corpus), str(db)])
              for _ in range(plan.tui_runs)]
    data = [json.loads(p.stdout) for p in probes]
    figures += [
        Figure("TUI first painted table (from process start)", tag,
               [d["first_paint"] for d in data], target=1.0,
               note=f"{data[0]['events']} events; includes importing Textual"),
        Figure("TUI filter change -> table updated", tag,
               [c for d in data for c in d["changes"]],
               target=0.100 if scale == 100 else None,
               note=f"period {PERIOD} on/off, {TUI_CHANGES} changes per run"),
        Figure("TUI ctrl+end (the last event)", tag, [d["to_bottom"] for d in data],
               note=f"cursor on row {data[0]['bottom_row']} of {data[0]['events']}"),
        Figure("TUI cursor to the last event (search n/N, --event)", tag,
               [d["to_last"] for d in data],
               note=f"cursor on row {data[0]['last_row']} of {data[0]['events']}"),
        Figure("TUI peak memory: first paint and filter changes", tag,
               [d["peak_mb"] for d in data], unit="MB", target=200.0 if scale == 100 else None),
        Figure("TUI peak memory, also after the jump to the last event", tag,
               [p.peak_mb for p in probes], unit="MB",
               note="the table holds a window of rows around the cursor"),
    ]


def measure_dates(plan: Plan, figures: list[Figure], log: Callable[[str], None]) -> None:
    log(f"date tagger vs dateparser over {plan.sentences} seed sentences")
    db = OUT / "db-1x.sqlite"
    runs = [dates_vs_dateparser(db, plan.sentences) for _ in range(3)]
    n = runs[0][2]
    figures += [
        Figure("date tagger, per sentence (find_dates)", "1x", [r[0] for r in runs],
               note="3 runs"),
        Figure("  dateparser.search.search_dates, per sentence", "1x", [r[1] for r in runs],
               note=f"same {n} sentences, languages=['en']"),
        Figure("  dateparser time / ours", "1x", [r[1] / r[0] for r in runs], unit="x",
               target=10.0, higher_is_better=True),
    ]


def write_results(figures: Sequence[Figure], plan: Plan, seconds: float,
                  argv: Sequence[str]) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        "# Benchmark results",
        "",
        f"Produced by `python bench/run.py {' '.join(argv)}`".rstrip() + " on "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}"
        f"{' (with uncommitted changes)' if dirty else ''}; {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}. The whole run took {seconds / 60:.1f} min;"
        f" load average (1, 5, 15 min) at the start {LOAD_AT_START}, at the end {load}"
        " (other work shared the machine when this is above 1).",
        "",
        "Repetitions: cold builds " + ", ".join(
            f"{plan.build_reps.get(s, 1)} at {s}x" for s in plan.scales)
        + f"; lookups {plan.lookup_reps} each; TUI {plan.tui_runs} fresh processes per scale "
        f"({TUI_CHANGES} filter changes each). min / median / max over those; "
        "the target is checked on the median.",
        "",
        "| figure | scale | min | median | max | target | met | note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        lines.append("| " + " | ".join([f.what, f.scale, *f.cells(), f.target_text(), f.met(),
                                         f.note.replace("|", "\\|")]) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--tui-probe"]:
        return tui_probe_main(argv[1], argv[2])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="corpus scales (default 1,10,100)")
    parser.add_argument("--reps", type=int, default=5, help="cold builds at 1x (default 5)")
    parser.add_argument("--reps-10x", type=int, default=3, help="cold builds at 10x (default 3)")
    parser.add_argument("--reps-100x", type=int, default=1,
                        help="cold builds at 100x (default 1: one takes minutes)")
    parser.add_argument("--lookups", type=int, default=10, help="runs of each lookup")
    parser.add_argument("--tui-runs", type=int, default=3, help="TUI processes per scale")
    parser.add_argument("--sentences", type=int, default=300,
                        help="seed sentences for the dateparser comparison")
    parser.add_argument("--quick", action="store_true", help="1x and 10x, one or two of each")
    parser.add_argument("--output", type=Path, default=RESULTS, help="the Markdown table")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    plan = Plan(scales, {1: args.reps, 10: args.reps_10x, 100: args.reps_100x},
                args.lookups, args.tui_runs, args.sentences)
    if args.quick:
        plan = Plan([1, 10], {1: 2, 10: 1}, 3, 1, 100)
    if 1 not in plan.scales:
        plan.scales.insert(0, 1)  # the dateparser comparison reads the seeds' database
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", file=sys.stderr, flush=True)

    figures: list[Figure] = []
    for scale in plan.scales:
        measure_scale(scale, plan, figures, log)
    measure_dates(plan, figures, log)
    text = write_results(figures, plan, time.perf_counter() - started, argv)
    args.output.write_text(text, encoding="utf-8")
    (OUT / "results.json").write_text(json.dumps(
        [f.__dict__ for f in figures], indent=1), encoding="utf-8")
    print(text)
    log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
