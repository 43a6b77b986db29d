"""Cue words in fixed phrases and in senses of acting, which report no words or thought.

Rules of :func:`framing.attribution.senses.other_sense` (the quote finder asks
it for every cue; a cue it rejects gives no quote, but stays a verb for the
reporting-verb counts and the cue evaluation). Each rule comes from a quote of
the hand-checked sample in docs/attribution.md whose "speaker" said nothing:

* a fixed phrase of the author's ("All told, ... Knott said", "Truth be told",
  "That said,", "Having said that,", "Needless to say", "Well, you see, ...");
* "storm" with an object or a direction ("A knife-wielding man stormed a
  church", "stormed out"): a movement, not an outburst ("'Out!' he stormed");
* "point(s) to" people ("Barack Obama points to supporters"): a gesture, not
  "pointed to the rising costs";
* "see" in any form with a bare object and no "as" ("voters don't see the
  stakes", "Everyone has seen the empty shelves", "Europe saw a dip", "without
  seeing the intelligence"): a perception or an experience, not "many see the
  strikes as a mistake", "saw that" or a forecast ("analysts see more gains");
* a belief cue joined by "and" to an action verb it shares its object with
  ("Soleimani's Quds Force funds and supports proxy groups");
* a past form after a plural noun, with its complement and then "by"
  ("certain tech companies declared essential by the state"): a passive
  participle whose noun is what is declared, not who declares ("mining
  companies declared bankruptcy" stays);
* "called" naming a thing after an indefinite noun phrase ("a radio program
  called 'Story Time'", "a company called AdmitHub"), not "a spokesman called
  Trump a liar" nor "the senator called Trump";
* "accused of" with no object between: a passive whose subject is the accused
  ("the people accused of crimes", "He's accused of threatening"), not "whom
  he accused of lying" nor an agent "by" after it;
* "guarantee" with a bare object: a provision ("the deal would guarantee Iran
  a weapon", "the bill guarantees rights"), not "guaranteed that" or "I
  guarantee you we will win";
* "knock" with a direction ("knocked on doors", "knocked his head against",
  "knocking them out"): a blow, not "knocked Sanders on his record";
* the author's or the outlet's own earlier words, "As we reported earlier,",
  "As I have noted", "as we explained in": no source of the article;
* a gerund after "accused of", "suspected of", "charged with" ("He's accused of
  threatening a center"): the act alleged, not words of the accused;
* a byline, "This story was reported by ...", "The article was written by"; a credit line,
  "CNN's Ian Lee reported from Cairo;" (a place, then the end of the clause);
* "known as" ("a disease known as silicosis"): a name, nobody's knowledge;
* "called in" troops, police or reinforcements ("the military called in special
  forces"): a deployment, not "called in a statement for";
* "echoed that of" / "echo those of" ("Limbaugh's criticism echoed that of
  Trump"): the author's comparison of two views, not "echoed Trump's call";
* "wrote for" an outlet, a person or an audience with no content ("Khashoggi, who
  wrote for The Washington Post and lived in Virginia", "wrote for herself"): a
  job or a habit, not '"...," he wrote for the Telegraph' (words before it) nor
  "wrote for The Informer that ...";
* "threaten" with a bare object that is a thing, not a person, a name or an act
  threatened ("the plant would threaten the air quality", "its release threatens the
  inquiry"): a danger, not "threatened a lawsuit", "threatened Smith", "threatened
  them with jail" nor "threatened to resign";
* the verb after a subject "anyone who ..." / "everyone who ..." opening a clause
  ("anyone who has followed Washington – and its gridlock – knows"): the author's
  generalisation, no one quoted (not "he told anyone who would listen, and said");
* the verb of a yes/no question opened by an auxiliary ("Does he want to
  follow the experts?", "Did you know ...?"): asked, not reported (not the
  asking verb itself, nor a cue after the question mark: '"Shouldn't we?" said
  McCain').
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import Tokens
from .gazetteers import people_head
from .phrases import _PREPOSITIONS, DETERMINERS, OBJECT_PRONOUNS, word_set

__all__ = ["action_rule"]

# fixed phrases holding a cue, as words; the cue is the word at the given index
_IDIOMS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("all", "told"), 1),
    (("truth", "be", "told"), 2),
    (("truth", "to", "tell"), 2),
    (("that", "said"), 1),
    (("having", "said", "that"), 1),
    (("needless", "to", "say"), 2),
    (("suffice", "it", "to", "say"), 3),
    (("so", "to", "speak"), 2),
    (("you", "see"), 1),  # between commas: "Well, you see, she has charisma"
    (("you", "know"), 1),
)
# the fixed phrases by their cue word: a cue looks only at those it can be part of
_IDIOMS_BY_CUE: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _words, _at in _IDIOMS:
    _IDIOMS_BY_CUE.setdefault(_words[_at], []).append((_words, _at))
# what may follow "storm" when it reports an outburst: the end of a clause, a quote, "that", "at"
_STORM_DIRECTIONS = word_set("out off in into through onto past away back up down across toward towards")
_CLAUSE_WORDS = word_set("that as how what whether why who which where when if")
_CLAUSE_VERBS = word_set("to is are was were will would")  # "see the plan is", "see them to"
# words ending in "s" that are no plural noun before a participle ("has proposed death by")
_NOT_PLURALS = word_set("is has was does this its his us thus as plus less unless yes whereas")
_OBJECT_START = DETERMINERS | word_set("more less")
# cues the author or the outlet use of their own earlier words: "As we reported earlier"
_OWN_WORDS = word_set("report note write explain mention detail predict argue document discuss reveal")
_OWN_AUXILIARIES = word_set("have has had 've previously earlier first also recently repeatedly already often")
_ALLEGING = word_set("accused suspected charged convicted guilty acquitted")
_PIECES = word_set("story report article piece post interview video")
_WITHDRAWALS = word_set("out down away off")  # "backed out", "backed down": not "backed up her claim"
_KNOCK_DIRECTIONS = word_set("on down out over off into onto against at")
_KNOCK_AFTER_OBJECT = word_set("down out over off into onto against")
# words that open a reported clause within reach of "guarantee": "guarantee you we will win"
_FINITE = word_set("that will would won't wouldn't is are was were can could has have had")
_AMOUNTS = word_set("more less fewer few many much several some no two three four five six seven eight nine ten")


def _clause_edge(text: str, tokens: Tokens, k: int, after: bool) -> bool:
    """Whether token ``k`` starts (``after`` False: ends) a clause: text edge, punctuation or sentence start."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    if after:
        return k >= len(norms) or not norms[k][:1].isalnum() or text[ends[k - 1] : starts[k]].strip() != ""
    return k < 0 or not norms[k][:1].isalnum() or text[ends[k] : starts[k + 1]].strip() != ""


