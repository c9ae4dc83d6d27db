"""Build the database from a corpus: write a temporary file, then swap it in atomically.

A reader never sees a half-written database: the new file is complete and closed before
`os.replace` puts it where readers look, and a failed or killed build leaves the
previous database untouched (at most a stray `*.tmp-PID` file, removed next time).
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from karabakh_tui.corpus.manifest import Corpus
from karabakh_tui.merge import merge
from karabakh_tui.model import Event
from karabakh_tui.paths import display_path
from karabakh_tui.pipeline import DocumentResult, cache_dir_for, process_corpus
from karabakh_tui.store import fingerprint
from karabakh_tui.store.schema import INDEXES, SCHEMA, SCHEMA_VERSION
from karabakh_tui.store.vocab import write_vocabulary

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the CLI to print."""

    path: Path
    documents: int
    sentences: int
    events: int
    seconds: float
    warnings: tuple[str, ...]
    processed: int = 0
    """Documents cleaned and extracted in this build ..."""
    reused: int = 0
    """... and those taken unchanged from the per-document cache."""


def build(corpus: Corpus, dest: Path, progress: Progress = lambda _m: None,
          cache: bool = True) -> BuildReport:
    """Process `corpus` and atomically replace `dest` with the new database.

    Documents unchanged since the last build (same bytes, manifest entry and processing
    code) come from the cache beside `dest` (`pipeline.cache_dir_for`) unless `cache` is
    False; merging and writing are always done over the whole corpus.
    """
    started = time.perf_counter()
    warnings: list[str] = list(corpus.warnings)

    def warn(message: str) -> None:
        warnings.append(message)
        progress(f"warning: {message}")

    results = process_corpus(corpus, warn, cache=cache_dir_for(dest) if cache else None)
    reused = sum(r.reused for r in results)
    progress(_summary(len(results), reused))
    events = merge(
        [m for r in results for m in r.mentions],
        {r.source.id: r.source for r in results},
        {r.source.id: r.cleaned.footnotes for r in results},
    )
    dest.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(dest)
    tmp = dest.with_name(f"{dest.name}.tmp-{os.getpid()}")
    try:
        _write(tmp, corpus, results, events)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    sentences = sum(len(r.sentences) for r in results)
    return BuildReport(dest, len(results), sentences, len(events),
                       time.perf_counter() - started, tuple(warnings),
                       processed=len(results) - reused, reused=reused)


def _summary(documents: int, reused: int) -> str:
    if not reused:
        return f"processed all {documents} documents"
    noun = "document" if documents == 1 else "documents"
    return f"{documents - reused} of {documents} {noun} changed; reused {reused}"


def _remove_stale_temporaries(dest: Path) -> None:
    for stray in dest.parent.glob(f"{dest.name}.tmp-*"):
        pid = stray.name.rsplit("-", 1)[-1]
        if not (pid.isdigit() and _alive(int(pid))):
            stray.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write(tmp: Path, corpus: Corpus, results: Sequence[DocumentResult],
           events: Sequence[Event]) -> None:
    conn = sqlite3.connect(tmp)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        conn.executescript(SCHEMA)
        db = sqlite_utils.Database(conn)
        sentence_ids = _write_documents(db, corpus, results)
        write_vocabulary(db, events)
        _write_events(db, events, sentence_ids)
        conn.executescript(INDEXES)
        db["sentences"].enable_fts(["text"], fts_version="FTS5",
                                   tokenize="unicode61 remove_diacritics 2")
        db["meta"].insert_all(
            [{"key": k, "value": v} for k, v in _meta(corpus, results).items()])
        conn.commit()
        conn.execute("PRAGMA synchronous=FULL")
    finally:
        conn.close()
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _meta(corpus: Corpus, results: Sequence[DocumentResult]) -> dict[str, str]:
    return {
        "schema_version": str(SCHEMA_VERSION),
        "stat_fingerprint": fingerprint.stat_fingerprint(corpus),
        "content_fingerprint": fingerprint.content_fingerprint(corpus),
        "corpus": str(corpus.root),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "documents": json.dumps({r.source.id: r.sha256 for r in results}),
        # lets a reader check staleness without parsing the manifest (app_context)
        "files": json.dumps([s.file for s in corpus.sources]),
    }


