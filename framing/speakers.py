"""Speakers of quotes: noun-phrase spans, name linking, pronouns and source categories.

A rule-based, model-free helper for :mod:`framing.attribution`. It works on
the word tokens of :func:`framing.text.tokenize` and never looks at more than
a dozen tokens around a reporting verb, so its cost is linear in the number
of cues.

* :func:`subject_before` finds the subject noun phrase left of a reporting
  verb ("US Joint Chiefs of Staff chairman General Martin Dempsey refused";
  "Smith, a spokesman for the ministry, said"; "Saudi state media announced").
* :func:`phrase_after` finds a noun phrase right of a position
  ("said Smith", "according to a source familiar with the talks").
* :class:`SpeakerResolver` gives each mention a source category from the
  ``source_roles`` lexicon, links later short mentions ("Dempsey") to the
  fullest earlier mention of the same name, and resolves pronouns to the most
  recent compatible speaker.

The closed word lists below (determiners, pronouns, function words,
organisation head nouns) are grammatical classes the algorithm needs, not
lexicon content; see STYLE.md rule 3.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Match, Matcher, load_lexicon
from .text import Tokens

__all__ = [
    "BETWEEN",
    "DETERMINERS",
    "PRONOUNS",
    "Mention",
    "SpeakerResolver",
    "phrase_after",
    "subject_before",
    "word_set",
]


def word_set(text: str) -> frozenset[str]:
    """A closed word list written as whitespace-separated words."""
    return frozenset(text.split())


# Determiners and quantifiers: they open a noun phrase (included, then stop).
DETERMINERS = word_set(
    """
    a an the this these those his her its their our my your some many most several both
    all each every any no another such one two three four five six seven eight nine ten
    dozens hundreds thousands few
    """
)
# Subject pronouns a speaker can be; "who" is resolved to the noun phrase it follows.
PRONOUNS = word_set("he she they it we i you who")
_PERSON_PRONOUNS = word_set("he she i")

# Function words and auxiliaries that end a noun phrase (not part of it).
_STOP = word_set(
    """
    in on at to with by from about after before over under into onto as than during
    since until through between against among without within across behind beyond upon
    via per despite toward towards around near off out up and or but so yet nor because
    although though while whereas if unless when whenever where whether that which whom
    whose what how why is are was were be been being am has have had do does did will
    would shall should can could may might must not never also just even only there here
    then now when also still however meanwhile instead him them me us
    """
)
_PREPOSITIONS = word_set(
    """
    in on at to with by from about after before over under into onto than during
    since until through between against among without within across behind beyond
    upon via per despite toward towards around near
    """
)
# Words between a subject and its verb: auxiliaries and common adverbs.
BETWEEN = word_set(
    """
    has have had also later earlier previously once then first again would will could
    can may might must did does do had already recently repeatedly publicly privately
    often frequently never not reportedly allegedly yesterday today initially
    subsequently since still further himself herself themselves itself sometimes
    now just is are was were been being be am
    """
)
_TIMES = word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday week month year morning
    afternoon evening night weekend
    """
)
_MONTHS = word_set(
    """
    january february march april may june july august september october november
    december
    """
)
# Lower-case words that may join the words of a name or title.
_CONNECTORS = word_set(
    """
    of for de del da di du la le van von der den bin ibn al el y
    """
)
# Title abbreviations that end in a period inside a name ("Sen. Chuck Schumer").
_TITLE_ABBREVIATIONS = word_set(
    """
    mr mrs ms mx dr prof rev fr sr jr st gen lt col maj capt cpt cmdr cdr adm sgt cpl
    pvt brig gov sen rep reps sens supt insp det atty amb sec treas pres hon msgr u.s
    u.k u.n e.u d.c
    """
)
# Head nouns that make a phrase an organisation ("it") rather than a person.
_ORG_HEADS = word_set(
    """
    media government ministry department agency company party committee council court
    administration campaign office organization organisation group network newspaper
    paper monarchy regime union association institute university commission board bank
    firm police army military navy force forces coalition alliance movement foundation
    center centre embassy state senate house congress parliament cabinet white kremlin
    pentagon poll survey report study statement website channel station times post
    journal news agency corporation corp inc ltd foundation service bureau authority
    authorities team club church fund
    """
)

