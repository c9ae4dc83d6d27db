"""The manifest: the real seeds load; each bad entry is one line naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from karabakh_tui.corpus.manifest import ManifestError, load_corpus
from karabakh_tui.corpus.read import DocumentError, decode_document, read_document
from tests.conftest import SEEDS


def test_seed_manifest_describes_the_five_files() -> None:
    corpus = load_corpus(SEEDS)
    files = sorted(s.file for s in corpus.sources)
    assert files == sorted(p.name for p in SEEDS.glob("*.txt"))
    thesis = next(s for s in corpus.sources if s.file.startswith("004_"))
    # the title page reads "MAY 2021"; the acknowledgements are signed Raffi Toghramadjian
    assert (thesis.author, thesis.written, thesis.layout) == ("Raffi Toghramadjian", "2021-05",
                                                              "markdown")
    essay_2024 = next(s for s in corpus.sources if s.file.startswith("003_"))
    assert essay_2024.written == "2024"  # "In 2024, Armenia is at a critical juncture"


def _manifest(tmp_path: Path, body: str, files: tuple[str, ...] = ("a.txt",)) -> Path:
    for name in files:
        (tmp_path / name).write_text("In 1994 a ceasefire was signed.\n", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("body", "fragment"), [
    ('[[source]]\nid = "a"\nfile = "missing.txt"\n', "file 'missing.txt' not found"),
    ('[[source]]\nid = "a"\nfile = "a.txt"\n[[source]]\nid = "a"\nfile = "a.txt"\n',
     "duplicate id"),
    ('[[source]]\nid = "a"\nfile = "a.txt"\nwritten = "May 2021"\n', "does not parse"),
    ('[[source]]\nid = "a"\nfile = "a.txt"\nwritten = "2021-13"\n', "does not parse"),
    ('[[source]\nid = "a"', "not valid TOML"),
    ('title = "no sources"\n', "no [[source]] entries"),
    ('[[source]]\nid = "a"\nfile = "a.txt"\nlayout = "pdfx"\n', "layout 'pdfx' unknown"),
])
def test_bad_manifest_is_one_line_naming_the_entry(tmp_path: Path, body: str,
                                                   fragment: str) -> None:
    with pytest.raises(ManifestError) as caught:
        load_corpus(_manifest(tmp_path, body))
    message = str(caught.value)
    assert fragment in message
    assert "\n" not in message


def test_folder_without_manifest_works_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Field notes\n\nIn 1988 a rally was held.\n",
                                       encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    corpus = load_corpus(tmp_path)
    assert [(s.file, s.title, s.written) for s in corpus.sources] == [
        ("notes.md", "Field notes", None)]
    assert "relative dates" in corpus.warnings[0]


def test_missing_corpus_folder(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="does not exist"):
        load_corpus(tmp_path / "nope")


def test_non_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Şuşa".encode() + " caf\xe9".encode("latin-1"))
    with pytest.raises(DocumentError, match=r"latin1.txt: not valid UTF-8 at byte offset 10"):
        read_document(path)


def test_empty_and_binary_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="empty file"):
        decode_document(b"  \n\n", "blank.txt")
    with pytest.raises(DocumentError, match="binary"):
        decode_document(b"\x7fELF\x00\x00\x01", "tool.txt")


def test_utf16_with_bom_is_read() -> None:
    data = "\ufeffIn 1994 a ceasefire was signed.\r\n".encode("utf-16")
    assert decode_document(data, "u16.txt") == "In 1994 a ceasefire was signed.\n"
