"""Actors and places named in a sentence, from the gazetteer in data/gazetteer.toml (pure).

Matching is case-sensitive on word boundaries, longest name first; a hyphen or space in
a name also matches a non-breaking hyphen, an en dash or a stray space
("Nagorno‑ Karabakh"). The words around a name decide what it names, from the word lists
of the gazetteer's [matching] table: a demonym adjective is the actor only before an agent
noun ("Azeri forces", not "Armenian television"); a state's name is also its place after a
locative word ("in Armenia") or when the sentence names no other place, and Artsakh after
a locative word is only the territory; a place named in a comparison ("As in Sumgait,
...") or as a topic ("the Karabakh issue") is left out, and so is a state holding a
narrower place found. A leader found also brings the state he acts for, a capital its
government of the time ("Moscow declared" in 1990), "both sides" the conflict's parties.
A surname shared by several people ("Aliyev") is resolved by a full name earlier in the
same sentence, else by who was active at the sentence's date, else left out rather than
guessed. A person introduced by a title or a role ("President X", "historian Y Z", "Y Z, a
military expert") who is not in the gazetteer is still reported, marked unlisted. Given
the paragraph's preceding sentences, a sentence that names no place takes theirs, and
"the group" the group named before (marked carried); failing that, a sentence where only
one state's leaders act ("Sargsyan tendered his resignation") is at that state (carried).
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

_JOINER = r"[\s\-\u2010\u2011\u2013]+"
_SEPARATORS = re.compile(_JOINER)
_NAME_WORD = r"[A-Z](?:['’][A-Z])?[a-zà-ÿğışčćšž'’\-]+"
_NAME_PART = rf"(?:{_NAME_WORD}|[A-Z]\.|[IVX]+\b)"  # "George W. Bush", "Romanus IV Diogenes"
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
    adjectives: tuple[str, ...] = ()
    """Demonyms that name the actor only before an agent noun ("Azeri forces")."""
    place: str = ""
    """The place this actor also is (a state and its territory share a name)."""
    place_always: bool = False
    """The name is the place even where the actor acts (Artsakh); else only after "in"."""
    represents: str = ""
    """The state a person acts for in office: a leader's act is also the state's."""
    seat_of: tuple[tuple[str, int, int], ...] = ()
    """(state, first year, last year): a capital that stands for its government
    ("Moscow declared a state of emergency" in 1990 is the Soviet Union)."""
    third_party: bool = False
    """Acts both in the conflict and in the comparisons the essays draw (the United
    States, Russia): names a sentence's actor without making it core or context."""

    @property
    def names(self) -> tuple[tuple[str, str], ...]:
        """Every (surface name, community) under which the entry can be found."""
        return (tuple((a, "") for a in (*self.aliases, *self.adjectives)) + self.variants)


@dataclass(frozen=True)
class Match:
    kind: str
    name: str
    surface: str
    start: int
    end: int
    variant_community: str = ""
    unlisted: bool = False
    carried: bool = False
    """Not named in this sentence: taken from the preceding sentences of the paragraph,
    or the home of the one state whose leaders alone act in it."""


@dataclass(frozen=True)
class Rules:
    """The context words of the gazetteer's [matching] table, as patterns."""

    agent_after: re.Pattern[str]
    """After a demonym adjective: the noun that makes the people the actor."""
    not_actor_before: re.Pattern[str]
    """Before a name: the words that make it a time or a region ("the former Soviet Union")."""
    place_before: re.Pattern[str]
    """Before a state's name: the words that make it the place, not the actor."""
    not_place_after: re.Pattern[str]
    """After a place's name: the words that make it a topic ("the Karabakh issue")."""
    comparison_before: re.Pattern[str]
    """Before a place: the words of a comparison ("As in Sumgait, ...")."""
    both_sides: re.Pattern[str]
    """Words for the conflict's two parties ("both sides", "the two countries")."""
    parties: tuple[str, ...]
    """The actors those words name (Armenia, Azerbaijan)."""
    titled: re.Pattern[str]
    """A person introduced by a title ("Prime Minister X")."""
    roled: re.Pattern[str]
    """A person, by full name, introduced by a role ("historian Gerard Libaridian")."""
    apposed: re.Pattern[str]
    """A person followed by a role ("Rob Lee, a military expert")."""


