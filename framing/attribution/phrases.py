"""Noun phrases around a reporting verb: the closed word lists and the span helpers.

A rule-based, model-free stage of :mod:`framing.attribution`. It works on the
word tokens of :func:`framing.text.tokenize` and never looks at more than a
dozen tokens around a reporting verb, so its cost is linear in the number of
cues.

* :func:`subject_before` finds the subject noun phrase left of a reporting
  verb ("US Joint Chiefs of Staff chairman General Martin Dempsey refused";
  "Smith, a spokesman for the ministry, said"; "Saudi state media announced").
* :func:`phrase_after` finds a noun phrase right of a position
  ("said Smith", "according to a source familiar with the talks").

The closed word lists below (determiners, pronouns, function words) are
grammatical classes the algorithm needs, not lexicon content; see STYLE.md
rule 3.
"""

from __future__ import annotations

from ..lexicon import load_lexicon
from ..text import Tokens
from .calendar import TIMES as _TIMES

__all__ = ["BETWEEN", "DETERMINERS", "PRONOUNS", "org_and", "phrase_after", "subject_before", "word_set"]


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
OBJECT_PRONOUNS = word_set("me you him her us them it himself herself themselves")

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
    has have had also later earlier previously once then first again would will could don't doesn't
    didn't can may might must did does do had already recently repeatedly publicly privately can't
    couldn't often frequently never not reportedly allegedly yesterday today initially won't
    wouldn't subsequently since still further himself herself themselves itself sometimes hasn't
    haven't now just is are was were been being be am however too shouldn't
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
_MAX_PHRASE = 14
_MAX_APPOSITIVE = 30
_LINKERS = word_set("familiar close knowledge linked allied")


def _is_capitalised(text: str, start: int, end: int) -> bool:
    """Whether the token has an upper-case letter (names, "al-Maliki", "McCain")."""
    return not text[start:end].islower()


def _gap_ok(text: str, tokens: Tokens, left: int) -> bool:
    """Whether tokens ``left`` and ``left + 1`` may belong to one noun phrase.

    Only spaces, a hyphen, a parenthesis, or the period of a title
    abbreviation or initial may stand between them. A hyphen or en dash
    with a space on both sides is a dash between clauses, not part of a
    name: "National Association of Manufacturers - Trump defends",
    "MOSCOW \u2013 Russia reacted" are two phrases.
    """
    gap = text[tokens.ends[left] : tokens.starts[left + 1]]
    if not gap or gap == " ":  # the common cases first
        return True
    if "\n" in gap:
        return False
    stripped = gap.strip()
    if stripped in ("-", "\u2013") and gap[0].isspace() and gap[-1].isspace():
        return False
    if not stripped or stripped in ("-", "\u2013", "(", ")", ".)", "'", "\u2019"):
        return True
    if stripped == "&":  # "Johnson & Johnson", "Procter & Gamble": one name
        return text[tokens.starts[left]].isupper() and text[tokens.starts[left + 1]].isupper()
    if stripped == ".":
        norm = tokens.norms[left].removeprefix("then-")  # "then-Sen. Blanche Lincoln"
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
            or (norms[j] in ("on", "last", "this", "early") and j + 1 < cue and norms[j + 1] in _TIMES)
            or (norms[j] == "longer" and j > lo and norms[j - 1] == "no")  # "The senator no longer says"
            or (norms[j] == "no" and norms[j + 1] == "longer")
        )
    ):
        j -= 1
    if j < lo:
        return None
    gap = text[ends[j] : starts[j + 1]].strip()
    if gap == "," or (gap in (".,", "),", ".),") and text[ends[j] - 1].isalpha()):
        # Appositive or relative clause closed by a comma before the verb (also
        # after an abbreviation or a parenthesis: "Sen. Marco Rubio, R-Fla., told")
        return _appositive(text, tokens, j, lo)
    if gap in _DASHES:
        # "Jason Sims — a teacher from Mount Pleasant — says": an appositive between dashes
        return _dashed_appositive(text, tokens, j, lo)
    if gap and gap not in (")", ".)", "-"):
        return None
    if norms[j] in ("them", "us", "those") and j - 2 >= lo and norms[j - 1] == "of" and norms[j - 2] in _QUANTIFIERS:
        return (j - 2, j + 1)  # "most of them said", "many of those"
    span = _phrase_left(text, tokens, j, lo)
    if span is not None and span[0] - 3 >= lo and norms[span[0] - 1] in _ATTACHING and _participle(text, tokens, span[0] - 2):
        # "A Quinnipiac University poll released in late August found", "A study published in Nature found"
        before = _phrase_left(text, tokens, span[0] - 3, lo)
        if before is not None and norms[before[1] - 1] not in PRONOUNS and not _verb_like(text, tokens, before[1] - 1):
            return (before[0], span[1])
    if (
        span is not None
        and span[0] - 1 > lo
        and tokens.norms[span[0] - 1] in _PREPOSITIONS
        and tokens.norms[span[0]] in DETERMINERS
        and _plain_gap(text, ends[span[0] - 1], starts[span[0]])
    ):
        # "... fighting against the government of Bashar al-Assad are declaring":
        # a determiner phrase governed by a preposition is not the subject, unless
        # the preposition attaches it to a noun before ("At least half of voters in
        # each state say", "One in four voters in a New York Times poll said")
        return _governed(text, tokens, span, lo)
    return span


