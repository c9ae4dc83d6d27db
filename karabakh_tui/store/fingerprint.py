"""Is the database current? Two fingerprints of what a build reads.

`stat_fingerprint` costs a few `stat` calls and answers "nothing was touched";
`content_fingerprint` hashes the bytes, so a touched but unchanged file costs no rebuild.
Both cover the manifest, the documents, the schema version and the build code and data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from karabakh_tui.corpus.manifest import MANIFEST, Corpus
from karabakh_tui.paths import PACKAGE_DIR
from karabakh_tui.store.schema import SCHEMA_VERSION

_BUILD_PARTS = ("corpus", "extract", "data", "store")
_BUILD_FILES = ("pipeline.py", "merge.py", "model.py", "names.py", "text.py")


def _inputs(corpus: Corpus) -> Iterator[Path]:
    return _inputs_of(corpus.root, [s.file for s in corpus.sources])


def _inputs_of(root: Path, files: Sequence[str]) -> Iterator[Path]:
    if (root / MANIFEST).is_file():
        yield root / MANIFEST
    yield from (root / name for name in files)
    for part in _BUILD_PARTS:
        yield from sorted((PACKAGE_DIR / part).glob("*.*"))
    yield from (PACKAGE_DIR / name for name in _BUILD_FILES)


def stat_fingerprint(corpus: Corpus) -> str:
    return _stat_digest(_inputs(corpus))


def stat_fingerprint_of(root: Path, files: Sequence[str]) -> str:
    """`stat_fingerprint` of a corpus whose document files are `files` (as a build
    recorded them), without reading its manifest."""
    return _stat_digest(_inputs_of(root, files))


def _stat_digest(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}".encode())
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            digest.update(f"{path} missing".encode())
            continue
        digest.update(f"{path} {st.st_size} {st.st_mtime_ns}".encode())
    return digest.hexdigest()


def content_fingerprint(corpus: Corpus) -> str:
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}".encode())
    for path in _inputs(corpus):
        digest.update(path.name.encode())
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


# What processing a document does NOT depend on: the views, the cross-document merge
# (it runs on the cached results) and the database writer.
_NOT_PROCESSING = ("tui", "export", "store", "_seeds")
_VIEW_FILES = ("__main__.py", "app_context.py", "cli.py", "cli_add.py", "console.py",
               "exporting.py", "query.py", "merge.py")


@lru_cache(maxsize=1)
def processing_fingerprint() -> str:
    """A hash of the code and data that turn one document into sentences and mentions.

    The per-document build cache (`pipeline.process_corpus`) is keyed by it: every file of
    the package except the views and the database writer, so a change to any helper the
    cleaner or the extractors use invalidates the cache without anyone listing it here.
    """
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}".encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        rel = path.relative_to(PACKAGE_DIR)
        if (not path.is_file() or rel.parts[0] in _NOT_PROCESSING or str(rel) in _VIEW_FILES
                or "__pycache__" in rel.parts or path.suffix in (".pyc", ".pyo")):
            continue
        digest.update(str(rel).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
