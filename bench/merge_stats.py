"""How the merger groups the seeds' mentions, and how its time grows with the corpus.

    /work/venv/bin/python bench/merge_stats.py [--corpus seeds] [--scale 1 10 100]

Prints mentions -> events, events by number of citing documents (1, 2, 3, 4+), disputed
events and events with related links, then the merge time for the mentions copied N
times, copy k with every date moved k years later and its own document ids (as
bench/synth.py does to the text, without re-extracting). Timings belong here, never in
tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from karabakh_tui.corpus.manifest import load_corpus
from karabakh_tui.merge import merge
from karabakh_tui.model import Mention, Source
from karabakh_tui.pipeline import process_corpus

ROOT = Path(__file__).resolve().parents[1]


def shifted(mentions: list[Mention], k: int) -> list[Mention]:
    """The mentions of copy `k`: documents '<id>-k', every date k years later."""
    years = k * 10000
    return [replace(m, date=replace(m.date, lower=m.date.lower + years,
                                    upper=m.date.upper + years),
                    sentence=replace(m.sentence, document=f"{m.sentence.document}-{k}"))
            for m in mentions]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    parser.add_argument("--scale", type=int, nargs="*", default=[1, 10])
    args = parser.parse_args(argv)
    results = process_corpus(load_corpus(args.corpus))
    mentions = [m for r in results for m in r.mentions]
    sources = {r.source.id: r.source for r in results}
    notes = {r.source.id: r.cleaned.footnotes for r in results}
    events = merge(mentions, sources, notes)
    by_docs = Counter(min(e.n_sources, 4) for e in events)
    print(f"{len(mentions)} mentions -> {len(events)} events")
    print("events citing 1/2/3/4+ documents: "
          + "/".join(str(by_docs.get(n, 0)) for n in (1, 2, 3, 4)))
    print(f"disputed: {sum(e.disputed for e in events)}; "
          f"with related links: {sum(bool(e.related) for e in events)}")
    for scale in args.scale:
        many = [m for k in range(scale) for m in shifted(mentions, k)]
        ids: dict[str, Source] = {f"{d}-{k}": s for k in range(scale) for d, s in sources.items()}
        feet = {f"{d}-{k}": n for k in range(scale) for d, n in notes.items()}
        started = time.perf_counter()
        merged = merge(many, ids, feet)
        print(f"{scale}x: {len(many)} mentions -> {len(merged)} events in "
              f"{time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
