"""Speakers of quotes: name linking, pronouns and source categories.

A rule-based, model-free stage of :mod:`framing.attribution`, after the noun
phrases of :mod:`framing.attribution.phrases`.
:class:`SpeakerResolver` gives each mention a source category from the
``source_roles`` lexicon, links later short mentions ("Dempsey") to the
fullest earlier mention of the same name, and resolves pronouns to the most
recent compatible speaker.

The closed word lists below (person pronouns, organisation head nouns,
anonymous heads) are grammatical classes the algorithm needs, not lexicon
content; see STYLE.md rule 3.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..lexicon import Lexicon, Match, load_lexicon
from ..tagger import load_tagger
from ..text import Tokens
from .antecedents import (
    appositive_person,
    name_antecedent,
    person_antecedent,
    relative_antecedent,
    subject_person,
)
from .entities import (
    _PRONOUN_GENDER,
    Entities,
    RoleHit,
    _name_key,
    find_entities,
)
from .evidence import _category, _Hit, _own_matcher, _phrase_hits
from .evidence import _phrase_category as _phrase_category  # re-exported
from .extent import name_start
from .gazetteers import document_head, not_speaker, proxy_head
from .links import (
    acronym_category,
    earlier_owner,
    owner_category,
    owner_title,
    phrase_kind,
    reflexive_core,
    titled_antecedent,
    unnamed_category,
)
from .names import _MAX_OCCURRENCES as _MAX_OCCURRENCES  # re-exported
from .names import _first_occurrences, _opening_adverb, _sentence_initial
from .phrases import (
    _ANONYMOUS_HEADS,
    _MAX_PHRASE,
    _ORG_HEADS,
    BETWEEN,
    DETERMINERS,
    PRONOUNS,
    _contracted_pronoun,
    _is_capitalised,
    _phrase_left,
    word_set,
)
from .proxies import speaking_for
from .sources import anaphor_fits, both_category, not_a_source, poll_share
from .takeup import earlier_proxy

__all__ = ["Mention", "SpeakerResolver"]


_PERSON_PRONOUNS = word_set("he she i")
# Head nouns that make a phrase an organisation ("it") rather than a person.
_ANTECEDENT_WINDOW = 80  # tokens searched back for a pronoun's antecedent


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
    entity: int = -1  # index in the resolver's Entities, -1 when not linked


# Tags of words that can head a speaker phrase; any other is a function word.
_SPEAKER_TAGS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


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
        over ``tokens`` that includes the speaker lexicons; categories are
        then read from their hits (the same categories, without matching each
        phrase again). Default: each phrase is matched on its own.
    lexicons : sequence of Lexicon, optional
        The speaker lexicons (``role="speakers"``) whose categories are source
        categories. Default: the shipped ``source_roles``.

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

    def __init__(self, text: str, tokens: Tokens, roles: Sequence[Match] | None = None, *,
                 lexicons: Sequence[Lexicon] | None = None) -> None:
        self.text = text
        self.tokens = tokens
        self._categories: dict[tuple[int, int], str] = {}
        self._first: dict[str, list[int]] | None = None  # name key -> first occurrences
        self._names: dict[int, tuple[int, int] | None] = {}  # token -> name phrase ending there
        self._history: list[Mention] = []
        self._entities: Entities | None = None
        self._lower: set[str] | None = None  # words the text writes in lower case
        self._defined: dict[str, int] | None = None  # acronym -> offset of its first "(ACRONYM)"
        self._key: object = roles
        shipped = lexicons is None or (len(lexicons) == 1 and lexicons[0] is load_lexicon("source_roles"))
        self._matcher = None if shipped else _own_matcher(tuple(lexicons or ()))
        names = {"source_roles"} if lexicons is None else {lex.name for lex in lexicons}
        self._roles: list[Match] | None = None
        if roles is not None:
            self._roles = [m for m in roles if m.lexicon in names]
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
            return self._phrase(start, end)
        # The article's hits inside the span are the phrase's own hits unless a
        # hit crosses an edge of the span (it may have hidden a shorter one
        # inside): then the phrase is matched on its own.
        lo = bisect_left(self._role_starts, start)
        hi = bisect_left(self._role_starts, end, lo)
        if (lo and self._role_ends[lo - 1] > start) or (hi > lo and self._role_ends[hi - 1] > end):
            return self._phrase(start, end)
        return _category(roles[lo:hi])

    def _phrase(self, start: int, end: int) -> str:
        """The category of a phrase matched on its own."""
        if self._matcher is None:
            return _phrase_category(self.text[start:end])
        return _category(self._matcher.find(self.text[start:end]))

    # -- entities -------------------------------------------------------------
    def _role_hits(self, start: int, end: int) -> list[RoleHit]:
        """The speaker-lexicon hits inside the character span ``[start, end)``."""
        if self._roles is not None:
            # as in :meth:`_category`: a hit across an edge of the span may hide a shorter one
            # inside it ("Secretary" of "Defense Secretary"), so the span is then matched on its own
            lo = bisect_left(self._role_starts, start)
            hi = bisect_left(self._role_starts, end, lo)
            if not (lo and self._role_ends[lo - 1] > start):
                if lo == hi:  # most spans hold no hit: no slice, no scan
                    return []
                if max(self._role_ends[lo:hi]) <= end:
                    return list(self._roles[lo:hi])
        phrase = self.text[start:end]
        found = (
            _phrase_hits(phrase) if self._matcher is None
            else [_Hit(m.start, m.end, m.category, m.weight, m.text) for m in self._matcher.find(phrase)]
        )
        return [_Hit(h.start + start, h.end + start, h.category, h.weight, h.text) for h in found]

    def _term_category(self, term: str) -> str:
        return _phrase_category(term) if self._matcher is None else _category(self._matcher.find(term))

    def entities(self) -> Entities:
        """The linked name entities of the text (:mod:`framing.attribution.entities`), built once."""
        if self._entities is None:
            self._entities = _memo_entities(
                self.text, self.tokens, self._key,
                lambda: speaking_for(find_entities(self.text, self.tokens, self._role_hits, self._term_category),
                                     self.text, self.tokens, self._role_hits),
            )
        return self._entities

    def _function_word(self, t: int) -> bool:
        """Whether the lower-case token ``t`` is not a noun, name, pronoun or number (tagged in context)."""
        toks, text = self.tokens, self.text
        lo, hi = max(0, t - 3), min(len(toks), t + 2)
        forms = [text[toks.starts[k] : toks.ends[k]] for k in range(lo, hi)]
        return load_tagger().tag_forms(forms)[t - lo] not in _SPEAKER_TAGS

    def _repair(self, i: int, j: int) -> tuple[int, int]:
        """A speaker phrase that is one function word ("long", "didn't") moved to the subject before it."""
        toks, text = self.tokens, self.text
        if j - i > 1 and text[toks.starts[i + 1]].isupper() and _sentence_initial(text, toks, i) and (
                _opening_adverb(text, toks, i)):  # not "Republicans in the Senate" (lower-cased: a verb)
            i += 1  # "Sometimes Trump said": the sentence's adverb is not part of the speaker
        if (
            j - i > 1
            and text[toks.starts[j - 1] : toks.ends[j - 1]].islower()
            and self.entities().at(j - 2) >= 0
            and self._function_word(j - 1)
        ):
            return i, j - 1  # "Trump took", "Scott met": the name, not the verb after it
        if j - i != 1 or not text[toks.starts[i] : toks.ends[i]].islower():
            return i, j
        norm = toks.norms[i]
        if (
            norm in PRONOUNS
            or _contracted_pronoun(norm)
            or self._role_hits(toks.starts[i], toks.ends[i])  # "officials": a role noun, no tagging
            or not self._function_word(i)
        ):
            return i, j
        t = i - 1
        while t >= 0 and i - t <= 3 and (toks.norms[t] in BETWEEN or "'" in toks.norms[t]):
            t -= 1
        if t < 0 or i - t > 3:
            return i, j
        if toks.norms[t] in PRONOUNS:
            return t, t + 1
        # "Trump has long said" (a name), "officials have long acknowledged" (a noun phrase)
        named = _is_capitalised(text, toks.starts[t], toks.ends[t])
        if not named and self._function_word(t):
            return i, j  # "denies ever saying": a verb, not a subject
        span = _phrase_left(text, toks, t, max(0, t - _MAX_PHRASE), names=named)
        if span is not None and span[1] == t + 1:
            return span
        return i, j

    def _not_a_source(self, i: int, j: int) -> bool:
        """Whether the speaker phrase at tokens ``[i, j)`` is not a source (:func:`~.sources.not_a_source`)."""
        return not_a_source(self, i, j)

    # -- names --------------------------------------------------------------
    def _occurrences(self, key: str, before: int) -> list[int]:
        """The first :data:`_MAX_OCCURRENCES` token indices up to ``before`` whose name key is ``key``."""
        if self._first is None:
            self._first = _first_occurrences(self.tokens.norms)
        # the first occurrences up to ``before`` are those of the first
        # occurrences overall that are not after it
        return [t for t in self._first.get(key, ()) if t <= before]

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
    def resolve(self, i: int, j: int) -> Mention | None:
        """Resolve the speaker phrase at tokens ``[i, j)`` and remember it.

        None when the phrase is not a source (:meth:`_not_a_source`): a verb
        phrase, a function word, a time, a possessive, a thing.
        """
        i, j = self._repair(i, j)
        i = name_start(self, i, j)  # "Council on Foreign Relations", not "Foreign Relations"
        if self._not_a_source(i, j):
            return None
        mention = self._resolve(i, reflexive_core(self.tokens.norms, i, j))  # "Romney himself": Romney
        if not_speaker(self.text[mention.start : mention.end]):
            return None  # "Photograph", "30": no speaker, no antecedent
        ents = self.entities()
        if mention.entity >= 0 or mention.kind == "person":
            toks = self.tokens
            first = bisect_left(toks.starts, mention.start)
            last = bisect_left(toks.starts, mention.end, first)
            named = mention.entity >= 0 and any(ents.at(t) == mention.entity for t in range(first, last))
            e = ents.add_speaker((mention.start, mention.end), mention.entity, mention.name,
                                 mention.category, mention.kind, named=named)
            mention = Mention(mention.start, mention.end, mention.name, ents.category(e),
                              ents.kind(e), e)  # "Iran said ... Its leaders": a place is no "he"
        self._history.append(mention)
        return mention

    def _resolve(self, i: int, j: int) -> Mention:
        toks, text = self.tokens, self.text
        start, end = toks.starts[i], toks.ends[j - 1]
        head = toks.norms[j - 1]
        if j - i == 1 and (head in PRONOUNS or _contracted_pronoun(head)):
            return self._pronoun(head.partition("'")[0], start, end, i)
        if j - i == 1 and head == "both":  # "Both said": the two persons named last
            lo = toks.starts[max(0, i - _ANTECEDENT_WINDOW)]
            spoken = [m.entity for m in self._history[-12:] if m.entity >= 0 and lo <= m.start < start]
            category = both_category(self.entities(), i, _ANTECEDENT_WINDOW, toks.norms, spoken)
            return Mention(start, end, text[start:end], category, "group")
        if (e := appositive_person(self, i)) >= 0:  # "Jane Roe, a worker with Acme Foods, told": Jane Roe
            return Mention(start, end, self.entities().name(e), self.entities().category(e), "person", e)
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
        category = unnamed_category(self, start, toks.ends[name_end - 1], end)  # "Ms. Ford": no company
        if category == "other" and name_end < j:
            category = unnamed_category(self, start, end)
        elif category != "other":
            category = owner_title(self, i, name_end, category)  # "the NRA's president": advocacy
        name = text[start : toks.ends[head_t]]
        kind = self._kind(i, name_end)
        ents = self.entities()
        entity = ents.at(head_t)
        if entity < 0:
            for t in range(head_t - 1, i, -1):
                if toks.norms[t] == "of" and ents.at(t - 1) >= 0 and ents.kind(ents.at(t - 1)) == "person":
                    # "Steve King of Iowa": the person, not the state after "of"
                    entity, head_t = ents.at(t - 1), t - 1
                    name = text[start : toks.ends[head_t]]
                    break
        alone = False  # the phrase is a person's name and nothing else
        if entity >= 0:
            kind = ents.kind(entity)
            alone = kind == "person" and all(ents.at(t) == entity for t in range(i, j))
            if ents.category(entity) != "other":
                category = ents.category(entity)
            elif alone:
                category = "other"  # "Bloomberg" for Michael Bloomberg: the person, not the outlet
        if category == "other" and (defined := acronym_category(self, head_t)) != "other":
            category, kind = defined, "org"  # "NCTC" after "the National Counterterrorism Center (NCTC)"
        if category == "other" and head_t > i and proxy_head(toks.norms[i]):
            category = earlier_owner(self, i)  # "spokesman Shawn Turner" after "A Clapper spokesman"
        if _is_capitalised(text, toks.starts[head_t], toks.ends[head_t]) and kind == "person":
            fs, fe = self.full_mention(head_t)
            if fe - fs > len(name):
                name = text[fs:fe]
                if category == "other":
                    category = unnamed_category(self, fs, fe, person=alone)  # "Ford" for Freddy Ford
        elif (category == "other" and j - i == 2 and toks.norms[i] == "the" and toks.norms[head_t] in _ORG_HEADS
              and not document_head(toks.norms[head_t])):
            # "the group": the organisation named before, of a kind the noun can name
            # ("The group" after "the ATF" and "Gun Owners of America" is the second)
            e = ents.before(i, _ANTECEDENT_WINDOW, ("org",), categories=anaphor_fits(toks.norms[head_t]))
            if e < 0:
                # "the group said ... The group would not": the same noun keeps its antecedent
                phrase = text[start:end].lower()
                e = next((m.entity for m in reversed(self._history[-12:])
                          if m.entity >= 0 and text[m.start : m.end].lower() == phrase), -1)
            if e >= 0:
                return Mention(start, end, ents.name(e), ents.category(e), "org", e)
        elif category == "other" and (e := titled_antecedent(self, i, j)) >= 0:  # "The speaker": the House Speaker
            return Mention(start, end, ents.name(e), ents.category(e), "person", e)
        elif category == "other" and proxy_head(toks.norms[head_t]):
            category = owner_category(self, i, head_t)  # "her spokesman", "Trump's lawyer"
            category = earlier_proxy(self, i, head_t) if category == "other" else category  # "the spokesman"
        elif toks.norms[head_t] in _ANONYMOUS_HEADS and (
            head_t == i or text[toks.starts[head_t]].islower()
        ):
            # "officials said", "a senior official said", "US officials said":
            # people described only by a generic role are anonymous sources.
            category = "anonymous"
        share = poll_share(self.text, self.tokens, i, j) if category in ("government", "other") else None
        if share is not None:
            # "Just 9% of Democrats say", "A solid majority of Republicans said": respondents, an
            # entity of their own (not the party's politicians, "Democrats said" elsewhere)
            category, name, entity = "citizen", share + name, -1
        return Mention(start, end, name, category, kind, entity)

    def _kind(self, i: int, j: int) -> str:
        return phrase_kind(self.text, self.tokens, i, j)

    def _pronoun(self, pronoun: str, start: int, end: int, i: int) -> Mention:
        if pronoun == "who":
            # "Smith, who ..., said": the phrase before the relative pronoun
            span = (
                _phrase_left(self.text, self.tokens, i - 1, max(0, i - _MAX_PHRASE)) if i else None
            )
            ents = self.entities()
            if span is not None and span[1] == i:
                e = relative_antecedent(self, i, span[0])
                if e < 0:
                    inner = self._resolve(*span)
                    return Mention(start, end, inner.name, inner.category, inner.kind, inner.entity)
            else:
                e = ents.at(i - 1) if i else -1  # "..., said Senator Smith, who ..."
            if e >= 0:
                return Mention(start, end, ents.name(e), ents.category(e), ents.kind(e), e)
        wanted: tuple[str, ...]
        if pronoun in _PERSON_PRONOUNS:
            wanted = ("person",)
        elif pronoun == "it":
            wanted = ("org",)
        elif pronoun == "they":
            wanted = ("group", "org")
        else:
            wanted = ("person", "group", "org")
        gender = _PRONOUN_GENDER.get(pronoun, "")
        ents = self.entities()
        for prev in reversed(self._history[-12:]):
            if prev.kind in wanted and not (
                gender and prev.entity >= 0 and ents.gender(prev.entity) not in ("", gender)
            ) and ("org" in wanted or person_antecedent(prev.name)):  # "the estimate": no "she"
                if wanted == ("person",) and (e := subject_person(self, i, gender, prev.end)) >= 0:
                    return Mention(start, end, ents.name(e), ents.category(e), "person", e)  # "Sanders, for instance,"
                return Mention(start, end, prev.name, prev.category, prev.kind, prev.entity)
        if wanted == ("person",):
            e = ents.before(i, _ANTECEDENT_WINDOW, wanted, gender)
            if e >= 0:
                return Mention(start, end, ents.name(e), ents.category(e), "person", e)
        found = name_antecedent(self, i, wanted, _ANTECEDENT_WINDOW)
        if found is not None:
            s, e, kind = found
            return Mention(start, end, self.text[s:e], self.category_of(s, e), kind)
        if "org" in wanted:  # "The Danish Security and Intelligence Service described ... It said"
            e = ents.before(i, _ANTECEDENT_WINDOW, ("org",))
            if e >= 0:
                return Mention(start, end, ents.name(e), ents.category(e), "org", e)
        return Mention(start, end, self.text[start:end], "other", wanted[0])


_MEMO = threading.local()


def _memo_entities(text: str, tokens: Tokens, key: object, build: Callable[[], Entities]) -> Entities:
    """The entities of ``text`` built once per (text, tokens, roles) for this thread.

    The speaker resolver and :func:`link_speakers` read the same object, so
    the links the resolver made are the ones the quotes get
    (:func:`~framing.attribution.doc.link_quotes`).
    """
    last = getattr(_MEMO, "last", None)
    if last is not None and last[0] is text and last[1] is tokens and last[2] is key:
        found: Entities = last[3]
        return found
    ents = build()
    _MEMO.last = (text, tokens, key, ents)
    return ents