def _words(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words),
                           key=len, reverse=True))


def make_rules(table: dict[str, list[str]]) -> Rules:
    """Compile the [matching] word lists (all optional) into patterns."""
    def words(key: str) -> str:
        return _words(table.get(key, [])) or r"(?!x)x"
    item = rf"{_NAME_WORD}(?:[\s\-\u2011]+{_NAME_WORD})?"
    chain = rf"(?:{item}(?:,\s*|\s+(?:and|or|as\s+well\s+as)\s+))*"
    name = rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_PART}){{0,2}}(?<!\.))"
    full_name = rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_PART}){{0,1}}\s+{_NAME_WORD})"
    return Rules(
        agent_after=re.compile(
            rf"^[\-\u2011](?i:{words('agent_participles')})\b|"
            rf"^(?:['’]s)?(?:\s+(?:and|or)\s+{_NAME_WORD})?(?:\s+(?!and\b|or\b)[\w\-]+){{0,2}}"
            rf"\s+(?i:{words('agents')})\b"),
        not_actor_before=re.compile(rf"(?i:\b(?:{words('not_actor_before')}))\s+$"),
        place_before=re.compile(rf"(?i:\b(?:{words('place_after')}))\s+(?:the\s+)?{chain}$"),
        not_place_after=re.compile(rf"^\s+(?:{words('not_place_after')})\b"),
        comparison_before=re.compile(
            rf"(?i:\b(?:{words('comparison_before')}))\s+(?:the\s+)?{chain}$"),
        both_sides=re.compile(rf"(?i:\b(?:{words('both_sides')}))\b"),
        parties=tuple(table.get("parties", [])),
        titled=re.compile(rf"\b(?:{words('titles')})\s+{name}"),
        roled=re.compile(rf"\b(?:{words('roles')})\s+{full_name}"),
        apposed=re.compile(rf"\b{full_name},\s+(?:an?|the)\s+(?:[\w\-]+\s+){{0,3}}"
                           rf"(?:{words('roles')})\b"))


def _key(surface: str) -> str:
    return _SEPARATORS.sub(" ", surface)


Option = tuple[Entry, str]


def _surface_regex(surface: str) -> str:
    """A name as a regex, any run of spaces or hyphens where it has one."""
    return _SEPARATORS.sub(lambda _m: _JOINER, re.escape(surface).replace(r"\ ", " "))


