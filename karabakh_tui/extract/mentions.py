"""Sentences -> mentions: one dated happening per sentence and date (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from karabakh_tui.model import Mention, Sentence, Source


def document_mentions(source: Source, sentences: Iterable[Sentence]) -> Iterator[Mention]:
    """Placeholder until the temporal tagger and gazetteer land: no mentions."""
    yield from ()
