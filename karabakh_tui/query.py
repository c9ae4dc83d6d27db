"""The read side: one Filter -> SQL, and the lookups every view needs.

The only SQL for reads lives here; it is always parameterised. Stdlib only, so the CLI
answers fast (no Textual, no sqlite-utils on this path).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from karabakh_tui.model import Citation, Event, Filter
from karabakh_tui.names import fold

_ORDER = {
    "date": "e.lower, e.upper, e.id",
    "-date": "e.lower DESC, e.upper DESC, e.id DESC",
    "sources": "e.n_sources DESC, e.lower, e.id",
}


class NameError_(LookupError):
    """Base for name-resolution failures; `str()` is one line for the user."""


class AmbiguousName(NameError_):
    def __init__(self, kind: str, name: str, candidates: Sequence[str]) -> None:
        self.candidates = list(candidates)
        super().__init__(f"{kind} {name!r} is ambiguous: {', '.join(candidates)}; "
                         "give the full name")


class UnknownName(NameError_):
    def __init__(self, kind: str, name: str, suggestions: Sequence[str]) -> None:
        self.suggestions = list(suggestions)
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown {kind} {name!r}.{hint} See 'karabakh {kind}s'")


# ---- full-text -----------------------------------------------------------------------

_TOKEN = re.compile(r"[\w\u0080-\uffff'’-]+\*?", re.UNICODE)


def fts_query(conn: sqlite3.Connection, text: str) -> str:
    """The user's words as a safe FTS5 query: every word required, place variants OR-ed.

    Operators and punctuation the user typed are taken as plain words, so "AND OR",
    unbalanced quotes or `NEAR(` can never be an FTS5 syntax error.
    """
    parts = []
    for token in _TOKEN.findall(text):
        prefix = token.endswith("*")
        word = token.rstrip("*").strip("'’-")
        if not word:
            continue
        variants = sorted({word, *_single_word_variants(conn, word)}, key=str.casefold)
        quoted = [f'"{v.replace(chr(34), "")}"' + ("*" if prefix else "") for v in variants]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    # explicit AND: FTS5 rejects an implicit AND before a parenthesised group
    return " AND ".join(parts)


def as_prefixes(text: str) -> str:
    """`text` with every word made a prefix ("Jebra" -> "Jebra*"): what to try when the
    whole words match nothing, as someone typing the start of a name expects."""
    return " ".join(t if t.endswith("*") else t + "*" for t in _TOKEN.findall(text))


def _single_word_variants(conn: sqlite3.Connection, word: str) -> list[str]:
    rows = conn.execute(
        "SELECT a2.alias FROM aliases a1 JOIN aliases a2 ON a1.kind = a2.kind "
        "AND a1.name = a2.name WHERE a1.folded = ? AND a1.kind = 'place'", (fold(word),))
    return [r[0] for r in rows if " " not in r[0] and "-" not in r[0]]


# ---- events --------------------------------------------------------------------------


def events_where(conn: sqlite3.Connection, flt: Filter) -> tuple[str, list[object]]:
    """The WHERE clause (without the keyword) and parameters for `flt`."""
    clauses: list[str] = []
    params: list[object] = []

    def any_of(table: str, column: str, values: Sequence[str]) -> None:
        marks = ", ".join("?" * len(values))
        clauses.append(f"e.id IN (SELECT event_id FROM {table} WHERE {column} IN ({marks}))")
        params.extend(values)

    if flt.periods:
        any_of("event_periods", "period", flt.periods)
    if flt.actors and flt.all_actors:
        for actor in flt.actors:
            any_of("event_actors", "actor", (actor,))
    elif flt.actors:
        any_of("event_actors", "actor", flt.actors)
    if flt.places:
        marks = ", ".join("?" * len(flt.places))
        # a place and every place inside it: --place Nagorno-Karabakh finds Martuni too
        clauses.append(
            "e.id IN (SELECT event_id FROM event_places WHERE place IN ("
            f"WITH RECURSIVE inside(name) AS (SELECT name FROM places WHERE name IN ({marks}) "
            "UNION SELECT p.name FROM places p JOIN inside i ON p.within = i.name) "
            f"SELECT name FROM inside UNION SELECT value FROM json_each(?)))")
        params.extend([*flt.places, json.dumps(list(flt.places))])
    if flt.sources:
        any_of("citations", "document_id", flt.sources)
    if flt.date_from is not None:
        clauses.append("e.upper >= ?")
        params.append(flt.date_from)
    if flt.date_to is not None:
        clauses.append("e.lower <= ?")
        params.append(flt.date_to)
    if flt.text.strip():
        clauses.append("e.id IN (SELECT c.event_id FROM citations c WHERE c.sentence_id IN "
                       "(SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))")
        params.append(fts_query(conn, flt.text) or '""')
    if flt.context is not None:
        clauses.append("e.context = ?")
        params.append(int(flt.context))
    if not flt.inferred:
        clauses.append("e.inferred = 0")
    if flt.min_sources > 1:
        clauses.append("e.n_sources >= ?")
        params.append(flt.min_sources)
    if flt.disputed:
        clauses.append("e.disputed = 1")
    return (" AND ".join(clauses) or "1"), params


def events_sql(conn: sqlite3.Connection, flt: Filter, offset: int = 0,
               limit: int | None = None) -> tuple[str, list[object]]:
    """SELECT of the matching events' rows, ordered and paged."""
    where, params = events_where(conn, flt)
    limit = flt.limit if limit is None else limit
    sql = (f"SELECT e.* FROM events e WHERE {where} ORDER BY {_ORDER[flt.sort]}"
           f" LIMIT ? OFFSET ?")
    return sql, [*params, -1 if limit is None else limit, offset]


