"""bench/evaluate.py: the matching and scoring logic, on tiny crafted inputs."""

from __future__ import annotations

import importlib.util
import json
import sys
import types
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("bench_evaluate", ROOT / "bench" / "evaluate.py")
assert _SPEC and _SPEC.loader
ev = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_evaluate"] = ev  # dataclasses resolve their module by name
_SPEC.loader.exec_module(ev)

DOC = "doc.txt"
REGION = ev.Region(DOC, "S1", 10, 20, "doc_s1.jsonl")


def gold(quote: str, start: str, end: str | None = None, gid: str = "g1", **kw) -> object:
    return ev.GoldEvent(gid, DOC, "S1", quote, start, end or start, **kw)


def pred(text: str, lower: int, upper: int | None = None, line: int = 12, **kw) -> object:
    return ev.Pred(DOC, line, text, lower, upper if upper is not None else lower, **kw)


# ------------------------------------------------------------------ dates


def test_date_bounds_precision_and_bce() -> None:
    assert ev.date_bounds("2020-09-27") == (20200927, 20200927, "day")
    assert ev.date_bounds("1988-06") == (19880601, 19880631, "month")
    assert ev.date_bounds("1994") == (19940101, 19941231, "year")
    # historical 200 BC is astronomical -199
    assert ev.date_bounds("-0200") == (-1989899, -1988769, "year")
    assert ev.date_bounds("0451") == (4510101, 4511231, "year")
    with pytest.raises(ValueError):
        ev.date_bounds("1994-9")
    with pytest.raises(ValueError):
        ev.date_bounds("-0000")


def test_truncate_keeps_bce_years() -> None:
    lo, hi, _ = ev.date_bounds("-0200")
    assert ev.truncate(lo, "year") == ev.truncate(hi, "year") == -199
    assert ev.truncate(20200927, "month") == 202009


def test_strict_date_at_gold_precision() -> None:
    g = gold("x y z w v", "2020-10")
    assert ev.strict_date(g, pred("t", 20201001, 20201031))
    assert ev.strict_date(g, pred("t", 20201001, 20201030))  # last day convention ignored
    assert ev.strict_date(g, pred("t", 20201004, 20201004))  # same month is enough
    assert not ev.strict_date(g, pred("t", 20200901, 20201031))
    y = gold("x y z w v", "1988")
    assert ev.strict_date(y, pred("t", 19880101, 19881231))
    assert ev.strict_date(y, pred("t", 19880601, 19880631))  # same year is enough
    assert not ev.strict_date(y, pred("t", 19870101, 19881231))
    bce = gold("x y z w v", "-0200", "-0101")
    assert ev.strict_date(bce, pred("t", -1989899, -998769))
    assert not ev.strict_date(bce, pred("t", -1999899, -998769))  # 201 BC


def test_strict_date_day() -> None:
    g = gold("x y z w v", "2020-09-27")
    assert ev.strict_date(g, pred("t", 20200927))
    assert not ev.strict_date(g, pred("t", 20200927, 20200928))


def test_overlaps() -> None:
    assert ev.overlaps(1, 5, 5, 9)
    assert not ev.overlaps(1, 4, 5, 9)


# ------------------------------------------------------------------ text


def test_normalise_strips_markup_and_typography() -> None:
    raw = ("the “war of laws.”<sup>309</sup>  Two\u00a0days later, *Miatsum* \\$20 "
           "4<sup>th</sup> Army")
    assert ev.normalise(raw) == 'the "war of laws." Two days later, Miatsum $20 4th Army'
    assert ev.normalise("Nagorno\u2011Karabakh’s") == "Nagorno-Karabakh's"


def test_names_compare_case_insensitively() -> None:
    assert ev.overlap_counts(["Armenia", "Azerbaijan"], ["armenia", "Russia", "Iran"]) == (1, 2, 3)
    assert ev.overlap_counts([], []) == (0, 0, 0)


# ------------------------------------------------------------------ matching