_SENTENCE_ENDS = frozenset(".;?!")
_BEFORE_SEEING = word_set("without after before upon")  # "without seeing the intelligence it was based on"


def _title_dot(text: str, tokens: Tokens, k: int) -> bool:
    """Whether token ``k`` is a short capitalised abbreviation followed by its dot ("Mr.", "Sen.", "U.S.")."""
    word = text[tokens.starts[k] : tokens.ends[k]]
    return word[:1].isupper() and len(word.rstrip(".")) <= 4 and text[tokens.ends[k] : tokens.ends[k] + 1] == "." and (
        text[tokens.ends[k] + 1 : tokens.ends[k] + 2] in (" ", "")
    )


def _as_later(text: str, tokens: Tokens, j: int, reach: int = 30) -> bool:
    """Whether an "as" follows token ``j`` in its sentence ("saw the toppling of ... — ... — as proof")."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    for k in range(j, min(len(norms), j + reach)):
        if k > j and _SENTENCE_ENDS.intersection(text[ends[k - 1] : starts[k]]) and not _title_dot(text, tokens, k - 1):
            return False
        if norms[k] == "as" and norms[k + 1 : k + 2] != ["well"]:
            return True  # not "as well"
    return False


def _idiom(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the cue at token ``i`` is in one of the fixed phrases, standing as a clause of its own."""
    norms = tokens.norms
    for words, at in _IDIOMS_BY_CUE.get(norms[i], ()) if 0 <= i < len(norms) else ():
        first, last = i - at, i - at + len(words)
        if first < 0 or last > len(norms) or tuple(norms[first:last]) != words:
            continue
        if _clause_edge(text, tokens, first - 1, after=False) and (
            words[-1] in ("say", "that") or _clause_edge(text, tokens, last, after=True)
        ):
            return True
    return False


