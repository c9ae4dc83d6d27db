"""Sentences -> mentions: one dated happening per sentence and date (pure).

A sentence gives a mention for each date it states when it tells a happening (a finite
past-tense verb, not a question, not a prediction beyond the document's writing date).
A sentence with no date of its own that tells a happening right after a dated one in the
same paragraph inherits that date, marked inferred, so a reader can hide it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from karabakh_tui.extract.dates import (
    THIRDS,
    DateContext,
    NamedTime,
    anchor_order,
    day_span,
    find_dates,
    month_span,
    outside_asides,
    range_span,
    split_key,
    year_span,
)
from karabakh_tui.extract.gazetteer import Gazetteer, Match, load_gazetteer
from karabakh_tui.extract.periods import Period, load_periods, periods_for
from karabakh_tui.extract.titles import make_title
from karabakh_tui.model import DateSpan, Mention, Sentence, Source

_IRREGULAR = (
    "began|begun|became|broke|brought|built|came|chose|drew|drove|fell|fled|fought|found|"
    "gave|went|grew|had|held|hid|kept|knew|laid|led|left|lost|made|meant|met|paid|put|ran|"
    "rose|said|sang|saw|sent|set|shot|slew|sold|spoke|split|spread|stood|stole|struck|swore|"
    "took|taught|told|thought|threw|tore|understood|was|were|won|wrote|overran|overthrew|"
    "withdrew|undertook|foresaw|oversaw|upheld|underwent|bore|beset|forbade|froze|arose|"
    "awoke|bid|cast|cut|hit|hurt|let|quit|shut|slid|sought|sprang|stuck|swept|woke|blew|flew|"
    "bought|caught|dealt|dug|heard|lent|lit|rode|rang|sank|shook|slept|spent|swam|swung|wept|"
    "crept|hung|leapt|drank|ate|got|sat|bit|knelt|mistook|withheld|rebuilt|overtook|forgave|"
    "forgot|sped|strove|shone|spun|stung|slung"
)
_PAST = re.compile(rf"\b(?:[A-Za-z]{{2,}}ed|{_IRREGULAR})\b")
_NOT_VERBS = frozenset({"united", "based", "called", "armed", "so-called", "limited",
                        "supposed", "related", "varied", "advanced", "detailed", "skilled",
                        "sacred", "hundred", "red", "bed", "need", "speed", "seed", "shed",
                        "indeed", "proceed", "exceed", "succeed", "embed", "feed", "breed"})
_NON_NARRATIVE = re.compile(
    r"^(?:acknowledge?ments?|abstract|bibliography|references|works\s+cited|notes|"
    r"about\s+the\s+authors?|contents|table\s+of\s+contents|dedication)$", re.I)
"""Front and back matter: what is said there ("over the past year as I worked to
complete my thesis") is about the document, not the history it tells."""
_STAR_NOTE = re.compile(r"^\*(?=[A-Z])[^*]*$")
"""A paragraph opened by a lone asterisk ("*The paper was prepared and selected as one of
the best pieces in the framework of the 6-week online course ...", 000 line 662): the
note a star by the title points to, about the document like front matter; not italics,
whose asterisk closes."""
_STATE_UNTIL = re.compile(r"(?<!\bnot\s)\b(?:until|till)\s+(?:the\s+)?$", re.I)
_WHEN_AFTER = re.compile(r"^,?\s+(?:when|before)\b", re.I)
_MODAL = re.compile(r"\b(?:will|would|could|should|might|may|must|shall)\b", re.I)
_HYPOTHETICAL = re.compile(
    r"\b(?:will|could|should|might|may|must|shall)\b|\bwould\s+(?:\w+\s+)?have\b", re.I)
"""A modal that does not tell what happened. "would" alone is the narrative's future in
the past ("Azerbaijan would impose a formal rail blockade", 004 line 1157): it tells;
"would have" is counterfactual."""
_ATTRIBUTIVE = re.compile(
    r"\b(?:a|an|the|this|that|these|those|its|their|his|her|our|a\s+more|a\s+less)\s+"
    r"[a-z]+(?:,\s*|\s+and\s+)$", re.I)
_RUNS_ON = re.compile(r"(?:\b(?:that|as\s+follows|saying|stating|writing|declaring)|[:,])\s*$",
                      re.I)
"""A paragraph whose last sentence runs on into the next one, a block quote ("Harutyunyan
announced that the missiles had been fired by Artsakh’s forces, writing that", 004 line
3047): the quote's sentences have the paragraph before as theirs for who and where."""
_MAX_INHERIT_GAP = 6
_MAX_INHERIT_GAP_SAME = 10
_PLACE_MEMORY = 3
"""How many preceding sentences of the paragraph an unnamed place is looked for in: a
story told at one place runs a few sentences ("captured the village of Maraga. While
... the village ... recaptured the village ... exhume the bodies")."""
_OWN_TIME = re.compile(
    r"\b(?:never|cannot|can['’]t|can)\b|"
    r"\b(?:following|next|subsequent|ensuing|coming)\s+(?:\w+\s+)?(?:years|decades|centuries)\b|"
    r"\b(?:in|for)\s+(?:the\s+)?(?:years|decades|centuries)\b", re.I)
"""What a sentence tells at a time of its own ("Over the following four decades, Japan's
naval doctrine ...", "for decades"), not at all ("never fought"), or as a general truth
("economy cannot be understood as ..."): it does not inherit the passage's date."""
_FINE_DAYS = 31
_YEAR_PART_DAYS = 4 * 31
"""A third of a year ("late 1990": September to December) is as narrow as a season."""
_PREV_WORD = re.compile(r"([A-Za-z’']+)[\s,“”\"‘]*$")
_ADVERBS = frozenset("further also not never already then just still even since long "
                     "much more most largely".split())
_NON_FINITE_BEFORE = frozenset(
    "has have having is are am been being 's ’s to the a an this these those its their "
    "his her our your my of newly recently well ill so-called once".split())



@lru_cache(maxsize=1)
def _named_times() -> tuple[NamedTime, ...]:
    return tuple(NamedTime(p.name, tuple(p.aliases), p.edtf, p.lower, p.upper)
                 for p in load_periods())


def tells_happening(text: str) -> bool:
    """A finite past-tense verb outside a question: the sentence reports something done."""
    if text.rstrip().endswith("?"):
        return False
    return any(_is_finite_past(text, m) for m in _PAST.finditer(text))


def _is_finite_past(text: str, m: re.Match[str] | tuple[str, int]) -> bool:
    """Not a participle after "has/is/to/the..." ("have been further ossified", "the
    armed forces"); "would be dissolved" counts (the narrative's future in the past).
    A past form joined by "and"/"or" to the one before shares its reading ("have been
    shocked and disappointed", "captured and occupied"); one after an adjective of a
    noun phrase ("for a peaceful, integrated region") is a participle, and one opening a
    short quoted name (“augmented Armenia”) an adjective."""
    word, at = (m.group(0), m.start()) if isinstance(m, re.Match) else m
    if word.lower() in _NOT_VERBS or _ATTRIBUTIVE.search(text, 0, at) or (
            at > 0 and text[at - 1] in "“‘" and _QUOTE_CLOSE.match(text, at + len(word))):
        return False
    before, start = _word_before(text, at)
    if before in ("and", "or"):
        previous, prev_start = _word_before(text, start)
        if _PAST.fullmatch(previous):
            return _is_finite_past(text, (previous, prev_start))
    return before not in _NON_FINITE_BEFORE


def _word_before(text: str, at: int) -> tuple[str, int]:
    """The word before `at` and where it starts, skipping adverbs ("have been further
    ossified")."""
    while (before := _PREV_WORD.search(text, 0, at)) is not None:
        word = before.group(1).lower()
        if not (word.endswith("ly") or word in _ADVERBS):
            return word, before.start(1)
        at = before.start()
    return "", 0


def _written_key(source: Source) -> int | None:
    if not source.written:
        return None
    year, _, month = source.written.partition("-")
    return int(year) * 10000 + (int(month) if month else 12) * 100 + 31


def is_prediction(text: str, date: DateSpan, written: int | None) -> bool:
    """A date after the document was written, or a modal sentence with no past verb."""
    if written is not None and date.lower > written:
        return True
    return bool(_MODAL.search(text)) and not tells_happening(text)


def document_mentions(source: Source, sentences: Iterable[Sentence],
                      gazetteer: Gazetteer | None = None,
                      periods: Sequence[Period] | None = None) -> Iterator[Mention]:
    """Every mention of one document, in order."""
    gaz = gazetteer or load_gazetteer()
    known = tuple(periods if periods is not None else load_periods())
    ctx = DateContext(written=source.written, narrative=None, periods=_named_times())
    written = _written_key(source)
    sentences = list(sentences)
    common = common_words(sentences)
    passage: Passage | None = None  # the dated happening what follows may be told within
    para = None
    introduced = None  # the paragraph that runs on into a block quote ("..., writing that")
    recent: list[Sentence] = []  # the paragraph so far: where an unnamed place is
    dated: list[tuple[int, set[str], DateSpan]] = []  # what a later "After the X," may mean
    star_notes: set[int] = set()  # paragraphs that are the document's asterisk note
    for at, sentence in enumerate(sentences):
        if _STAR_NOTE.match(sentence.text) and (not recent or
                                                 recent[-1].paragraph != sentence.paragraph):
            star_notes.add(sentence.paragraph)
        if _NON_NARRATIVE.match(sentence.section.strip()) or sentence.paragraph in star_notes:
            continue
        if recent and recent[-1].paragraph != sentence.paragraph:
            introduced = recent[-1].paragraph if _RUNS_ON.search(recent[-1].text) else None
        recent = [s for s in recent[-_PLACE_MEMORY:]
                  if s.paragraph in (sentence.paragraph, introduced)]
        before = [s.text for s in recent]
        recent.append(sentence)
        spans = [d for d in find_dates(sentence.text, ctx) if d.qualifier != "citation"
                 and not bounds_a_superlative(sentence.text, d)]
        new_paragraph = _paragraph_key(sentence) != para
        para = _paragraph_key(sentence)
        ctx = ctx.advance(spans, sentence.text, new_paragraph)
        if spans:
            denied = [d for d in spans if denied_at(sentence.text, d)]
            kept = _distinct([d for d in spans if not is_prediction(sentence.text, d, written)
                              and not ends_a_state(sentence.text, d) and d not in denied
                              and not lasts_since(sentence.text, d)
                              and not is_statistic(sentence.text, d)
                              and not cites_a_source(sentence.text, d)
                              and not dates_a_writer(sentence.text, d)
                              and not names_a_slogan(sentence.text, d)
                              and not dates_a_comparison(sentence.text, d)])
            told = bool(kept) and tells_happening(sentence.text) \
                and not contrasts_states(sentence.text)
            if told:
                pieces = _date_pieces(sentence.text, kept)
                clauses = happening_clauses(sentence.text)
                yield from (_titled_by_clause(_mention(sentence, d, gaz, known, False, before,
                                                       piece), clauses)
                            for d, piece in zip(kept, pieces, strict=True))
                yield from (_dated_before(m, dated, known) for m in _other_happenings(
                    sentence, kept, gaz, known, before, clauses, denied=denied))
            if kept and passage is not None and told and _within_passage(kept, passage):
                passage.cover(sentence)
            elif kept and passage is not None and _aside_in_passage(kept, passage, sentence):
                passage.cover(sentence)
            elif kept:  # a passage's date is set by a happening, not by analysis of one
                passage = Passage(anchor_order(kept, sentence.text)[0], sentence, common) \
                    if told else None
            if passage is not None and _is_fine(passage.date):
                dated.append((sentence.index, _nouns(sentence.text), passage.date))
            continue
        if (back := _back_reference(sentence, dated, " ".join(before))
                or _brought_about_by(sentence, known, " ".join(before))) is not None:
            passage = Passage(back, sentence, common)
            year, month, day = split_key(back.lower)
            ctx = replace(ctx, narrative=(year, month, day if back.precision == "day" else 0),
                          guessed=False)
            after = replace(inferred_span(back, "soon"), inferred=True, start=0, end=0)
            yield _mention(sentence, after, gaz, known, True, before)
            continue
        if passage is None:
            continue
        if _SAME_TIME.match(sentence.text) and not _goes_back(sentences, at, passage.date, ctx):
            passage.cover(sentence)
        if _may_inherit(sentence, passage, " ".join(before)):
            passage.cover(sentence)
            # the date's words stand in another sentence: no offsets into this one
            clauses = _told_clauses(sentence.text)
            first = sentence.text[clauses[0][0]:clauses[0][1]]
            inherited = replace(inferred_span(passage.date, first), inferred=True,
                                start=0, end=0)
            mention = _mention(sentence, inherited, gaz, known, True, before)
            if len(clauses) > 1 or clauses[0][0] > 0:  # told by its first clause
                mention = replace(mention, title=make_title(sentence.text, inherited,
                                                            clauses[0]))
            yield mention
            yield from (_dated_before(m, dated, known) for m in _other_happenings(
                sentence, (), gaz, known, before, clauses, passage.date))
        elif passage.holds(sentence):
            passage.note(sentence)


def _titled_by_clause(mention: Mention, clauses: Sequence[tuple[int, int]]) -> Mention:
    """In a sentence of several happenings, a date's mention is titled from the clause
    that holds the date ("for the first week of the war only Azerbaijan ...")."""
    date = mention.date
    holds = next((c for c in clauses if c[0] <= date.start < c[1]), None)
    if len(clauses) < 2 or date.end <= date.start or holds is None:
        return mention
    return replace(mention, title=make_title(mention.sentence.text, date, holds))


def _other_happenings(sentence: Sentence, kept: Sequence[DateSpan], gaz: Gazetteer,
                      periods: Sequence[Period], before: Sequence[str],
                      clauses: Sequence[tuple[int, int]],
                      inherited: DateSpan | None = None,
                      denied: Sequence[DateSpan] = ()) -> Iterator[Mention]:
    """A mention for each further happening the sentence tells in a clause of its own
    that holds none of its dates ("... and Pashinyan was arrested shortly after the
    meeting"), at the sentence's main date, or at the passage's date `inherited` for a
    sentence without one; the first mention keeps the whole sentence. What follows a
    leading "Following/After X on DATE," came after DATE, and so did what was done
    "Despite X on DATE" ("Despite a decree signed by Gorbachev on July 25 ..., the ANA and
    other such groups refused to comply", 004 line 1273). A clause whose own date tells
    what did not happen (`denied`: "Armenian sources reject the idea that Azeris were
    expelled from Kapan before February 1988") is not at the sentence's date either."""
    if len(clauses) < 2:
        return
    date = inherited or anchor_order(list(kept), sentence.text)[0]
    holds = clauses[0] if inherited else next(
        (c for c in clauses if c[0] <= date.start < c[1]), clauses[0])
    # a clause before the date's is at that date unless the date is counted from an
    # earlier one, or the clause is a leading "After reviewing the proposals," (earlier)
    earlier = (not inherited and bool(_COUNTED_ON.search(date.text))) or bool(
        _LEADING_AFTER.match(sentence.text))
    after = holds == clauses[0] and bool(_LEADING_AFTER.match(sentence.text))
    if not inherited and holds == clauses[0] and _recalls_earlier(sentence.text, holds) \
            and not _LATER.search(sentence.text, holds[1]):
        return  # "While Azerbaijan had relied heavily upon Soviet soldiers during Operation
        # Ring, “A core of Soviet army officers had set about creating an Armenian army” in
        # the waning years of the Soviet Union" (004 line 1411): the date is the concession's;
        # "..., the country soon faced" (line 753) counts on from it
    for clause in clauses:
        words = sentence.text[clause[0]:clause[1]]
        if clause == holds or any(clause[0] <= d.start < clause[1] for d in [*kept, *denied]
                                  if d.end > d.start) or (clause[0] < holds[0] and (
                                      earlier or _PLUPERFECT.search(words))):
            continue
        span = inferred_span(date, "soon" if after else words)
        if inherited:
            span = replace(span, inferred=True, start=0, end=0)
        elif span is not date:  # "the effort to mediate the conflict soon collapsed"
            span = replace(span, text=date.text, start=date.start, end=date.end)
        yield replace(_mention(sentence, span, gaz, periods, bool(inherited), before, clause),
                      title=make_title(sentence.text, span, clause), clause=clause)


def _recalls_earlier(text: str, clause: tuple[int, int]) -> bool:
    """The clause is an opening concession in the pluperfect: what it dates came before
    the time of the clauses after it."""
    opener = _CONCESSIVE.match(text)
    return bool(opener and opener.end(1) <= clause[1] and _PLUPERFECT.search(opener.group(1)))


_LEADING_AFTER = re.compile(r"^\s*(?:following|after|despite)\s", re.I)
_DATE_PHRASE = re.compile(r"^(?:by|on|in|until|from|since|around|as\s+of)\s+\S+(?:\s+\S+){0,3}$",
                          re.I)
"""A short time phrase between two commas, which opens the clause after it."""
_TIME_LEAD = re.compile(r"^[“\"]?(?:after|before|following|upon)\s", re.I)
"""A time clause between two commas ("“After the first round of voting on 19 February
2008, Serzh Sarkisian was declared ...", 004 line 2523) opens the clause after it."""
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:[a-z]+ed|been|[a-z]+en)\b", re.I)
_COUNTED_ON = re.compile(r"\b(?:following|next|later|earlier|previous|preceding|after|"
                         r"before|since|ago)\b", re.I)