def test_match_requires_region_quote_and_overlap() -> None:
    g = gold("the Supreme Soviet of Armenia voted", "1988-06-15")
    text = "On June 15, the Supreme Soviet of Armenia voted in favor."
    assert ev.match([g], [pred(text, 19880615)], [REGION]) == {0: 0}
    # outside the region's lines
    assert ev.match([g], [pred(text, 19880615, line=25)], [REGION]) == {}
    # another document
    other = ev.Pred("other.txt", 12, text, 19880615, 19880615)
    assert ev.match([g], [other], [REGION]) == {}
    # the sentence does not contain the quote
    assert ev.match([g], [pred("Something else entirely.", 19880615)], [REGION]) == {}
    # dates do not overlap (wrong year)
    assert ev.match([g], [pred(text, 20210615)], [REGION]) == {}
    # a coarser but overlapping date still matches
    assert ev.match([g], [pred(text, 19880101, 19881231)], [REGION]) == {0: 0}


def test_match_compares_normalised_text() -> None:
    g = gold("“voted to secede unilaterally from Azerbaijan", "1988-07-12")
    text = 'On July 12 the Soviet "voted to secede unilaterally from  Azerbaijan."'
    assert ev.match([g], [pred(text, 19880712)], [REGION]) == {0: 0}


def test_match_is_one_to_one_and_prefers_best_date() -> None:
    sentence = "On June 15 the Soviet voted, and two days later Baku answered."
    g1 = gold("the Soviet voted, and two days later", "1988-06-15", gid="g1")
    g2 = gold("two days later Baku answered", "1988-06-17", gid="g2")
    p_year = pred(sentence, 19880101, 19881231)
    p15 = pred(sentence, 19880615)
    p17 = pred(sentence, 19880617)
    # both gold events sit in the same sentence: each gets the mention dated like it
    assert ev.match([g1, g2], [p_year, p17, p15], [REGION]) == {0: 2, 1: 1}
    # a single mention is used once only
    assert len(ev.match([g1, g2], [p15], [REGION])) == 1


def test_match_prefers_strict_over_wider() -> None:
    g = gold("the quote words here now", "1990-01")
    text = "In January 1990 the quote words here now."
    wide = pred(text, 19900101, 19901231)
    exact = pred(text, 19900101, 19900131)
    assert ev.match([g], [wide, exact], [REGION]) == {0: 1}


# ------------------------------------------------------------------ scoring


def test_score_counts_everything() -> None:
    g1 = gold("On June 15, the Supreme Soviet of Armenia voted", "1988-06-15", gid="g1",
              date_text="On June 15", actors=("Armenia",), places=("Nagorno-Karabakh",))
    g2 = gold("the Communist Party won the majority of seats", "1990-09-30", "1990-10",
              gid="g2", date_text="[from context]", actors=("Azerbaijan",), places=())
    g3 = gold("Israel invaded Lebanon in 1982 to expel the PLO", "1982", gid="g3",
              date_text="in 1982", scope="context")
    trap = ev.Trap("t1", DOC, "S1", "More than 25,000 people died")
    preds = [
        # g1: right date, one right actor, one wrong place
        pred("On June 15, the Supreme Soviet of Armenia voted for unification.", 19880615,
             actors=("Armenia", "Soviet Union"), places=("Yerevan",)),
        # g2: found with a wrong (but overlapping) date
        pred("Then the Communist Party won the majority of seats.", 19900101, 19901231,
             actors=("Azerbaijan",)),
        # a duplicate of g1's sentence: not a false positive, not a match
        pred("On June 15, the Supreme Soviet of Armenia voted for unification.", 19880101,
             19881231),
        # a trap
        pred("More than 25,000 people died in 1988.", 19880101, 19881231, line=15),
        # plain false positive
        pred("Nothing happened in 1999.", 19990101, 19991231, line=16),
        # outside the region: ignored for precision
        pred("Israel invaded Lebanon in 1982 to expel the PLO.", 19820101, 19821231, line=30),
        # a footnote line
        pred("Ibid., 65. Croissant, 1998, 37-40 and more words", 19980101, 19981231, line=19),
    ]
    footnotes = {DOC: {19: "<sup>7</sup> Ibid., 65. Croissant, 1998, 37-40 and more words"}}
    m = ev.score([g1, g2, g3], [trap], [REGION], preds, footnotes)
    assert m.matches == {0: 0, 1: 1}
    assert (m.n_gold, m.found, m.recall) == (3, 2, 2 / 3)
    assert (m.n_gold_explicit, m.found_explicit) == (2, 1)
    assert m.in_region == 6
    assert m.false_pos == 3  # trap, "Nothing happened", footnote
    assert m.precision == 3 / 6
    assert m.precision_strict == 2 / 6
    assert (m.date_strict, m.date_accuracy) == (1, 0.5)
    assert m.actors == (2, 2, 3)
    assert m.places == (0, 1, 1)
    assert m.actor_recall == 1.0 and m.place_recall == 0.0
    assert m.scope_agree == 2
    assert m.trap_hits == 1 and m.trap_preds[0][0].id == "t1"
    assert m.footnote_events == 1
    assert [g.id for g in m.missed] == ["g3"]
    assert m.by_region["S1"] == (3, 2, 3)