def _bare_object(text: str, tokens: Tokens, j: int, reach: int = 8) -> bool:
    """Whether the words from token ``j`` (right after the cue) are a noun phrase with no clause or "as" after it."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    if j >= len(norms) or not norms[j].isalpha() or norms[j] in _CLAUSE_WORDS:
        return False
    if j and text[ends[j - 1] : starts[j]].strip():
        return False  # "you see, she has": punctuation after the cue
    for k in range(j, min(len(norms), j + reach)):
        if k > j and text[ends[k - 1] : starts[k]].strip() and not _title_dot(text, tokens, k - 1):
            return True  # the phrase ends at punctuation
        if norms[k] == "to" and norms[k - 2 : k] == ["in", "order"]:
            return True  # "supports proxy groups in order to export": a purpose, no clause
        if norms[k] in _CLAUSE_WORDS or norms[k] in _CLAUSE_VERBS:
            return False
    return True


def action_rule(text: str, tokens: Tokens, i: int, j: int, lemma: str, form: str, act: str) -> str | None:
    """The rule above that the cue-lexicon hit on tokens ``i:j`` meets, or None.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> s = "All told, Knott said he spent about $1,500."
    >>> t = tokenize(s)
    >>> action_rule(s, t, 1, 2, "tell", "past", "speech"), action_rule(s, t, 4, 5, "say", "past", "speech")
    ('idiom', None)
    >>> s = "A knife-wielding man stormed a church."
    >>> action_rule(s, tokenize(s), 3, 4, "storm", "past", "speech")
    'storm_movement'
    """
    norms, starts = tokens.norms, tokens.starts
    n = len(norms)
    nxt = norms[j] if j < n else ""
    if _idiom(text, tokens, i):
        return "idiom"
    if lemma == "storm" and j < n and (
        nxt in _STORM_DIRECTIONS or nxt in _OBJECT_START or nxt in OBJECT_PRONOUNS or text[starts[j]].isupper()
    ):
        return "storm_movement"  # "stormed a church", "stormed out of the room", "stormed Congress"
    if lemma == "back" and nxt in _WITHDRAWALS and text[tokens.ends[j - 1] : starts[j]] == " ":
        return "back_away"  # "Britain backed out of the deal", "the senator backed down": withdrew, no endorsement
    if lemma == "point to":
        k = j + 1 if nxt in DETERMINERS else j
        if k < n and (norms[k] in OBJECT_PRONOUNS or people_head(norms[k])) and norms[k + 1 : k + 2] != ["of"]:
            return "gesture"  # "points to supporters", "pointed to the crowd", "pointed to him"
    if (
        lemma == "see" and nxt not in OBJECT_PRONOUNS and nxt not in _AMOUNTS and nxt != "by"
        and not nxt.isdigit() and not _as_later(text, tokens, j) and (
            _bare_object(text, tokens, j) or (
                form == "gerund" and i and norms[i - 1] in _BEFORE_SEEING and nxt.isalpha() and nxt not in _CLAUSE_WORDS)
        )
    ):
        # "voters don't see the stakes", "has seen the empty shelves": not "see the strikes as",
        # "saw that", nor a forecast of an amount ("analysts see more gains", "sees three main issues")
        return "perception"
    if (
        act == "belief" and form in ("3sg", "past") and i > 1 and norms[i - 1] in ("and", "or")
        and norms[i - 2].isalpha() and not text[starts[i - 2]].isupper()
        and norms[i - 2].endswith("s" if form == "3sg" else "ed") and _bare_object(text, tokens, j)
    ):
        return "coordinated_action"  # "funds and supports proxy groups": the object of an action
    if (
        form == "past" and i and j + 1 < n and norms[j + 1] == "by" and nxt.isalpha() and text[starts[j]].islower()
        and nxt not in _OBJECT_START and nxt not in OBJECT_PRONOUNS and norms[i - 1].endswith("s")
        and norms[i - 1] not in _NOT_PLURALS
        and not norms[i - 1].endswith("'s") and norms[i - 1].isalpha() and not text[starts[i - 1]].isupper()
    ):
        return "reduced_passive"  # "companies declared essential by the state": declared, not declaring
    return _named_or_done(text, tokens, i, j, lemma, form)


def _named_or_done(text: str, tokens: Tokens, i: int, j: int, lemma: str, form: str) -> str | None:
    """The rules of naming, passives, provisions, blows and the author's own words (see the module docstring)."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    n = len(norms)
    nxt = norms[j] if j < n else ""
    if lemma == "call" and form in ("past", "past_participle") and j < n and _indefinite_thing(text, tokens, i) and (
        any(c in _QUOTE_MARKS for c in text[ends[j - 1] : starts[j]]) or (
            text[starts[j]].isupper() and not _complement_after_name(text, tokens, j))
    ):
        return "naming"  # "a radio program, called 'Story Time'": a name, not words of the program
    if (
        lemma == "accuse" and form in ("past", "past_participle") and nxt == "of"
        and _RELATIVE_OBJECTS.isdisjoint(norms[max(0, i - 8) : i]) and "by" not in norms[j : j + 12]
    ):
        return "accused_passive"  # "the people accused of crimes": the accused, not the accuser
    if lemma == "guarantee" and j < n and nxt not in _FINITE and nxt not in _ADDRESSEES and _bare_provision(
        text, tokens, j
    ):
        return "provision"  # "the deal would guarantee Iran a nuclear weapon": what it secures, not a promise
    if lemma == "knock" and (
        nxt in _KNOCK_DIRECTIONS or (j < n and _direction_after_object(text, tokens, j))
    ):
        return "blow"  # "knocked on doors", "knocked his head against the concrete", "knocking them out"
    if form == "gerund" and i > 1 and norms[i - 1] in ("of", "with") and norms[i - 2] in _ALLEGING:
        return "alleged_act"  # "accused of threatening a center": what is alleged, not what is said
    if lemma in _OWN_WORDS and _own_words(text, tokens, i):
        return "own_words"  # "As we reported earlier, ...": the outlet's own report, no source
    if lemma == "know" and form in ("past", "past_participle") and nxt == "as":
        return "known_as"  # "a disease known as cavernous hemangioma": a name, nobody's knowledge
    if lemma == "call" and nxt == "in" and _deployed(norms, j + 1):
        return "call_in"  # "the military called in special forces": a deployment, no words
    if lemma == "echo" and nxt in ("that", "those") and norms[j + 1 : j + 2] == ["of"]:
        return "comparison"  # "Limbaugh's criticism echoed that of Trump": the author's comparison
    if lemma == "write" and nxt == "for" and _written_for(text, tokens, i, j):
        return "written_for"  # "who wrote for The Washington Post and lived in Virginia": a job, no words
    if lemma == "threaten" and j < n and _endangered(text, tokens, j):
        return "endanger"  # "the plant would threaten the air quality": a danger, nobody's threat
    if _anyone_who(text, tokens, i):
        return "anyone_who"  # "anyone who has followed Washington knows": a generalisation, no source
    if lemma not in _QUESTION_CUES and _in_question(text, tokens, i):
        return "question"  # "Does he want to follow the experts?", "Did you know ...?": asked, not reported
    if (
        lemma in ("report", "write") and form in ("past", "past_participle") and nxt == "by" and i > 1
        and norms[i - 1] in ("was", "is") and norms[i - 2] in _PIECES
    ):
        return "byline"  # "This story was reported by Jane Doe": who wrote the article
    if lemma == "report" and form == "past" and nxt == "from" and _credit_line(text, starts[i], tokens.ends[j - 1]):
        return "credit"  # "CNN's Ian Lee reported from Cairo;": where the article's reporter was
    return None


