"""safe_text and one_line: document text is data, never terminal control or markup."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from karabakh_tui.text import one_line, safe_text

UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What must never come out: C0 but newline, DEL, C1, bidi overrides/isolates, surrogates."""

# Text a document may hold, with a bias towards the characters that matter here.
document_text = st.lists(st.one_of(
    st.text(),
    st.sampled_from(["\x1b", "\x1b[", "\x1b]", "\x07", "\x1b\\", "\x9b", "\x9c", "[", "]", "0",
                     "31m", ";", "\r", "\n", "\t", "\u202e", "\u2066", "\u200d", "\ufeff"]),
)).map("".join)


def test_keeps_letters_quotes_and_dashes() -> None:
    text = "Շուշի / Şuşa / Шуша — “Stepanakert” ‘Xankəndi’ … 27\u00a0September\nnext line"
    assert safe_text(text) == text


def test_removes_csi_colour_and_cursor_sequences() -> None:
    assert safe_text("a \x1b[31mred\x1b[0m b\x1b[2J\x1b[1;1H c") == "a red b c"


def test_removes_osc_title_and_hyperlink_sequences() -> None:
    text = "\x1b]0;pwned\x07title \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ end"
    assert safe_text(text) == "title link end"


def test_unterminated_osc_loses_only_its_introducer() -> None:
    assert safe_text("before \x1b]0;rest of the document") == "before 0;rest of the document"


def test_other_escapes_and_eight_bit_csi() -> None:
    assert safe_text("a\x1bcb\x1b(Bc\x9b31md\x1b") == "abcd"


def test_controls_become_nothing_or_whitespace() -> None:
    assert safe_text("a\x00b\x07c\x7fd\x85e") == "abcd e"
    assert safe_text("col\tcol\fpage\vv") == "col col page v"
    assert safe_text("dos\r\nmac\rend") == "dos\nmac\nend"


def test_removes_bidi_overrides_isolates_and_invisible_characters() -> None:
    text = "admin\u202egnp.exe \u2066x\u2069 zero\u200bwidth \ufeffbom word\u2060joiner"
    assert safe_text(text) == "admingnp.exe x zerowidth bom wordjoiner"


def test_keeps_joiners_and_direction_marks() -> None:
    text = "می\u200cخواهم 👩\u200d💻 a\u200eb\u200f"
    assert safe_text(text) == text


def test_removes_lone_surrogates() -> None:
    assert safe_text("bad\udcff byte") == "bad byte"
    safe_text("bad\udcff byte").encode("utf-8")


def test_one_line_collapses_all_whitespace() -> None:
    assert one_line("  a\n b\t\tc\u00a0\u2028d  ") == "a b c d"
    assert one_line("") == ""


@given(document_text)
def test_output_holds_no_control_characters(text: str) -> None:
    out = safe_text(text)
    assert "\x1b" not in out
    assert not UNSAFE.search(out), repr(out)
    out.encode("utf-8")


@given(document_text)
def test_idempotent(text: str) -> None:
    once = safe_text(text)
    assert safe_text(once) == once


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cf"))))
def test_ordinary_text_is_untouched(text: str) -> None:
    assert safe_text(text) == text


@given(document_text)
def test_one_line_has_no_line_breaks_and_is_idempotent(text: str) -> None:
    out = one_line(safe_text(text))
    assert "\n" not in out and out == out.strip()
    assert one_line(out) == out
