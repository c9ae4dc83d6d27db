"""Build the database from a corpus: write a temporary file, then swap it in atomically.

A reader never sees a half-written database: the new file is complete and closed before
`os.replace` puts it where readers look, and a failed or killed build leaves the
previous database untouched (at most a stray `*.tmp-PID` file, removed next time).
"""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
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

    with _collector_paused():
        dest.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(dest)
        tmp = dest.with_name(f"{dest.name}.tmp-{os.getpid()}")
        try:
            conn = _open(tmp)
            try:
                # each document's rows are written as soon as it is processed, in corpus
                # order, while the worker processes go on with the next documents
                documents = _DocumentWriter(conn, corpus)
                results = process_corpus(corpus, warn,
                                         cache=cache_dir_for(dest) if cache else None,
                                         done=documents.write)
                reused = sum(r.reused for r in results)
                progress(_summary(len(results), reused))

                def merged() -> list[Event]:
                    return merge(
                        [m for r in results for m in r.mentions],
                        {r.source.id: r.source for r in results},
                        {r.source.id: r.cleaned.footnotes for r in results},
                    )

                events = _write(conn, corpus, results, documents.ids, merged)
            finally:
                conn.close()
            _fsync(tmp)
            os.replace(tmp, dest)
            _sync_folder(dest.parent)
        finally:
            tmp.unlink(missing_ok=True)
    sentences = sum(len(r.sentences) for r in results)
    return BuildReport(dest, len(results), sentences, len(events),
                       time.perf_counter() - started, tuple(warnings),
                       processed=len(results) - reused, reused=reused)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the build runs.

    A build holds millions of small acyclic objects (sentences, mentions, events) and the
    collector rescanned them again and again as more were made: at 100x, loading the
    documents took 8.5 s instead of 3.8 s and merging 32 s instead of 15 s. The few cycles
    a build leaves are collected once it is over."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut could otherwise undo it); best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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


def _open(tmp: Path) -> sqlite3.Connection:
    """The new database at `tmp`, its tables made and empty."""
    conn = sqlite3.connect(tmp, check_same_thread=False)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        conn.executescript(SCHEMA)
    except BaseException:
        conn.close()
        raise
    return conn


def _write(conn: sqlite3.Connection, corpus: Corpus, results: Sequence[DocumentResult],
           sentence_ids: dict[tuple[str, int], int],
           merged: Callable[[], Sequence[Event]]) -> Sequence[Event]:
    """Write the rest of the database, the documents' rows being in (`_DocumentWriter`);
    returns the events `merged()` made.

    The sentences' full-text index needs no event: a second thread builds it while this
    one merges. SQLite releases the GIL while it indexes, so that work runs on the
    otherwise idle second core."""
    db = sqlite_utils.Database(conn)
    with ThreadPoolExecutor(1) as writer:
        texts = writer.submit(_index_texts, db)
        try:
            events = merged()
        finally:
            texts.result()  # never two threads on the connection
    write_vocabulary(db, events)
    _write_events(conn, events, sentence_ids)
    conn.executescript(INDEXES)
    db["meta"].insert_all(
        [{"key": k, "value": v} for k, v in _meta(corpus, results).items()])
    conn.commit()
    conn.execute("PRAGMA synchronous=FULL")
    return events


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _index_texts(db: sqlite_utils.Database) -> None:
    """The sentences' full-text index."""
    db["sentences"].enable_fts(["text"], fts_version="FTS5",
                               tokenize="unicode61 remove_diacritics 2")


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


class _DocumentWriter:
    """Documents, sections, sentences and footnotes, one document at a time in corpus
    order (`write`); `ids` maps (document, ordinal) to the sentence's id.

    Rows are tuples in the columns' order, not dicts: building and unpacking ~1.5 million
    dicts was a third of the writing at 100x (cProfile)."""

    def __init__(self, conn: sqlite3.Connection, corpus: Corpus) -> None:
        self.conn = conn
        self.corpus = corpus
        self.ids: dict[tuple[str, int], int] = {}
        self.next_id = 1

    def write(self, r: DocumentResult) -> None:
        s = r.source
        conn, ids = self.conn, self.ids
        _insert(conn, "documents", _DOCUMENT_COLUMNS, [(
            s.id, s.file, display_path(self.corpus.root, s.file), s.title, s.author, s.venue,
            s.written, s.perspective, r.layout, s.short, s.title_basis, s.written_basis,
            r.sha256, r.cleaned.text, len(r.sentences), len(r.cleaned.footnotes))])
        _insert(conn, "sections", ("document_id", "ordinal", "start", "title"),
                [(s.id, n, start, title) for n, (start, title) in enumerate(r.cleaned.sections)])
        sentences, links = [], []
        next_id = self.next_id
        for sent in r.sentences:
            ids[(s.id, sent.index)] = next_id
            sentences.append((next_id, s.id, sent.index, sent.start, sent.end, sent.line,
                              sent.section, sent.text))
            if sent.footnotes:
                links += [(next_id, s.id, n) for n in dict.fromkeys(sent.footnotes)]
            next_id += 1
        self.next_id = next_id
        _insert(conn, "sentences", ("id", "document_id", "ordinal", "start", "end", "line",
                                    "section", "text"), sentences)
        _insert(conn, "sentence_footnotes", ("sentence_id", "document_id", "number"), links)
        _insert(conn, "footnotes", ("document_id", "number", "text"),
                [(s.id, n, t) for n, t in sorted(r.cleaned.footnotes.items())])


_DOCUMENT_COLUMNS = ("id", "file", "path", "title", "author", "venue", "written",
                     "perspective", "layout", "short", "title_basis", "written_basis",
                     "sha256", "text", "n_sentences", "n_footnotes")
_EVENT_COLUMNS = ("id", "edtf", "start_edtf", "end_edtf", "lower", "upper", "precision",
                  "label", "title", "inferred", "context", "disputed", "disagreements",
                  "related", "n_sources", "n_citations")


def _write_events(conn: sqlite3.Connection, events: Sequence[Event],
                  sentence_ids: dict[tuple[str, int], int]) -> None:
    _insert(conn, "events", _EVENT_COLUMNS, ((
        e.id, e.date, e.start, e.end, e.lower, e.upper, e.precision, e.label, e.title,
        int(e.inferred), int(e.context), int(e.disputed),
        json.dumps(list(e.disagreements)), json.dumps(list(e.related)), e.n_sources,
        len(e.citations)) for e in events))
    _insert(conn, "citations",
            ("event_id", "ordinal", "document_id", "sentence_id", "date_text"),
            ((e.id, n, c.document, sentence_ids[(c.document, c.sentence_index)], c.date_text)
             for e in events for n, c in enumerate(e.citations)))
    _insert(conn, "citation_names", ("event_id", "document_id", "place", "variant"),
            ((e.id, *row) for e in events for row in dict.fromkeys(
                (c.document, name[0], name[1]) for c in e.citations for name in c.names)))
    for table, column, attr in (("event_actors", "actor", "actors"),
                                ("event_places", "place", "places"),
                                ("event_periods", "period", "periods")):
        _insert(conn, table, ("event_id", column),
                ((e.id, v) for e in events for v in dict.fromkeys(getattr(e, attr))))


def _insert(conn: sqlite3.Connection, table: str, columns: Sequence[str],
            rows: Iterable[tuple[object, ...]]) -> None:
    """Insert rows (tuples of plain SQL values in `columns`' order) with one executemany.

    Not sqlite-utils' insert_all: checking and converting every value cost ~3.5 s of a
    10x build's 5.5 s of writing (cProfile); the tables already exist (SCHEMA)."""
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