# "reported from Cairo;", "reported from Washington and Atlanta.": a place, then the end of the clause
_CREDIT_NAMES = 80  # characters of the names a credit line opens with ("CNN's Greg Botelho and Josh Levs")
_CREDIT_PLACE = re.compile(r" from (?:[A-Z][\w.'-]*(?:,? (?:and )?[A-Z][\w.'-]*)*)\s*(?:[;.]|\n|\Z)")
_CREDIT_REACH = 100  # characters of the place and what ends it ("from Providence, R.I.")


def _credit_line(text: str, line_end: int, cue_end: int) -> bool:
    """Whether a line of at most :data:`_CREDIT_NAMES` characters and no quotation mark ends at
    ``line_end`` and a place that ends the clause follows the cue (both scans bounded: linear time)."""
    place = _CREDIT_PLACE.match(text, cue_end, min(len(text), cue_end + _CREDIT_REACH))
    if place is None or (place.end() == cue_end + _CREDIT_REACH and place.end() < len(text)):
        return False  # no place, or one the bound cut
    begin = text.rfind("\n", max(0, line_end - _CREDIT_NAMES - 1), line_end) + 1
    if not begin and line_end > _CREDIT_NAMES:
        return False  # a line longer than a credit's names
    return not any(ch in '"\u201c\u201d' for ch in text[begin:line_end])