def _write_documents(db: sqlite_utils.Database, corpus: Corpus,
                     results: Sequence[DocumentResult]) -> dict[tuple[str, int], int]:
    """Documents, sections, sentences and footnotes; returns (doc, ordinal) -> sentence id."""
    ids: dict[tuple[str, int], int] = {}
    next_id = 1
    for r in results:
        s = r.source
        _insert(db.conn, "documents", [{
            "id": s.id, "file": s.file, "path": display_path(corpus.root, s.file),
            "title": s.title, "author": s.author, "venue": s.venue, "written": s.written,
            "perspective": s.perspective, "layout": r.layout, "short": s.short,
            "title_basis": s.title_basis, "written_basis": s.written_basis,
            "sha256": r.sha256, "text": r.cleaned.text,
            "n_sentences": len(r.sentences), "n_footnotes": len(r.cleaned.footnotes),
        }])
        _insert(db.conn, "sections", (
            {"document_id": s.id, "ordinal": n, "start": start, "title": title}
            for n, (start, title) in enumerate(r.cleaned.sections)))
        rows, links = [], []
        for sent in r.sentences:
            ids[(s.id, sent.index)] = next_id
            rows.append({"id": next_id, "document_id": s.id, "ordinal": sent.index,
                         "start": sent.start, "end": sent.end, "line": sent.line,
                         "section": sent.section, "text": sent.text})
            links += [{"sentence_id": next_id, "document_id": s.id, "number": n}
                      for n in dict.fromkeys(sent.footnotes)]
            next_id += 1
        _insert(db.conn, "sentences", rows)
        _insert(db.conn, "sentence_footnotes", links)
        _insert(db.conn, "footnotes", (
            {"document_id": s.id, "number": n, "text": t}
            for n, t in sorted(r.cleaned.footnotes.items())))
    return ids


def _write_events(db: sqlite_utils.Database, events: Sequence[Event],
                  sentence_ids: dict[tuple[str, int], int]) -> None:
    _insert(db.conn, "events", ({
        "id": e.id, "edtf": e.date, "start_edtf": e.start, "end_edtf": e.end,
        "lower": e.lower, "upper": e.upper, "precision": e.precision, "label": e.label,
        "title": e.title, "inferred": int(e.inferred), "context": int(e.context),
        "disputed": int(e.disputed), "disagreements": json.dumps(list(e.disagreements)),
        "related": json.dumps(list(e.related)), "n_sources": e.n_sources,
        "n_citations": len(e.citations),
    } for e in events))
    _insert(db.conn, "citations", ({
        "event_id": e.id, "ordinal": n, "document_id": c.document,
        "sentence_id": sentence_ids[(c.document, c.sentence_index)], "date_text": c.date_text,
    } for e in events for n, c in enumerate(e.citations)))
    for table, column, attr in (("event_actors", "actor", "actors"),
                                ("event_places", "place", "places"),
                                ("event_periods", "period", "periods")):
        _insert(db.conn, table, ({"event_id": e.id, column: v}
                                 for e in events for v in dict.fromkeys(getattr(e, attr))))


def _insert(conn: sqlite3.Connection, table: str, rows: Iterable[dict[str, object]]) -> None:
    """Insert rows (dicts with the same keys, plain SQL values) with one executemany.

    Not sqlite-utils' insert_all: checking and converting every value cost ~3.5 s of a
    10x build's 5.5 s of writing (cProfile); the tables already exist (SCHEMA)."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    columns = list(first)
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                     (tuple(r[c] for c in columns) for r in itertools.chain([first], rows)))