_QUANTIFIERS = frozenset(["most", "many", "some", "all", "both", "each", "none", "several", "few", "half"])
# prepositions that attach a phrase to the noun before it inside a subject
_ATTACHING = frozenset(["in", "of", "from", "among", "across", "at"])


def _governed(text: str, tokens: Tokens, span: tuple[int, int], lo: int) -> tuple[int, int] | None:
    """The subject ending in ``span`` when a preposition joins it to the nouns before it, else None."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    first = span[0]
    joined = False
    for _ in range(3):
        p = first - 1
        if p - 1 < lo or norms[p] not in _ATTACHING or not _plain_gap(text, ends[p - 1], starts[p]):
            break
        before = _phrase_left(text, tokens, p - 1, lo)
        if before is None or norms[before[1] - 1] in PRONOUNS or _verb_like(text, tokens, before[1] - 1):
            break
        first, joined = before[0], True
    return (first, span[1]) if joined else None


def _participle(text: str, tokens: Tokens, k: int) -> bool:
    """Whether token ``k`` is a lower-case past participle that opens a reduced relative ("released in")."""
    norm = tokens.norms[k]
    return text[tokens.starts[k]].islower() and (norm.endswith("ed") or norm in ("written", "taken", "shown", "drawn"))


def _verb_like(text: str, tokens: Tokens, k: int) -> bool:
    norm = tokens.norms[k]
    return text[tokens.starts[k]].islower() and (norm.endswith(("ed", "ing")) or norm in _verb_forms())


_DASHES = ("\u2014", "\u2013", "--")
# first words of an appositive between dashes after a common noun ("Many speakers at the
# service \u2014 including Muslims, Christians \u2014 said")
_DASHED_OPENERS = frozenset(["including", "among", "who", "a", "an"])


def _dashed_appositive(text: str, tokens: Tokens, j: int, lo: int) -> tuple[int, int] | None:
    """Subject with an appositive between dashes: ``NAME — <appositive> —`` before the verb."""
    starts, ends = tokens.starts, tokens.ends
    k = j
    while k > lo and j - k < _MAX_APPOSITIVE:
        gap = text[ends[k - 1] : starts[k]].strip()
        if gap in _DASHES:
            break
        if gap not in ("", "-", ".", ",", "'", "\u2019"):
            return None
        k -= 1
    else:
        return None
    if k <= lo or k == j:
        return None
    name = _phrase_left(text, tokens, k - 1, lo)
    if name is None or not (text[starts[k - 1]].isupper() or tokens.norms[k] in _DASHED_OPENERS):
        return None  # a name before the dashes ("Jason Sims"), not "The vote — held ... —"
    return (name[0], j + 1)


def _plain_gap(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


_VERB_FORMS: set[str] = set()


def _verb_forms() -> set[str]:
    """Inflected reporting verbs ("said", "tells", "warning"); not base forms,
    which are often nouns inside names and roles ("state media")."""
    if not _VERB_FORMS:
        for entry in load_lexicon("reporting_verbs"):
            if len(entry.words) == 1 and entry.extra.get("form") in ("past", "past_participle", "3sg", "gerund"):
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


# organisation words before a preposition ("Department of ... and ...") or ending a name ("... and Drug Administration")
_ORG_LEFT = word_set("department ministry agency bureau council office commission institute center centers centre "
                     "committee administration board foundation association federation")
_ORG_RIGHT = word_set("administration commission foundation enforcement services development agency institute "
                      "association council")


def org_and(text: str, tokens: Tokens, k: int, lo: int) -> bool:
    """Whether "and" at token ``k`` joins capitalised words (not before ``lo``) into one organisation's name.

    "Centers for Disease Control and Prevention", "Department of Health and
    Human Services" (an organisation word and a preposition before it), "Food
    and Drug Administration" (an organisation word ends the name); "Trump and
    Pelosi", "the House and Senate" are two names.
    """
    norms, starts, n = tokens.norms, tokens.starts, len(tokens.norms)
    if norms[k] != "and" or not lo < k < n - 1 or text[starts[k - 1]].islower() or text[starts[k + 1]].islower():
        return False
    if text[tokens.ends[k - 1] : starts[k]] != " " or text[tokens.ends[k] : starts[k + 1]] != " ":
        return False
    right = next((t for t in range(k + 1, min(n, k + 4)) if text[starts[t]].islower()), min(n, k + 4))
    return not _ORG_RIGHT.isdisjoint(norms[k + 1 : right]) or any(  # "... and Drug Administration"
        norms[t] in ("of", "for", "on") and norms[t - 1] in _ORG_LEFT for t in range(max(lo + 1, k - 4), k))


def _phrase_left(text: str, tokens: Tokens, j: int, lo: int, *, names: bool = False) -> tuple[int, int] | None:
    """The noun phrase whose last token is ``j``, scanning left."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    head = norms[j]
    if head == "who" and j > lo and text[ends[j - 1] : starts[j]].strip() == ",":
        # "Mr. Ekovich, who noted ...": "who" is the mention next to the cue (as
        # PolNeAR marks the source), resolved to the phrase before it by the
        # speaker resolver; without such a phrase there is no speaker
        return (j, j + 1) if _phrase_left(text, tokens, j - 1, lo) is not None else None
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
            if k - 2 >= lo and _gap_ok(text, tokens, k - 1) and _gap_ok(text, tokens, k - 2) and (
                norms[k - 1] in ("of", "for", "at", "by", "from")
                or (norms[k - 1] in ("with", "to") and norms[k - 2] in _LINKERS)
            ) and norms[k - 2] not in _STOP and norms[k - 2] not in DETERMINERS:
                k -= 2  # over the preposition
                continue
            break
        if (norm in _CONNECTORS and not _name_particle(text, starts[k], norm)) or (
                k < j and norm == "and" and org_and(text, tokens, k, lo)):
            k -= 1
            continue
        cap = not text[starts[k] : ends[k]].islower()
        if (norm in _STOP or norm in PRONOUNS) and not (cap and norm in ("us", "u.s")):
            if cap and lo < k < j and norm in _PREPOSITIONS and text[starts[k - 1]].isupper():
                k -= 1  # "Mothers Against Drunk Driving": a preposition written capitalised inside a name
                continue
            break
        if not cap and k < j and norm in verb_forms:
            break  # "said Zbigniew Brzezinski": a reporting verb is not part of a speaker
        if not cap and norm.endswith("ly") and len(norm) > 4:
            break
        if cap and norm in ("and",):
            break
        first = k
        k -= 1
    # a leading connector is never part of the phrase ("Al" of "Al Gore" is a name)
    while first <= j and norms[first] in _CONNECTORS and not _name_particle(text, starts[first], norms[first]):
        first += 1
    if first > j:
        return None
    return (first, j + 1)


