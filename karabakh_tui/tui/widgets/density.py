"""Events per year for the current filter, as a sparkline that fits the width."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from karabakh_tui.export import year_label


def buckets(counts: list[tuple[int, int]], width: int) -> tuple[list[int], int, int]:
    """Counts per year -> at most `width` bars over the years' span, and that span."""
    if not counts:
        return [], 0, 0
    first, last = counts[0][0], counts[-1][0]
    span = last - first + 1
    size = max(1, -(-span // max(1, width)))
    bars = [0] * (-(-span // size))
    for year, n in counts:
        bars[(year - first) // size] += n
    return bars, first, last


class DensityStrip(Vertical):
    """A sparkline of events per year, with the years it covers."""

    def compose(self) -> ComposeResult:
        yield Sparkline([], id="spark")
        yield Static(id="density-label")

    def show(self, counts: list[tuple[int, int]]) -> None:
        width = max(10, self.size.width - 2)
        bars, first, last = buckets(counts, width)
        # one bar would be stretched into a full-width block that says nothing
        self.query_one(Sparkline).data = bars if len(bars) > 1 else [0]
        if not counts:
            text = "no events"
        elif first == last:
            text = f"all {sum(n for _, n in counts)} events in {year_label(first)}"
        else:
            text = (f"{year_label(first)} … {year_label(last)}  ·  events per year, "
                    f"busiest {year_label(max(counts, key=lambda c: c[1])[0])}")
        self.query_one("#density-label", Static).update(Text(text), layout=False)  # one line
