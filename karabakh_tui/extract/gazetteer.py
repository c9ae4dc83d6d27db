"""Actors and places named in a sentence, from the gazetteer in data/gazetteer.toml (pure).

Matching is case-sensitive on word boundaries, longest name first; a hyphen or space in
a name also matches a non-breaking hyphen, an en dash or a stray space
("Nagorno‑ Karabakh"). A surname shared by several people ("Aliyev") is resolved by a
full name earlier in the same sentence, else by who was active at the sentence's date,
else left out rather than guessed. A person introduced by a title ("President X") who is
not in the gazetteer is still reported, marked unlisted.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

_JOINER = r"[\s\-\u2010\u2011\u2013]+"
_SEPARATORS = re.compile(_JOINER)
_TITLE = re.compile(
    r"\b(?:President|Prime Minister|Foreign Minister|Defen[cs]e Minister|Minister|"
    r"Major General|Lieutenant General|General|Colonel|Commander|Secretary of State|"
    r"Ambassador|Chairman|Speaker|King|Shah|Sultan|Tsar|Catholicos|Marshal)\s+"
    r"(?P<name>(?:[A-Z][a-zà-ÿğış'’\-]+)(?:\s+[A-Z][a-zà-ÿğış'’\-]+){0,2})")
_NOT_NAMES = frozenset({"Calls", "Staff", "General", "Assembly", "Council", "Of", "The",
                        "Minister", "Secretary", "Office", "Administration", "Elect"})


@dataclass(frozen=True)
class Entry:
    """One actor or place of the gazetteer."""

    kind: str
    """actor | place"""
    name: str
    category: str = ""
    role: str = ""
    aliases: tuple[str, ...] = ()
    variants: tuple[tuple[str, str], ...] = ()
    """(name, community) pairs: the names each community uses."""
    active: tuple[int, int] | None = None
    """Years the person was in office, to tell apart people who share a surname."""
    within: str = ""
    context: bool = False
    lat: float | None = None
    lon: float | None = None

    @property
    def names(self) -> tuple[tuple[str, str], ...]:
        """Every (surface name, community) under which the entry can be found."""
        return tuple((a, "") for a in self.aliases) + self.variants


@dataclass(frozen=True)
class Match:
    kind: str
    name: str
    surface: str
    start: int
    end: int
    variant_community: str = ""
    unlisted: bool = False


def _key(surface: str) -> str:
    return _SEPARATORS.sub(" ", surface)


@dataclass
class Gazetteer:
    entries: Sequence[Entry]
    _by_surface: dict[str, list[tuple[Entry, str]]] = field(init=False, repr=False)
    _pattern: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_surface = defaultdict(list)
        for entry in self.entries:
            for surface, community in entry.names:
                self._by_surface[_key(surface)].append((entry, community))
        surfaces = sorted(self._by_surface, key=len, reverse=True)
        alternation = "|".join(_SEPARATORS.sub(lambda _m: _JOINER, re.escape(s).replace(
            r"\ ", " ")) for s in surfaces)
        self._pattern = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")

    def find(self, text: str, when: int | None = None) -> list[Match]:
        """Actors and places named in `text`; `when` (a year) resolves shared surnames."""
        found: list[Match] = []
        pending: list[tuple[re.Match[str], list[tuple[Entry, str]]]] = []
        for m in self._pattern.finditer(text):
            if _after_lowercase_prefix(text, m.start()):
                continue  # "post-Soviet", "anti-Armenian": not the actor itself
            candidates = self._by_surface.get(_key(m.group(0)), [])
            by_kind: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
            for entry, community in candidates:
                by_kind[entry.kind].append((entry, community))
            for kind, options in by_kind.items():
                if len({e.name for e, _ in options}) == 1:
                    found.append(_match(options[0], m))
                else:
                    pending.append((m, options))
        named = {f.name for f in found}
        for m, options in pending:
            choice = _disambiguate(options, named, when)
            if choice is not None:
                found.append(_match(choice, m))
        found += self._titled_people(text, found)
        return sorted(found, key=lambda f: f.start)

    def _titled_people(self, text: str, found: list[Match]) -> list[Match]:
        people = []
        for m in _TITLE.finditer(text):
            words = [w for w in m.group("name").split() if w not in _NOT_NAMES]
            if not words:
                continue
            start = m.start("name")
            end = start + len(" ".join(words))
            if any(f.kind == "actor" and f.start < end and start < f.end for f in found):
                continue
            name = " ".join(words).rstrip("’'s").rstrip("’'")
            people.append(Match("actor", name, name, start, end, unlisted=True))
        return people

    def is_context(self, matches: Iterable[Match]) -> bool:
        """The sentence is about somewhere else (a comparison), not the conflict itself."""
        entries = {(e.kind, e.name): e for e in self.entries}
        flags = [entries[(m.kind, m.name)].context for m in matches
                 if (m.kind, m.name) in entries]
        return any(flags) and sum(not f for f in flags) == 0


_PREFIX = re.compile(r"(?:^|\s)[a-z]+[-\u2010\u2011]$")


def _after_lowercase_prefix(text: str, start: int) -> bool:
    return bool(_PREFIX.search(text[max(0, start - 20):start]))


def _match(option: tuple[Entry, str], m: re.Match[str]) -> Match:
    entry, community = option
    return Match(entry.kind, entry.name, m.group(0), m.start(), m.end(), community)


def _disambiguate(options: list[tuple[Entry, str]], named: set[str],
                  when: int | None) -> tuple[Entry, str] | None:
    already = [o for o in options if o[0].name in named]
    if len(already) == 1:
        return already[0]
    if when is None:
        return None
    active = [o for o in options if o[0].active and o[0].active[0] <= when <= o[0].active[1]]
    return active[0] if len(active) == 1 else None


# ---- loading -----------------------------------------------------------------------------


def parse_gazetteer(text: str, origin: str = "gazetteer.toml") -> Gazetteer:
    data = tomllib.loads(text)
    entries = []
    for kind in ("actor", "place"):
        for n, raw in enumerate(data.get(kind, []), 1):
            if "name" not in raw:
                raise ValueError(f"{origin} {kind} {n}: no name; add name = \"...\"")
            entries.append(_entry(kind, raw))
    return Gazetteer(entries)


def _entry(kind: str, raw: dict[str, object]) -> Entry:
    name = str(raw["name"])
    aliases = tuple(dict.fromkeys([name, *map(str, raw.get("aliases", []))]))  # type: ignore[call-overload]
    variants = tuple((str(k), str(v)) for k, v in dict(raw.get("variants", {})).items())  # type: ignore[call-overload]
    active = None
    if raw.get("active"):
        first, _, last = str(raw["active"]).partition("/")
        active = (int(first), int(last or first))
    return Entry(kind, name, str(raw.get("kind", "")),
                 str(raw.get("role", "")), aliases, variants, active,
                 str(raw.get("within", "")), bool(raw.get("context", False)),
                 _float(raw.get("lat")), _float(raw.get("lon")))


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    text = resources.files("karabakh_tui.data").joinpath("gazetteer.toml").read_text("utf-8")
    return parse_gazetteer(text)