def test_trap_inside_a_gold_sentence_is_not_a_hit() -> None:
    g = gold("the Soviet troops entered Baku", "1990-01-20")
    trap = ev.Trap("t1", DOC, "S1", "killing some 130 citizens")
    text = "On 20 January the Soviet troops entered Baku, killing some 130 citizens."
    m = ev.score([g], [trap], [REGION], [pred(text, 19900120)], {})
    assert (m.found, m.trap_hits, m.false_pos) == (1, 0, 0)


def test_score_of_nothing_is_undefined_not_zero() -> None:
    m = ev.score([], [], [REGION], [], {})
    assert m.recall is None and m.precision is None and m.date_accuracy is None
    assert "n/a" in ev.render_table(m, None)


# ------------------------------------------------------------------ footnotes


def test_footnote_lines_and_detection() -> None:
    text = "\n".join([
        "Body sentence one.<sup>1</sup> It continues",  # 1
        "",
        "---",
        "",
        "[https://example.org/a_long_url]",  # 5
        "",
        "<sup>1</sup> Smith, John. “A Title.” *Times*. October 4, 2020.",  # 7
        "",
        "on the next page with the body.",  # 9
    ])
    lines = ev.footnote_lines(text)
    assert set(lines) == {5, 7}
    texts = ev.footnote_texts(lines)
    assert texts[1].startswith("Smith, John.")
    as_sentence = ev.Pred(DOC, 3, 'Smith, John. "A Title." Times. October 4, 2020.', 1, 1)
    assert ev.from_footnote(as_sentence, lines, texts)
    on_line = ev.Pred(DOC, 7, "anything", 1, 1)
    assert ev.from_footnote(on_line, lines, texts)
    body = ev.Pred(DOC, 1, "Body sentence one.", 1, 1)
    assert not ev.from_footnote(body, lines, texts)


# ------------------------------------------------------------------ sentences & baseline


def test_reading_sentences_skip_notes_and_join_page_breaks() -> None:
    text = "\n".join([
        "### Heading",  # 1
        "",
        "On June 15, Armenia voted.<sup>3</sup> Two days later, the U.S. and",  # 3
        "",
        "---",
        "",
        "<sup>3</sup> Ibid., 62. October 4, 2020.",  # 7
        "",
        "Gen. Smith spoke. A new paragraph follows?",  # 9
        "",
        "Next paragraph.",  # 11
    ])
    sents = ev.reading_sentences(DOC, text, 1, 11)
    assert [(s.line, s.text) for s in sents] == [
        (3, "On June 15, Armenia voted."),
        (3, "Two days later, the U.S. and Gen. Smith spoke."),
        (9, "A new paragraph follows?"),
        (11, "Next paragraph."),
    ]