"""A date counted from an earlier one ("While this first round ... resulted in little
progress, a promising new format emerged the following year"): the clause before it
tells an earlier time, not this one."""
_NEW_SUBJECT = re.compile(
    r"(?:,\s+|\s+)and\s+(?=(?:the|a|an|its|their|his|her)\s|[“\"‘]?[A-Z0-9][\w’'‑-]*\s)")
""""and" before a new subject (", and the United States joined", " and Pashinyan was
arrested"); "and appeared to issue", with no subject, goes on with the same one."""
_FOLLOWED_BY = re.compile(r",[”\"’]?(?=\s+followed\s+(?:[a-z]+\s+){0,3}?by\s)")
"""", followed soon after by Artsakh's independence referendum" (004 line 1379): a later
happening told as what came after the clause before."""
_ELIDED_SENTENCE = re.compile(r"(?:\.\.\.|…)\s?(?=[“\"‘]?[A-Z][a-z])")
"""A quotation's elision before a capital joins two of its sentences ("... expel them from
Armenia...Armenian gangs raided Azerbaijani villages", 004 line 1089): each tells its own."""


def _elided_happening(part: str) -> bool:
    """The quoted sentence after an elision tells a happening of its own: its first verb is
    an action or a passive ("After three days, Shusha fell", "Gunfire and hostage-taking
    took place"), not a copula ("And this was the OSCE/ODIHR finding"), a past perfect
    that gives background ("Sarkisian had served twice as ... defense minister") or the
    present of a toll ("Conservative estimates of Armenian dead are close to ten
    thousand")."""
    if _PRESENT_JUDGEMENT.search(part):
        return False
    first = _PAST.search(part)
    if first is None:
        return False
    word = first.group(0).lower()
    if word in ("was", "were"):
        return bool(_PARTICIPLE_AFTER.match(part, first.end()))
    return word != "had" and word not in _STATIVE


