"""`karabakh build` re-processes only changed documents; `karabakh add` builds incrementally.

The corpus is two of the seeds (their manifest entries copied from seeds/sources.toml),
so the build is quick and the documents are real.
"""

from __future__ import annotations

import os
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from karabakh_tui.app_context import Workspace
from karabakh_tui.cli import cli
from karabakh_tui.paths import bundled_corpus
from karabakh_tui.store.read import open_reader

SEEDS = bundled_corpus()
SMALL = ("001_576757edbf72837b.txt", "003_fb4ed0ac2785041a.txt")
ADDED = "On 10 November 2020 the benchmark-town ceasefire was signed by everyone.\n"


def _entry(fields: dict[str, object]) -> str:
    body = "\n".join(f"{k} = {_quote(v)}" for k, v in fields.items())
    return "[[source]]\n" + body + "\n"


def _quote(value: object) -> str:
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("KARABAKH_DB", raising=False)
    monkeypatch.delenv("KARABAKH_CORPUS", raising=False)
    root = tmp_path / "corpus"
    root.mkdir()
    entries = tomllib.loads((SEEDS / "sources.toml").read_text(encoding="utf-8"))["source"]
    chosen = [e for e in entries if e["file"] in SMALL]
    assert len(chosen) == 2
    for e in chosen:
        shutil.copy(SEEDS / e["file"], root / e["file"])
    (root / "sources.toml").write_text("\n".join(_entry(e) for e in chosen), encoding="utf-8")
    return root


def karabakh(corpus: Path, *args: str) -> tuple[int, str, str]:
    db = corpus.parent / "k.sqlite"
    result = CliRunner().invoke(cli, ["--corpus", str(corpus), "--db", str(db), *args],
                                catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def sentences_with(corpus: Path, words: str) -> list[str]:
    conn = open_reader(corpus.parent / "k.sqlite")
    try:
        return [r[0] for r in conn.execute(
            "SELECT document_id FROM sentences WHERE text LIKE ?", (f"%{words}%",))]
    finally:
        conn.close()


def test_changing_one_document_reprocesses_only_it(corpus: Path) -> None:
    code, _out, err = karabakh(corpus, "build")
    assert code == 0 and "processed all 2 documents" in err
    with (corpus / SMALL[1]).open("a", encoding="utf-8") as fh:
        fh.write("\n" + ADDED)
    code, _out, err = karabakh(corpus, "build")
    assert code == 0
    assert "1 of 2 documents changed; reused 1" in err, err
    assert sentences_with(corpus, "benchmark-town ceasefire") == ["victory-defeat-2024"]


def test_unchanged_corpus_is_not_rebuilt(corpus: Path) -> None:
    karabakh(corpus, "build")
    code, _out, err = karabakh(corpus, "build")
    assert code == 0 and "Building" not in err and "processed" not in err


def test_add_copies_describes_and_builds_only_the_new_document(corpus: Path,
                                                               tmp_path: Path) -> None:
    karabakh(corpus, "build")
    new = tmp_path / "field-note.txt"
    new.write_text(ADDED, encoding="utf-8")
    code, _out, err = karabakh(corpus, "add", str(new), "--title", "A field note",
                               "--written", "2023-10")
    assert code == 0, err
    assert (corpus / "field-note.txt").read_bytes() == new.read_bytes()
    manifest = tomllib.loads((corpus / "sources.toml").read_text(encoding="utf-8"))["source"]
    added = [e for e in manifest if e["file"] == "field-note.txt"]
    assert len(added) == 1 and added[0]["title"] == "A field note"
    assert added[0]["written"] == "2023-10"
    assert "1 of 3 documents changed; reused 2" in err, err
    assert sentences_with(corpus, "benchmark-town ceasefire") == [added[0]["id"]]
    code, out, _err = karabakh(corpus, "events", "--search", "benchmark-town", "--format", "json")
    assert code == 0 and re.search(r'"date": "2020-11-10"', out), out


def workspace(corpus: Path) -> Workspace:
    return Workspace(corpus, corpus.parent / "k.sqlite")


def test_current_database_is_judged_without_parsing_the_manifest(
        corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    karabakh(corpus, "build")

    def refuse(_root: Path) -> None:
        raise AssertionError("the manifest was parsed")

    monkeypatch.setattr("karabakh_tui.corpus.manifest.load_corpus", refuse)
    assert workspace(corpus).why_stale() is None


def test_touched_but_unchanged_document_needs_no_build(corpus: Path) -> None:
    karabakh(corpus, "build")
    doc = corpus / SMALL[0]
    os.utime(doc, ns=(doc.stat().st_atime_ns, doc.stat().st_mtime_ns + 5_000_000_000))
    assert workspace(corpus).why_stale() is None


def test_edited_manifest_or_document_needs_a_build(corpus: Path) -> None:
    karabakh(corpus, "build")
    with (corpus / "sources.toml").open("a", encoding="utf-8") as fh:
        fh.write("# a comment changes the bytes\n")
    assert workspace(corpus).why_stale() == "the corpus or the extractor changed"
    karabakh(corpus, "build")
    assert workspace(corpus).why_stale() is None
    with (corpus / SMALL[0]).open("a", encoding="utf-8") as fh:
        fh.write("\n" + ADDED)
    assert workspace(corpus).why_stale() == "the corpus or the extractor changed"