def _by_first_letter(branches: list[str]) -> str:
    """The alternation of `branches` (regexes), grouped by their first character when
    every one starts with a letter or digit: at each position the regex engine then tries
    only the names starting there, not all 600 (six times faster); the order within a
    group is kept, so the same name wins."""
    if not all(b[:1].isalnum() for b in branches):
        return "|".join(branches)
    groups: dict[str, list[str]] = {}
    for branch in branches:
        groups.setdefault(branch[0], []).append(branch[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


@dataclass
class Gazetteer:
    entries: Sequence[Entry]
    rules: Rules = field(default_factory=lambda: make_rules({}))
    _by_surface: dict[str, list[Option]] = field(init=False, repr=False)
    _index: dict[tuple[str, str], Entry] = field(init=False, repr=False)
    _pattern: re.Pattern[str] = field(init=False, repr=False)
    _states: frozenset[str] = field(init=False, repr=False)
    """The places that are the territory of a state (for `_most_specific`)."""
    _scans: dict[tuple[str, int | None], tuple[Match, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict)
    """What `_named` found in a sentence at a year: a sentence is scanned again as one
    before the next (`_carried`, `_referred`) and once per date it holds."""

    def __post_init__(self) -> None:
        self._index = {(e.kind, e.name): e for e in reversed(self.entries)}
        self._by_surface = defaultdict(list)
        for entry in self.entries:
            for surface, community in entry.names:
                self._by_surface[_key(surface)].append((entry, community))
        surfaces = sorted(self._by_surface, key=len, reverse=True)
        alternation = _by_first_letter([_surface_regex(s) for s in surfaces])
        self._pattern = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")
        self._states = frozenset(e.place for e in self.entries if e.kind == "actor" and e.place
                                 and not e.place_always)

    def find(self, text: str, when: int | None = None,
             before: Sequence[str] = ()) -> list[Match]:
        """Actors and places named in `text`; `when` (a year) resolves shared surnames.

        `before`: the preceding sentences of the same paragraph, nearest last. A sentence
        that names no place happened where the nearest of them that names one says
        ("...captured the village of Maraga. Armenian troops recaptured the village the
        following day"); those places are marked `carried`.
        """
        earlier = frozenset(f.name for previous in before for f in self._named(previous, when)
                            if f.kind == "actor")
        found = list(self._named(text, when, earlier))
        if not any(f.kind == "place" for f in found):
            found += self._where_unnamed(found, before, when)
        found += self._referred(text, found, before, when)
        found += self._speaker(text, found, before, when)
        return sorted(self._most_specific(found), key=lambda f: f.start)

    def _speaker(self, text: str, found: list[Match], before: Sequence[str],
                 when: int | None) -> list[Match]:
        """Who says "I" in a quotation the paragraph opened before: the nearest person
        named before it ("Harutyunyan announced ..., writing that “At my orders, today the
        Defense Army delivered several rocket strikes ... As of this moment, I have ordered
        to cease the fire", 004 line 3049), and the state the person acts for."""
        first = _FIRST_PERSON.search(text)
        if first is None or any(self._entry(f.kind, f.name).category == "person"
                                for f in found if (f.kind, f.name) in self._index) \
                or not _in_quotation("".join(before) + text[:first.start()]):
            return []
        for previous in reversed(before):
            actors = [f for f in self._named(previous, when) if f.kind == "actor"]
            people = [f for f in actors if self._entry("actor", f.name).category == "person"]
            if people:  # the person, and the state the person's words named too
                return [replace(f, start=0, end=0, carried=True) for f in actors
                        if f.start == people[-1].start]
        return []

    def _most_specific(self, found: list[Match]) -> list[Match]:
        """Leave out a state that holds another place found ("Ganja, Azerbaijan's second
        largest city"): the event is where the narrower name puts it."""
        holders: set[str] = set()
        for f in (f for f in found if f.kind == "place"):
            name, seen = self._entry("place", f.name).within, set()
            while name and name not in seen:
                seen.add(name)
                holders.add(name)
                name = self._entry("place", name).within
        states = self._states & holders
        return [f for f in found if not (f.kind == "place" and f.name in states)]

    def _referred(self, text: str, found: list[Match], before: Sequence[str],
                  when: int | None) -> list[Match]:
        """The organisation that "the group", "the committee" ... stands for: the nearest
        one named before whose name ends with that noun ("the Minsk Group ... the group")."""
        nouns = {m.group(1).lower() for m in _REFERRING.finditer(text)}
        nouns -= {f.name.split()[-1].lower() for f in found if f.kind == "actor"}
        referred: list[Match] = []
        for noun in nouns:
            for previous in reversed(before):
                named = [f for f in self._named(previous, when) if f.kind == "actor"
                         and f.name.split()[-1].lower() == noun]
                if named:
                    referred.append(replace(named[-1], start=0, end=0, carried=True))
                    break
        return referred

    def _carried(self, before: Sequence[str], when: int | None) -> list[Match]:
        for previous in reversed(before):
            places = [replace(f, start=0, end=0, carried=True)
                      for f in self._named(previous, when) if f.kind == "place"]
            if places:
                return places
        return []

    def _named(self, text: str, when: int | None,
               earlier: frozenset[str] = frozenset()) -> tuple[Match, ...]:
        """The actors and places named in `text` itself (cached, see `_scans`); `earlier`:
        the actors the paragraph named before, for a surname the year leaves open."""
        key = (text, when, earlier)
        found = self._scans.get(key)
        if found is None:
            if len(self._scans) >= _SCANS_KEPT:
                self._scans.clear()
            found = self._scans[key] = tuple(self._scan(text, when, earlier))
        return found

    def _scan(self, text: str, when: int | None,
              earlier: frozenset[str] = frozenset()) -> list[Match]:
        found: list[Match] = []
        pending: list[tuple[re.Match[str], list[Option]]] = []
        for m in self._pattern.finditer(text):
            if _after_lowercase_prefix(text, m.start()):
                continue  # "post-Soviet", "anti-Armenian": not the actor itself
            options = self._in_context(self._by_surface.get(_key(m.group(0)), []), text, m)
            by_kind: dict[str, list[Option]] = defaultdict(list)
            for entry, community in options:
                by_kind[entry.kind].append((entry, community))
            for same_kind in by_kind.values():
                if len({e.name for e, _ in same_kind}) == 1:
                    found.append(_match(same_kind[0], m))
                else:
                    pending.append((m, same_kind))
        named = {f.name for f in found}
        for m, same_kind in pending:
            choice = _disambiguate(same_kind, named, when, earlier)
            if choice is not None:
                found.append(_match(choice, m))
        found += self._titled_people(text, found)
        found += self._represented(found, when)
        found += self._governments(found, when, text)
        found += self._both_sides(text, found)
        return found + self._home_places(found)

    def _represented(self, found: list[Match], when: int | None) -> list[Match]:
        """The states the people found act for ("Pashinyan and Aliyev agreed" -> Armenia,
        Azerbaijan), as matches on the person's words; only in office where known."""
        people = [(f, self._entry("actor", f.name)) for f in found if f.kind == "actor"]
        return [Match("actor", e.represents, f.surface, f.start, f.end)
                for f, e in people if e.represents and _in_office(e, when)]

    def _both_sides(self, text: str, found: list[Match]) -> list[Match]:
        """ "Both sides", "the two countries": the conflict's parties, unless the sentence
        is about a comparison elsewhere (Serbia and Kosovo)."""
        m = self.rules.both_sides.search(text)
        if not m or any(self._entry(f.kind, f.name).context for f in found):
            return []
        return [Match("actor", party, m.group(0), m.start(), m.end())
                for party in self.rules.parties]

    def _entry(self, kind: str, name: str) -> Entry:
        """The entry of a name found (an empty one for an unlisted person)."""
        return self._index.get((kind, name)) or Entry(kind, name)

    def _governments(self, found: list[Match], when: int | None, text: str) -> list[Match]:
        """The governments the capitals found stand for at the sentence's date, where the
        capital is not only where ("Moscow declared", not "a state of emergency in Baku")."""
        seats = [(f, self._entry("place", f.name).seat_of) for f in found if f.kind == "place"]
        return [Match("actor", state, f.surface, f.start, f.end)
                for f, seat in seats
                if seat and not self.rules.place_before.search(text[max(0, f.start - 80):f.start])
                for state, first, last in seat
                if when is None and len(seat) == 1 or when is not None and first <= when <= last]

    def _home_places(self, found: list[Match]) -> list[Match]:
        """A state named as actor in a sentence that names no place is also its place
        ("Armenia's parliament had voted to boycott the referendum")."""
        if any(f.kind == "place" for f in found):
            return []
        homes = [(f, self._entry("actor", f.name).place) for f in found if f.kind == "actor"]
        return [Match("place", home, f.surface, f.start, f.end) for f, home in homes
                if home and f.surface == home and ("place", home) in self._index]

    def _where_unnamed(self, found: list[Match], before: Sequence[str],
                       when: int | None) -> list[Match]:
        """The place of a sentence that names none: the one the paragraph named last, unless
        that is another country than the one whose leader alone acts here ("In Azerbaijan,
        Mutalibov was elected president ... Following a referendum on September 21, ...,
        Ter-Petrosyan was elected president", 004 line 1357: Armenia, not Azerbaijan)."""
        carried, home = self._carried(before, when), self._leaders_home(found)
        if carried and home and all(
                self._entry("place", c.name).category == "country" for c in carried) \
                and home[0].name not in {c.name for c in carried}:
            return home
        return carried or home

    def _leaders_home(self, found: list[Match]) -> list[Match]:
        """The one state whose leaders alone act in a sentence that names and carries no
        place ("Sargsyan tendered his resignation"): its politics, at home. Two states'
        leaders meet or agree somewhere the sentence does not say."""
        served = {f.name for f in found if f.kind == "actor" and any(
            g.kind == "actor" and g.start == f.start and g.name != f.name
            and self._entry("actor", g.name).represents == f.name for g in found)}
        homes = {self._entry("actor", name).place for name in served}
        if len(homes) != 1 or any(f.kind == "place" for f in found):
            return []
        home = homes.pop()
        return [Match("place", home, home, 0, 0, carried=True)] \
            if home and ("place", home) in self._index else []

    def _in_context(self, options: list[Option], text: str, m: re.Match[str]) -> list[Option]:
        """The readings of one name that its neighbouring words allow."""
        surface, before, after = m.group(0), text[max(0, m.start() - 80):m.start()], text[m.end():]
        options = [o for o in options if surface not in o[0].adjectives
                   or self.rules.agent_after.match(after)]  # "Azeri forces", not "Azeri cities"
        if self.rules.not_actor_before.search(before):
            options = [o for o in options if o[0].kind != "actor"]
        if self.rules.not_place_after.match(after):
            return []  # a topic, "the Karabakh issue", "the Artsakh conflict"
        if self.rules.comparison_before.search(before):
            options = [o for o in options if o[0].kind != "place"]  # "As in Sumgait, ..."
        places = {e.name for e, _ in options if e.kind == "place"}
        dual = {e.place for e, _ in options if e.kind == "actor" and e.place in places}
        if not dual:
            return options
        if self.rules.place_before.search(before):  # "in Armenia", "across Artsakh"
            # a state is also named where it is ("Armenians in Azerbaijan"); Artsakh is not
            return [o for o in options if not (o[0].kind == "actor" and o[0].place in dual
                                               and o[0].place_always)]
        always = {e.place for e, _ in options if e.kind == "actor" and e.place_always}
        return [o for o in options if o[0].kind != "place" or o[0].name not in dual - always]

    def _titled_people(self, text: str, found: list[Match]) -> list[Match]:
        people = []
        for m in (*self.rules.titled.finditer(text), *self.rules.roled.finditer(text),
                  *self.rules.apposed.finditer(text)):
            words = [w for w in m.group("name").split() if w not in _NOT_NAMES]
            if not words:
                continue
            start = m.start("name")
            end = start + len(" ".join(words))
            if _key(" ".join(words)) in self._by_surface or any(
                    f.kind == "actor" and f.start < end and start < f.end
                    for f in (*found, *people)):
                continue  # listed, or a shared surname left unresolved ("President Aliyev")
            name = _POSSESSIVE.sub("", " ".join(words))  # "Kots", but "Begin's" -> "Begin"
            people.append(Match("actor", name, name, start, end, unlisted=True))
        return people

    def is_context(self, matches: Iterable[Match]) -> bool:
        """The sentence is about somewhere else (a comparison), not the conflict itself:
        it names an actor or place of a comparison and none of the conflict's own (a third
        party such as the United States counts for neither: "in May 2003 U.S. President
        George W. Bush declared “Mission Accomplished” after ousting Saddam Hussein from
        power in Iraq", 001 line 3). A place carried from the sentences before counts only
        when the sentence names nothing itself."""
        known = [m for m in matches if (m.kind, m.name) in self._index]
        named = [m for m in known if not m.carried] or known  # what it names itself first
        entries = [self._index[(m.kind, m.name)] for m in named]
        return any(e.context for e in entries) and all(e.context or e.third_party
                                                       for e in entries)


_SCANS_KEPT = 4096
"""Sentences `Gazetteer._scans` holds before it starts again: only the last few of a
paragraph are asked for again."""
_REFERRING = re.compile(
    r"\b[Tt]he (group|committee|front|movement|party|council|alliance)\b(?!\s+of\b)")
_POSSESSIVE = re.compile(r"['’]s?$")
_PREFIX = re.compile(r"(?:^|\s)[a-z]+[-\u2010\u2011]$")


_FIRST_PERSON = re.compile(r"(?<![\w’'])(?:I|[Mm]y|[Mm]e)(?![\w’'])")


def _in_quotation(said: str) -> bool:
    """A curly quotation is open at the end of `said` (the paragraph up to a word)."""
    return said.rfind("“") > said.rfind("”")


def _after_lowercase_prefix(text: str, start: int) -> bool:
    return bool(_PREFIX.search(text[max(0, start - 20):start]))


def _in_office(entry: Entry, when: int | None) -> bool:
    return not (entry.active and when is not None
                and not entry.active[0] <= when <= entry.active[1])


def _match(option: Option, m: re.Match[str]) -> Match:
    entry, community = option
    return Match(entry.kind, entry.name, m.group(0), m.start(), m.end(), community)


def _disambiguate(options: list[Option], named: set[str], when: int | None,
                  earlier: frozenset[str] = frozenset()) -> Option | None:
    """Who a shared surname is: the one the sentence names in full, else the one in office
    in the year, else, of those, the one the paragraph named before ("the declining health
    of Heydar Aliyev. In 2003, ... a visibly unhealthy Aliyev turning 80", 004 line 2453:
    2003 was both Aliyevs' year)."""
    already = [o for o in options if o[0].name in named]
    if len(already) == 1:
        return already[0]
    active = options if when is None else [
        o for o in options if o[0].active and o[0].active[0] <= when <= o[0].active[1]]
    if len(active) == 1 and when is not None:
        return active[0]
    before = [o for o in active if o[0].name in earlier]
    return before[0] if len(before) == 1 else None


# ---- loading -----------------------------------------------------------------------------


def parse_gazetteer(text: str, origin: str = "gazetteer.toml") -> Gazetteer:
    data = tomllib.loads(text)
    entries = []
    for kind in ("actor", "place"):
        for n, raw in enumerate(data.get(kind, []), 1):
            if "name" not in raw:
                raise ValueError(f"{origin} {kind} {n}: no name; add name = \"...\"")
            entries.append(_entry(kind, raw))
    return Gazetteer(entries, make_rules(dict(data.get("matching", {}))))


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
                 _float(raw.get("lat")), _float(raw.get("lon")),
                 tuple(map(str, raw.get("adjectives", []))),  # type: ignore[call-overload]
                 str(raw.get("place", "")), raw.get("place_when") == "always",
                 str(raw.get("represents", "")), _seats(raw.get("seat_of", [])),
                 bool(raw.get("third_party", False)))


def _seats(values: object) -> tuple[tuple[str, int, int], ...]:
    """["Soviet Union 1922/1991", "Russia 1992/"] -> (name, first, last) triples."""
    seats = []
    for value in values if isinstance(values, list) else [values]:
        m = re.fullmatch(r"(.+?)(?:\s+(-?\d+)/(-?\d*))?", str(value).strip())
        if m:
            seats.append((m.group(1), int(m.group(2) or -9999), int(m.group(3) or 9999)))
    return tuple(seats)


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    text = resources.files("karabakh_tui.data").joinpath("gazetteer.toml").read_text("utf-8")
    return parse_gazetteer(text)
