"""The Markdown export: its shape, its escaping, and that it parses as intended.

Parsed with markdown-it-py (CommonMark) plus the footnote plugin, tables and strikethrough
(GitHub's extensions), with raw HTML allowed so that any HTML we let through would show.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from karabakh_tui.export.markdown import SourceInfo, escape, render
from karabakh_tui.export.markdown import plain as rendered_as
from karabakh_tui.model import Filter
from tests.unit.test_export_events import EVENTS, EXPORTED_ON, FILTER, SOURCES, cite, event

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "markdown_small.md"

_MD = MarkdownIt("commonmark").use(footnote_plugin).enable(["table", "strikethrough"])


def parse(text: str) -> tuple[list[Token], dict]:
    env: dict = {}
    return _MD.parse(text, env), env


def flat(tokens: list[Token]) -> list[Token]:
    return [t for tok in tokens for t in [tok, *flat(tok.children or [])]]


def plain(inline: Token) -> str:
    """The text a reader sees in an inline token (escapes resolved, markup dropped)."""
    return "".join(c.content for c in inline.children or []
                   if c.type in ("text", "text_special", "code_inline"))


def footnote_texts(tokens: list[Token]) -> dict[str, str]:
    """Footnote label -> the plain text of all its paragraphs."""
    out: dict[str, str] = {}
    label = None
    for tok in tokens:
        if tok.type == "footnote_open":
            label = tok.meta["label"]
            out[label] = ""
        elif tok.type == "footnote_close":
            label = None
        elif tok.type == "inline" and label is not None:
            out[label] += plain(tok) + "\n"
    return out


def check_structure(text: str) -> tuple[list[Token], dict]:
    """Every reference has a definition and every definition a reference; no raw HTML."""
    tokens, env = parse(text)
    all_tokens = flat(tokens)
    assert not [t for t in all_tokens if t.type in ("html_inline", "html_block")]
    refs = [t.meta["label"] for t in all_tokens if t.type == "footnote_ref"]
    definitions = env.get("footnotes", {}).get("refs", {})
    assert sorted(refs) == sorted(k[1:] for k in definitions)
    assert -1 not in definitions.values()  # -1: defined, never referenced
    # any other unescaped "[^" in the source would be a reference that failed to resolve
    unescaped = re.findall(r"(?<!\\)(?:\\\\)*\[\^", text)  # after an even run of "\"
    assert len(unescaped) == len(refs) + len(definitions)
    return tokens, env


# ---- the crafted events --------------------------------------------------------------


def rendered() -> str:
    return render(EVENTS, FILTER, EXPORTED_ON, SOURCES)


def test_golden_file() -> None:
    """The snapshot was read line by line before it was committed; regenerate with
    KARABAKH_UPDATE_GOLDEN=1 and read the diff the same way."""
    if os.environ.get("KARABAKH_UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered(), encoding="utf-8")
    assert rendered() == GOLDEN.read_text(encoding="utf-8")


def test_byte_identical_for_the_same_inputs_in_any_order() -> None:
    assert render(tuple(reversed(EVENTS)), FILTER, EXPORTED_ON, SOURCES) == rendered()


def test_every_event_is_referenced_once_and_defined_once() -> None:
    tokens, _ = check_structure(rendered())
    refs = [t.meta["label"] for t in flat(tokens) if t.type == "footnote_ref"]
    assert sorted(refs) == sorted(e.id for e in EVENTS)


def test_header_states_filters_counts_and_date() -> None:
    head = rendered().split("\n## ")[0]
    assert head.startswith("# Chronology of the Nagorno-Karabakh conflict\n")
    assert "12 events from 3 sources, exported on 2025-01-31." in head
    assert "- period: Second Karabakh War\n- period: First Karabakh War" in head


def test_no_filters_is_said() -> None:
    assert "No filters: every event in the database." in render(EVENTS, Filter(), EXPORTED_ON)


def test_filters_without_labels_are_described_from_the_fields() -> None:
    flt = Filter(actors=("Armenia",), date_from=19880101, text="Sumgait", disputed=True)
    out = render(EVENTS, flt, EXPORTED_ON)
    assert "- actor: Armenia\n- from: 1 January 1988\n- text: Sumgait\n- only disputed events" \
        in out


def test_groups_by_year_and_month_with_bce_and_spans() -> None:
    headings = [line for line in rendered().splitlines() if line.startswith("#")]
    assert headings == [
        "# Chronology of the Nagorno-Karabakh conflict",
        "## 2nd century BCE", "## 200 BCE", "## 4th century", "## 387",
        "## 1988", "### February 1988", "## 1992–1994", "## 2008", "### February 2008",
        "## 2020", "### September 2020", "### October 2020",
    ]


def test_events_without_a_month_come_first_under_their_year() -> None:
    section = rendered().split("## 2020\n")[1]
    assert section.index("**2020**") < section.index("**late 2020**") \
        < section.index("### September 2020")


def test_latest_first_reverses_groups_and_events() -> None:
    out = render(EVENTS, replace(FILTER, sort="-date"), EXPORTED_ON, SOURCES)
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings[0] == "## 2020" and headings[-1] == "## 2nd century BCE"
    assert out.index("**28 September 2020**") < out.index("**27 September 2020**")
    check_structure(out)


def test_year_zero_is_1_bce_and_mixed_era_span() -> None:
    zero = event("X1", 101, 1231, "year", "1 BCE", "Zero", cite("d", "S", "f.txt", 1, "q"))
    span = event("X2", -489899, 500101, "range", "50 BCE–50 CE", "Span",
                 cite("d", "S", "f.txt", 2, "q"))
    out = render((zero, span), Filter(), EXPORTED_ON)
    assert "## 1 BCE\n" in out and "## 50 BCE–50 CE\n" in out


def test_decade_and_millennium_groups() -> None:
    decade = event("X1", 3700101, 3791231, "decade", "the 370s", "D", cite("d", "S", "f", 1, "q"))
    mill = event("X2", -9989899, 1231, "millennium", "1st millennium BCE", "M",
                 cite("d", "S", "f", 2, "q"))
    out = render((decade, mill), Filter(), EXPORTED_ON)
    assert "## 370s\n" in out and "## 1st millennium BCE\n" in out


def test_bullet_shape_with_flags() -> None:
    lines = rendered().splitlines()
    assert ("- **27 September 2020** — Azerbaijan launches air and artillery strikes along the "
            "line of contact — *Azerbaijan, Armenia; Line of contact* — disputed: date "
            "(Author 2021: 28 September 2020; Writer 2021: 27 September 2020)[^E0009]") in lines
    assert ("- **28 September 2020** (date inferred from narrative) — Martial law is declared — "
            "*Armenia*[^E0010]") in lines
    assert ("- **17 February 2008** — Kosovo declares independence — *Kosovo* — context "
            "(a comparison, not the conflict itself)[^E0007]") in lines


def test_title_markup_is_escaped_and_reads_as_written() -> None:
    tokens, _ = check_structure(rendered())
    bullets = [plain(t) for t in flat(tokens) if t.type == "inline" and "Sumgait" in t.content]
    assert "Pogrom in Sumgait [Syunik] *stars* <b>bold</b> # not a heading" in bullets[0]
    assert not [t for t in flat(tokens) if t.type == "em_open" and "stars" in t.content]


def test_footnote_quotes_source_and_location() -> None:
    tokens, _ = check_structure(rendered())
    notes = footnote_texts(tokens)
    assert notes["E0004"] == ("“In 387 Armenia was partitioned between Rome and Persia.” — "
                              "Writer 2021 (Ben Writer, Mountain Notes, 2021), "
                              "seeds/901_crafted_b.txt:131\n")
    # an unknown author is left out; a path read from the database is kept as it is
    assert "Catalogued essay 2021 ([Bracketed title supplied by a cataloguer], 2021)" \
        in notes["E0001"]
    assert "seeds/900_crafted_a.txt:80" in notes["E0006"]


def test_several_citations_are_paragraphs_of_one_footnote() -> None:
    tokens, _ = check_structure(rendered())
    note = footnote_texts(tokens)["E0009"]
    first, second = note.splitlines()
    assert first.startswith("“The invasion arrived") and "its footnote: “A Crafted" in first
    assert second.startswith("“On 28 September 2020") and second.endswith("_a.txt:412")


def test_escape_sequences_are_removed_and_markup_in_quotes_is_inert() -> None:
    out = rendered()
    assert "\x1b" not in out and "\x07" not in out
    tokens, _ = check_structure(out)
    note = footnote_texts(tokens)["E0005"]
    assert ("“On 27 February 1988 a pogrom began in Sumgait (red) — 1. not a list | not a "
            "table `code` & &amp; [^E0001] \\ end.”") in note


def test_without_source_info_the_short_name_is_given() -> None:
    tokens, _ = check_structure(render(EVENTS, FILTER, EXPORTED_ON))
    assert "” — Writer 2021, seeds/901_crafted_b.txt:131" in footnote_texts(tokens)["E0004"]


def test_no_events() -> None:
    out = render((), FILTER, EXPORTED_ON)
    assert "0 events from 0 sources" in out and "No events match these filters." in out
    assert out.endswith(".\n") and "\n\n\n" not in out
    check_structure(out)


def test_duplicate_and_odd_ids_still_get_one_footnote_each() -> None:
    one = event("E 1", 20200101, 20200101, "day", "1 January 2020", "A",
                cite("d", "S", "f", 1, "a"))
    two = replace(one, id="e 1", title="B")
    out = render((one, two, one), Filter(), EXPORTED_ON)
    tokens, _ = check_structure(out)
    refs = [t.meta["label"] for t in flat(tokens) if t.type == "footnote_ref"]
    assert refs == ["E-1", "E-1-2", "e-1-3"]


def test_event_without_citation_has_no_dangling_reference() -> None:
    bare = event("E0099", 20200101, 20200101, "day", "1 January 2020", "Uncited")
    out = render((bare,), Filter(), EXPORTED_ON)
    assert "Uncited (no citation)" in out and "[^" not in out
    check_structure(out)


def test_escape_of_line_starts() -> None:
    assert escape("1. first") == "1\\. first"
    assert escape("- dash") == "\\- dash"
    assert escape("+ plus") == "\\+ plus"
    assert escape("== setext") == "\\== setext"
    assert escape("#1") == "\\#1"
    for text in ("1. first", "- dash", "+ plus", "=", "1) x", "> quote", ": def"):
        tokens, _ = parse(escape(text))
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
        assert plain(tokens[1]) == text


# ---- any text at all ------------------------------------------------------------------

words = st.text(max_size=60)


@settings(max_examples=150, deadline=None)
@given(title=words, quote=words, second=words, actor=words, place=words, note=words,
       source=words, author=words, source_title=words, label=words)
def test_any_text_still_parses_and_keeps_every_footnote(
        title: str, quote: str, second: str, actor: str, place: str, note: str, source: str,
        author: str, source_title: str, label: str) -> None:
    e1 = event("E0001", 20200927, 20200927, "day", label, title,
               cite("doc", source, "f.txt", 3, quote, (note,)),
               cite("doc2", "S2", "g.txt", 4, second),
               actors=(actor,), places=(place,), disputed=True,
               disagreements=({"field": "date", "source": source, "value": label},))
    e2 = event("E0002", -1989899, -1988769, "year", "200 BCE", quote,
               cite("doc", source, "f", 1, title))
    sources = {"doc": SourceInfo(author=author, title=source_title, written=label)}
    out = render((e1, e2), Filter(labels=(("text", title),)), EXPORTED_ON, sources)
    tokens, _ = check_structure(out)
    notes = footnote_texts(tokens)
    assert set(notes) == {"E0001", "E0002"}
    for expected, label_ in ((quote, "E0001"), (second, "E0001"), (title, "E0002")):
        assert f"“{rendered_as(expected)}”" in notes[label_]
    bullet = next(plain(t) for t in flat(tokens) if t.type == "inline"
                  and t.content.startswith("**") and "[^E0001]" in t.content)
    assert rendered_as(title) in bullet


def test_github_autolinks_are_disarmed() -> None:
    """GitHub links "http://…" and "www.…" up to the next space, swallowing our escapes and a
    footnote reference right after them; an escaped ":" or "." stops it."""
    assert escape("see http://x.y/a_b and WWW.z.com") == "see http\\://x.y/a\\_b and WWW\\.z.com"
    tokens, _ = check_structure(render(
        (event("E1", 1, 1, "day", "x", "ends with https://example.org/x",
               cite("d", "S", "f", 1, "www.example.org")),), Filter(), EXPORTED_ON))
    assert "https://example.org/x" in plain(next(t for t in flat(tokens) if t.type == "inline"
                                                 and "[^E1]" in t.content))


def test_text_is_normalised_so_no_lookalike_becomes_markup() -> None:
    # U+1FEF GREEK VARIA is canonically "`": Pandoc normalises it into a code span opener
    assert escape("a \u1fefcode\u1fef b") == "a \\`code\\` b"