def event_ids(conn: sqlite3.Connection, flt: Filter) -> list[str]:
    """The ids of every matching event, in the filter's order (cheap: no hydration).

    SQLite joins them into one string: one row back instead of one per event, since
    each row hands the GIL over and back, which a busy UI thread makes slow (~78,000
    rows at 100x: 150-250 ms from the TUI's worker, 30-50 ms alone). group_concat keeps
    the order of an ordered subquery; the LIMIT makes that ORDER BY one SQLite may
    never drop. Event ids ('E0042') have no spaces.
    """
    where, params = events_where(conn, flt)
    sql = (f"SELECT group_concat(id, ' ') FROM (SELECT e.id FROM events e WHERE {where} "
           f"ORDER BY {_ORDER[flt.sort]} LIMIT -1)")
    joined = conn.execute(sql, params).fetchone()[0]
    return joined.split(" ") if joined else []


def count_events(conn: sqlite3.Connection, flt: Filter) -> int:
    where, params = events_where(conn, flt)
    return int(conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0])


def find_events(conn: sqlite3.Connection, flt: Filter, offset: int = 0,
                limit: int | None = None) -> list[Event]:
    """The events matching `flt`, in order, with their citations."""
    rows = conn.execute(*events_sql(conn, flt, offset, limit)).fetchall()
    return hydrate(conn, rows)


def events_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Event]:
    """The events with these ids, in the order given (the TUI's window of a long list)."""
    rows: dict[str, sqlite3.Row] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        rows.update((r["id"], r) for r in conn.execute(
            f"SELECT e.* FROM events e WHERE e.id IN ({marks})", chunk))
    return hydrate(conn, [rows[i] for i in ids if i in rows])


def get_event(conn: sqlite3.Connection, event_id: str) -> Event | None:
    rows = conn.execute("SELECT e.* FROM events e WHERE e.id = ?",
                        (event_id.strip().upper(),)).fetchall()
    events = hydrate(conn, rows)
    return events[0] if events else None