# Generic heads that leave a source unnamed when no name goes with them.
_ANONYMOUS_HEADS = word_set(
    """
    official officials source sources aide aides diplomat diplomats insider insiders
    people person someone staffer staffers adviser advisers advisor advisors
    """
)
_MAX_PHRASE = 14
_MAX_APPOSITIVE = 30
_LINKERS = word_set("familiar close knowledge linked allied")
_ANTECEDENT_WINDOW = 80  # tokens searched back for a pronoun's antecedent


def _is_capitalised(text: str, start: int, end: int) -> bool:
    """Whether the token has an upper-case letter (names, "al-Maliki", "McCain")."""
    return not text[start:end].islower()


def _gap_ok(text: str, tokens: Tokens, left: int) -> bool:
    """Whether tokens ``left`` and ``left + 1`` may belong to one noun phrase.

    Only spaces, a hyphen, a parenthesis, or the period of a title
    abbreviation or initial may stand between them.
    """
    gap = text[tokens.ends[left] : tokens.starts[left + 1]]
    if not gap:
        return True
    if "\n" in gap:
        return False
    stripped = gap.strip()
    if not stripped or stripped in ("-", "\u2013", "(", ")", ".)", "'", "\u2019"):
        return True
    if stripped == ".":
        norm = tokens.norms[left]
        return norm in _TITLE_ABBREVIATIONS or len(norm) == 1 or "." in norm
    return False


def subject_before(text: str, tokens: Tokens, cue: int, lo: int) -> tuple[int, int] | None:
    """Token span ``[i, j)`` of the subject noun phrase ending before token ``cue``.

    Auxiliaries and adverbs between subject and verb ("has also said") are
    skipped; an appositive between commas ("Smith, a spokesman for X,
    said"; "Smith, who chairs the panel, said") is included in the span.
    Tokens before ``lo`` are never used.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "As tensions rose, Saudi state media announced the move."
    >>> toks = tokenize(text)
    >>> i, j = subject_before(text, toks, toks.norms.index("announced"), 0)
    >>> text[toks.starts[i]:toks.ends[j - 1]]
    'Saudi state media'
    >>> text = "Tom Smith, a spokesman for the ministry, said it was over."
    >>> toks = tokenize(text)
    >>> i, j = subject_before(text, toks, toks.norms.index("said"), 0)
    >>> text[toks.starts[i]:toks.ends[j - 1]]
    'Tom Smith, a spokesman for the ministry'
    """
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    j = cue - 1
    while (
        j >= lo
        and j >= cue - 5
        and (
            (starts[j + 1] - ends[j] == 1 and text[ends[j]] == " ")
            or _plain_gap(text, ends[j], starts[j + 1])
        )
        and (
            norms[j] in BETWEEN
            or (norms[j].endswith("ly") and text[starts[j]].islower() and len(norms[j]) > 3)
            or (norms[j] in _TIMES and j > lo and norms[j - 1] in ("on", "last", "this", "early"))
            or (
                norms[j] in ("on", "last", "this", "early")
                and j + 1 < cue
                and norms[j + 1] in _TIMES
            )
        )
    ):
        j -= 1
    if j < lo:
        return None
    gap = text[ends[j] : starts[j + 1]].strip()
    if gap == ",":
        # Appositive or relative clause closed by a comma before the verb.
        return _appositive(text, tokens, j, lo)
    if gap and gap not in (")", ".)", "-"):
        return None
    span = _phrase_left(text, tokens, j, lo)
    if (
        span is not None
        and span[0] - 1 > lo
        and tokens.norms[span[0] - 1] in _PREPOSITIONS
        and tokens.norms[span[0]] in DETERMINERS
        and _plain_gap(text, ends[span[0] - 1], starts[span[0]])
    ):
        # "... fighting against the government of Bashar al-Assad are declaring":
        # a determiner phrase governed by a preposition is not the subject
        return None
    return span


