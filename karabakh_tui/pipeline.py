"""corpus -> clean -> sentences -> extract -> merge: the build's pure middle.

No database here: `store.build` writes what this returns, `bench/evaluate.py` scores it.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from karabakh_tui.corpus.clean import clean
from karabakh_tui.corpus.layouts import detect_layout
from karabakh_tui.corpus.manifest import Corpus, load_corpus
from karabakh_tui.corpus.read import DocumentError, decode_document
from karabakh_tui.corpus.sentences import split_sentences
from karabakh_tui.extract.mentions import document_mentions
from karabakh_tui.model import Cleaned, Mention, Sentence, Source


@dataclass(frozen=True)
class DocumentResult:
    """Everything the build keeps of one document."""

    source: Source
    sha256: str
    layout: str
    cleaned: Cleaned
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    reused: bool = False
    """Loaded from the per-document cache rather than processed in this build."""


def process_document(source: Source, text: str, sha256: str = "") -> DocumentResult:
    """Clean, split and extract one document (pure)."""
    layout = source.layout if source.layout != "auto" else detect_layout(text)
    cleaned = clean(text, layout)
    starts = list(cleaned.paragraphs)
    sentences = tuple(replace(s, paragraph=bisect_right(starts, s.start) - 1)
                      for s in split_sentences(cleaned, source.id))
    mentions = tuple(document_mentions(source, sentences))
    return DocumentResult(source, sha256, layout, cleaned, sentences, mentions)


def process_corpus(
    corpus: Corpus,
    warn: Callable[[str], None] = lambda _msg: None,
    sources: Iterable[Source] | None = None,
    cache: Path | None = None,
    jobs: int | None = None,
    done: Callable[[DocumentResult], None] | None = None,
) -> list[DocumentResult]:
    """Process every readable document; an unreadable one is skipped with a warning.

    With `cache` (a folder, see `cache_dir_for`), a document whose bytes, manifest entry
    and processing code are unchanged since it was last processed is loaded from there
    instead (its result has `reused=True`); every processed one is saved there. Documents
    to process are spread over `jobs` processes (default: `$KARABAKH_JOBS`, else one per
    CPU) when there are enough bytes to pay for starting them.

    `done`, when given, is called with each result in corpus order as soon as it and
    those before it are ready (`store.build` writes a document's rows then, while the
    workers go on with the next ones).
    """
    chosen = tuple(sources if sources is not None else corpus.sources)
    slots: list[DocumentResult | None] = []
    todo: list[tuple[int, Source, bytes, str, Path | None]] = []
    for source in chosen:
        path = corpus.path_of(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            warn(f"skipped {path.name}: cannot read ({exc.strerror})")
            continue
        digest = hashlib.sha256(data).hexdigest()
        entry = cache_entry(cache, source, digest) if cache is not None else None
        hit = _load_cached(entry) if entry is not None else None
        slots.append(hit)
        if hit is None:
            todo.append((len(slots) - 1, source, data, digest, entry))
    waiting = {t[0] for t in todo}
    handed = 0  # slots before this one went to `done`

    def hand_on() -> None:
        nonlocal handed
        while handed < len(slots) and handed not in waiting:
            if done is not None and slots[handed] is not None:
                done(slots[handed])  # type: ignore[arg-type]
            handed += 1

    for index, outcome in zip((t[0] for t in todo), _run(todo, jobs), strict=True):
        if isinstance(outcome, DocumentError):
            warn(f"skipped {outcome}")
        else:
            slots[index] = outcome
        waiting.discard(index)
        hand_on()
    hand_on()
    results = [r for r in slots if r is not None]
    if cache is not None and sources is None:
        _prune_cache(cache, {cache_entry(cache, r.source, r.sha256) for r in results})
    return results


# ---- the per-document cache ----------------------------------------------------------

CACHE_SUFFIX = ".cache"
_PARALLEL_BYTES = 4_000_000
"""Below this many bytes to process, starting worker processes costs more than it saves."""


def cache_dir_for(db: Path) -> Path:
    """The per-document cache of the database at `db`: `<db>.cache/` beside it."""
    return db.with_name(db.name + CACHE_SUFFIX)


def cache_entry(cache: Path, source: Source, sha256: str) -> Path:
    """The cache file of `source` with these bytes, under the current processing code."""
    from karabakh_tui.store.fingerprint import processing_fingerprint

    key = hashlib.sha256("\0".join(
        (processing_fingerprint(), sha256, repr(source))).encode()).hexdigest()
    return cache / f"{source.id}-{key[:32]}.pickle"


def _load_cached(entry: Path) -> DocumentResult | None:
    """The cached result, or None when absent or unusable (then it is simply redone)."""
    try:
        with entry.open("rb") as fh:
            result = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or foreign file is a cache miss, never an error
        return None
    return replace(result, reused=True) if isinstance(result, DocumentResult) else None


def _save_cached(entry: Path, pickled: bytes) -> None:
    """Write a pickled result atomically (temporary file, then rename); a cache that
    cannot be written is only a slower next build."""
    tmp = entry.with_name(f"{entry.name}.tmp-{os.getpid()}")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(pickled)
        os.replace(tmp, entry)
    except OSError:
        tmp.unlink(missing_ok=True)


def _prune_cache(cache: Path, keep: set[Path]) -> None:
    """Remove entries of documents that changed or left the corpus, and stray temporaries."""
    try:
        stale = [p for p in cache.iterdir() if p not in keep
                 and (p.suffix == ".pickle" or ".pickle.tmp-" in p.name)]
    except OSError:
        return
    for path in stale:
        if ".tmp-" in path.name and _tmp_owner_alive(path):
            continue
        path.unlink(missing_ok=True)


def _tmp_owner_alive(path: Path) -> bool:
    pid = path.name.rsplit("-", 1)[-1]
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# ---- processing, serial or in worker processes ---------------------------------------

_Task = tuple[int, Source, bytes, str, Path | None]


def _extract(task: _Task) -> DocumentResult | DocumentError:
    _index, source, data, digest, _entry = task
    try:
        text = decode_document(data, source.file)
    except DocumentError as exc:
        return exc
    return process_document(source, text, digest)


def _process_one(task: _Task) -> DocumentResult | DocumentError:
    result = _extract(task)
    entry = task[4]
    if entry is not None and isinstance(result, DocumentResult):
        _save_cached(entry, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return result


def _process_pickled(task: _Task) -> bytes | DocumentError:
    """`_process_one` in a worker process: the result pickled once, for the cache file
    and for the trip back alike (pickling it twice was 2% of a worker's time)."""
    result = _extract(task)
    if isinstance(result, DocumentError):
        return result
    blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    entry = task[4]
    if entry is not None:
        _save_cached(entry, blob)
    return blob


def _jobs(jobs: int | None) -> int:
    if jobs is None:
        env = os.environ.get("KARABAKH_JOBS", "")
        jobs = int(env) if env.isdigit() else (os.cpu_count() or 1)
    return max(1, jobs)


def _run(todo: Sequence[_Task], jobs: int | None) -> Iterator[DocumentResult | DocumentError]:
    workers = min(_jobs(jobs), len(todo))
    if workers < 2 or sum(len(t[2]) for t in todo) < _PARALLEL_BYTES:
        yield from map(_process_one, todo)
        return
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    # fork is cheap (the extractors are already imported) but unsafe beside other threads,
    # e.g. a build started from the TUI; spawn then.
    method = "fork" if threading.active_count() == 1 else "spawn"
    # in corpus order, each result as soon as it and those before it are done: the
    # caller (`store.build`) writes a document while the workers process the next ones.
    # A forked worker inherits the build's paused collector (store.build); it makes
    # garbage of its own, so it collects as usual
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                             initializer=gc.enable) as pool:
        for outcome in pool.map(_process_pickled, todo):
            yield pickle.loads(outcome) if isinstance(outcome, bytes) else outcome


def corpus_mentions(corpus_dir: Path) -> list[Mention]:
    """All mentions of a corpus folder, for evaluation against the gold set."""
    corpus = load_corpus(corpus_dir)
    return [m for result in process_corpus(corpus) for m in result.mentions]
