"""Named periods (data/periods.toml): loading, and which periods an event falls in."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from karabakh_tui.extract.dates import parse_user_date


@dataclass(frozen=True)
class Period:
    name: str
    edtf: str
    lower: int
    upper: int
    aliases: tuple[str, ...] = ()
    parent: str = ""
    description: str = ""


def interval_bounds(edtf: str) -> tuple[int, int]:
    """Sort-key bounds of an EDTF interval "A/B" (or a single date)."""
    first, _, last = edtf.partition("/")
    return parse_user_date(first)[0], parse_user_date(last or first)[1]


def parse_periods(text: str, origin: str = "periods.toml") -> tuple[Period, ...]:
    entries = tomllib.loads(text).get("period", [])
    periods = []
    for n, entry in enumerate(entries, 1):
        try:
            lower, upper = interval_bounds(entry["edtf"])
            periods.append(Period(entry["name"], entry["edtf"], lower, upper,
                                  tuple(entry.get("aliases", ())), entry.get("parent", ""),
                                  entry.get("description", "")))
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{origin} period {n}: {exc}; each needs name and edtf") from None
    return tuple(periods)


@lru_cache(maxsize=1)
def load_periods() -> tuple[Period, ...]:
    text = resources.files("karabakh_tui.data").joinpath("periods.toml").read_text("utf-8")
    return parse_periods(text)


def periods_for(lower: int, upper: int, periods: Iterable[Period]) -> list[str]:
    """Names of the periods that contain the whole of [lower, upper]."""
    return [p.name for p in periods if p.lower <= lower and upper <= p.upper]
