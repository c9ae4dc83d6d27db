"""Crafted events shared by the export tests, and a check that they are what they claim.

Hand-made, not extracted: they cover what the renderers must handle — BCE years and
centuries, a span of years, a whole year beside its months, several citations, a
disputed date, an inferred date, a context event, Markdown syntax in a title and an
escape sequence in a quote.
"""

from __future__ import annotations

from datetime import date

from karabakh_tui.export.markdown import SourceInfo
from karabakh_tui.model import Citation, Event, Filter

EXPORTED_ON = date(2025, 1, 31)

SOURCES = {
    "crafted-a": SourceInfo(author="Ann Author", title="A Crafted Essay: Karabakh After the War",
                            written="2021"),
    "crafted-b": SourceInfo(author="Ben Writer", title="Mountain Notes", written="2021-05"),
    "crafted-c": SourceInfo(author="unknown",
                            title="[Bracketed title supplied by a cataloguer]", written="2021-05"),
}
"""Fictional documents: no sentence below is quoted from a real one."""


def cite(document: str, source: str, file: str, line: int, quote: str,
         footnotes: tuple[str, ...] = ()) -> Citation:
    return Citation(document=document, source=source, quote=quote, line=line, start=line * 10,
                    end=line * 10 + len(quote), footnotes=footnotes, file=file)


A = ("crafted-a", "Author 2021", "seeds/900_crafted_a.txt")  # as read from the database
B = ("crafted-b", "Writer 2021", "901_crafted_b.txt")  # as the merger makes it
C = ("crafted-c", "Catalogued essay 2021", "902_crafted_c.txt")


def event(eid: str, lower: int, upper: int, precision: str, label: str, title: str,
          *citations: Citation, **kw: object) -> Event:
    return Event(id=eid, date=label, start=str(lower), end=str(upper), lower=lower, upper=upper,
                 precision=precision, label=label, title=title, citations=citations,
                 **kw)  # type: ignore[arg-type]


EVENTS = (
    # Deliberately not in date order: the renderers must order them.
    event("E0009", 20200927, 20200927, "day", "27 September 2020",
          "Azerbaijan launches air and artillery strikes along the line of contact",
          cite(*B, 2853, "The invasion arrived on the morning of September 27, with "
                            "Armenian towns shelled at dawn.",
               ("“A Crafted Report Title” Crafted Report. April 25, 2021. "
                "<https://example.org/x_y>",)),
          cite(*A, 412, "On 28 September 2020 Azerbaijan began a large-scale offensive."),
          actors=("Azerbaijan", "Armenia"), places=("Line of contact",),
          periods=("Second Karabakh War",), disputed=True,
          disagreements=({"field": "date", "document": "crafted-a", "source": "Author 2021",
                          "value": "28 September 2020"},
                         {"field": "date", "document": "crafted-b", "source": "Writer 2021",
                          "value": "27 September 2020"})),
    event("E0001", -1989899, -998769, "century", "2nd century BCE",
          "Artaxias rules the lands of Artsakh and Syunik",
          cite(*C, 88, "In the 2nd century BCE the lands of Artsakh were ruled by Artaxias."),
          actors=("Kingdom of Armenia",), places=("Artsakh", "Syunik")),
    event("E0002", -1989899, -1988769, "year", "200 BCE", "A crafted event of 200 BCE",
          cite(*C, 90, "By 200 BCE, the crafted sentence says, walls stood here.")),
    event("E0003", 3010101, 3331231, "century", "early 4th century",
          "Christianity reaches the region",
          cite(*B, 120, "Christianity reached the region in the early 4th century."),
          places=("Amaras",)),
    event("E0004", 3870101, 3871231, "year", "387", "Partition of Armenia",
          cite(*B, 131, "In 387 Armenia was partitioned between Rome and Persia."),
          actors=("Roman Empire", "Sasanian Empire")),
    event("E0005", 19880227, 19880227, "day", "27 February 1988",
          "Pogrom in Sumgait [Syunik] *stars* <b>bold</b> # not a heading",
          cite(*A, 77, "On 27 February 1988 a pogrom began in Sumgait \x1b[31m(red)\x1b[0m"
                            "\x1b]0;pwned\x07 — 1. not a list | not a table `code` & &amp; "
                            "[^E0001] \\ end."),
          actors=("Azerbaijan SSR",), places=("Sumgait",), periods=("First Karabakh War",)),
    event("E0006", 19920101, 19941231, "range", "1992–1994", "Full-scale war",
          cite(*A, 80, "Full-scale war raged from 1992 to 1994."),
          periods=("First Karabakh War",)),
    event("E0007", 20080217, 20080217, "day", "17 February 2008",
          "Kosovo declares independence",
          cite(*C, 300, "Kosovo declared independence on 17 February 2008."),
          actors=("Kosovo",), context=True),
    event("E0008", 20200101, 20201231, "year", "2020", "A year of war",
          cite(*B, 2800, "2020 was a year of war.")),
    event("E0010", 20200928, 20200928, "day", "28 September 2020",
          "Martial law is declared",
          cite(*B, 2860, "The next day martial law was declared."),
          actors=("Armenia",), inferred=True, periods=("Second Karabakh War",)),
    event("E0011", 20201001, 20201031, "month", "October 2020", "Shelling of Stepanakert",
          cite(*B, 2900, "In October 2020 Stepanakert was shelled daily."),
          places=("Stepanakert",), periods=("Second Karabakh War",)),
    event("E0012", 20200901, 20201231, "range", "late 2020", "Displacement",
          cite(*C, 310, "In late 2020 tens of thousands were displaced.")),
)

FILTER = Filter(periods=("Second Karabakh War", "First Karabakh War"),
                labels=(("period", "Second Karabakh War"), ("period", "First Karabakh War")))


def test_crafted_events_are_consistent() -> None:
    for e in EVENTS:
        assert e.lower <= e.upper, e.id
        assert e.citations, e.id
    assert len({e.id for e in EVENTS}) == len(EVENTS)
    assert {c.document for e in EVENTS for c in e.citations} == set(SOURCES)
