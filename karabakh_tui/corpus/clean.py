"""Layout-aware cleaning: raw document text -> reading text, footnotes, line map, sections.

Each layout has a reader that turns the file's lines into blocks (paragraphs and headings,
each a list of (line number, text) fragments) and footnotes; `_assemble` then lays the
blocks out as the reading text and records where every fragment, heading and footnote
marker landed. Footnote markers travel through the readers as `_mark(n)` so that their
offsets in the final text are known exactly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from karabakh_tui.model import Cleaned

_OPEN, _CLOSE = "\ue000", "\ue001"
_MARK = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_URL_ONLY = re.compile(r"^[<\[]?(?:https?://|www\.)\S+[>\]]?$")
PROSE_WORDS = 5
"""A line of at least this many words is running text, not a title or heading."""
_ENDS_SENTENCE = re.compile(r"[.!?…:](?:[\"”’')\]*]|\ue000\d+\ue001)*$")


def _mark(number: int | str) -> str:
    return f"{_OPEN}{number}{_CLOSE}"


@dataclass
class _Block:
    heading: bool
    frags: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, text: str) -> None:
        text = _SPACES.sub(" ", text).strip()
        if text:
            self.frags.append((line, text))

    @property
    def last(self) -> str:
        return self.frags[-1][1] if self.frags else ""


def ends_sentence(text: str) -> bool:
    """Whether `text` ends a sentence (closing quotes and footnote markers allowed)."""
    return bool(_ENDS_SENTENCE.search(text.rstrip()))


def clean(text: str, layout: str) -> Cleaned:
    """The reading text of a document in `layout` ("pdf", "paragraphs" or "markdown")."""
    readers = {"markdown": _read_markdown, "pdf": _read_pdf, "paragraphs": _read_paragraphs}
    if layout not in readers:
        raise ValueError(f"unknown layout {layout!r}; use one of {', '.join(readers)}")
    blocks, footnotes = readers[layout](text.splitlines())
    return _assemble(blocks, footnotes)


# ---- assembling the reading text -----------------------------------------------------


def _assemble(blocks: Iterable[_Block], footnotes: dict[int, str]) -> Cleaned:
    out: list[str] = []
    pos = 0
    line_map: list[tuple[int, int]] = []
    sections: list[tuple[int, str]] = []
    markers: list[tuple[int, int]] = []
    paragraphs: list[int] = []
    for block in blocks:
        if not block.frags:
            continue
        if out:
            out.append("\n\n")
            pos += 2
        paragraphs.append(pos)
        block_start, previous = pos, ""
        for line, frag in block.frags:
            if previous:
                glue = "" if _hyphenated(previous) else " "
                out.append(glue)
                pos += len(glue)
            line_map.append((pos, line))
            plain, found = _strip_marks(frag)
            markers.extend((pos + at, number) for at, number in found)
            out.append(plain)
            pos += len(plain)
            previous = plain
        if block.heading:
            sections.append((block_start, "".join(out)[block_start:pos]))
    return Cleaned("".join(out), resolve_ibid(footnotes), tuple(line_map), tuple(sections),
                   tuple(markers), tuple(paragraphs))


_IBID = re.compile(r"ibid\b", re.I)


def resolve_ibid(footnotes: dict[int, str]) -> dict[int, str]:
    """ "Ibid., 300." names the work of the note before it; a reader of one cited sentence
    never sees that note, so it is added in brackets: "Ibid., 300. [= van der Leeuw, 150]".
    The note's own words are kept as written."""
    resolved: dict[int, str] = {}
    work: dict[int, str] = {}  # the note each "Ibid." stands for, followed back
    for number in sorted(footnotes):
        text = footnotes[number]
        if _IBID.match(text.lstrip()) and number - 1 in work:
            work[number] = work[number - 1]
            resolved[number] = f"{text} [= {work[number]}]"
        else:
            work[number] = text
            resolved[number] = text
    return resolved


def _hyphenated(text: str) -> bool:
    """A line ending in a hyphen glued to a word: the word continues on the next line."""
    return len(text) >= 2 and text[-1] in "-\u2010\u2011" and text[-2].isalnum()