_SAME_TIME_THAT = re.compile(r"\b(?:the\s+(?:very\s+)?same\s+(?:day|time|moment|week|month|"
                             r"year)|on\s+the\s+day)\s+(?:that|when|as)\s", re.I)
"""Two happenings at one time: "On May 9, the very same day that Armenian forces took
control of the city, Ter-Petrosyan and Mamedov signed a statement" (004 line 1547)."""
_LEADING_CONCESSION = re.compile(
    r"^\s*(?:while|although|though|whereas|despite|following|after)\s", re.I)
_SUBJECT_WORDS = 12


def happening_clauses(text: str) -> list[tuple[int, int]]:
    """The parts of a sentence that each tell a happening of their own, as (start, end)
    offsets; one part, the whole sentence, when it tells one. A part is a clause with
    its own subject after "and" ("Armenia vetoed the Lisbon Summit’s final communique
    and the re-exposed rift ... effectively ended the ... negotiating track"), or the
    clause of a leading "While/Although/Despite" ("While opposition leaders protested
    the move, Sargsyan was formally sworn in"). A part that tells no action of its own
    ("While Boris Yeltsin", "The war between Armenia") stays with the next."""
    cuts = [m.start() for m in _NEW_SUBJECT.finditer(text)
            if not _joins_names(text, m) and _verb_follows(text, m.end())
            and _verb_before(text, m.start())]
    cuts += [m.end() for m in _FOLLOWED_BY.finditer(text)]  # the quote closes before it
    elisions = [m.start() for m in _ELIDED_SENTENCE.finditer(text)]
    cuts += [at for at, end in pairwise([*elisions, len(text)])
             if _elided_happening(text[at:end])]
    if same := _SAME_TIME_THAT.search(text):  # the comma closing "the same day that X did"
        comma = text.find(", ", same.end())
        if comma > 0 and _verb_follows(text, comma + 2) and _verb_before(text, comma):
            cuts.append(comma)
    if lead := _LEADING_CONCESSION.match(text):  # the first comma before a subject and verb
        comma, previous = text.find(", ", lead.end()), -1
        while comma > 0 and not _verb_follows(text, comma + 2):
            comma, previous = text.find(", ", comma + 2), comma
        lead_in = text[previous + 2:comma]
        if comma > 0 and previous > 0 and (_DATE_PHRASE.match(lead_in)
                                           or _TIME_LEAD.match(lead_in)):
            comma = previous  # "..., by October 6, Azerbaijan had broken through"
        if comma > 0:
            cuts.append(comma)
    parts: list[tuple[int, int]] = []
    start = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        if _tells_its_own(text[start:cut]):
            parts.append((start, cut))
            start = cut
    if parts and start < len(text):
        parts[-1] = (parts[-1][0], len(text))
    return parts if len(parts) > 1 else [(0, len(text))]


def _verb_follows(text: str, at: int) -> bool:
    """A finite verb within a subject's length after `at`, with no comma, relative
    pronoun ("Treaty of Friendship and Cooperation that served") or verb ("and appeared
    to issue") before it."""
    stop = text.find(",", at)
    for n, m in enumerate(_TOKEN.finditer(text, at, stop if stop >= 0 else len(text))):
        word = m.group(0).strip("“\"‘”.")
        if n > _SUBJECT_WORDS or word.lower() in _RELATIVE or word.lower() in _NOT_PAST or (
                n == 0 and word.lower() in _SUBORDINATE):
            return False
        if _PAST.fullmatch(word) and _is_finite_past(text, (word, m.start())):
            if n == 0 and _modifies_a_noun(text, m.end()):
                continue  # ", renewed protests succeeded": an adjective opens the subject
            return n > 0
    return False


def _modifies_a_noun(text: str, at: int) -> bool:
    """The word after a past form at `at` is a noun it qualifies ("renewed protests"),
    not the object or complement of a verb ("captured the city", "fled to Armenia")."""
    after = _TOKEN.search(text, at)
    word = after.group(0).strip("“\"‘”.,;:").lower() if after else ""
    return word.isalpha() and word not in _FUNCTION_WORDS and not _PAST.fullmatch(word)


_FUNCTION_WORDS = frozenset("""the a an this that these those his her its their our my your
to by in on at of for from with into onto over under after before as and or but not than
up down out off away back through across against toward towards upon within without
him them us me it what who which whom whose""".split())


_TOKEN = re.compile(r"\S+")


def _joins_names(text: str, m: re.Match[str]) -> bool:
    """ "and" between two names ("Armenian and Georgian forces", "the Christian Georgians
    and Armenians feared", "Benik Hakobian and 25-year-old Yuri Adamian") or closing
    "both ... and" joins parts of one subject or object, not two clauses."""
    before = text[:m.start()].rstrip(" ,").rsplit(None, 1)[-1:] or [""]
    after = text[m.end():].split(None, 1)[:1] or [""]
    if before[0][:1].isupper() and (after[0][:1].isupper() or after[0][:1].isdigit()):
        return True
    clause_start = max(text.rfind(", ", 0, m.start()), 0)
    return bool(_BOTH.search(text, clause_start, m.start()))


_BOTH = re.compile(r"\bboth\b", re.I)


def _verb_before(text: str, at: int) -> bool:
    """The clause just before "and" has its verb ("passed to France and the United States
    joined"), so "and" does not join a second name to a subject ("..., Ter-Petrosyan and
    Mamedov signed", "in the 370s the combined forces of Armenia and Rome returned",
    "Research conducted by the Yerevan Press Club and Yeni Nesil in 2019 found")."""
    start = max(text.rfind(", ", 0, at), text.rfind(" and ", 0, at), 0)
    return any(m.start() > 0 and not _in_relative(text, m.start())
               and not text.startswith(" by ", m.end())  # "Research conducted by ..."
               and _is_finite_past(text, m) for m in _PAST.finditer(text, start, at))


def _in_relative(text: str, at: int) -> bool:
    """The verb at `at` is a relative clause's: "who had served", "that was"."""
    word, start = _word_before(text, at)
    if word in ("had", "was", "were", "has", "have"):
        word = _word_before(text, start)[0]
    return word in _RELATIVE


_RELATIVE = frozenset("that which who whom whose where when".split())
_NOT_PAST = frozenset("have has is are am will can may must shall should would could".split())
"""A clause whose verb is not a past ("and Armenians have launched hashtag campaigns"):
what it tells is no happening of the sentence's date."""
_SUBORDINATE = frozenset("""especially as because since if although though while whereas
but or so then thus including such even only just after before until""".split())
"""Words that open a subordinate or added clause after a comma (", especially as it
crossed the border"), not the main clause's subject."""
_STATE_VERBS = frozenset({"was", "were", "had", "remained", "seemed", "appeared", "meant", "lived",
                          "existed"})
