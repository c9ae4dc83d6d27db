"""Shared fixtures: the real seeds built once per session into a temporary database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from karabakh_tui.app_context import Workspace
from karabakh_tui.corpus.manifest import load_corpus
from karabakh_tui.paths import bundled_corpus
from karabakh_tui.store.build import build
from karabakh_tui.store.read import open_reader

SEEDS = bundled_corpus()


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, built once into a temporary database."""
    dest = tmp_path_factory.mktemp("db") / "karabakh.sqlite"
    build(load_corpus(SEEDS), dest)
    return dest


@pytest.fixture
def seed_conn(seed_db: Path) -> Iterator[sqlite3.Connection]:
    conn = open_reader(seed_db)
    yield conn
    conn.close()


@pytest.fixture
def seed_env(seed_db: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """Point the CLI at the session's seed database (never the developer's db/)."""
    monkeypatch.setenv("KARABAKH_DB", str(seed_db))
    monkeypatch.delenv("KARABAKH_CORPUS", raising=False)
    return Workspace(SEEDS, seed_db)