def _strip_marks(frag: str) -> tuple[str, list[tuple[int, int]]]:
    found: list[tuple[int, int]] = []
    parts: list[str] = []
    length, last = 0, 0
    for m in _MARK.finditer(frag):
        piece = frag[last:m.start()]
        parts.append(piece)
        length += len(piece)
        found.append((length, int(m.group(1))))
        last = m.end()
    parts.append(frag[last:])
    return "".join(parts), found


# ---- markdown (the thesis) -----------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s")
_BULLET = re.compile(r"^[-*+]\s+")
_SETEXT = re.compile(r"^={3,}$")
_NOTE_START = re.compile(r"^<sup>\s*(\d+)\s*</sup>\s*(.*)$")
_TOC_ENTRY = re.compile(r"\t\s*(?:<b>)?\s*\d+\s*(?:</b>)?\s*$")
_SUP_NUMBER = re.compile(r"<sup>\s*(\d+)\s*</sup>")
_SUP_TEXT = re.compile(r"<sup>([^<]*)</sup>")
_TAGS = re.compile(r"</?(?:b|i|em|strong|u|span|br)\b[^>]*>", re.I)
_EMPHASIS = re.compile(r"(\*{1,3}|_{2})(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>$&~|])")
_ANGLE_URL = re.compile(r"<((?:https?://|www\.)[^>\s]+)>")


def _inline(text: str, markers: bool = True) -> str:
    """Markdown inline syntax -> the words a reader sees; numeric <sup> -> markers."""
    text = _SUP_NUMBER.sub((lambda m: _mark(m.group(1))) if markers else "", text)
    text = _SUP_TEXT.sub(r"\1", text)
    text = _TAGS.sub("", text)
    text = _ANGLE_URL.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return html.unescape(text)


def _note_continues(line: str) -> bool:
    """A line inside a page's footnotes that is not a new footnote but part of the last:
    a link, or the italic venue and date of a reference broken over two lines."""
    return line.startswith(("<http", "[http", "http", "*")) or "http" in line


_NOTE_TAIL_WORDS = 30
"""Longer than the italic venue and date that end a reference broken over two lines."""


def _stopped_mid_sentence(blocks: list[_Block]) -> bool:
    """The last paragraph read is prose whose last sentence has not ended."""
    return bool(blocks) and not blocks[-1].heading and not ends_sentence(blocks[-1].last)


def _body_goes_on(blocks: list[_Block], line: str) -> bool:
    """After a page's footnotes, a long line opening in italics finishes the body's
    sentence the page broke ("... author of *Black*" / "*Garden*, who writes that “In
    November 1987, ...", 004 lines 995 and 1011): it is not the end of the last note."""
    return (_stopped_mid_sentence(blocks) and "http" not in line
            and len(line.split()) > _NOTE_TAIL_WORDS)


def _goes_on_in_italics(blocks: list[_Block], line: str) -> bool:
    """A paragraph opening in italics right after prose that stopped mid-sentence goes on
    with it: a stray blank line split a title ("... themselves, *The New*" / "*York
    Times* was still reporting", 004 lines 3167-3169)."""
    return (line.startswith("*") and not line.startswith(("* ", "**"))
            and _stopped_mid_sentence(blocks) and len(blocks[-1].last.split()) >= PROSE_WORDS)


def _soft_wrapped(lines: list[str]) -> bool:
    """Whether the writer wrapped paragraphs over several lines (many lines stop
    mid-sentence with the next line right below); the thesis has one line a paragraph."""
    prose = sum(len(line.split()) >= PROSE_WORDS for line in lines)
    wrapped = sum(len(line.split()) >= PROSE_WORDS and not ends_sentence(line)
                  and bool(after.strip()) for line, after in zip(lines, lines[1:], strict=False))
    return wrapped * 4 > prose


def _joins_previous(blocks: list[_Block], number: int, line: str) -> bool:
    """A wrapped paragraph's next line: the line right above is in the last block."""
    return bool(blocks) and not blocks[-1].heading and bool(blocks[-1].frags) and (
        blocks[-1].frags[-1][0] == number - 1 and not _LIST_ITEM.match(line))