_STATIVE = _STATE_VERBS | frozenset("""constituted represented lacked consisted contained
included belonged resembled owned possessed needed wanted believed considered regarded
referred known called named""".split())
"""Verbs that say how things were, not what was done: a part of a sentence with no
other verb tells no happening of its own ("Armenians still constituted the majority")."""
_ANALYSIS = re.compile(r"\bit\s+(?:is|was|remains|seems)\s+(?:\w+\s+)?(?:unclear|uncertain|"
                       r"possible|likely|unlikely|clear|true|difficult|impossible)\b|"
                       r"\bmade\s+(?:\w+\s+){1,3}(?:\w+ly\s+)?(?:meaningless|irrelevant|moot|"
                       r"clear|obvious|possible|impossible|inevitable|difficult|easier|harder)\b",
                       re.I)
"""The writer's judgement, not a happening: "it is unclear when", "the close cooperation
between the two made the distinction largely meaningless"."""


def _tells_its_own(part: str) -> bool:
    """A part of a sentence tells a happening of its own: its first verb (past a
    relative clause's) is an action, or an auxiliary before a participle ("was opened",
    "were given senior state posts"); not a state ("Artsakh represented the one part",
    "Armenia simply lacked the resources"), a denial or analysis."""
    if _ANALYSIS.search(part) or _denies(part) or part.rstrip().endswith("?"):
        return False
    for m in _PAST.finditer(part):
        word = m.group(0).lower()
        if _word_before(part, m.start())[0] in _RELATIVE or not _is_finite_past(part, m):
            continue
        if word in ("was", "were", "had"):
            return bool(_PARTICIPLE_AFTER.match(part, m.end()))
        return word not in _STATIVE and not (word == "held" and
                                             part.startswith(" that", m.end()))
    return False


_PARTICIPLE_AFTER = re.compile(
    r"\s+(?:(?:not|also|then|soon|later|\w+ly)\s+)?(?!(?:known|called|named|referred|"
    r"based|located|united)\b)(?:[a-z]{2,}ed|given|taken|driven|shown|seen|chosen|written|"
    r"beaten|broken|stolen|thrown|torn|sworn|drawn|overrun|overthrown|withdrawn|begun|"
    rf"{_IRREGULAR})\b", re.I)
"""The participle of a passive or a past perfect ("were given", "was quickly rebuffed",
"had launched"), not a name or a place ("were referred to", "was located")."""


def _within_passage(spans: Sequence[DateSpan], passage: Passage) -> bool:
    """ "What followed is widely regarded as the worst single massacre of civilians during
    the war" after "Overnight between February 25 and 26, Armenians ... attacked" (004
    line 1475): a wide time read from the narrative ("during the war", the war the
    narrative is in) that holds the passage's date places the happening, it does not
    move the story on; the passage goes on at its own date."""
    date = passage.date
    return _is_fine(date) and all(
        s.inferred and not _is_fine(s) and s.lower <= date.lower <= date.upper <= s.upper
        for s in spans)


_BACK_REFERENCE = re.compile(
    r"^[\"“]?(?:(?:after|following|soon\s+after|shortly\s+after|in\s+the\s+(?:immediate\s+)?"
    r"aftermath\s+of|in\s+the\s+wake\s+of)\s+the|having\s+[a-z]+ed(?:\s+(?:its|their|the))?)"
    r"\s+(?:[\w‑-]+\s+){0,2}?([a-z]{4,}?)s?,",
    re.I)
_BACK_REACH = 40
"""How many sentences back the happening "After the X," points to may be told."""


def _back_reference(sentence: Sentence, dated: Sequence[tuple[int, set[str], DateSpan]],
                    previous: str) -> DateSpan | None:
    """ "After the Russian-brokered ceasefire, the Western members of the Minsk Group
    scrambled ..." (004 line 1909): a sentence without a date of its own that opens by
    pointing back at a happening ("the ceasefire") the document dated a little earlier
    ("By midnight of May 11-12, both sides declared a ceasefire") tells what came after
    that date, whatever passage came in between (there, the origins of the group in
    March 1992). The date is the latest one, at most `_BACK_REACH` sentences back, of a
    sentence naming the happening's noun."""
    opener = _BACK_REFERENCE.match(sentence.text.lstrip())
    if opener is None or not _tells_what_followed(sentence.text, previous):
        return None
    noun = opener.group(1).lower()
    for index, nouns, date in reversed(dated):
        if sentence.index - index > _BACK_REACH:
            return None
        if noun in nouns:
            return date
    return None


def _tells_what_followed(text: str, previous: str) -> bool:
    """A happening that came after the one the sentence points back to, not a
    hypothesis, a judgement or what a plan said."""
    return tells_action(text) and not _HYPOTHETICAL.search(text) \
        and not is_commentary(text) and not tells_a_plan(text, previous)


_BROUGHT_ABOUT = re.compile(
    r"^[\"“]?(?:The\s+)?(?P<name>[A-Z][\w‑-]+(?:\s+[\w‑-]+){0,2}?)\s+(?:also\s+)?"
    r"(?:resulted\s+in|led\s+to|prompted|sparked|triggered|provoked)\b"
    r"|^[\"“]?(?:After|Following)\s+[a-z]+ing\s+(?:the\s+)?(?P<done>[A-Z][\w‑-]+),")
"""What a named happening brought about ("Khojaly also resulted in"), or what was done
after it ("After capturing Khojaly, the Armenian commanders had turned their attention
back to ... Shushi", 004 line 1529)."""


def _brought_about_by(sentence: Sentence, periods: Sequence[Period],
                      previous: str) -> DateSpan | None:
    """ "Khojaly also resulted in a surge of motivation among Azeris" (004 line 1509): a
    sentence without a date of its own whose subject is a named happening of
    data/periods.toml (its name, or the place that opens it: "Khojaly" for the Khojaly
    massacre) tells what that happening brought about: what came soon after its end;
    so does one opening "After capturing Khojaly,"."""
    m = _BROUGHT_ABOUT.match(sentence.text.lstrip())
    if m is None or not _tells_what_followed(sentence.text, previous):
        return None
    name = (m["name"] or m["done"]).casefold()
    for period in periods:
        names = [a.casefold() for a in period.aliases]
        if name in names or any(a.startswith(name + " ") for a in names):
            return day_span(*split_key(period.upper))
    return None


_HAPPENING_NOUN = re.compile(
    r"\b(?:referendum|election|ceasefire|cease-fire|truce|armistice|summit|coup|massacre|"
    r"pogrom|earthquake|inauguration|funeral|resignation)s?\b", re.I)


def _dated_before(mention: Mention, dated: Sequence[tuple[int, set[str], DateSpan]],
                  periods: Sequence[Period]) -> Mention:
    """A happening told as coming some time after the passage's day ("Six days later,
    the National Council voted to revoke ... autonomous status, followed soon after by
    Artsakh's independence referendum", 004 line 1379: 26 November to the end of
    December) that the document dated to a day inside that time a few sentences before
    ("In a referendum held on December 10", line 1359) takes that day."""
    date, clause = mention.date, mention.clause
    if clause is None or date.lower == date.upper:
        return mention
    heads = {m.group(0).lower().replace("-", "").removesuffix("s")
             for m in _HAPPENING_NOUN.finditer(mention.sentence.text[clause[0]:clause[1]])}
    for index, nouns, told in reversed(dated):
        if mention.sentence.index - index > _BACK_REACH:
            break
        if told.precision == "day" and date.lower < told.lower <= date.upper \
                and heads & nouns:
            told = replace(told, text=date.text, start=date.start, end=date.end,
                           inferred=True)
            return replace(mention, date=told, inferred=True, periods=tuple(
                periods_for(told.lower, told.upper, periods)))
    return mention


def ends_a_state(text: str, date: DateSpan) -> bool:
    """ "an autonomous status that it would retain until 1450": the date ends a state;
    "not until 1937", "until 2003 when Aliyev was replaced" are happenings."""
    return bool(_STATE_UNTIL.search(text[:date.start])
                and not _WHEN_AFTER.match(text[date.end:]))


_DENIED_AT = re.compile(r"\b(?:not|never)\s+(?!until\b)(?:[\w’'-]+\s+){1,4}?"
                        r"(?:in|during|throughout|on)\s+$", re.I)
_CLAIM_DENIED = re.compile(r"\b(?:reject\w*|den(?:y|ies|ied|ying)|dismiss\w*|refut\w*)\s+"
                           r"(?:the\s+)?(?:idea|claims?|notion|allegations?)\s+that\b[^.;:]*$",
                           re.I)