def hydrate(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[Event]:
    """Event rows -> Events with names and citations, in a fixed number of queries."""
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    names = {t: _names_by_event(conn, t, c, ids) for t, c in
             (("event_actors", "actor"), ("event_places", "place"), ("event_periods", "period"))}
    cites = _citations_by_event(conn, ids)
    return [_event(r, names, cites) for r in rows]


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _names_by_event(conn: sqlite3.Connection, table: str, column: str,
                    ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for event_id, name in conn.execute(
                f"SELECT event_id, {column} FROM {table} WHERE event_id IN ({marks}) "
                f"ORDER BY rowid", chunk):
            out[event_id].append(name)
    return out


def _citations_by_event(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, list[Citation]]:
    out: dict[str, list[Citation]] = defaultdict(list)
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT c.event_id, c.document_id, c.date_text, s.id, s.ordinal, s.start, "
            "s.\"end\", s.line, s.section, s.text, d.short, d.path "
            "FROM citations c JOIN sentences s ON s.id = c.sentence_id "
            "JOIN documents d ON d.id = c.document_id "
            f"WHERE c.event_id IN ({marks}) ORDER BY c.event_id, c.ordinal", chunk).fetchall()
        notes = _footnotes_of(conn, [r[3] for r in rows])
        for (eid, doc, date_text, sid, ordinal, start, end, line, section, text, short,
             path) in rows:
            out[eid].append(Citation(
                document=doc, source=short, quote=text, line=line, start=start, end=end,
                footnotes=notes.get(sid, ()), section=section or "", sentence_id=sid,
                sentence_index=ordinal, file=path, date_text=date_text or ""))
    return out


def _footnotes_of(conn: sqlite3.Connection,
                  sentence_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Sentence id -> the texts of its footnotes, by number (one query for a page:
    a subquery per citation cost more than the citations themselves)."""
    out: dict[int, list[str]] = defaultdict(list)
    marks = ", ".join("?" * len(sentence_ids))
    for sid, text in conn.execute(
            "SELECT sf.sentence_id, f.text FROM sentence_footnotes sf JOIN footnotes f "
            "ON f.document_id = sf.document_id AND f.number = sf.number "
            f"WHERE sf.sentence_id IN ({marks}) ORDER BY sf.sentence_id, sf.number",
            list(sentence_ids)):
        out[sid].append(text)
    return {sid: tuple(texts) for sid, texts in out.items()}


def _event(r: sqlite3.Row, names: dict[str, dict[str, list[str]]],
           cites: dict[str, list[Citation]]) -> Event:
    eid = r["id"]
    return Event(
        id=eid, date=r["edtf"], start=r["start_edtf"], end=r["end_edtf"], lower=r["lower"],
        upper=r["upper"], precision=r["precision"], label=r["label"], title=r["title"],
        actors=tuple(names["event_actors"].get(eid, ())),
        places=tuple(names["event_places"].get(eid, ())),
        periods=tuple(names["event_periods"].get(eid, ())),
        inferred=bool(r["inferred"]), context=bool(r["context"]), disputed=bool(r["disputed"]),
        disagreements=_json_tuple(r["disagreements"]), related=_json_tuple(r["related"]),
        citations=tuple(cites.get(eid, ())),
    )


def _json_tuple(text: str) -> tuple[Any, ...]:
    """A JSON list as a tuple; most are empty, and "[]" needs no parser."""
    return () if text == "[]" else tuple(json.loads(text))


def names_used(conn: sqlite3.Connection, event_id: str) -> dict[str, list[tuple[str, str]]]:
    """Document id -> (place, name as that document writes it) for the places of an event
    whose name there is not the canonical one: Toghramadjian writes Shushi for Shusha."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc, place, variant in conn.execute(
            "SELECT document_id, place, variant FROM citation_names WHERE event_id = ? "
            "AND variant != place ORDER BY rowid", (event_id,)):
        out[doc].append((place, variant))
    return dict(out)


def density_by_year(conn: sqlite3.Connection, flt: Filter) -> list[tuple[int, int]]:
    """(astronomical year, events starting in it) for the filtered events, by year."""
    where, params = events_where(conn, flt)
    sql = (f"SELECT e.lower / 10000 - (e.lower < 0 AND e.lower % 10000 != 0) AS y, count(*) "
           f"FROM events e WHERE {where} GROUP BY y ORDER BY y")
    return [(int(y), int(n)) for y, n in conn.execute(sql, params)]


# ---- names ---------------------------------------------------------------------------


def resolve_name(conn: sqlite3.Connection, kind: str, name: str) -> str:
    """A user's spelling -> the canonical name, through aliases and variants."""
    key = fold(name)
    found = sorted({r[0] for r in conn.execute(
        "SELECT name FROM aliases WHERE kind = ? AND folded = ?", (kind, key))})
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousName(kind, name, found)
    raise UnknownName(kind, name, _suggest(conn, kind, key))


def _suggest(conn: sqlite3.Connection, kind: str, key: str) -> list[str]:
    import difflib

    rows = conn.execute("SELECT folded, name FROM aliases WHERE kind = ?", (kind,)).fetchall()
    by_folded: dict[str, set[str]] = defaultdict(set)
    for folded, canonical in rows:
        by_folded[folded].add(canonical)
    close = difflib.get_close_matches(key, list(by_folded), n=5, cutoff=0.6)
    contains = [f for f in by_folded if key and key in f][:5]
    names = dict.fromkeys(n for f in close + contains for n in sorted(by_folded[f]))
    return list(names)[:5]


@dataclass(frozen=True)
class Name:
    """A filterable name with its event count and other spellings."""

    name: str
    events: int
    aliases: tuple[tuple[str, str], ...]
    """(alias, community) pairs; community is '' where no community is recorded."""
    kind: str = ""
    detail: str = ""


def vocabulary(conn: sqlite3.Connection, kind: str) -> list[Name]:
    """Actors, places or periods with counts of events and their aliases."""
    table, column = {"actor": ("event_actors", "actor"), "place": ("event_places", "place"),
                     "period": ("event_periods", "period")}[kind]
    counts = dict(conn.execute(f"SELECT {column}, count(*) FROM {table} GROUP BY {column}"))
    aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for alias, canonical, community in conn.execute(
            "SELECT alias, name, coalesce(community, '') FROM aliases WHERE kind = ? "
            "ORDER BY name, alias", (kind,)):
        if alias != canonical:
            aliases[canonical].append((alias, community))
    detail = _details(conn, kind)
    names = set(counts) | set(detail)
    return [Name(n, int(counts.get(n, 0)), tuple(aliases.get(n, ())), *detail.get(n, ("", "")))
            for n in sorted(names, key=str.casefold)]


def _details(conn: sqlite3.Connection, kind: str) -> dict[str, tuple[str, str]]:
    if kind == "actor":
        sql = "SELECT name, kind, coalesce(role, '') FROM actors"
    elif kind == "place":
        sql = "SELECT name, kind, coalesce(neutral, '') FROM places"
    else:
        sql = "SELECT name, edtf, coalesce(description, '') FROM periods"
    return {r[0]: (r[1] or "", r[2]) for r in conn.execute(sql)}


PERSPECTIVES = ("source", "neutral", "armenian", "azerbaijani")


def place_names(conn: sqlite3.Connection, perspective: str) -> dict[str, str]:
    """Canonical place -> how a list shows it: the name the Armenian or Azerbaijani
    community uses (Shushi / Şuşa), else the neutral one. A list has no single source,
    so "source" shows the neutral name there; quotes always keep the source's words."""
    if perspective in ("armenian", "azerbaijani"):
        out: dict[str, str] = {}
        for name, alias in conn.execute(
                "SELECT name, alias FROM aliases WHERE kind = 'place' AND community = ? "
                "ORDER BY rowid", (perspective,)):
            out.setdefault(name, alias)
        return out
    return {name: neutral for name, neutral in conn.execute(
        "SELECT name, neutral FROM places WHERE coalesce(neutral, '') != ''")}


def name_list(conn: sqlite3.Connection, kind: str) -> list[str]:
    """Every spelling a user may type for `kind`, for shell completion."""
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT alias FROM aliases WHERE kind = ? ORDER BY alias", (kind,))]


# ---- documents and sentences ---------------------------------------------------------


def sources(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT d.id, d.file, d.path, d.title, d.author, d.venue, d.written, d.perspective, "
        "d.short, d.n_sentences, d.n_footnotes, "
        "(SELECT count(DISTINCT event_id) FROM citations c WHERE c.document_id = d.id) "
        "AS n_events FROM documents d ORDER BY d.file").fetchall()


def source_labels(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(document id, citation label) in the order of `sources`, without its counts: those
    read each document's whole row past its text (60 ms for 500 documents at 100x)."""
    return [(r[0], r[1] or r[0]) for r in conn.execute(
        "SELECT id, short FROM documents ORDER BY file")]


def source_credits(conn: sqlite3.Connection) -> dict[str, str]:
    """Document id -> "Author, Title, year" (parts the manifest lacks left out)."""
    out = {}
    for doc_id, author, title, written in conn.execute(
            "SELECT id, author, title, written FROM documents"):
        year = re.search(r"-?\d{3,4}", written or "")
        parts = [author if (author or "unknown").casefold() != "unknown" else "", title or "",
                 year.group() if year else ""]
        out[doc_id] = ", ".join(p for p in parts if p)
    return out


def source_ids(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]


@dataclass(frozen=True)
class Hit:
    """A sentence matching a full-text search, with the matched words marked."""

    document: str
    path: str
    line: int
    section: str
    text: str
    marked: tuple[tuple[int, int], ...]
    """(start, end) character spans of the matched words inside `text`."""


_OPEN, _CLOSE = "\x02", "\x03"


def search_sentences(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[Hit]:
    query = fts_query(conn, text)
    if not query:
        return []
    rows = conn.execute(
        f"SELECT s.document_id, d.path, s.line, s.section, "
        f"highlight(sentences_fts, 0, '{_OPEN}', '{_CLOSE}') AS marked "
        "FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
        "JOIN documents d ON d.id = s.document_id WHERE sentences_fts MATCH ? "
        "ORDER BY d.file, s.ordinal LIMIT ?", (query, limit)).fetchall()
    return [Hit(r[0], r[1], r[2], r[3] or "", *_unmark(r[4])) for r in rows]


def _unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    out, spans, start = [], [], 0
    for ch in marked:
        if ch == _OPEN:
            start = sum(map(len, out))
        elif ch == _CLOSE:
            spans.append((start, sum(map(len, out))))
        else:
            out.append(ch)
    return "".join(out), tuple(spans)


@dataclass(frozen=True)
class Document:
    """A document's reading text with its sections, for the passage view."""

    id: str
    title: str
    author: str
    written: str
    path: str
    short: str
    text: str
    sections: tuple[tuple[int, str], ...]


def get_document(conn: sqlite3.Connection, doc_id: str) -> Document | None:
    r = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if r is None:
        return None
    sections = tuple((s[0], s[1]) for s in conn.execute(
        "SELECT start, title FROM sections WHERE document_id = ? ORDER BY ordinal", (doc_id,)))
    return Document(r["id"], r["title"], r["author"], r["written"] or "", r["path"],
                    r["short"], r["text"], sections)


def neighbours(conn: sqlite3.Connection, citation: Citation) -> tuple[str, str]:
    """The sentences before and after a cited one, in the same document ('' at the ends)."""
    rows = dict(conn.execute(
        "SELECT ordinal, text FROM sentences WHERE document_id = ? AND ordinal IN (?, ?)",
        (citation.document, citation.sentence_index - 1, citation.sentence_index + 1)))
    return rows.get(citation.sentence_index - 1, ""), rows.get(citation.sentence_index + 1, "")