def _underlined(blocks: list[_Block]) -> None:
    """The line above a "===" underline is a heading (a setext heading)."""
    line, text = blocks[-1].frags.pop()
    if not blocks[-1].frags:
        blocks.pop()
    heading = _Block(True)
    heading.add(line, text)
    blocks.append(heading)


def _read_markdown(lines: list[str]) -> tuple[list[_Block], dict[int, str]]:
    wrapped = _soft_wrapped(lines)
    blocks: list[_Block] = []
    notes: dict[int, str] = {}
    in_notes, note = False, None
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or _TOC_ENTRY.search(raw):
            continue
        if _SETEXT.match(line) and _joins_previous(blocks, number, line):
            _underlined(blocks)
            continue
        if _RULE.match(line):
            in_notes, note = True, None
            continue
        if in_notes:
            start = _NOTE_START.match(line)
            if start:
                note = int(start.group(1))
                notes[note] = _SPACES.sub(" ", _inline(start.group(2), markers=False)).strip()
                continue
            if notes and _note_continues(line) and not _body_goes_on(blocks, line):
                note = note if note is not None else max(notes)  # from the previous page
                notes[note] = f"{notes[note]} {_inline(line, markers=False)}".strip()
                continue
            in_notes = False
            if _stopped_mid_sentence(blocks):
                blocks[-1].add(number, _inline(line))  # the sentence goes on after the page
                continue
        heading = _HEADING.match(line)
        if (wrapped and not heading and _joins_previous(blocks, number, line)) \
                or _goes_on_in_italics(blocks, line):
            blocks[-1].add(number, _inline(line))
            continue
        block = _Block(heading is not None)
        block.add(number, _inline(heading.group(2) if heading else _BULLET.sub("", line)))
        blocks.append(block)
    return blocks, notes


# ---- PDF-extracted text ----------------------------------------------------------------

_NOTE_LINE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_PAGE_START = re.compile(r"^ \S")
_NOTES_SPACER = re.compile(r"^[ \t]{10,}$")
_HEADING_WORDS = 10


def _read_pdf(lines: list[str]) -> tuple[list[_Block], dict[int, str]]:
    """Hard-wrapped text; footnotes follow a long run of spaces until the next page."""
    double_spaced = _double_spaced(lines)
    notes: dict[int, str] = {}
    blocks: list[_Block] = []
    para: _Block | None = None
    in_notes, note = False, None
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if _NOTES_SPACER.match(raw):
            in_notes, note, para = True, None, _close(para, blocks, keep_open=True)
            continue
        if in_notes and not _PAGE_START.match(raw):
            note = _read_note_line(stripped, note, notes)
            continue
        in_notes = False
        if not stripped:
            if raw or not double_spaced:
                para = _close(para, blocks)
            continue
        if _URL_ONLY.match(stripped):
            continue  # link annotations the PDF tool printed as text
        if _is_pdf_heading(stripped, para, blocks) and not _continued(lines, number, double_spaced):
            para = _close(para, blocks)
            heading = _Block(True)
            heading.add(number, stripped)
            blocks.append(heading)
            continue
        if para is None:
            para = _Block(False)
        para.add(number, raw)
        if double_spaced and raw.endswith("  ") and ends_sentence(stripped):
            para = _close(para, blocks)  # two trailing spaces end a paragraph, mid-sentence not
    _close(para, blocks)
    _glue_markers(blocks, sorted(notes))
    return blocks, notes


def _double_spaced(lines: list[str]) -> bool:
    """A blank line after every line, paragraphs or not: the blanks fall mid-sentence.
    (Many blank lines alone mean nothing: short paragraphs have many too.)"""
    blank = sum(not line.strip() for line in lines)
    if blank * 2.5 < len(lines):
        return False
    before_blank = [line.strip() for line, after in zip(lines, lines[1:], strict=False)
                    if len(line.split()) >= PROSE_WORDS and not after.strip()]
    return sum(not ends_sentence(line) for line in before_blank) * 2 > len(before_blank)