def denied_at(text: str, date: DateSpan) -> bool:
    """What did not happen then: "the Azeri cities which had not experienced shelling
    during the 1990s" (004 line 3151), or a claim denied ("Armenian sources reject the
    idea that Azeris were violently expelled from Kapan before February 1988", line
    1011), dates no happening ("not until 1937" does)."""
    return bool(_DENIED_AT.search(text[max(0, date.start - 60):date.start])
                or _CLAIM_DENIED.search(text, 0, date.start))


_SHARE = re.compile(r"\d\s*%|\b(?:percent|per\s+cent)\b", re.I)
_SURVEY = re.compile(r"\b(?:polls?|polled|surveys?|surveyed|respondents|census|figures?|"
                     r"statistics|data)\b", re.I)
_POPULATION = re.compile(r"\bpopulation\s+of\s+(?:\w+\s+){0,2}[\d.,]+(?:\s+\w+){0,2}\s+"
                         r"(?:in|by)\s+(?:the\s+)?$", re.I)
_NEAR = 50


def is_statistic(text: str, date: DateSpan) -> bool:
    """The date of a measurement, not of a happening: a survey's share ("Whereas in 2017
    86.4 percent of those surveyed supported ...", "in 2013, the figure shows that the
    99% ...") or a population ("With a population of almost 7.3 million people in
    1991"). A share without survey words is kept: "won ... elections in November 1996,
    receiving 89% of the vote" tells the election."""
    near = text[max(0, date.start - _NEAR):date.end + _NEAR]
    if _SHARE.search(near) and _SURVEY.search(text):
        return True
    return bool(_POPULATION.search(text[max(0, date.start - 80):date.start]))


_CONTRAST_OPENING = re.compile(r"^[\"“]?(?:whereas|while|although|though|even\s+though)\b",
                               re.I)


def contrasts_states(text: str) -> bool:
    """A contrast that tells nothing done after its opening clause: "Whereas Armenia’s
    outlook in 1994 accepted ..., Azerbaijan’s outlook in 2021 presumes their
    interaction." The dates belong to the situations compared. A past verb after the
    first comma tells a happening ("While Boris Yeltsin ... succeeded ... in September
    ..., the effort to mediate the conflict soon collapsed")."""
    if not _CONTRAST_OPENING.match(text.lstrip()):
        return False
    main = text.split(", ", 1)
    return len(main) == 2 and not tells_happening(main[1])


_COMPARING = (r"just\s+as|as\s+in|as\s+(?:was|had\s+been|is)\s+(?:also\s+)?the\s+case|like|"
              r"unlike|in\s+contrast(?:\s+to)?")
"""Openers of a comparison: a judgement when they open a sentence without a date, the time
of what is compared with when they hold one."""
_COMPARISON_OPENING = re.compile(rf"^[\"“]?(?:however,\s*)?(?:{_COMPARING})\b[^,;]*$", re.I)


def dates_a_comparison(text: str, date: DateSpan) -> bool:
    """The date is in a leading comparison ("As was also the case during the Four-Day War,
    these initial gains were concentrated in the northeast", 004 line 2897, in the 2020
    war): the time of what is compared with, not of what the sentence tells."""
    before = text[:date.start]
    return date.end > date.start and bool(_COMPARISON_OPENING.match(before.lstrip())
                                          or _COMPARED_TO.search(before)
                                          or _SAME_AS.search(before))


_SAME_AS = re.compile(
    r"\bthe\s+same\s+(?!(?:very\s+)?(?:day|time|moment|week|month|year|night|morning|"
    r"evening)\b)[a-z]+\s+(?:that|as)\b[^,;:]*$", re.I)
"""The time of the other half of a likeness: "Sargsyan faced the same problem that
Kocharyan had ten years earlier" (004 line 2691, in 2017), not "the same day that"."""


_SUPERLATIVE = re.compile(
    r"\b(?:worst|largest|deadliest|bloodiest|biggest|greatest|heaviest|fiercest|"
    r"most\s+[a-z]+)\b(?P<gap>(?:\s+[\w‑-]+){0,5}?)\s+"
    r"(?P<scope>(?:during|in|of|since)\s+(?:the\s+)?)?$|"
    r"\b(?:first|only)\s+time\s+(?P<since>since\s+(?:the\s+)?)?$", re.I)
_SCOPE_WORD = re.compile(r"^(?:during|in|of|since)\b", re.I)
_SINCE_WORD = re.compile(r"^since\b", re.I)


def bounds_a_superlative(text: str, date: DateSpan) -> bool:
    """The date only bounds a superlative ("What followed is widely regarded as the worst
    single massacre of civilians during the war", 004 line 1475; "it quickly escalated
    into the most serious round of fighting since the Four-Day War in 2016", line 2771,
    of July 2020): the time the comparison runs over, not the time of the happening,
    which the sentence leaves to its passage."""
    before = text[:date.start]
    m = _SUPERLATIVE.search(before)
    if m is None or date.end <= date.start:
        return False
    if m["gap"] is None:  # "for the first time since 1920", not "... in 2008"
        return bool(m["since"] or _SINCE_WORD.match(date.text))
    if any(_is_finite_past(m["gap"], w) for w in _PAST.finditer(m["gap"])):
        return False  # "the most recent conflict emerged in the late 1980s": its own time
    return bool(m["scope"] or _SCOPE_WORD.match(date.text))


_COMPARED_TO = re.compile(r"\bcompar(?:ed|ing|es|e)\b[^;:]*\b(?:to|with)\b[^;:]*$", re.I)
"""The date of what a happening is compared to ("Speaking in 2007, Ter-Petrosyan compared
the attack to ... Stalin’s purges of the 1930s", 004 line 2375)."""


def names_a_slogan(text: str, date: DateSpan) -> bool:
    """The date is inside a short quoted name ("the “spirit of 1940”", "the ‘Generation
    of 1915’"): words of a label, not the time of what the sentence tells."""
    opened = _QUOTE_OPEN.search(text, 0, date.start)
    closed = _QUOTE_CLOSE.match(text, date.end)
    return bool(opened and closed)


_QUOTE_OPEN = re.compile(r"[“‘](?:[\w‑-]+\s+){0,3}$")
_QUOTE_CLOSE = re.compile(r"(?:\s+[\w‑-]+){0,2}[.,;:!?]?[”’](?!\w)")


def cites_a_source(text: str, date: DateSpan) -> bool:
    """The date closes a parenthetical reference, "(UN Doc S/2004/616, 2004)", "(Caucasus
    Institute Online Course, 15 April 2021)": when the source appeared, not a happening."""
    return bool(_CITATION_OPEN.search(text, 0, date.start)
                and _CITATION_CLOSE.match(text, date.end))


_CITATION_OPEN = re.compile(r"\([^()]{2,100},\s*$")
_CITATION_CLOSE = re.compile(r"\s*(?:\)|;)")


_WRITER_AFTER = re.compile(
    r"[\s‑-]+(?:[A-Z][\w’'‑-]+\s+){0,2}(?:historians?|chroniclers?|writers?|authors?|"
    r"scholars?|geographers?|poets?|travell?ers?|monks?)\b")


def dates_a_writer(text: str, date: DateSpan) -> bool:
    """The date says when a writer lived ("Based on the writings of the tenth century
    historian Tabari's, it appears that the Khazars ... first began settling in Albania
    ... in the mid-sixth century", 004 line 375): the source's time, not a happening's."""
    return bool(_WRITER_AFTER.match(text, date.end))


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:early|mid|late)[\s‑-]*)?$", re.I)
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:[a-z]+ly\s+)?(?:been\s+)?[a-z‑-]+(?:ed|en|wn)\b", re.I)


def lasts_since(text: str, date: DateSpan) -> bool:
    """ "has remained unresolved since 1991", "Since the mid‑2000s, Azerbaijanism has
    increasingly co‑existed ...": a state or a trend that has lasted since the date, not
    a happening at it ("had been fleeing since February" tells the flight; kept); so does
    a state's participle ("occupied by Armenia since the 1990s")."""
    before = text[:date.start]
    return bool(_SINCE_BEFORE.search(before) and (_PRESENT_PERFECT.search(text)
                                                  or _HELD_SINCE.search(before)
                                                  or _HAD_BEEN_SINCE.search(before)))


_HELD_SINCE = re.compile(r"\b(?:occupied|held|controlled|ruled|governed|administered|closed|"
                         r"blockaded)\b(?:\s+[\w‑-]+){0,4}\s+since\s+(?:the\s+)?"
                         r"(?:(?:early|mid|late)[\s‑-]*)?$", re.I)
"""A state described by its participle ("the territories ... captured and occupied by
Armenia since the 1990s"): it has lasted since the date."""


_HAD_BEEN_SINCE = re.compile(r"\bhad\s+(?:\w+ly\s+)?been\s+(?![a-z]+ing\b)[^,;]{0,60}\bsince\s+"
                             r"(?:the\s+)?(?:(?:early|mid|late)[\s‑-]*)?$", re.I)