def _plain_gap(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


_VERB_FORMS: set[str] = set()


def _verb_forms() -> set[str]:
    """Inflected reporting verbs ("said", "tells", "warning"); not base forms,
    which are often nouns inside names and roles ("state media")."""
    if not _VERB_FORMS:
        for entry in load_lexicon("reporting_verbs"):
            if len(entry.words) == 1 and entry.extra.get("form") in (
                "past",
                "past_participle",
                "3sg",
                "gerund",
            ):
                _VERB_FORMS.add(entry.words[0])
        _VERB_FORMS.add("according")
    return _VERB_FORMS


def _initial(text: str, tokens: Tokens, k: int) -> bool:
    """Whether token ``k`` is an initial ("Jock A. Finlayson"), not the article "A"."""
    end = tokens.ends[k]
    return (
        end - tokens.starts[k] == 1
        and text[tokens.starts[k]].isupper()
        and text[end : end + 1] == "."
        and k + 1 < len(tokens)
        and text[tokens.starts[k + 1]].isupper()
    )


def _contracted_pronoun(norm: str) -> bool:
    """ "he's", "she'd", "they've": a subject pronoun with a contracted auxiliary."""
    base, _, rest = norm.partition("'")
    return bool(rest) and base in PRONOUNS


def _phrase_left(
    text: str, tokens: Tokens, j: int, lo: int, *, names: bool = False
) -> tuple[int, int] | None:
    """The noun phrase whose last token is ``j``, scanning left."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    head = norms[j]
    if head == "who" and j > lo and text[ends[j - 1] : starts[j]].strip() == ",":
        # "Hillary Clinton, who said ...", "critics who believe ...": the antecedent
        return _phrase_left(text, tokens, j - 1, lo)
    if head == "which":
        return None
    if head in PRONOUNS or ("'" in head and _contracted_pronoun(head)):
        return (j, j + 1)
    if (head in _STOP and head != "us") or (
        head in DETERMINERS and head not in ("all", "both", "some", "many")
    ):
        return None
    verb_forms = _verb_forms()
    k = j
    first = j
    bottom = max(lo, j - _MAX_PHRASE + 1)
    while k >= bottom:
        if k < j and not (
            (starts[k + 1] - ends[k] == 1 and text[ends[k]] == " ") or _gap_ok(text, tokens, k)
        ):
            break
        norm = norms[k]
        if norm in DETERMINERS and not _initial(text, tokens, k):
            first = k
            # "head of the agency", "people familiar with the matter"
            if (
                k - 2 >= lo
                and _gap_ok(text, tokens, k - 1)
                and _gap_ok(text, tokens, k - 2)
                and (
                    norms[k - 1] in ("of", "for", "at", "by", "from")
                    or (norms[k - 1] in ("with", "to") and norms[k - 2] in _LINKERS)
                )
                and norms[k - 2] not in _STOP
                and norms[k - 2] not in DETERMINERS
            ):
                k -= 2  # over the preposition
                continue
            break
        if norm in _CONNECTORS:
            k -= 1
            continue
        cap = not text[starts[k] : ends[k]].islower()
        if (norm in _STOP or norm in PRONOUNS) and not (cap and norm in ("us", "u.s")):
            break
        if not cap and k < j and norm in verb_forms:
            break  # "said Zbigniew Brzezinski": a reporting verb is not part of a speaker
        if not cap and norm.endswith("ly") and len(norm) > 4:
            break
        if cap and norm in ("and",):
            break
        first = k
        k -= 1
    # a leading connector is never part of the phrase
    while first <= j and norms[first] in _CONNECTORS:
        first += 1
    if first > j:
        return None
    return (first, j + 1)


def _appositive(text: str, tokens: Tokens, j: int, lo: int) -> tuple[int, int] | None:
    """Subject with an appositive: ``NAME, <appositive>,`` before the verb."""
    starts, ends = tokens.starts, tokens.ends
    # find the comma that opens the appositive (within a short window)
    k = j
    while k > lo and j - k < _MAX_APPOSITIVE:
        gap = text[ends[k - 1] : starts[k]]
        if "," in gap:
            break
        if gap.strip() not in ("", "-", ".", "(", ")", "'", "\u2019"):
            return None
        k -= 1
    else:
        return None
    if k <= lo:
        return None
    if j - k < 2 and all(not text[starts[t]].islower() for t in range(k, j + 1)) and k - 1 > lo:
        # "a pastor at the Church of Elizabeth, Colorado, said": a place after
        # a comma is part of the appositive; look for the comma before it
        outer = _appositive(text, tokens, k - 1, lo)
        if outer is not None:
            return (outer[0], j + 1)
    name = _phrase_left(text, tokens, k - 1, lo)
    if name is None:
        return None
    return (name[0], j + 1)


def phrase_after(text: str, tokens: Tokens, i: int, hi: int) -> tuple[int, int] | None:
    """Token span ``[i, j)`` of the noun phrase starting at token ``i`` (before ``hi``).

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "It is over, according to a source familiar with the talks."
    >>> toks = tokenize(text)
    >>> i, j = phrase_after(text, toks, toks.norms.index("to") + 1, len(toks))
    >>> text[toks.starts[i]:toks.ends[j - 1]]
    'a source familiar with the talks'
    """
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    if i >= hi:
        return None
    if norms[i] in PRONOUNS:
        return (i, i + 1)
    if norms[i] in _STOP:
        return None
    k = i
    last = -1
    while k < hi and k - i < _MAX_PHRASE:
        if k > i and not _gap_ok(text, tokens, k - 1):
            break
        norm = norms[k]
        cap = _is_capitalised(text, starts[k], ends[k])
        if norm in DETERMINERS and not _initial(text, tokens, k):
            if (
                k > i
                and last >= 0
                and norms[k - 1] not in _CONNECTORS
                and norms[k - 1] not in ("with", "to")
            ):
                break
            k += 1
            continue
        if norm in ("with", "to") and k > i and norms[k - 1] in ("familiar", "close", "knowledge"):
            k += 1
            continue
        if norm in _CONNECTORS or (norm == "at" and k + 1 < hi):
            k += 1
            continue
        if norm in _STOP or norm in PRONOUNS:
            break
        if not cap and k > i and last >= 0 and _looks_verb(norm):
            break
        last = k
        k += 1
    if last < 0:
        return None
    return (i, last + 1)


def _looks_verb(norm: str) -> bool:
    return norm.endswith(("ed", "ing")) and norm not in ("official", "spokeswoman")


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention resolved to an entity.

    ``start``/``end`` are character offsets of the mention in the text;
    ``name`` is the fullest mention of the entity (for a pronoun, of its
    antecedent) and ``category`` its source category.
    """

    start: int
    end: int
    name: str
    category: str
    kind: str  # "person", "org", "group"


def _category(found: list[Match]) -> str:
    if not found:
        return "other"
    if any(m.category == "anonymous" for m in found):
        return "anonymous"
    strong = [m for m in found if m.weight >= 0.5]
    if strong:
        return max(strong, key=lambda m: m.start).category
    return max(found, key=lambda m: m.weight).category


@lru_cache(maxsize=65_536)
def _phrase_category(phrase: str) -> str:
    """The source category of a speaker phrase (cached: phrases repeat across articles)."""
    return _category(_role_matcher().find(phrase))


def _role_matcher() -> Matcher:
    global _ROLES
    if _ROLES is None:
        _ROLES = Matcher([load_lexicon("source_roles")])
    return _ROLES


_ROLES: Matcher | None = None
_PARTICLE = re.compile(r"^(?:al|el|ul|bin|ibn|abu|de|da|di|van|von)-", re.IGNORECASE)


@lru_cache(maxsize=65_536)
def _name_key(norm: str) -> str:
    return _PARTICLE.sub("", norm.replace("'s", ""))


# "'s" followed by more of its token (in norms joined by spaces)
_INNER_S = re.compile(r"'s[^ ]")


def _first_indices(items: list[str], value: str, limit: int) -> list[int]:
    """Indices of the first ``limit`` occurrences of ``value`` (scanned in C)."""
    out: list[int] = []
    i = -1
    try:
        while len(out) < limit:
            i = items.index(value, i + 1)
            out.append(i)
    except ValueError:
        pass
    return out


class SpeakerResolver:
    """Categories, name links and pronoun antecedents for the speakers of one text.

    Parameters
    ----------
    text : str
        The article text.
    tokens : Tokens
        Its tokens.
    roles : sequence of Match, optional
        The article's lexicon hits from a :class:`~framing.lexicon.Matcher`
        over ``tokens`` that includes the shipped ``source_roles`` lexicon;
        categories are then read from its ``source_roles`` hits (the same
        categories, without matching each phrase again). Default: each
        phrase is matched on its own.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = ("Iraqi Prime Minister Nouri al-Maliki spoke. Army chief General Tom Ray left. "
    ...         "Maliki said no.")
    >>> toks = tokenize(text)
    >>> res = SpeakerResolver(text, toks)
    >>> m = res.resolve(toks.norms.index("maliki"), toks.norms.index("maliki") + 1)
    >>> (text[m.start:m.end], m.name, m.category)
    ('Maliki', 'Iraqi Prime Minister Nouri al-Maliki', 'government')
    """

    def __init__(self, text: str, tokens: Tokens, roles: Sequence[Match] | None = None) -> None:
        self.text = text
        self.tokens = tokens
        self._categories: dict[tuple[int, int], str] = {}
        self._variants: dict[str, list[str]] | None = None
        self._first: dict[tuple[str, int], list[int]] = {}  # name key -> first occurrences
        self._names: dict[int, tuple[int, int] | None] = {}  # token -> name phrase ending there
        self._joined: str | None = None
        self._history: list[Mention] = []
        self._roles: list[Match] | None = None
        if roles is not None:
            self._roles = [m for m in roles if m.lexicon == "source_roles"]
            self._role_starts = [m.start for m in self._roles]
            self._role_ends = [m.end for m in self._roles]

    # -- categories ---------------------------------------------------------
    def category_of(self, start: int, end: int) -> str:
        """Source category of the character span ``[start, end)``.

        The role nearest the head of the phrase wins (the rightmost match with
        weight >= 0.5, else the heaviest): in "US Joint Chiefs of Staff
        chairman General Martin Dempsey" the title "General" is military.
        Anonymous markers ("sources", "people familiar with") win over roles.
        Without any role the category is ``"other"``.
        """
        key = (start, end)
        category = self._categories.get(key)
        if category is None:
            category = self._categories[key] = self._category(start, end)
        return category

    def _category(self, start: int, end: int) -> str:
        roles = self._roles
        if roles is None:
            return _phrase_category(self.text[start:end])
        # The article's hits inside the span are the phrase's own hits unless a
        # hit crosses an edge of the span (it may have hidden a shorter one
        # inside): then the phrase is matched on its own.
        lo = bisect_left(self._role_starts, start)
        hi = bisect_left(self._role_starts, end, lo)
        if (lo and self._role_ends[lo - 1] > start) or (hi > lo and self._role_ends[hi - 1] > end):
            return _phrase_category(self.text[start:end])
        return _category(roles[lo:hi])

    # -- names --------------------------------------------------------------
    def _occurrences(self, key: str, before: int, limit: int = 8) -> list[int]:
        """The first ``limit`` token indices up to ``before`` whose name key is ``key``."""
        first = self._first.get((key, limit))
        if first is None:
            first = self._first[(key, limit)] = self._first_occurrences(key, limit)
        # the first ``limit`` occurrences up to ``before`` are those of the first
        # ``limit`` occurrences overall that are not after it
        return [t for t in first if t <= before]

    def _first_occurrences(self, key: str, limit: int) -> list[int]:
        """The first ``limit`` token indices whose norm is ``key`` or has name key ``key``."""
        norms = self.tokens.norms
        joined = self._joined_norms()
        if joined and len(key) >= 4:
            # Every such token holds ``key`` (see _joined_norms): find it in the
            # joined norms (in C), count the spaces before it for the token index
            # and check the token.
            found: list[int] = []
            t = at = 0  # token index t at offset ``at`` of ``joined``
            p = joined.find(key)
            while p >= 0 and len(found) < limit:
                t += joined.count(" ", at, p)
                at = p
                w = norms[t]
                if w == key or _name_key(w) == key:
                    found.append(t)
                end = joined.find(" ", p)
                if end < 0:
                    break
                p = joined.find(key, end + 1)
            return found
        if self._variants is None:  # forms whose name key differs, built once per text
            variants: dict[str, list[str]] = {}
            for w in set(norms):
                if "-" in w or "'" in w:
                    k = _name_key(w)
                    if k != w:
                        variants.setdefault(k, []).append(w)
            self._variants = variants
        found = []
        for form in (key, *self._variants.get(key, ())):
            found.extend(_first_indices(norms, form, limit))
        found.sort()
        return found[:limit]

    def _joined_norms(self) -> str:
        """The token norms joined by spaces, or "" when a norm holds an inner "'s".

        A norm whose name key is ``key`` then contains ``key``: the key drops
        a particle prefix ("al-") and a final "'s", and only an "'s" inside a
        norm ("o'sullivan") would cut it in two.
        """
        if self._joined is None:
            joined = " ".join(self.tokens.norms)
            self._joined = "" if _INNER_S.search(joined) else joined
        return self._joined

    def full_mention(self, head: int) -> tuple[int, int]:
        """Character span of the fullest earlier mention of the name at token ``head``.

        The fullest mention is the longest title-and-name phrase ending in the
        same surname, among the occurrences up to ``head``.
        """
        toks = self.tokens
        best = (toks.starts[head], toks.ends[head])
        names = self._names
        for t in self._occurrences(_name_key(toks.norms[head]), head):
            if t in names:
                span = names[t]
            else:
                span = names[t] = self._name_phrase(t)
            if span is not None and span[1] - span[0] > best[1] - best[0]:
                best = span
        return best

    def _name_phrase(self, t: int) -> tuple[int, int] | None:
        """Character span of the title-and-name phrase ending at token ``t``, if any."""
        toks = self.tokens
        if not _is_capitalised(self.text, toks.starts[t], toks.ends[t]):
            return None
        span = _phrase_left(self.text, toks, t, max(0, t - _MAX_PHRASE), names=True)
        if span is None:
            return None
        first = span[0]
        while first < t and (
            toks.norms[first] in DETERMINERS
            or (
                self.text[toks.starts[first]].islower()
                and toks.norms[first].endswith(("ed", "ing"))
            )
        ):
            first += 1  # "the", "matched": not part of a name
        return (toks.starts[first], toks.ends[t])

    # -- resolution -----------------------------------------------------------
    def resolve(self, i: int, j: int) -> Mention:
        """Resolve the speaker phrase at tokens ``[i, j)`` and remember it."""
        toks, text = self.tokens, self.text
        start, end = toks.starts[i], toks.ends[j - 1]
        head = toks.norms[j - 1]
        if j - i == 1 and (head in PRONOUNS or _contracted_pronoun(head)):
            mention = self._pronoun(head.partition("'")[0], start, end, i)
            self._history.append(mention)
            return mention
        # the head of the name: the last capitalised word before a comma/appositive
        name_end = j
        if "," in text[start:end]:  # (a token never holds a comma)
            for t in range(i + 1, j):
                if "," in text[toks.ends[t - 1] : toks.starts[t]]:
                    name_end = t
                    break
        head_t = name_end - 1
        # the title before the name wins over an appositive ("Rep. Bill Huizenga, a
        # former Rubio supporter"); without one, the appositive gives the role
        category = self.category_of(start, toks.ends[name_end - 1])
        if category == "other" and name_end < j:
            category = self.category_of(start, end)
        name = text[start : toks.ends[head_t]]
        kind = self._kind(i, name_end)
        if _is_capitalised(text, toks.starts[head_t], toks.ends[head_t]) and kind == "person":
            fs, fe = self.full_mention(head_t)
            if fe - fs > len(name):
                name = text[fs:fe]
                if category == "other":
                    category = self.category_of(fs, fe)
        elif toks.norms[head_t] in _ANONYMOUS_HEADS and (
            head_t == i or text[toks.starts[head_t]].islower()
        ):
            # "officials said", "a senior official said", "US officials said":
            # people described only by a generic role are anonymous sources.
            category = "anonymous"
        mention = Mention(start, end, name, category, kind)
        self._history.append(mention)
        return mention

    def _kind(self, i: int, j: int) -> str:
        toks = self.tokens
        norms = toks.norms[i:j]
        if not _ORG_HEADS.isdisjoint(norms[-2:]):
            return "org"
        head = norms[-1]
        if (
            head.endswith("s")
            and not head.endswith(("ss", "'s", "us"))
            and not (self.text[toks.starts[j - 1]].isupper() and j - i > 1)
        ):
            return "group"
        return "person"

    def _pronoun(self, pronoun: str, start: int, end: int, i: int) -> Mention:
        if pronoun == "who":
            # "Smith, who ..., said": the phrase before the relative pronoun
            span = (
                _phrase_left(self.text, self.tokens, i - 1, max(0, i - _MAX_PHRASE)) if i else None
            )
            if span is not None and span[1] == i:
                inner = self.resolve(*span)
                self._history.pop()
                return Mention(start, end, inner.name, inner.category, inner.kind)
        wanted: tuple[str, ...]
        if pronoun in _PERSON_PRONOUNS:
            wanted = ("person",)
        elif pronoun == "it":
            wanted = ("org",)
        elif pronoun == "they":
            wanted = ("group", "org")
        else:
            wanted = ("person", "group", "org")
        for prev in reversed(self._history[-12:]):
            if prev.kind in wanted:
                return Mention(start, end, prev.name, prev.category, prev.kind)
        found = self._antecedent(i, wanted)
        if found is not None:
            return Mention(start, end, found.name, found.category, found.kind)
        return Mention(start, end, self.text[start:end], "other", wanted[0])

    def _antecedent(self, i: int, wanted: tuple[str, ...]) -> Mention | None:
        """The closest earlier name phrase of a wanted kind (not a speaker yet)."""
        toks, text = self.tokens, self.text
        t = i - 1
        while t >= max(0, i - _ANTECEDENT_WINDOW):
            norm = toks.norms[t]
            if (
                text[toks.starts[t]].isupper()
                and norm not in _STOP
                and norm not in DETERMINERS
                and norm not in PRONOUNS
                and norm not in _TIMES
                and norm not in _MONTHS
                and (
                    t + 1 >= len(toks)
                    or t + 1 == i
                    or not _is_capitalised(text, toks.starts[t + 1], toks.ends[t + 1])
                )
            ):
                span = _phrase_left(text, toks, t, max(0, t - _MAX_PHRASE), names=True)
                if span is not None and self._kind(*span) in wanted:
                    s, e = toks.starts[span[0]], toks.ends[span[1] - 1]
                    return Mention(s, e, text[s:e], self.category_of(s, e), self._kind(*span))
            t -= 1
        return None