def _name_particle(text: str, start: int, norm: str) -> bool:
    """A capitalised particle that is a name word ("Al Gore", "De Blasio"), not "of" or "for"."""
    return text[start].isupper() and norm not in ("of", "for")


def _appositive(text: str, tokens: Tokens, j: int, lo: int) -> tuple[int, int] | None:
    """Subject with an appositive: ``NAME, <appositive>,`` before the verb."""
    starts, ends = tokens.starts, tokens.ends
    # find the comma that opens the appositive (within a short window)
    k = j
    while k > lo and j - k < _MAX_APPOSITIVE:
        gap = text[ends[k - 1] : starts[k]]
        if any(ch in gap for ch in "\"\u201c\u201d") or ("," in gap and "'" in gap):
            return None  # never across a quote mark (also ",''" and ",'" of wire texts)
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
    if name[0] - 1 > lo and text[ends[name[0] - 1] : starts[name[0]]].strip() == "," and (
            (tokens.norms[k] in ("a", "an") and text[starts[name[0]]].islower())
            or (name[1] == k and k - name[0] == 1 and tokens.norms[name[0]].isdecimal())):
        # "Shaughnessy Naughton, founder of 314 Action, an advocacy group, says", "Jo Walker, 44, a
        # voter, said": the person before the role or the age
        outer = _phrase_left(text, tokens, name[0] - 1, lo)
        if outer is not None and text[starts[outer[0]]].isupper():
            return (outer[0], j + 1)
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
            if k > i and last >= 0 and norms[k - 1] not in _CONNECTORS and norms[k - 1] not in ("with", "to"):
                break
            k += 1
            continue
        if norm in ("with", "to") and k > i and norms[k - 1] in ("familiar", "close", "knowledge"):
            k += 1
            continue
        if norm in _CONNECTORS or (norm == "at" and k + 1 < hi):
            k += 1
            continue
        if (norm in _STOP or norm in PRONOUNS) and not (  # "said Mothers Against Drunk Driving"
                cap and last == k - 1 and k + 1 < hi and norm in _PREPOSITIONS and text[starts[k + 1]].isupper()):
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

# Heads of organisation and anonymous-source phrases ("the ministry", "senior officials").
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
