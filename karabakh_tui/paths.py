"""Where the corpus and its database live. One function each; nothing is created here."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DB_NAME = "karabakh.sqlite"


def bundled_corpus() -> Path:
    """The seeds shipped with the project: the clone's `seeds/`, else the wheel's copy."""
    in_clone = PROJECT_DIR / "seeds"
    if (in_clone / "sources.toml").is_file():
        return in_clone
    return PACKAGE_DIR / "_seeds"


def corpus_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """`--corpus`, else `$KARABAKH_CORPUS`, else the bundled seeds."""
    chosen = option or os.environ.get("KARABAKH_CORPUS")
    return Path(chosen).expanduser().resolve() if chosen else bundled_corpus()


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "karabakh_tui"


def db_path(corpus: Path, option: str | os.PathLike[str] | None = None) -> Path:
    """`--db`, else `$KARABAKH_DB`, else one database per corpus.

    The bundled seeds use `db/karabakh.sqlite` beside them when that folder is writable;
    any other corpus gets its own file in the user's cache, named after its path.
    """
    chosen = option or os.environ.get("KARABAKH_DB")
    if chosen:
        return Path(chosen).expanduser().resolve()
    if corpus == bundled_corpus():
        beside = corpus.parent / "db"
        if os.access(beside if beside.exists() else corpus.parent, os.W_OK):
            return beside / DB_NAME
    digest = hashlib.sha256(str(corpus).encode()).hexdigest()[:10]
    return _cache_dir() / f"{corpus.name or 'corpus'}-{digest}.sqlite"


def display_path(corpus: Path, file: str) -> str:
    """How a citation names its file: `seeds/FILE` for the bundled corpus."""
    return f"{corpus.name}/{file}"
