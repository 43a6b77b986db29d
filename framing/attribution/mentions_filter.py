"""Which entities an article exposes: names of people, organisations, groups and places.

The last step of :mod:`framing.attribution.entities`, run by
:func:`~framing.attribution.doc.link_speakers` once the speakers are linked.
The name runs of :mod:`~framing.attribution.names` are capitalised words, and
capitals are not only names. An entity that no quote's speaker links to is
left out (:func:`noise` says why) when it is

1. **a date**: months, weekdays, holidays and time zones, with their numbers
   and abbreviations ("Monday", "Feb. 15", "Thanksgiving": the ``calendar``
   gazetteer);
2. **a fragment** of a URL, a handle or a code ("ZkdI3u57yY", "Su-25"): a
   digit, one letter, the mixed case of a code, a word after "@", "#" or
   "=" or inside a URL, a run repeating its first words (link text);
3. **function words**: a name that starts with a pronoun, determiner or
   preposition ("who", "the more") or holds a contraction ("I'd"); a name cut
   after "of" ("of Florida") keeps its name instead;
4. **a modifier**: demonyms and adjectives of peoples and faiths ("Iraqi",
   "American", "Iraqi Shiite": the ``demonyms`` gazetteer), hyphenated
   adjectives ("US-backed", "Al Qaeda-derived") and prefixed words
   ("anti-Sanders"). A plural ("Sunnis", "Iraqis") names a group and stays,
   with kind ``group``;
5. **an event or a law** ("Cold War", "Affordable Care Act", "Operation
   Allied Force");
6. **a headline or a title**: every mention inside a title-case line
   ("Adelson Allow", "Intensifies Drive"), a quoted title or quotes of its
   own, unless a gazetteer knows the name; or a run with a capitalised
   function word inside it ("The Home That Was Our Country");
7. **a common phrase** the article also writes in lower case ("Health Care");
8. **a sentence opener**: a single word that only ever opens a sentence or a
   title-case line, that the article never writes capitalised inside a
   sentence, and that is a common word (tagged, in lower case and in
   context, other than a proper noun, and known to the tagger or written in
   lower case elsewhere in the article: "Much", "Shares").

A speaker's entity is always kept as the speaker resolver made it: "Iraqi
forces said" keeps "Iraqi forces", "China said" keeps China as the
organisation speaking for its government.

**Places** get kind ``place``: the places of the ``places`` and
``localities`` gazetteers ("Iraq", "Mosul", "Middle East", "Conn."), a
direction before one ("Central Florida", "Northern Syria"), a name with a
geographic head ("Orange County", "Mekong River") and a name followed by a
US state that ends the phrase ("Hartford, Conn."). A place that speaks
("China said") stays kind ``org``. Non-speaking places stay entities: the
tone toward a country is something users ask for, and kind ``place`` sets
them apart.

**Acronyms** defined in parentheses ("the Islamic State of Iraq and Syria
(ISIS)") give one entity named by the full name, the acronym's mentions
among its mentions (:mod:`~framing.attribution.acronyms`); the kinds are
:mod:`~framing.attribution.entity_kinds`'s.

The rules, the gazetteers and the development samples they were measured
on are in ``docs/attribution.md``, "Which entities an article exposes".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress, pairwise
from operator import and_, itemgetter, not_

from ..tagger import load_tagger
from ..text import Tokens
from .acronyms import EntityRow, merge_acronyms
from .entity_kinds import entity_kind, known_name, place_abbreviation
from .gazetteers import calendar_word, demonym, is_place
from .marks import quote_spans
from .names import _SENTENCE_MARKS, _sentence_initial
from .phrases import _STOP, DETERMINERS, PRONOUNS, word_set
from .records import Entity

__all__ = ["expose_entities", "noise", "title_lines"]

_FUNCTION = (_STOP | DETERMINERS | PRONOUNS | word_set("whom whose more less much very ok okay")) - word_set("us")
# Capitalised words inside a run that make it a title: not "Theresa May", "Will Smith" (first or last word)
_TITLE_WORDS = _FUNCTION - word_set("of for and the us it will may can")
_CONTRACTION = re.compile(r"[A-Za-z]['\u2019](?:d|m|re|ve|ll|t)\b|n['\u2019]t\b|\b(?:it|that|there|what|who|here|he|she)"
                          r"['\u2019]s\b", re.IGNORECASE)
_CODE_CASE = re.compile(r"[a-z][A-Z][a-z]?[A-Z]|[A-Z]{2}[a-z].*[A-Z]{2}[a-z]")  # "JZfuAKldCC", not "RealClearPolitics"
_URL = re.compile(r"://|www\.|\.(?:com|org|net|gov|co)/", re.IGNORECASE)
# "US-backed", "Sunni-populated", "Kremlin-leaning", "Democratic-paid", "Chicago-based", "Gorbachev-type"
_HYPHEN_ADJECTIVE = re.compile(
    r"-(?:[a-z]+(?:ed|ing|en)|paid|run|led|born|made|held|built|won|bound|friendly|style|type|like|wide|era|level"
    r"|esque|minded|only|free|proof|sized)\Z")
_PARTICLES = word_set("al el de da di du la le van von der den bin ibn")
# Events and laws, not people or bodies: "Cold War", "Equal Rights Amendment", "Operation Allied Force"
_EVENT_FIRST = word_set("operation hurricane typhoon cyclone tropical article title")  # "Article III"
_EVENT_LAST = word_set("war wars revolution act amendment summit olympics crisis scandal massacre accords treaty doctrine")
_LEGAL_SUFFIXES = word_set("llc inc corp ltd plc co")  # "The Washington Times, LLC": the company form alone
# "anti-Sanders", "then-Gov", a party label alone ("R-Texas")
_PREFIX = re.compile(r"(?:anti|pro|non|post|pre|neo|mid)-|then-\S+\Z|[RDI]-[A-Z][\w.]*\Z", re.IGNORECASE)
_ABBREVIATIONS = word_set("tv gdp ceo cfo id pm am")  # common nouns written in capitals ("TV ads", "GDP")
# One-word bodies that stay names after a capitalised word ("U.S. Senate", "Washington Post")
_BODIES = word_set("house senate congress times post journal court department council committee administration "
                   "agency party guard navy army pentagon treasury")
_OPENER_TAGS = frozenset({"ADV", "DET", "ADJ", "NOUN", "PRON", "ADP", "VERB", "AUX", "CCONJ", "SCONJ", "NUM",
                          "PART", "INTJ"})
_EMPHASIS_TAGS = frozenset({"ADJ", "ADV", "VERB", "INTJ"})  # a word in capitals for emphasis, not "WHO", "AIDS"
_MIN_TITLE_WORDS = 4  # words of a title-case line
_MAX_TITLE_CHARS = 400  # a longer line is a paragraph
_HEADLINE_END = re.compile(r"[\w?!\"'\u201d\u2019]")  # the last character, no final period: not "Ben Kamisar contributed."
_LINE = re.compile(r"[^\n]+")
_TITLE_SHARE = 0.8  # share of its words (minor words aside) written capitalised
_MINOR = word_set("a an the of and or for to in on at by with as vs from but nor")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_MAX_TITLE_QUOTE = 10  # words of a quoted title ("The Myth of Martyrdom")
_CAP_HYPHEN_LOWER = re.compile(r"(?:^|\s)[A-Z][^-\s]*-[a-z]+\Z")  # "Spanish-language", not "al-Assad"
_TAIL = re.compile(r"(?:([A-Z][\w'\u2019-]*)|[A-Z][\w-]* and) \Z")  # a capitalised word just before
_LEADING = re.compile(r"(?:(?:of|for|the)\s+)+(?:The\s+)?(?=[A-Z])|(?i:anti|pro|non|post|pre|neo|mid)-\S+\s+(?=[A-Z])")
_CHUNK_REACH = 300  # characters looked at either side of a mention for the link it is part of


def title_lines(text: str) -> list[tuple[int, int]]:
    """The character spans of the title-case lines of ``text`` (headlines, section titles).

    A line of :data:`_MIN_TITLE_WORDS` words or more where at least
    :data:`_TITLE_SHARE` of the words other than short function words
    ("of", "the", "and") start with a capital, and that does not end with
    a period or a bracket (a credit line, "Peter Sullivan and Ben Kamisar
    contributed.", or a caption ends so).

    Examples
    --------
    >>> text = "Obama Intensifies Drive Against Islamic State\\nThe president spoke in Ohio on Monday."
    >>> [text[s:e] for s, e in title_lines(text)]
    ['Obama Intensifies Drive Against Islamic State']
    """
    return [m.span() for m in _LINE.finditer(text)
            if m.end() - m.start() <= _MAX_TITLE_CHARS and _headline_end(m.group())
            and _title_case(m.group(), _MIN_TITLE_WORDS, None)]


def _headline_end(line: str) -> bool:
    """Whether the last character before the line's trailing white space is one of :data:`_HEADLINE_END`."""
    k = len(line.rstrip())  # str.rstrip strips what the regular expressions' \s matches
    return k > 0 and _HEADLINE_END.match(line, k - 1) is not None


def _title_case(line: str, least: int, most: int | None) -> bool:
    words = _WORD.findall(line)
    major = list(map(not_, map(_MINOR.__contains__, map(str.lower, words))))  # not a short function word
    n = sum(major)
    if n < least or (most is not None and n > most):
        return False
    return sum(compress(map(str.isupper, map(itemgetter(0), words)), major)) >= _TITLE_SHARE * n


class _Context:
    """What the rules read of one article: its tokens, title-case lines and tagger.

    Every lookup is built in one pass over the tokens, so the rules stay
    linear in the length of the text however many entities it has.
    """

    def __init__(self, text: str, tokens: Tokens) -> None:
        self.text, self.tokens = text, tokens
        self.titles = title_lines(text)
        self._title_starts = [s for s, _ in self.titles]
        self.quoted = [(a, b) for a, b in quote_spans(text)[0] if _title_case(text[a:b], 2, _MAX_TITLE_QUOTE)]
        self._quoted_starts = [s for s, _ in self.quoted]
        self.links = "/" in text or "www." in text  # a mention may be part of a URL
        self.versus = " v. " in text or " vs. " in text  # a mention may be a party to a case
        self._inside: set[str] | None = None  # norms written capitalised inside a sentence
        self._lower: tuple[set[str], set[tuple[str, str]]] | None = None  # lower-case words and word pairs

    def in_quoted_title(self, start: int, end: int) -> bool:
        """Whether the span lies in a quoted title ("“The Myth of Martyrdom”")."""
        k = bisect_right(self._quoted_starts, start) - 1
        return k >= 0 and self.quoted[k][0] <= start and end <= self.quoted[k][1]

    def in_title(self, start: int) -> bool:
        k = bisect_right(self._title_starts, start) - 1
        return k >= 0 and self.titles[k][0] <= start < self.titles[k][1]

    def token(self, start: int) -> int:
        return bisect_left(self.tokens.starts, start)

    def capitalised_inside(self, word: str) -> bool:
        """Whether the article writes ``word`` capitalised inside a sentence, outside title-case lines."""
        if self._inside is None:
            toks, text = self.tokens, self.text
            starts, ends, norms = toks.starts, toks.ends, toks.norms
            marks, in_title = _SENTENCE_MARKS.isdisjoint, self.in_title
            # the capitalised tokens not opening a sentence (names._sentence_initial) nor in a title line
            self._inside = {
                norms[t] for t, s in enumerate(starts)
                if text[s].isupper() and t and marks(text[ends[t - 1] : s]) and not in_title(s)
            }
        return word.lower() in self._inside

    def _lower_case(self) -> tuple[set[str], set[tuple[str, str]]]:
        if self._lower is None:
            toks, text = self.tokens, self.text
            low = [text[s].islower() for s in toks.starts]
            norms = toks.norms
            words = set(compress(norms, low))
            pairs = set(compress(pairwise(norms), map(and_, low, low[1:])))
            self._lower = (words, pairs)
        return self._lower

    def lower_case(self, name: str) -> bool:
        """Whether the article also writes ``name`` in lower case, and the tagger knows each of its words."""
        low = name.lower()
        if low not in self.text:  # the common case, one scan in C
            return False
        words = low.split()
        tagger = load_tagger()
        if not all(tagger.knows(w) for w in words):
            return False
        _, pairs = self._lower_case()
        return all(pair in pairs for pair in pairwise(words))

    def common_noun(self, word: str) -> bool:
        """Whether the tagger knows ``word`` in lower case as a noun ("project", "view"), not a name."""
        low = word.lower()
        tagger = load_tagger()
        return tagger.knows(low) and tagger.tag_forms(["the", low, "."])[1] == "NOUN"

    def common_word(self, start: int, word: str, tags: frozenset[str] = _OPENER_TAGS) -> bool:
        """Whether ``word`` at ``start``, lower-cased and tagged in context, is a common word (of ``tags``)."""
        toks, text = self.tokens, self.text
        low = word.lower()
        tagger = load_tagger()
        if not tagger.knows(low) and low not in self._lower_case()[0]:
            return False  # a word the tagger never saw and the article never writes in lower case
        t = self.token(start)
        forms = [low, *(text[toks.starts[k] : toks.ends[k]] for k in range(t + 1, min(len(toks), t + 3)))]
        return tagger.tag_forms(forms, stop=1)[0] in tags


def _words(name: str) -> list[str]:
    return [w[:-2] if w.endswith(("'s", "\u2019s")) else w for w in name.replace("-", " - ").split() if w != "-"]


def noise(ctx: _Context, row: EntityRow) -> str | None:
    """Why an entity is not a name (``"date"``, ``"fragment"``, ...), else None."""
    name, text = row.text, ctx.text
    forms = name.split()
    words = [w.rstrip(".") for w in forms]
    if all(calendar_word(w) or calendar_word(w[:-1]) or w.isdigit() for w in words) or calendar_word(name):
        return "date"  # "Monday", "Feb. 15", "Mondays"
    if any(map(str.isdigit, name)) or _CODE_CASE.search(name) or len(name.rstrip(".")) < 2 or any(
        (s > 0 and text[s - 1] in "@#=_") or (ctx.links and _slash(text, s, e) and _URL.search(_chunk(text, s, e)))
        for s, e in row.mentions
    ) or (len(forms) > 3 and " ".join(forms[:2]) in " ".join(forms[2:])) or "(" in name or ")" in name:
        return "fragment"  # a code, a link or a handle; The Hill's "Melania Trump Melania TrumpWhite House"
    first = forms[0].lower() if forms else ""
    if _PREFIX.match(name) or name.lower().rstrip(".") in _LEGAL_SUFFIXES:
        return "modifier"
    if len(forms) == 1 and name.isupper() and len(name) > 3 and not known_name(name) and ctx.common_word(
            row.mentions[0][0], name, _EMPHASIS_TAGS):
        return "common"  # a word in capitals for emphasis: "lying like CRAZY!"
    if name.lower() in _ABBREVIATIONS or (ctx.versus and any(text.startswith((" v. ", " vs. "), e)
                                                             for _, e in row.mentions)):
        return "common"  # "TV", "GDP"; a party to a case: "Roe v. Wade"
    if first in _EVENT_FIRST or (len(words) > 1 and words[-1].lower() in _EVENT_LAST and not any(
            w in ("of", "for", "on") for w in words)):  # not "Institute for the Study of War"
        return "event"
    if not name or first in _FUNCTION or _CONTRACTION.search(name) or (
        name[0].islower() and first not in _PARTICLES and "-" not in first
    ):
        return "function"
    if any(w.lower() in _TITLE_WORDS and w[0].isupper() for w in forms[1:-1]) or (
        len(forms) > 1 and all(w.isupper() for w in forms) and any(w.lower() in _TITLE_WORDS for w in forms)
    ):
        return "title"
    if all(ctx.in_title(s) or ctx.in_quoted_title(s, e) or _scare_quoted(text, s, e) for s, e in row.mentions) and (
            not known_name(name)):
        return "headline"
    if len(forms) > 1 and ctx.lower_case(name):
        return "common"  # "Health Care", "Climate Change": the article writes them in lower case too
    if len(forms) == 1 and demonym(name) != "plural" and all(
        _sentence_initial(text, ctx.tokens, ctx.token(s)) or ctx.in_title(s) for s, _ in row.mentions
    ) and not ctx.capitalised_inside(_words(name)[0]) and ctx.common_word(row.mentions[0][0], _words(name)[0]):
        return "opener"
    if len(forms) == 1 and name.lower() not in _BODIES and not name.endswith("s") and demonym(name) is None and (
            not is_place(name)) and all(_tail(text, s) for s, _ in row.mentions) and ctx.common_noun(name):
        return "fragment"  # "Refugees Project", "Bloomberg View": the last word of a longer name
    parts = _words(name)
    if _HYPHEN_ADJECTIVE.search(name) or _CAP_HYPHEN_LOWER.search(name) or (
        parts and all(demonym(w) == "singular" for w in parts)
    ) or demonym(name) == "singular":
        return "modifier"  # "US-backed", "Spanish-language", "Muslim-majority", "Iraqi", "Iraqi Shiite"
    return None


def _slash(text: str, s: int, e: int) -> bool:
    """Whether a "/" or "www." is near the mention (a URL may hold it)."""
    near = text[max(0, s - 80) : e + 80]
    return "/" in near or "www." in near


def _chunk(text: str, s: int, e: int) -> str:
    """The text around a mention up to the spaces either side (a URL it is part of).

    The look is bounded by :data:`_CHUNK_REACH` characters either way, so a
    long line of mentions near slashes costs linear time.
    """
    lo, hi = max(0, s - _CHUNK_REACH), min(len(text), e + _CHUNK_REACH)  # a bounded look either side
    left = max(lo - 1, text.rfind(" ", lo, s), text.rfind("\n", lo, s)) + 1
    right = min(k for k in (text.find(" ", e, hi), text.find("\n", e, hi), hi) if k >= 0)
    return text[left:right]


def _scare_quoted(text: str, s: int, e: int) -> bool:
    """A word in quotes of its own (the “Gory” approach, ‘Nothing,’)."""
    return s > 0 and text[s - 1] in "\"\u201c\u2018" and text[e : e + 2].rstrip(",.") in ("\"", "\u201d", "\u2019")


def _tail(text: str, s: int) -> bool:
    """Whether the mention at ``s`` follows a capitalised word (not "The") or "and" after one, one space apart."""
    m = _TAIL.search(text, max(0, s - 40), s)
    return m is not None and (m.group(1) is None or m.group(1).lower() not in _FUNCTION)


def _trim(ctx: _Context, row: EntityRow) -> None:
    """A name cut after "of" keeps its name: "of Florida" is Florida, "of The Family Leader" The Family Leader.

    A name run on into a parenthesis ends before it: "Terry Branstad (R" is Terry Branstad.
    """
    cut_at = row.text.find(" (")
    if cut_at > 0 and row.text[0].isupper():
        text = ctx.text
        row.text = row.text[:cut_at]
        row.mentions = [(s, s + text[s:e].find(" (")) if " (" in text[s:e] else (s, e) for s, e in row.mentions]
    m = _LEADING.match(row.text)  # "of Florida", "pro-Republican US Chamber of Commerce", "post-Taliban Kabul"
    if m is None:
        return
    cut = m.end()
    prefix = row.text[:cut]
    row.text = row.text[cut:]
    row.mentions = [(s + cut, e) if ctx.text.startswith(prefix, s) else (s, e) for s, e in row.mentions]


def expose_entities(text: str, tokens: Tokens, entities: list[Entity],
                    spoken: dict[int, set[tuple[int, int]]]) -> tuple[list[Entity], list[int], dict[tuple[int, int], int]]:
    """The entities an article exposes, the index among them of each entity given (-1: left out), and moved mentions.

    A mention moved to the entity of a defined acronym ("ISIS" of "the
    Islamic State of Iraq and Syria (ISIS)") maps to that entity's index in
    the third value: a speaker with that span belongs to it.

    Parameters
    ----------
    text : str
        The article text.
    tokens : Tokens
        Its tokens.
    entities : list of Entity
        The linked entities (:meth:`~framing.attribution.entities.Entities.to_list`).
    spoken : dict
        The spans of the speakers linked to each entity (by index): these entities are kept.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "Iraqi forces retook Mosul on Monday. Sunnis fled to Baghdad."
    >>> ents = [Entity("Iraqi", "other", ((0, 5),)), Entity("Mosul", "other", ((20, 25),)),
    ...         Entity("Monday", "other", ((29, 35),)), Entity("Sunnis", "other", ((37, 43),))]
    >>> out, index, _ = expose_entities(text, tokenize(text), ents, {})
    >>> [(e.text, e.kind) for e in out], index
    ([('Mosul', 'place'), ('Sunnis', 'group')], [-1, 0, -1, 1])
    """
    ctx = _Context(text, tokens)
    rows = [EntityRow(e.text, e.category, list(e.mentions), e.kind, [k], set(spoken.get(k, ())))
            for k, e in enumerate(entities)]
    moved: dict[tuple[int, int], int] = {}
    if "(" in text:
        rows = merge_acronyms(text, rows, moved)
    out: list[Entity] = []
    index = [-1] * len(entities)
    position: dict[int, int] = {}  # row -> exposed index
    for r, row in enumerate(rows):
        if not row.spoken:
            _trim(ctx, row)
            place_abbreviation(text, row)
            if noise(ctx, row) is not None:
                continue
        position[r] = len(out)
        kind = entity_kind(text, row)
        for k in row.olds:
            index[k] = len(out)
        out.append(Entity(row.text, row.category, tuple(sorted(set(row.mentions))), kind))
    return out, index, {span: position[r] for span, r in moved.items() if r in position}