_QUOTE_MARKS = "\"\u201c\u2018'"
# what is "called in" when the call is a deployment: "called in special forces", "call in the National Guard"
_DEPLOYED = word_set(
    """
    troops forces force police guard army military marines soldiers reinforcements backup swat
    firefighters paratroopers units commandos airstrikes strikes squad
    """
)
_DEPLOYED_BEFORE = DETERMINERS | word_set("special federal additional more extra elite riot state national armed local")
_CONTENT_MARKS = "\"\u201c\u201d\u2018\u2019:"
_PARAGRAPH_REACH = 400  # characters back in which a quotation before "wrote for" is looked for
_WRITTEN_REACH = 10  # words after "wrote for" in which a "that" or a quote would open the words written
_RELATIVE_OBJECTS = word_set("whom which that who")
_ADDRESSEES = word_set("you me us everyone everybody")
_THING_WORDS_BACK = 4  # words between "a" and "called" ("a book last year called")


def _indefinite_thing(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the words before "called" at token ``i`` are an indefinite noun phrase naming no person."""
    norms, starts = tokens.norms, tokens.starts
    if not i or not norms[i - 1].replace("-", "").isalpha() or norms[i - 1] in OBJECT_PRONOUNS:
        return False
    if people_head(norms[i - 1]) or text[starts[i - 1]].isupper():
        return False  # "a spokesman called Trump a liar"; a name before "called" is its subject
    for k in range(i - 1, max(-1, i - _THING_WORDS_BACK - 2), -1):
        if norms[k] in ("a", "an"):
            # "Chris Christie, a former US attorney, called Obama": an appositive, its name the subject
            return not (k and text[tokens.ends[k - 1] : starts[k]].strip() == "," and text[
                tokens.ends[i - 1] : starts[i]].strip() == ",")
        if norms[k] in DETERMINERS or not norms[k].replace("-", "").isalpha() or norms[k] in _CLAUSE_VERBS:
            return False  # "the ambassador called Flynn", "and he called"
    return False


_QUESTION_CUES = word_set("ask wonder question inquire")
_INVERTED = word_set(
    """
    does do did would will can could should is are was were has have had might may must shall
    isn't aren't wasn't weren't doesn't don't didn't won't wouldn't can't couldn't shouldn't hasn't haven't
    """
)
_CONJUNCTIONS = word_set("but and so or yet then")
_SUBORDINATORS = word_set("that who which when because if whether while since after before where whom")
_QUESTION_REACH = 6  # words between the inverted auxiliary and the cue ("Does Chinese President Xi Jinping want")


def _in_question(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the cue at token ``i`` is the verb of a yes/no question opened by an auxiliary a few words before it."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    for k in range(i - 1, max(-1, i - _QUESTION_REACH - 2), -1):
        if norms[k] in _SUBORDINATORS or text[ends[k] : starts[k + 1]].strip():
            return False  # "when they accused", "..., she asked", '"Shouldn't we?" said McCain'
        if norms[k] not in _INVERTED:
            continue
        opener = k - 1 if k and norms[k - 1] in _CONJUNCTIONS else k  # "But does he"
        gap = text[ends[opener - 1] : starts[opener]] if opener else ""
        if not text[starts[opener]].isupper() or (opener and not ("\n" in gap or _SENTENCE_ENDS.intersection(gap))):
            return False  # an auxiliary inside a sentence ("he does want"), or a title's capital
        end = _sentence_end(text, ends[i - 1])
        return end < len(text) and text[end] == "?"
    return False


def _sentence_end(text: str, pos: int, reach: int = 400) -> int:
    """The offset of the first "." "?" "!" after ``pos`` that ends a sentence (followed by a space, a quote or the end)."""
    for k in range(pos, min(len(text), pos + reach)):
        if text[k] in ".?!" and (k + 1 >= len(text) or text[k + 1] in " \n\"'\u201d\u2019)"):
            return k
    return len(text)


def _complement_after_name(text: str, tokens: Tokens, j: int) -> bool:
    """Whether the capitalised words from token ``j`` are followed by a complement ("Ames a liar", "Ames 'reckless'")."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    k = j + 1
    while k < len(norms) and text[starts[k]].isupper() and not text[ends[k - 1] : starts[k]].strip(" ."):
        k += 1
    if k >= len(norms):
        return False
    return norms[k] in ("a", "an", "the") or any(c in _QUOTE_MARKS for c in text[ends[k - 1] : starts[k]])


def _bare_provision(text: str, tokens: Tokens, j: int, reach: int = 6) -> bool:
    """Whether the words from token ``j`` are an object with no clause ("that", a finite verb) in reach."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    if not norms[j][:1].isalnum() or text[ends[j - 1] : starts[j]].strip():
        return False
    if norms[j] == "to" and j + 1 < len(norms) and norms[j + 1].isalpha():
        return True  # "guaranteed to provoke objections": a raising passive, no promise
    for k in range(j, min(len(norms), j + reach)):
        if k > j and text[ends[k - 1] : starts[k]].strip():
            return True
        if norms[k] in _FINITE:
            return False
    return True


def _direction_after_object(text: str, tokens: Tokens, j: int, reach: int = 4) -> bool:
    """Whether a direction word follows the object of "knock" at token ``j``, within the clause."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    for k in range(j + 1, min(len(norms), j + reach + 1)):
        if text[ends[k - 1] : starts[k]].strip():
            return False
        if norms[k] in _KNOCK_AFTER_OBJECT:
            return True
    return False


def _own_words(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the cue at token ``i`` follows "As we" / "as I" (and auxiliaries) opening a clause."""
    norms = tokens.norms
    k = i - 1
    while k >= 0 and i - k <= 3 and norms[k] in _OWN_AUXILIARIES:
        k -= 1
    if k < 1 or norms[k] not in ("we", "i", "we've", "i've") or norms[k - 1] != "as":
        return False
    return _clause_edge(text, tokens, k - 2, after=False)


def _deployed(norms: Sequence[str], k: int) -> bool:
    """Whether the words from token ``k`` (after "called in") name troops or police, past two modifiers."""
    for t in range(k, min(len(norms), k + 3)):
        if norms[t] in _DEPLOYED:
            return True
        if norms[t] not in _DEPLOYED_BEFORE:
            return False
    return False


def _written_for(text: str, tokens: Tokens, i: int, j: int) -> bool:
    """Whether "wrote for" at tokens ``i:j`` holds no words: none quoted before it in its sentence, no "that",
    colon or quotation mark in the words after "for"."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    if text[ends[j - 1] : starts[j]] != " ":
        return False  # '"It was a mistake," Mr. Herzog wrote, for the prime minister to ...'
    reach = max(0, starts[i] - _PARAGRAPH_REACH)
    opening = max(text.rfind("\n", reach, starts[i]), reach)  # bounded: linear on one long line
    if any(c in "\"\u201c\u201d" for c in text[max(0, opening) : starts[i]]):
        return False  # '"...," he wrote for the Telegraph': words quoted before the cue in its paragraph
    for t in range(j + 1, min(len(norms), j + 1 + _WRITTEN_REACH)):
        if norms[t] == "that" or any(c in _CONTENT_MARKS for c in text[ends[t - 1] : starts[t]]):
            return False  # "wrote for The Washington Informer that ...", "wrote for Politico: ..."
        if _SENTENCE_ENDS.intersection(text[ends[t - 1] : starts[t]]) and not _title_dot(text, tokens, t - 1):
            break
    return True


_ANYONE = word_set("anyone anybody everyone everybody")
_CLAUSE_OPENERS = word_set("but and so yet because since that")
_ANYONE_REACH = 30  # words between "anyone who" and the verb of its clause
_ANYONE_BREAKS = frozenset(",;.?!\n\"\u201c\u201d")


def _anyone_who(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the cue at token ``i`` is the verb of a subject "anyone who ..." (or "everyone who") opening a clause."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    for k in range(i - 1, max(0, i - _ANYONE_REACH), -1):
        if _ANYONE_BREAKS.intersection(text[ends[k] : starts[k + 1]]):
            return False  # "He told anyone who would listen, and said": another clause
        if norms[k] == "who" and norms[k - 1] in _ANYONE:
            q = k - 1
            return q == 0 or norms[q - 1] in _CLAUSE_OPENERS or bool(text[ends[q - 1] : starts[q]].strip())
    return False


# what a threat threatens when it is spoken: "threatened a lawsuit", "threatens sanctions"
_THREATENED_ACTS = word_set(
    """
    attack attacks strike strikes lawsuit lawsuits suit suits veto vetoes shutdown sanctions retaliation
    action actions war boycott fine fines force violence reprisals consequences punishment prosecution
    arrest arrests invasion tariffs tariff resignation walkout jail prison legal military
    """
)
_THREAT_BREAKS = word_set("with to that not and or if unless by over")
_OBJECT_REACH = 6  # words of the object after "threaten"


def _endangered(text: str, tokens: Tokens, j: int) -> bool:
    """Whether the words from token ``j`` after "threaten" are a bare object naming a thing (a danger)."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    if text[ends[j - 1] : starts[j]] != " " or not norms[j].isalpha():
        return False
    head = -1
    for k in range(j, min(len(norms), j + _OBJECT_REACH)):
        if k > j and text[ends[k - 1] : starts[k]].strip():
            break  # the object ends at punctuation
        if norms[k] in _THREAT_BREAKS or norms[k] in _CLAUSE_WORDS or norms[k] in _PREPOSITIONS:
            if norms[k] in _THREAT_BREAKS:
                return False  # "threatened them with jail", "threatened to resign", "threaten and cajole"
            break
        if text[starts[k]].isupper() or (norms[k] in OBJECT_PRONOUNS and norms[k] != "it"):
            return False  # "threatened Ohio Gov. John Kasich", "threatening them"
        head = k
    return head >= 0 and norms[head] not in _THREATENED_ACTS and not people_head(norms[head]) and (
        norms[head] not in DETERMINERS
    )