def test_baseline_preds_take_the_first_date() -> None:
    sents = [ev.Sent(DOC, 12, "On June 15, 1988 and July 1, 1988."), ev.Sent(DOC, 13, "No date.")]

    def fake(text: str):
        if "June" in text:
            return [("June 15, 1988", datetime(1988, 6, 15)),
                    ("July 1, 1988", datetime(1988, 7, 1))]
        return None

    preds = ev.baseline_preds(sents, fake)
    assert [(p.line, p.lower, p.upper, p.date_label) for p in preds] == [
        (12, 19880615, 19880615, "June 15, 1988")]

    def boom(text: str):
        raise RuntimeError("dateparser choked")

    assert ev.baseline_preds(sents, boom) == []


def test_written_base() -> None:
    assert ev.written_base({"written": "2021-05"}) == datetime(2021, 5, 1)
    assert ev.written_base({"written": "2024"}) == datetime(2024, 6, 1)
    assert ev.written_base(None) == datetime(2021, 5, 1)


# ------------------------------------------------------------------ end to end


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / DOC).write_text("\n".join(
        ["intro"] * 9 + ["### Section", "", "On June 15, 1988, the Soviet of Armenia voted.",
                         "", "More than 25,000 people died."] + ["x"] * 6), encoding="utf-8")
    (corpus / "sources.toml").write_text(
        '[[source]]\nid = "doc-1"\nfile = "doc.txt"\ntitle = "T"\nwritten = "2021-05"\n',
        encoding="utf-8")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    rows = [
        {"type": "region", "doc": DOC, "region": "S1", "lines": [10, 20]},
        {"type": "event", "id": "g1", "doc": DOC, "region": "S1",
         "quote": "the Soviet of Armenia voted", "date_text": "On June 15, 1988",
         "start": "1988-06-15", "end": "1988-06-15", "summary": "vote",
         "actors": ["Armenia"], "places": [], "scope": "core"},
        {"type": "trap", "id": "t1", "doc": DOC, "region": "S1",
         "quote": "More than 25,000 people died", "why": "count"},
    ]
    (gold_dir / "doc_s1.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return corpus, gold_dir


def test_main_scores_a_stub_extractor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from karabakh_tui.model import DateSpan, Mention, Sentence

    corpus, gold_dir = _corpus(tmp_path)

    def corpus_mentions(path: Path) -> list[Mention]:
        assert path == corpus
        s = Sentence("doc-1", 0, 0, 10, "On June 15, 1988, the Soviet of Armenia voted.", 12)
        d = DateSpan("June 15, 1988", "1988-06-15", 19880615, 19880615, "day", "15 June 1988")
        return [Mention(s, d, "vote", actors=("Armenia",))]

    stub = types.ModuleType("karabakh_tui.pipeline")
    stub.corpus_mentions = corpus_mentions  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "karabakh_tui.pipeline", stub)
    out = tmp_path / "out" / "evaluate.md"
    rc = ev.main(["--corpus", str(corpus), "--gold", str(gold_dir), "--out", str(out),
                  "--no-baseline", "--strict"])
    printed = capsys.readouterr().out
    assert rc == 0, printed
    assert "| Recall | ≥ 0.90 | 1.000 (1/1) ✓ |" in printed
    assert out.read_text(encoding="utf-8").startswith("# Extractor evaluation")


def test_main_fails_clearly_without_extractor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    corpus, gold_dir = _corpus(tmp_path)
    monkeypatch.setitem(sys.modules, "karabakh_tui.pipeline", None)  # import raises
    rc = ev.main(["--corpus", str(corpus), "--gold", str(gold_dir),
                  "--out", str(tmp_path / "o.md"), "--no-baseline"])
    assert rc == 2
    err = capsys.readouterr().err
    assert "the extractor is not available" in err and "--baseline-only" in err


def test_a_fragment_of_a_footnote_trap_is_a_hit() -> None:
    trap = ev.Trap("t1", DOC, "S1", "Smith. “A Title.” *Times*. October 4, 2020.")
    fragment = pred("Times. October 4, 2020.", 20201004, line=14)
    m = ev.score([], [trap], [REGION], [fragment], {})
    assert m.trap_hits == 1
