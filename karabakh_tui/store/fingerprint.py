"""Is the database current? Two fingerprints of what a build reads.

`stat_fingerprint` costs a few `stat` calls and answers "nothing was touched";
`content_fingerprint` hashes the bytes, so a touched but unchanged file costs no rebuild.
Both cover the manifest, the documents, the schema version and the build code and data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from karabakh_tui.corpus.manifest import MANIFEST, Corpus
from karabakh_tui.paths import PACKAGE_DIR
from karabakh_tui.store.schema import SCHEMA_VERSION

_BUILD_PARTS = ("corpus", "extract", "data", "store")
_BUILD_FILES = ("pipeline.py", "merge.py", "model.py", "names.py")


def _inputs(corpus: Corpus) -> Iterator[Path]:
    if (corpus.root / MANIFEST).is_file():
        yield corpus.root / MANIFEST
    yield from (corpus.path_of(s) for s in corpus.sources)
    for part in _BUILD_PARTS:
        yield from sorted((PACKAGE_DIR / part).glob("*.*"))
    yield from (PACKAGE_DIR / name for name in _BUILD_FILES)


def stat_fingerprint(corpus: Corpus) -> str:
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}".encode())
    for path in _inputs(corpus):
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
