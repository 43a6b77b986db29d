"""Senses of cue words that report nothing: actions, raising passives, hypotheticals.

Two levels: :func:`reports` says which verb uses of a cue form are no cues at
all (a participle modifying a noun, "sales declined"; the cue filter keeps
them as verbs but gives them to no quote), and :func:`other_sense` which cues
give no quote in their sentence.

A reporting verb tagged VERB can still be used in a sense that attributes no
words or thought to its subject. These rules read the words around one
cue and say when it is such a use; :func:`other_sense` is asked by the quote
finder for every cue, so a cue it rejects gives no quote (it stays a verb, and
the reporting-verb counts and the cue evaluation on EWT still see it). Each
rule comes from quotes of the hand-checked and development samples in
docs/attribution.md ("precision rules") that were not quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..text import Tokens
from .actions import action_rule
from .argument import argument_rule
from .gazetteers import people_head
from .names import tagged_verb
from .phrases import (
    _PREPOSITIONS,
    _STOP,
    BETWEEN,
    DETERMINERS,
    OBJECT_PRONOUNS,
    _verb_forms,
    word_set,
)

__all__ = ["other_sense", "reports", "sense_rule", "subject_before"]

# "was said to have harbored", "a man reported to be": the subject is what is
# said, not who says it (a raising passive); "claimed to have" is active and not here,
# and "believed to be", "known to be" report a belief PolNeAR annotates
_RAISING = word_set("say report rumor rumour allege")
_RAISED = word_set("be have")
# epistemic cues after a modal are the author's hypothesis: "would find that
# identity eradicated", "can regulators know", "It can suggest"
_MODALS = word_set("can could may might would will")
_HYPOTHETICAL = word_set("find know suggest see understand imagine")
_RECIPROCALS = word_set("each one")  # "had known each other", "know one another"
_OFFICES = word_set(
    "presidency office power control responsibility command leadership role post throne helm chairmanship duties"
)
_AMOUNT_WORDS = word_set("nearly almost about over more less roughly some around")
_FORMS_WITHOUT_AUXILIARY = ("past_participle",)
_WH = word_set("how what where when whether which who")
_NOUN_PHRASE_START = word_set("of a an the his her its their our my your this that these those")
# "of violent, threatening behavior": an adjective between a determiner or
# preposition and the comma before the gerund
_ADJECTIVE_ENDINGS = ("ent", "ive", "ous", "al", "ful", "ic", "ant", "less", "able", "ible", "ish")
_AFTER_A_VERB = word_set("to that about on of with for in at by the a an his her their its this")
_RELATIVES = word_set("what which that who whom")
_PLURAL_VERBS = word_set("are were have appear seem")  # a 3sg verb is not followed by these
_AUXILIARIES = word_set("have has had having be is are was were been being am get got gotten gets")
# a gerund after these prepositions names an aim or a course, not what the subject says:
# "the recent push toward supporting Black-owned restaurants"
_AIM_PREPOSITIONS = word_set("toward towards")
# the people a present "tells us" may have as its subject: "He tells us" reports,
# "the fact that ... tells us", "history tells us" is the author's argument
_TELLING_PEOPLE = word_set("he she they i we who everyone someone somebody")


def other_sense(text: str, tokens: Tokens, i: int, j: int, lemma: str, form: str, act: str = "speech") -> bool:
    """Whether the cue-lexicon hit on tokens ``i:j`` is a sense that reports nothing.

    Parameters
    ----------
    text : str
        The document text.
    tokens : Tokens
        Its tokens.
    i, j : int
        The hit's first token and the token after its last.
    lemma, form : str
        The hit's lemma and inflection (the lexicon's ``lemma`` and ``form`` columns).
    act : str, optional
        The lexicon's ``act`` column ("speech" or "belief").

    Returns
    -------
    bool
        True for a fixed phrase ("All told, ...", "truth be told"), a raising passive ("a man said to have harbored"), a modal
        hypothesis ("would find", "can regulators know"), a proposal ("Let's
        say you think"), a skill ("knows how
        to react"), a reciprocal "know" ("had known each other"), an action
        ("assumed the presidency", "claimed nearly $20,000", ", seeking a third
        term", "declined to $281 million", "from not denying coverage"), an
        adjective in a list ("violent, threatening behavior"), a clause opened
        by "If" or a condition opened by "if" ("if they want to"), a capitalised imperative in a name ("'Don't Ask, Don't Tell'
        policy"), a plural noun before its verb ("social media posts appear"),
        a participle with no auxiliary after a plural noun ("memos
        written while he was director", "contests known as Super Tuesday"),
        a conjecture with a modal and a generic subject ("You would think",
        "many Democrats may agree"), "everyone", "nobody" or "no <noun>" as the subject,
        and the rules of :func:`framing.attribution.actions.action_rule`
        (perceptions, names, questions, the author's own words, ...).

    Examples
    --------
    >>> from framing.text import tokenize
    >>> s = "The two men had known each other for years."
    >>> t = tokenize(s)
    >>> other_sense(s, t, 4, 5, "know", "past_participle")
    True
    """
    return sense_rule(text, tokens, i, j, lemma, form, act) is not None


def sense_rule(
    text: str, tokens: Tokens, i: int, j: int, lemma: str, form: str, act: str = "speech"
) -> str | None:
    """The name of the rule of :func:`other_sense` that the hit on tokens ``i:j`` meets, or None."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    n = len(norms)
    nxt = norms[j] if j < n else ""
    nxt2 = norms[j + 1] if j + 1 < n else ""
    rule = action_rule(text, tokens, i, j, lemma, form, act) or argument_rule(text, tokens, i, j, lemma, form)
    if rule is not None:
        return rule
    if lemma in _RAISING and form in ("past", "past_participle") and nxt == "to" and nxt2 in _RAISED:
        return "raising"
    if lemma == "know" and nxt in _RECIPROCALS and nxt2 in ("other", "another"):
        return "reciprocal"
    if lemma in _HYPOTHETICAL and form in ("base", ""):
        # "would find", "can regulators know" (a modal and a subject of at most three words)
        back = norms[max(0, i - 4) : i]
        if back and (back[-1] in _MODALS or (len(back) > 1 and back[-2] in _MODALS and back[-1] != "not")):
            return "modal"
    if form == "base" and _generic_conjecture(norms, i, lemma):
        return "generic_modal"  # "You would think", "One could argue", "many Democrats may agree": the author's conjecture
    if _generic_you(norms, i):
        return "generic_you"  # "You might have guessed", "you can't really argue": the reader, no source
    if _universal_subject(norms, i):
        return "universal"  # "Everyone knows the proposition", "Nobody is suggesting": the author's generalisation
    if _no_subject(text, tokens, i):
        return "no_subject"  # "No Republican asked Mr. Comey", "No other senator said": no one is quoted
    if form == "base" and i and norms[i - 1] in ("let's", "lets"):
        return "let_us"  # "Let's say you think ...": the author's supposition or proposal
    if lemma == "assume" and (nxt in _OFFICES or (nxt in ("the", "a", "an") and nxt2 in _OFFICES)):
        return "assume"  # "assumed the presidency", "assumed office": not "assumed that"
    if lemma == "claim" and j < n and (
        text[starts[j]] in "$\u00a3\u20ac" or nxt[:1].isdigit() or (nxt in _AMOUNT_WORDS and nxt2[:1] in "$0123456789")
    ):
        return "claim_amount"  # "claimed nearly $20,000 in expenses"
    if lemma in ("refuse", "decline") and nxt == "to" and nxt2[:1] in "$0123456789":
        return "decline_amount"  # "fees declined to $281 million": a fall, not a refusal
    if lemma == "know" and nxt in _WH and "to" in norms[j + 1 : j + 3]:
        return "know_how"  # "the government knows how to react": a skill, not a belief
    if form == "gerund" and i > 0 and (
        norms[i - 1] == "from" or (i > 1 and norms[i - 1] == "not" and norms[i - 2] == "from")
    ):
        return "from_gerund"  # "stop insurers from (not) denying coverage": an act prevented
    if (
        form == "gerund"
        and i > 1
        and text[ends[i - 1] : starts[i]].strip() == ","
        and norms[i - 2] in _NOUN_PHRASE_START
        and norms[i - 1].endswith(_ADJECTIVE_ENDINGS)
        and nxt not in _AFTER_A_VERB
    ):
        return "adjective_list"  # "his history of violent, threatening behavior": an adjective in a list
    if (
        form == "base"
        and i
        and norms[i - 1] in ("don't", "never")
        and text[starts[i]].isupper()
        and text[starts[i - 1]].isupper()
    ):
        return "imperative_title"  # "the military's 'Don't Ask, Don't Tell' policy": a name
    if form == "3sg" and nxt in _PLURAL_VERBS and _RELATIVES.isdisjoint(norms[max(0, i - 3) : i]):
        # "Sonmez's social media posts appear to have": a noun before its verb
        # ("what he believes are their assets" is a verb)
        return "plural_noun"
    if lemma == "tell" and form in ("base", "3sg") and nxt == "us" and not _telling_person(text, tokens, i):
        return "tell_us"  # "Trump's tax bill will tell us a lot", "the fact that ... tells us": the author's argument
    if _generic_who(text, tokens, i):
        return "generic_who"  # "the sort of person who would defend", "anyone who says", "someone who could": no one quoted
    if (
        form == "gerund" and i > 1 and text[ends[i - 1] : starts[i]] == " " and norms[i - 1] in ("people", "men", "women")
        and norms[i - 2] == "of" and "with" not in norms[max(0, i - 4) : i]
    ):
        return "gerund_relative"  # "the immigration status of people seeking new jobs": a modifier
    if form == "gerund" and i and norms[i - 1] in _AIM_PREPOSITIONS:
        return "aim"  # "the push toward supporting Black-owned restaurants": a course, not a report
    if _conditional(text, tokens, i):
        return "conditional"  # "If a campaign announced ..., we assumed", "if they want to": a hypothesis
    if lemma == "seek" and form == "gerund" and nxt != "to" and i and text[ends[i - 1] : starts[i]].strip() == ",":
        return "seek_object"  # "trying to defy the odds, seeking a third term": an aim pursued
    if (
        form in _FORMS_WITHOUT_AUXILIARY
        and i > 0
        and _AUXILIARIES.isdisjoint(norms[max(0, i - 3) : i])
        and norms[i - 1] not in ("who", "which", "that", "and", "or", "not", "also", "n't")
        and norms[i - 1][-1:].isalpha()
        and not text[starts[i - 1]].isupper()
        and norms[i - 1].endswith("s")
    ):
        return "reduced_relative"  # "memos written while he was director": not a finite verb
    if lemma in _INTENTS and form == "base" and not _SPECULATIVE.isdisjoint(norms[max(0, i - 2) : i]):
        return "modal_intent"  # "Tehran may also seek to intimidate": the author's forecast of an aim
    if lemma in _CONJECTURED and i and norms[i - 1] in _CONJECTURE_ADVERBS:
        return "adverb_conjecture"  # "staff at Google probably think": the author's guess at a belief
    if lemma == "respond" and nxt == "by" and nxt2.endswith("ing") and nxt2 not in _verb_forms():
        return "respond_by"  # "Cruz responded by suspending his campaign": an act ("by saying" is not)
    if lemma == "confirm" and form in ("past", "past_participle") and nxt == "by" and not _CHAMBERS.isdisjoint(
            norms[j + 1 : j + 5]):
        return "vote"  # "was confirmed by both the House and Senate": a vote on a nominee
    return None


_INTENTS = word_set("seek want hope plan intend try")
_SPECULATIVE = word_set("may might could")
_CONJECTURE_ADVERBS = word_set("probably presumably surely doubtless")
_CHAMBERS = word_set("senate house congress parliament legislature assembly")


# the antecedent of a "who" that names a type of person, not a person: "the sort of person who"
_GENERIC_WHO = re.compile(
    r"(?:\b(?:sort|kind|type)s?\s+of\s+(?:\w+\s+)?(?:person|people|man|woman|men|women|guy|politician|leader)"
    r"|\b(?:anyone|anybody))\s*,?\s*\Z",
    re.IGNORECASE,
)


# a conjecture of the author's with a modal and a generic subject: "You would think", "some might argue"
_CONJECTURED = word_set("think say argue agree believe claim feel call")
_CONJECTURE_MODALS = word_set("may might could would")
_GENERIC_SUBJECTS = word_set("you one some many few others most")


def _generic_conjecture(norms: Sequence[str], i: int, lemma: str) -> bool:
    """Whether the base form at token ``i`` follows a modal after "you", "one" or a quantifier ("many Democrats")."""
    if lemma not in _CONJECTURED or i < 2 or norms[i - 1] not in _CONJECTURE_MODALS:
        return False
    if norms[i - 2] in _GENERIC_SUBJECTS:
        return True  # "You would think", "some might argue"
    # "many Democrats may agree", "few political observers would say": a quantifier and at most two words
    return any(
        k >= 0 and norms[k] in _QUANTIFIED and all(w.isalpha() for w in norms[k + 1 : i - 1])
        and (k == 0 or norms[k - 1] not in NOUN_BEFORE)
        for k in (i - 3, i - 4)
    )


_QUANTIFIED = word_set("many few some most")
# the reader addressed with a modal: "You might have guessed", "you can't really argue", "you'd expect"
_YOU_MODALS = word_set("may might could would can will must should can't won't wouldn't couldn't cannot shouldn't")
_YOU_BETWEEN = word_set("have not n't really also just only inevitably never ever still")


def _generic_you(norms: Sequence[str], i: int) -> bool:
    """Whether the cue at token ``i`` has "you" and a modal before it ("you might ask", "you'd think")."""
    k = _subject_end(norms, i, _YOU_BETWEEN)
    if k < 0:
        return False
    if norms[k] in ("you'd", "you'll"):
        return True
    return k > 0 and norms[k] in _YOU_MODALS and norms[k - 1] == "you"


def _subject_end(norms: Sequence[str], i: int, between: frozenset[str]) -> int:
    """The token before the cue at ``i`` past up to three of the words ``between`` (auxiliaries, adverbs), or -1."""
    k = i - 1
    while k >= 0 and i - k <= 3 and norms[k] in between:
        k -= 1
    return k


# a subject naming everybody or nobody, which no article quotes: "Everyone knows", "as everybody knows"
_UNIVERSAL = word_set("everyone everybody nobody")
_BEFORE_VERB = word_set("has have had is was does did really ever always already surely")


def _universal_subject(norms: Sequence[str], i: int) -> bool:
    """Whether the cue at token ``i`` has "everyone", "everybody" or "nobody" (not "not everyone") as its subject."""
    k = _subject_end(norms, i, _BEFORE_VERB)
    if k < 0 or (norms[k] not in _UNIVERSAL and not (k and norms[k - 1] == "no" and norms[k] == "one")):
        return False
    first = k - 1 if norms[k] == "one" else k
    return not first or norms[first - 1] not in ("not", "almost", "nearly")


def _no_subject(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the cue at token ``i`` has a subject opened by "no" ("No Republican asked", "No other senator
    said", "no Democratic lawmaker has endorsed"), written without punctuation ("No, Smith said" is a quote)."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    k = _subject_end(norms, i, _BEFORE_VERB)
    for d in (k - 1, k - 2):
        if d >= 0 and norms[d] == "no" and norms[k] not in _NO_QUANTITIES and all(
            text[ends[t] : starts[t + 1]] == " " for t in range(d, i)
        ) and all(norms[t].isalpha() and norms[t] not in _STOP and norms[t] not in _PREPOSITIONS
                  and norms[t] != "of" for t in range(d + 1, k + 1)):  # "no way of knowing": no subject
            word = text[starts[d + 1] : ends[d + 1]]
            # "No Labels founders think": a name the article writes with "No" inside a sentence too
            lo, hi = max(0, starts[d] - _NAME_REACH), starts[d] + _NAME_REACH  # bounded: linear on long texts
            return not (word[:1].isupper() and re.compile(r"[a-z,] No " + re.escape(word) + r"\b").search(text, lo, hi))
    return False


def author_subject(tokens: Tokens, i: int, quoted: Callable[[int], bool], transcript: bool) -> bool:
    """Whether the cue at token ``i`` has the author's "I" or "we" as its subject ("I fear that it will not",
    "we asked our interview subjects"): outside quote marks (``quoted(offset)`` False) and not in a
    transcript, where "I" is the labelled speaker's."""
    norms = tokens.norms
    k = _subject_end(norms, i, BETWEEN)
    return k >= 0 and norms[k] in ("i", "we") and not transcript and not quoted(tokens.starts[k])


_NAME_REACH = 3000  # characters either side searched for the name written with "No" inside a sentence
_NO_QUANTITIES = word_set("longer more fewer less doubt matter")  # "no longer", "no doubt": no subject


# "someone ... who could defend him": a person wished for, when a modal follows "who"
_WISHED_WHO = re.compile(r"\b(?:someone|somebody)\b[^.;:!?\"\u201c\u201d]{0,80}\Z", re.IGNORECASE)


def _generic_who(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the cue at token ``i`` follows a "who" (and a modal) after a type of person, not a person."""
    k = i - 1
    while k >= 0 and i - k <= 2 and tokens.norms[k] in _MODALS:
        k -= 1
    if k < 0 or tokens.norms[k] != "who":
        return False
    if k < i - 1 and tokens.norms[k + 1] in _WISHING_MODALS and _WISHED_WHO.search(
        text, max(0, tokens.starts[k] - 80), tokens.starts[k]
    ):
        return True  # "will he opt for someone with a reputation who could defend him": no one yet
    return _GENERIC_WHO.search(text, max(0, tokens.starts[k] - 60), tokens.starts[k]) is not None


_WISHING_MODALS = word_set("could would might")


def _telling_person(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the subject right before a present "tell(s) us" at token ``i`` is a person or a name."""
    k = i - 1
    while k >= 0 and tokens.norms[k] in _MODALS:
        k -= 1  # "will tell us"
    if k < 0:
        return False
    word = text[tokens.starts[k] : tokens.ends[k]]
    return tokens.norms[k] in _TELLING_PEOPLE or (word[:1].isupper() and not word.endswith(("'s", "\u2019s")))


_MAX_CONDITION = 6  # words between a sentence-opening "If" and the cue it makes hypothetical


def _conditional(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the cue at token ``i`` is in a clause opened by "if" a few words before it.

    A capitalised "If" opens the sentence ("If a campaign announced"); a
    lower-case "if" opens a condition inside one ("what happens if the FBI
    recommends", "if they want to"), not after "as" ("as if") nor past a
    comma, a dash, a sentence end or a quotation mark. ("unless Democrats agree" stays: PolNeAR
    dev holds two "unless" cues, both gold attributions.)
    """
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    for k in range(i - 1, max(-1, i - _MAX_CONDITION - 1), -1):
        if norms[k] == "if" and text[starts[k]] == "I":
            return "," not in text[ends[k] : starts[i]]
        if norms[k] == "if" and (k == 0 or norms[k - 1] != "as"):
            return not _CONDITION_BREAKS.intersection(text[ends[k] : starts[i]])
    return False


_CONDITION_BREAKS = frozenset(",;:.?!\n\u2014\"\u201c\u201d")


# words after which a base or 3sg form is a noun ("the state", "an attack", "of claims")
NOUN_BEFORE = DETERMINERS | word_set("of in for on with by at from into about")
# quantifiers that stand for a noun phrase, the subject of a verb after them
_QUANTIFIER_SUBJECTS = word_set("all many both most some several few")


def subject_before(norms: Sequence[str], i: int, form: str) -> bool:
    """Whether the determiner-like word before token ``i`` ends the verb's subject or object.

    A quantifier that ends a noun phrase ("the companies all proposed", "Many
    point to", "many see the strikes as"), a number after a determiner ("those
    three agree"), "one" after "no"/"every" or opening a sentence ("no one
    objects"), a singular "this" before a 3sg form ("This refers to"), and "her"
    after a verb of letting or making ("let her know", "make her feel").

    Examples
    --------
    >>> from framing.text import tokenize
    >>> [subject_before(tokenize(s).norms, 2, "3sg") for s in ("No one objects.", "Of the claims.")]
    [True, False]
    """
    prev = norms[i - 1]
    before = norms[i - 2] if i > 1 else ""
    if prev in _QUANTIFIER_SUBJECTS:
        return before not in NOUN_BEFORE
    if prev in _NUMBERS:
        return before in _NUMBER_SUBJECT_BEFORE
    if prev == "one":
        return before in ("", "no", "every", "any", "each")
    if prev == "this":
        return form == "3sg"
    return prev == "her" and form == "base" and before in _BARE_INFINITIVE_VERBS


_NUMBERS = word_set("two three four five six seven eight nine ten")
_NUMBER_SUBJECT_BEFORE = word_set("the these those all")
# prepositions before a participle that modifies the noun after it ("over alleged abuses")
_MODIFIER_PREPOSITIONS = word_set(
    "of for over about into with on in against amid despite from among toward towards regarding"
)
# "'s" after these is "is" or "has" ("he's said", "that's claimed"), not a possessive
_CONTRACTED = word_set("he she it that there here who what where how let")
_NOT_ATTRIBUTIVE = word_set("say tell ask")  # no modifier before a noun: "Trump's told reporters" is "has told"
# verbs whose object takes a bare infinitive ("let her know", "heard her say")
_BARE_INFINITIVE_VERBS = word_set(
    "let lets letting make makes made making help helps helped helping have has had watch watched "
    "hear heard see saw seen"
)


def reports(text: str, tokens: Tokens, i: int, j: int, lemma: str, form: str) -> bool:
    """Whether a verb use of a cue-lexicon form can report speech or thought (cue a quote).

    A participle after a determiner or a possessive modifies a noun ("the
    alleged plot", "a proposed law", "Syria's purported use": UD tags it VERB,
    so it is a verb use, but it reports nothing), and so does one between a preposition or a gerund and a
    lower-case word ("over alleged abuses", "investigating alleged
    misconduct"; not "having alleged that"); "decline"/"refuse" without "to" is mostly a fall or a rejection
    ("sales declined"; not "declined to comment"); "added to"/"added up" adds
    things ("added to his portfolio"). Such verbs stay in the matches and the
    features; they are not cues for quotes (:class:`framing.attribution.cues.CueFilter`).

    Parameters
    ----------
    text : str
        The document text.
    tokens : Tokens
        Its tokens.
    i, j : int
        The verb's first token and the token after its last.
    lemma, form : str
        Its lemma and inflection (the lexicon's ``lemma`` and ``form`` columns).

    Returns
    -------
    bool
        False for the uses above, else True.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> s = "The alleged plot failed, officials alleged."
    >>> t = tokenize(s)
    >>> reports(s, t, 1, 2, "allege", "past"), reports(s, t, 6, 7, "allege", "past")
    (False, True)
    >>> s = "She has been investigating alleged misconduct."
    >>> reports(s, tokenize(s), 4, 5, "allege", "past")
    False
    >>> s = "“It is over,” said former President Barack Obama."  # punctuation: no modifier
    >>> reports(s, tokenize(s), 3, 4, "say", "past")
    True
    """
    norms, starts, n = tokens.norms, tokens.starts, len(tokens.norms)
    if i and form in ("past", "past_participle") and norms[i - 1] in DETERMINERS and not subject_before(
        norms, i, form
    ) and not text[tokens.ends[i - 1] : starts[i]].strip():  # "a father of three, said": no modifier
        return False
    if (
        form in ("past", "past_participle") and i and j < n and text[starts[j]].islower()
        and norms[j].isalpha() and norms[j] not in _AFTER_A_VERB and norms[j] not in _WH
        and norms[j] not in _RELATIVES and not text[tokens.ends[i - 1] : starts[i]].strip() and (
            norms[i - 1] in _MODIFIER_PREPOSITIONS
            or (norms[i - 1].endswith("ing") and norms[i - 1] not in ("having", "being")
                and (text[starts[i - 1]].islower() or tagged_verb(text, tokens, i - 1)))  # not "King said"
        )
    ):
        return False  # "investigating alleged misconduct", "over alleged abuses": a modifier
    if (
        form in ("past", "past_participle") and i and j < n and norms[i - 1].endswith("'s")
        and lemma not in _NOT_ATTRIBUTIVE and norms[i - 1][:-2] not in _CONTRACTED and text[starts[j]].islower() and norms[j].isalpha()
        and norms[j] not in _AFTER_A_VERB and norms[j] not in _WH and norms[j] not in _RELATIVES
        and norms[j] not in OBJECT_PRONOUNS and not people_head(norms[j])
    ):
        return False  # "Syria's purported use": a modifier after a possessive (not "He's said", "Trump's told reporters")
    if (
        form == "gerund" and i and j < n and norms[i - 1] in ("a", "an") and text[starts[j]].islower()
        and norms[j].isalpha() and norms[j] not in _AFTER_A_VERB and norms[j] not in _WH
    ):
        return False  # "he'd be a reassuring choice": an adjective before its noun
    if lemma in ("decline", "refuse") and "to" not in norms[i + 1 : i + 3]:
        return False  # "sales declined", not "declined to comment"
    return not (
        lemma == "add" and j + 1 < n and norms[j] in ("to", "up") and not text[starts[j + 1]].isupper()
    )  # "added to his portfolio"