def _continued(lines: list[str], number: int, double_spaced: bool) -> bool:
    """The sentence goes on in the next line (it starts in lower case): not a heading."""
    for after in range(number, len(lines)):  # `number` is 1-based: the line after it
        text = lines[after].strip()
        if text:
            return text[0].islower()
        if not double_spaced:
            return False
    return False


def _read_note_line(line: str, note: int | None, notes: dict[int, str]) -> int | None:
    if not line:
        return note
    start = _NOTE_LINE.match(line)
    if start and (note is None or int(start.group(1)) == note + 1 or not notes):
        note = int(start.group(1))
        notes[note] = _SPACES.sub(" ", start.group(2)).strip()
    elif note is not None and not (_URL_ONLY.match(line) and line in notes[note]):
        joiner = "" if _hyphenated(notes[note]) else " "
        notes[note] = f"{notes[note]}{joiner}{_SPACES.sub(' ', line)}".strip()
    return note


def _close(para: _Block | None, blocks: list[_Block], keep_open: bool = False) -> _Block | None:
    """End the paragraph; at a page's footnotes it stays open to continue on the next page."""
    if para is None or not para.frags:
        return para if keep_open else None
    if keep_open and not ends_sentence(para.last):
        return para
    blocks.append(para)
    return None


def _is_pdf_heading(line: str, para: _Block | None, blocks: list[_Block]) -> bool:
    words = line.split()
    if not words or len(words) > _HEADING_WORDS or len(line) > 70:
        return False
    if not line[0].isupper() or line[-1] in ".,;:!\"”’)" or words[0].rstrip(".").isdigit():
        return False
    previous = para.last if para is not None and para.frags else (
        blocks[-1].last if blocks else "")
    return not previous or ends_sentence(previous)


def _glue_markers(blocks: list[_Block], numbers: list[int]) -> None:
    """Find each footnote's marker, glued to a word ("stances2"), in document order."""
    if not numbers:
        return
    wanted = iter(numbers)
    expected = next(wanted)
    for block in blocks:
        for i, (line, frag) in enumerate(block.frags):
            start = 0
            while expected is not None:
                pattern = re.compile(rf"(?<=[a-z%.,;:!?”’\"')\]]){expected}(?=[\s.,;:!?”’\"')]|$)")
                m = pattern.search(frag, start)
                if not m:
                    break
                frag = frag[:m.start()] + _mark(expected) + frag[m.end():]
                start = m.start() + len(_mark(expected))
                expected = next(wanted, None)
            block.frags[i] = (line, frag)


# ---- one paragraph per line ----------------------------------------------------------


def _read_paragraphs(lines: list[str]) -> tuple[list[_Block], dict[int, str]]:
    blocks: list[_Block] = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or _URL_ONLY.match(line):
            continue
        block = _Block(_is_paragraph_heading(line))
        block.add(number, line)
        blocks.append(block)
    return _without_pull_quotes(blocks), {}


def _is_paragraph_heading(line: str) -> bool:
    words = line.split()
    if len(words) > _HEADING_WORDS or not line[0].isupper():
        return False
    if line.endswith("?"):
        return len(words) <= 6
    return line[-1] not in ".,;:!\"”’)"


def _folded(text: str) -> str:
    text = re.sub(r"[\"“”‘’'…]", "", text.lower())
    return " ".join(text.split()).rstrip(" .")


def _without_pull_quotes(blocks: list[_Block], reach: int = 3) -> list[_Block]:
    """Drop a paragraph repeated verbatim inside a longer paragraph nearby (a pull quote)."""
    folded = [_folded(b.last) for b in blocks]
    kept = []
    for i, block in enumerate(blocks):
        near = range(max(0, i - reach), min(len(blocks), i + reach + 1))
        quoted = not block.heading and len(folded[i]) >= 40 and any(
            j != i and len(folded[j]) > len(folded[i]) and folded[i] in folded[j] for j in near)
        if not quoted:
            kept.append(block)
    return kept
