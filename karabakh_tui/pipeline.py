"""corpus -> clean -> sentences -> extract -> merge: the build's pure middle.

No database here: `store.build` writes what this returns, `bench/evaluate.py` scores it.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from karabakh_tui.corpus.clean import clean
from karabakh_tui.corpus.layouts import detect_layout
from karabakh_tui.corpus.manifest import Corpus, load_corpus
from karabakh_tui.corpus.read import DocumentError, read_document
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


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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
) -> list[DocumentResult]:
    """Process every readable document; an unreadable one is skipped with a warning."""
    results = []
    for source in sources if sources is not None else corpus.sources:
        path = corpus.path_of(source)
        try:
            text = read_document(path)
        except DocumentError as exc:
            warn(f"skipped {exc}")
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        results.append(process_document(source, text, digest))
    return results


def corpus_mentions(corpus_dir: Path) -> list[Mention]:
    """All mentions of a corpus folder, for evaluation against the gold set."""
    corpus = load_corpus(corpus_dir)
    return [m for result in process_corpus(corpus) for m in result.mentions]