"""A past state that had lasted since the date ("had been in power since 1998", "had been
present in the Caucasus since the middle of the fourth century"); "had been fleeing ...
since February" tells an activity, and is kept."""


def _distinct(spans: list[DateSpan]) -> list[DateSpan]:
    """One mention per date: "the November 2020 declaration ... in November 2020"; and a
    vague range read from the narrative gives way to a date it holds ("A few days later,
    in a speech on October 9, ...": one time, said twice)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for span in spans:
        if _vague(span) and any(o is not span and span.lower <= o.lower <= o.upper <= span.upper
                                for o in spans):
            continue
        if (span.lower, span.upper) not in seen:
            seen.add((span.lower, span.upper))
            out.append(span)
    return out


_WIDE_DAYS = 2 * 372
"""Wider than two years (in the 372-day years of `_days`): a decade, a century."""


def _aside_in_passage(kept: Sequence[DateSpan], passage: Passage, sentence: Sentence) -> bool:
    """A sentence of the passage's paragraphs dating something only to years or wider, in
    the story of a day or month ("While Azeris claim that the crowd was reacting to the rape of two
    Azeri women in Stepanakert, Armenian sources counter by arguing that “it was only in
    the beginning of the 1990s that [the story] was put into circulation”", 004 line 953,
    in the story of February 22, 1988): an aside; the story goes on after it ("In the
    ensuing fighting, two Azeris were killed")."""
    return _is_fine(passage.date) and sentence.paragraph in passage.paragraphs and all(
        _days(d.upper) - _days(d.lower) > _WIDE_DAYS for d in kept)


def _vague(span: DateSpan) -> bool:
    return span.inferred and span.precision == "range"


def _paragraph_key(sentence: Sentence) -> int:
    return sentence.paragraph


def _may_inherit(sentence: Sentence, passage: Passage, previous: str = "") -> bool:
    # previous: the sentences before it in its paragraph (two at most)
    """A happening told without a date, a few sentences after a dated one in the same
    passage, and not a comparison or a judgement, happened then (marked inferred).
    Only a day, a month, a season or a few days date what follows: after a year or a
    wider span, in the essays, what follows is analysis far more often than the story
    of that year ("In 1994, ... It is also important to note ...")."""
    date = passage.date
    return (_is_fine(date) and passage.holds(sentence)
            and date.qualifier not in ("before", "after")
            and (tells_action(sentence.text) or _at_the_same_time(sentence.text))
            and not _HYPOTHETICAL.search(sentence.text)
            and not _OWN_TIME.search(sentence.text)
            and not is_commentary(sentence.text) and not ends_a_quote(sentence.text)
            and not tells_a_toll(sentence.text)
            and not tells_a_plan(sentence.text, previous))


def _told_clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of a sentence without a date that tell what happened then: not an
    opening concession in the pluperfect, which recalls what the passage already told
    ("While the Soviet authorities had reasserted their control of Azerbaijan, the events
    of “Black January” turned the Azeri population against the Soviet Union", 004 line
    1235)."""
    clauses = happening_clauses(text)
    if len(clauses) > 1 and _recalls_earlier(text, clauses[0]):
        return clauses[1:]
    return clauses


def _next_day(span: DateSpan, days: int = 1) -> DateSpan:
    from datetime import date, timedelta

    after = date(*split_key(span.upper)) + timedelta(days=days)
    return day_span(after.year, after.month, after.day)


_IN_DAYS = re.compile(r"\bdays\b", re.I)
_FEW_DAYS = 7
"""How far "a few days", "several days", "for days" run on from the passage's day: a
week, not the month after that "soon" or "weeks" allow."""


_WITHIN_HOURS = re.compile(
    r"\b(?:(?:a\s+few|several|some|a|an|\d+|two|three|four|five|ten)\s+(?P<u>minutes?|hours?)"
    r"\s+(?:later|after)|within\s+(?:a\s+few\s+)?(?P<w>minutes|hours))\b", re.I)
"""Minutes or hours on from the passage's day ("reposted 10 minutes later", "A few hours
later, the text of the joint statement was released"): that day, or into the next, not
the weeks that "soon" alone would allow."""


_RIGHT_AFTER_IT = re.compile(
    r"\b(?:shortly|immediately|right|just|moments?)\s+after\s+(?:the|this|that)\s+"
    r"(?:[a-z]+\s+)?[a-z]+\W*$", re.I)
"""A clause that ends "shortly after the meeting" (004 line 2709: "On April 22, Sargsyan
met with Pashinyan ... and Pashinyan was arrested shortly after the meeting") tells the
hours after a happening of the passage's day: that day, not the weeks "soon" allows."""


_LATER = re.compile(
    r"\b(?:soon|shortly|subsequent(?:ly)?|later|eventually|gradually|thereafter|afterwards?|"
    r"(?:the\s+)?(?:following|next|ensuing|coming)\s+(?:few\s+)?(?:days|weeks|months)|"
    r"(?:several|many|a\s+few)\s+(?:days|weeks|months)|for\s+(?:days|weeks|months)|"
    r"throughout|continued|went\s+on|began\s+to|ushered\s+in|the\s+onset\s+of|"
    r"quickly|(?:almost\s+)?immediately|(?:the\s+)?(?:immediate\s+)?aftermath|"
    r"upon\s+[a-z]+ing)\b", re.I)
"""What a sentence tells as coming after the passage's date, over some time: "the Popular
Front soon became embroiled", "it took several weeks", "Subsequent operations followed"."""
_DEMAND_BEFORE = re.compile(
    r"\b(?:demand(?:ed|ing)|urg(?:ed|ing)|call(?:ed|ing)\s+(?:on|for|upon)|insist(?:ed|ing)|"
    r"request(?:ed|ing)|order(?:ed|ing)|ask(?:ed|ing))\b[^.;:]*$", re.I)
"""What is demanded, not when: "Turkey demanded that Armenia immediately sign a treaty"
(004 line 773) was made that day; "immediately" is what Turkey asked for."""
_FUTURE_IN_PAST = re.compile(r"\bwould\s+(?:later\s+|soon\s+|eventually\s+)?(?!have\b)[a-z]+",
                             re.I)


_CLAUSE_BEFORE = re.compile(
    r"\b(?:that|who|which|whom|whose|whereby|as|although|though|believed|said|thought|feared|"
    r"hoped|expected|claimed)\b"
    r"(?:\s+\w+)?\s*$", re.I)


def _main_would(text: str) -> bool:
    """ "would" as the main clause's verb, not in a relative or reported clause ("who would
    later be exchanged", "declared that it would not recognize", "a condition that they
    believed would impose", 004 lines 1311, 1275, 1975)."""
    return any(not _CLAUSE_BEFORE.search(text, 0, m.start())
               for m in _FUTURE_IN_PAST.finditer(text))


def inferred_span(anchor: DateSpan, text: str) -> DateSpan:
    """The time a careful reader gives a sentence dated by the passage. By default the
    anchor itself; a sentence that tells what came after, or over a while ("soon",
    "several weeks", "continued"), starts at the anchor and runs, from a day, to the end
    of the next month, from a month to the end of its year; the narrative's "would"
    ("Azerbaijan would impose a formal rail blockade") to the end of the next year."""
    year, month, _ = split_key(anchor.upper)
    text = outside_asides(text)
    if anchor.precision == "day" and (soon := _WITHIN_HOURS.search(text)):
        if (soon["u"] or soon["w"]).lower().startswith("minute"):
            return anchor
        return range_span(anchor, _next_day(anchor), "", 0, 0)
    if anchor.precision == "day" and _RIGHT_AFTER_IT.search(text):
        return anchor
    future = _main_would(text)
    later = next((m for m in _LATER.finditer(text)
                  if not _DEMAND_BEFORE.search(text, 0, m.start())), None)
    if anchor.precision not in ("day", "month") or not (future or later):
        return anchor
    if future:
        end = year_span(year + 1) if anchor.precision == "month" else day_span(year, 12, 31)
    elif anchor.precision == "day" and later and _IN_DAYS.search(later.group(0)):
        end = _next_day(anchor, _FEW_DAYS)  # "the remaining two were arrested within a few
        # days": a week on, not the month after
    elif anchor.precision == "day":
        end = month_span(year + month // 12, month % 12 + 1)
    else:
        end = month_span(year, 12)
    return range_span(anchor, end, "", 0, 0)


_WORD = re.compile(r"[A-Za-z][A-Za-z’'‑-]{3,}")
_STOP = frozenset("""that this these those with from into over were have been which their
there they them when while what where also such after before than then other some more most
only about would could should being under upon between against during through because
within without among until since around however although though both each many much very
even just first last later soon same well said says made took came went began""".split())
_COMMON_SHARE = 0.02
_MIN_SHARED = 2


def content_words(text: str) -> set[str]:
    """The words that say what a sentence is about, folded ("Armenians" -> "armenian")."""
    words = (w.lower().replace("’", "'") for w in _WORD.findall(text))
    return {w.removesuffix("'s").removesuffix("s") for w in words if w not in _STOP}


@lru_cache(maxsize=8192)
def _words_of(text: str) -> frozenset[str]:
    """`content_words`, once per sentence: a passage asks again of each sentence it
    holds, notes or covers, after `common_words` read them all (8192: more sentences
    than any document has, so one document's stay cached while it is processed)."""
    return frozenset(content_words(text))


def common_words(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Words in more than 2% of a document's sentences ("Armenia", "conflict", "war"):
    sharing them is no sign that two paragraphs tell the same episode."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for word in _words_of(sentence.text):
            counts[word] = counts.get(word, 0) + 1
    floor = max(3, _COMMON_SHARE * len(sentences))
    return frozenset(w for w, n in counts.items() if n > floor)


_BACK_TO = re.compile(
    r"^[\"“]?(?:during|after|following|amid|in\s+response\s+to|in\s+the\s+wake\s+of|"
    r"shocked\s+by|while|although|though|as|when)\s+the\s+(?:[\w‑-]+\s+){0,2}?([a-z]{4,})s?\b",
    re.I)
"""A paragraph that opens by pointing back at a happening: "During the pogrom, ..."."""


_SAME_TIME = re.compile(r"^[\"“]?(?:at\s+the\s+same\s+time|meanwhile|simultaneously)\b", re.I)
"""A paragraph that opens at the time the passage has reached: "At the same time that
Armenians in Artsakh were mounting their attack on Shushi, Ter-Petrosyan was meeting with
Mamedov in Tehran" (004 line 1547)."""
_NOUN = re.compile(r"[A-Za-z]{4,}")
_LOOK_AHEAD = 4


def _goes_back(sentences: Sequence[Sentence], at: int, date: DateSpan,
               ctx: DateContext) -> bool:
    """The paragraph, at the next date it writes, is before `date`: "At the same time that
    Armenian and Azeri forces battled for control of Hadrut, diplomats from the two sides
    met in Moscow ... traveled to Moscow on October 9" (004 line 2913, after a passage of
    October 12) steps back, it does not go on at the passage's time."""
    here = sentences[at].paragraph
    for later in sentences[at + 1:at + 1 + _LOOK_AHEAD]:
        if later.paragraph != here:
            return False
        if spans := find_dates(later.text, ctx):
            return spans[0].upper < date.lower
    return False


@lru_cache(maxsize=8192)
def _nouns(text: str) -> frozenset[str]:
    """Every word of a sentence, lower case and without a plural s: what "the pogrom" at
    the start of the next paragraph may point back to (ASCII letters only: lower-cased in
    one call; cached like `_words_of`)."""
    return frozenset(w.removesuffix("s") for w in " ".join(_NOUN.findall(text)).lower().split())


class Passage:
    """The dated happening a narrative goes on from, and the paragraphs that tell it.

    A sentence is inside the passage when it comes at most `_MAX_INHERIT_GAP` sentences
    after the dated one (a chain of dated sentences drifts: measured, it dated more
    descriptions than happenings), `_MAX_INHERIT_GAP_SAME` in the dated one's own
    paragraph, which goes on with one story (the earthquake of 7 December 1988, then
    Gorbachev's visit, his interview, the committee's arrest: 004 line 1123), under the
    same heading, and either in a
    paragraph the passage already holds or in a new paragraph that shares at least two
    uncommon words with what the passage has told ("the Baku Pogrom" ... next paragraph
    "During the pogrom, nationalist activists ruled the streets of Baku"): the new
    paragraph goes on with the same episode, it does not open another one."""

    def __init__(self, date: DateSpan, anchor: Sentence, common: frozenset[str]) -> None:
        self.date = date
        self.section = anchor.section
        self.paragraphs = {anchor.paragraph}
        self.home = anchor.paragraph
        self.last = anchor.index
        self.common = common
        self.words = set(_words_of(anchor.text) - common)
        self.named = set(_nouns(anchor.text))

    def holds(self, sentence: Sentence) -> bool:
        gap = _MAX_INHERIT_GAP_SAME if sentence.paragraph == self.home else _MAX_INHERIT_GAP
        if sentence.section != self.section or sentence.index - self.last > gap:
            return False
        if sentence.paragraph in self.paragraphs:
            return True
        if self._points_back(sentence):
            return True
        return len((_words_of(sentence.text) - self.common) & self.words) >= _MIN_SHARED

    def note(self, sentence: Sentence) -> None:
        """A sentence of the passage's paragraphs that it does not date: its words still
        say what the passage is about."""
        if sentence.paragraph not in self.paragraphs and self._points_back(sentence):
            self.paragraphs.add(sentence.paragraph)  # "While the soldiers were successful"
        if sentence.paragraph in self.paragraphs:
            self.words |= _words_of(sentence.text) - self.common
            self.named |= _nouns(sentence.text)

    def _points_back(self, sentence: Sentence) -> bool:
        back = _BACK_TO.match(sentence.text)
        return back is not None and back.group(1).lower().removesuffix("s") in self.named

    def cover(self, sentence: Sentence) -> None:
        self.paragraphs.add(sentence.paragraph)
        self.words |= _words_of(sentence.text) - self.common
        self.named |= _nouns(sentence.text)


_ANAPHOR = re.compile(r"^[\"“]?(?:the|this|that|these|those)\b", re.I)
_TOLL = re.compile(
    r"(?<!\bhad\s)(?<!\bthat\s)(?<!\bwhich\s)"
    r"\b(?:resulted\s+in|exacted|took\s+a\s+(?:heavy\s+)?toll)\b[^.;]*?"
    r"\b(?:deaths?|casualties|injur\w*|killed|killing|dead|wounded|toll)\b", re.I)


_PLAN = re.compile(r"\b(?:proposals?|plans?|agreements?|deals?|drafts?|principles|"
                   r"compromises?|treat(?:y|ies)|envisioned|provided\s+for|proposed)\b", re.I)


def tells_a_plan(text: str, previous: str) -> bool:
    """ "The strategically vital Lachin corridor would be leased to the OSCE" after "the
    Minsk Group co-chairs unveiled their proposal" (004 lines 2037-2039): a main-clause
    "would" a sentence or two after a plan is named tells what the plan said, not what
    happened."""
    return _main_would(text) and bool(_PLAN.search(previous))


def tells_a_toll(text: str) -> bool:
    """ "The attack ... resulted in 10 deaths and 34 injuries", "The shelling of Stepanakert
    exacted a heavy toll" (004 lines 3119, 3033): the cost of the happening the passage
    dates, which its own sentence already tells, not another happening. A happening
    "that resulted in the death of well over a million" is told with its toll (line 579)."""
    return bool(_ANAPHOR.match(text) and _TOLL.search(text) or _SCALE_OF.match(text))


_SCALE_OF = re.compile(r"^[\"“]?the\s+(?:scale|extent|toll|cost)\s+of\s+the\s+(?:destruction|"
                       r"damage|devastation|disaster|losses|killing)\b", re.I)
"""A sentence that measures what the passage told: "The scale of the destruction was
staggering: “More than 25,000 people died as a result of the earthquake ...”" (004 line
1123, after the earthquake of December 7, 1988)."""


def ends_a_quote(text: str) -> bool:
    """The last sentence of a quotation opened in an earlier one ("Total damage was
    estimated at 13 billion rubles ($20 billion).”"): it goes on with what the quote's
    first sentence reported, which carries the event, rather than telling a new one."""
    first_close = min((i for i in (text.find("”"), _straight_close(text)) if i >= 0),
                      default=-1)
    return first_close >= 0 and "“" not in text[:first_close]


def _straight_close(text: str) -> int:
    """The first straight double quote, when it closes (glued to the word before it)."""
    at = text.find('"')
    return at if at > 0 and not text[at - 1].isspace() else -1


def _is_fine(date: DateSpan) -> bool:
    """A day, a month, a season, a third of a year ("late 1990") or a range of days
    ("19–20 January 1990", "9 May – 16 May 1992"): narrow enough to date what the next
    few sentences tell."""
    if date.precision in ("day", "month", "season"):
        return True
    width = _days(date.upper) - _days(date.lower)
    return date.precision == "range" and (
        width <= _FINE_DAYS or date.qualifier in THIRDS and width <= _YEAR_PART_DAYS)


def _days(key: int) -> int:
    year, rest = divmod(key, 10000)
    return year * 372 + (rest // 100) * 31 + rest % 100


_COMMENTARY_OPENING = re.compile(
    rf"^[\"“]?(?:however,\s*)?(?:{_COMPARING}|rather(?=,)|"
    r"nor|not\s+only|on\s+the\s+other\s+hand|despite|"
    r"more\s+importantly|as\s+a\s+result|due\s+to|with|often|examining|"
    r"as\s+[^.;:]{0,80}?\b(?:put\s+it|explained|detailed|noted|observed|described|wrote|"
    r"writes|recalled|argued)\s*,)(?!\w)", re.I)
"""Openers that compare or generalise. A concession or a contrast ("However, ...", "While
X had ..., Y ...") opens narrative as often as analysis: see `_concedes_a_state`."""
_CONCESSIVE = re.compile(r"^[\"“]?(?:however,\s*)?(?:while|whereas|although|though)\b([^,]*),",
                         re.I)
_PRESENT_JUDGEMENT = re.compile(
    r"\b(?:is|are|remains?|seems?|appears?|makes|accept|claim|blame)\b|"
    r"\bit\s+(?:appeared|seemed)\b", re.I)
_PRESENT_REPORT = re.compile(r"\b(?:writes|argues|notes|explains|contends|observes|"
                             r"suggests)\b", re.I)
"""A writer's present, outside what they quote ("journalist Neil Hauer writes that ..."):
analysis drawn on, not a happening ("the DFR Lab concluded that “open-source evidence
suggests ...”" tells the conclusion)."""
_QUOTED = re.compile(r"“[^”]*(?:”|$)")
_PAST_OR_DID = re.compile(rf"{_PAST.pattern}|\bdid\b")
_NOT_AFTER = re.compile(r"\s*(?:not|never)\b|n[’']t\b", re.I)
_NOT_BEFORE = re.compile(r"\b(?:neither|nor|never|no\s+one|nobody)\b[^,;]*$", re.I)
_SUBJECTLESS = re.compile(r"\s*(?:not|being|\w+ly|\w+ful|\w+ed|still)\b", re.I)


def is_commentary(text: str) -> bool:
    """A sentence that compares, concedes or judges rather than tells what happened next:
    it opens with a contrast ("However, ...", "While ...", "Just as ...", "As in
    Sumgait, ...") or speaks in the present ("it is possible that", "seems to have")."""
    text = text.lstrip()
    return bool(_COMMENTARY_OPENING.match(text) or _PRESENT_JUDGEMENT.search(text)
                or _PRESENT_REPORT.search(_QUOTED.sub("", text))
                or _concedes_a_state(text) or _denies(text))


def _concedes_a_state(text: str) -> bool:
    """ "While not as focused on Artsakh as ...," concedes a state; "While Armenia denied
    involvement, ..." tells what was done then (004 lines 1087, 3061)."""
    opener = _CONCESSIVE.match(text)
    if opener is None:
        return False
    clause = opener.group(1)
    return bool(_SUBJECTLESS.match(clause)) or not tells_action(clause)


_ABLE = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:able|unable)\s+to\b", re.I)
_SPEAKER_DID = re.compile(r"(?<![\w’'])(?:I|[Ww]e)\s+have\s+(?:\w+ly\s+)?(?:[a-z]+ed|[a-z]+en)\b")
"""A speaker telling what they have just done ("As of this moment, I have ordered to cease
the fire", Harutyunyan's statement of 4 October 2020, 004 line 3049)."""


def tells_action(text: str) -> bool:
    """A finite past verb that is not a copula or a state: "Moscow ignored both
    resolutions", "a special committee ... was formed"; not "Stepanakert was particularly
    vulnerable", "Roving gangs remained on the offensive" (004 lines 1435, 1103); "the
    Azeri forces were able to advance" tells what they did (line 2899). Without
    a date of its own, a sentence that only describes how things were is no happening."""
    if text.rstrip().endswith("?"):
        return False
    return bool(_ABLE.search(text) or _SPEAKER_DID.search(text)) or any(
        m.group(0).lower() not in _STATE_VERBS and _is_finite_past(text, m)
        and not _in_relative(text, m.start()) for m in _PAST.finditer(text))


def _at_the_same_time(text: str) -> bool:
    """ "At the same time that Armenians in Artsakh were mounting their attack on Shushi,
    Ter-Petrosyan was meeting with Mamedov in Tehran" (004 line 1547): an action in
    progress at the time the passage has reached. Elsewhere a past progressive is more
    often the background ("Tens of thousands of professionals were emigrating")."""
    return bool(_SAME_TIME.match(text)) and any(
        _PROGRESSIVE.match(text, m.end()) for m in re.finditer(r"\b(?:was|were)\b", text))


_PROGRESSIVE = re.compile(
    r"\s+(?:(?:still|already|also|then|now|busy|actively)\s+)?(?!(?:nothing|something|"
    r"anything|everything|during|being|going|willing|missing|lacking|living|seeking|"
    r"according|amazing|shocking|surprising|striking|interesting|alarming|disturbing|"
    r"devastating|increasing|growing|continuing|remaining|existing|ongoing|leading|"
    r"evening|morning|building|king|spring|thing|ring|wing|string)\b)[a-z]{2,}ing\b")
"""After "was"/"were", an action in progress ("was meeting with Mamedov"); not a noun or
an adjective in -ing ("was nothing", "was devastating") nor "was going to"."""


def _denies(text: str) -> bool:
    """The sentence's main verb is negated: "The catastrophe did not, as many had hoped,
    curtail the dispute", "neither Armenia nor Azerbaijan began ..." (004 lines 1123,
    1379): what did not happen is no happening to date. A later "did not" ("suggesting
    that Sargsyan did not enjoy") leaves the told happening alone."""
    verb = next((m for m in _PAST_OR_DID.finditer(text) if _is_finite_past(text, m)), None)
    return verb is not None and bool(_NOT_AFTER.match(text, verb.end())
                                     or _NOT_BEFORE.search(text, 0, verb.start()))


_PIECE_BREAK = re.compile(rf"[,;:]\s+(?:and\s+)?|{_ELIDED_SENTENCE.pattern}")
"""Where a piece of a list ends; also an elided quote's new sentence ("Turkish and Azeri
troops moved into Karabakh...After three days, Shusha fell", 004 line 697)."""


def _date_pieces(text: str, dates: Sequence[DateSpan]) -> list[tuple[int, int] | None]:
    """Where each of several dates is told, when each stands in its own piece of a list:
    "Violence erupted in and around Erevan in February 1905, in Nakhjivan in May, in
    Shusha in June, and in Ganje and Tiflis in November" (004 line 523) tells May in
    Nakhjivan, not in Erevan. A piece runs from the break before its date to the break
    before the next date. None: the sentence's places go with every date."""
    if len(dates) < 2 or any(d.end <= d.start for d in dates):
        return [None] * len(dates)
    breaks = [0, *(m.end() for m in _PIECE_BREAK.finditer(text))]
    starts = [max(b for b in breaks if b <= d.start) for d in dates]
    order = sorted(set(starts))
    if len(order) < len(dates):  # two dates in one piece: "the plans of 1997 and 1998"
        return [None] * len(dates)
    ends = {start: (order[i + 1] if i + 1 < len(order) else len(text))
            for i, start in enumerate(order)}
    return [(start, ends[start]) for start in starts]


def _places_in(matches: Sequence[Match], piece: tuple[int, int] | None) -> Sequence[Match]:
    """The places named inside `piece`, or every place when it names none."""
    if piece is None:
        return matches
    inside = [m for m in matches if m.kind == "place" and not m.carried
              and piece[0] <= m.start < piece[1]]
    if not inside:
        return matches
    return [m for m in matches if m.kind != "place"] + inside


def _mention(sentence: Sentence, date: DateSpan, gaz: Gazetteer, periods: Sequence[Period],
             inferred: bool, before: Sequence[str] = (),
             piece: tuple[int, int] | None = None) -> Mention:
    matches = _places_in(gaz.find(sentence.text, when=date.lower // 10000, before=before),
                         piece)
    actors = tuple(dict.fromkeys(m.name for m in matches if m.kind == "actor"))
    places = tuple(dict.fromkeys(m.name for m in matches if m.kind == "place"))
    named = {m.name for m in matches if m.kind == "place" and not m.carried}
    variants = tuple(dict.fromkeys((m.name, m.surface, m.variant_community)  # names it uses
                                   for m in matches if m.kind == "place" and not m.carried))
    return Mention(
        sentence=sentence, date=date, title=make_title(sentence.text, date),
        actors=actors, places=places, place_variants=variants,
        carried_places=tuple(p for p in places if p not in named),
        periods=tuple(periods_for(date.lower, date.upper, periods)),
        inferred=inferred or date.inferred, context=gaz.is_context(matches),
    )
