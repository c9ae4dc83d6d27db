"""The corpus and database a command works on, built or rebuilt when needed.

Shared by the CLI and the TUI so both find, check and build the database the same way.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from karabakh_tui import paths
from karabakh_tui.store.read import open_reader, read_meta, staleness


@dataclass(frozen=True)
class Workspace:
    """Where the corpus and its database are."""

    corpus: Path
    db: Path

    @classmethod
    def locate(cls, corpus: str | None = None, db: str | None = None) -> Workspace:
        root = paths.corpus_dir(corpus)
        return cls(root, paths.db_path(root, db))

    def connect(self) -> sqlite3.Connection:
        return open_reader(self.db)

    def why_stale(self) -> str | None:
        """None when the database is current; else the reason a build is needed."""
        from karabakh_tui.corpus.manifest import load_corpus
        from karabakh_tui.store import fingerprint

        meta = read_meta(self.db)
        if meta and self._untouched_since_build(meta):
            return staleness(self.db, meta["stat_fingerprint"])  # still checks the schema
        corpus = load_corpus(self.corpus)
        stat_fp = fingerprint.stat_fingerprint(corpus)
        if meta and meta.get("stat_fingerprint") == stat_fp:
            return staleness(self.db, stat_fp)
        return staleness(self.db, stat_fp, fingerprint.content_fingerprint(corpus))

    def _untouched_since_build(self, meta: dict[str, str]) -> bool:
        """Nothing the last build read was touched, judged from the document files it
        recorded: no manifest parsing, which costs ~0.3 s per lookup at 500 documents.
        With an untouched manifest the list of documents is the one the build saw."""
        from karabakh_tui.store import fingerprint

        if "files" not in meta or meta.get("corpus") != str(self.corpus) or \
                not (self.corpus / fingerprint.MANIFEST).is_file():
            return False
        files = json.loads(meta["files"])
        return fingerprint.stat_fingerprint_of(self.corpus, files) == meta.get("stat_fingerprint")

    def build(self, progress: Callable[[str], None]) -> object:
        """Rebuild the database (imports the build side only now)."""
        from karabakh_tui.corpus.manifest import load_corpus
        from karabakh_tui.store.build import build

        return build(load_corpus(self.corpus), self.db, progress)
