"""Names and entities: person and organisation mentions, linked within one article.

A rule-based, model-free stage of :mod:`framing.attribution`, before the
speakers of :mod:`framing.attribution.speakers`:

1. **Names.** Runs of capitalised words joined by spaces, hyphens, initials
   and title abbreviations ("Sen. Ted Cruz", "Department of Homeland
   Security", "Donald J. Trump"), without a leading function word ("The",
   "But") or a trailing day. A single capitalised word that opens a sentence
   counts only when the article also writes it capitalised inside a sentence
   ("Officials said" is not a name, "Trump said" is when "Trump" recurs).
   Runs longer than :data:`_MAX_NAME` words (all-capitals text, headlines)
   are not names.
2. **Titles and roles** before the name ("House Speaker", "President",
   "Dr.", "Mr.", "presidential hopeful", "spokeswoman"), inside the run or in
   the lower-case words just before it, and **appositives** after it
   (", the government's top infectious disease expert,", ", who runs the
   union's advocacy center") and party labels ("(D-Calif.)", ", R-Texas,")
   give a mention's source category. Which words are titles and roles, and
   their categories, is the ``source_roles`` lexicon's knowledge; the code
   only knows where to look.
3. **Linking.** A full name starts an entity; a later surname ("Pelosi",
   "Ms. Pelosi", "Pelosi's") joins the earlier entity with that surname
   mentioned most so far (the closest on ties; else the first later one),
   so "Bill Clinton" and "Hillary Clinton" stay two. Organisations link by their full name. The entity's
   category is that of its most informative mention (the heaviest role
   evidence, the earliest on ties); ``other`` only when no mention has any.

Speakers (pronouns, "officials", "the group") are linked to entities by
:class:`~framing.attribution.speakers.SpeakerResolver`, and
``link_quotes`` (:mod:`framing.attribution.doc`) gives each quote's speaker its entity index and the
entity's one category.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..text import Tokens
from .entity_kinds import name_kind
from .evidence import (
    _AGE_WEIGHT,
    _POSSESSIVE_WEIGHT,
    RoleHit,
    Roles,
    _after,
    _before,
    _evidence,
    _former,
    _hits,
    _inside,
    _owner,
    _plural_title,
    _proxied,
    _title_abbreviation,
    _Whole,
    outlet_name,
    owner_prefix,
    owner_titles,
    party_label,
    personal_body,
    prefix_stop,
)
from .gazetteers import (
    FIGURE_WEIGHT,
    PLACE_WEIGHT,
    demonym,
    figure_category,
    name_key,
    not_speaker,
    page_label,
    place_category,
    proxy_head,
)
from .names import _SENTENCE_MARKS, _runs, _sentence_initial
from .phrases import _CONNECTORS, _STOP, DETERMINERS, _gap_ok, word_set
from .records import Entity

__all__ = ["Entities", "RoleHit", "find_entities"]


# Honorifics: they mark a person and a gender, never a source category (a closed class of English).
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": ""}
_PRONOUN_GENDER = {"he": "m", "she": "f"}
# Heads that make a name an organisation (linked by its full name, not a surname).
_ORG_WORDS = word_set(
    """
    department ministry agency company party committee council court administration
    campaign office organization organisation group network university commission board
    bank institute association foundation union center centre house senate congress
    times post journal news service bureau authority church fund school college hospital
    inc corp ltd co llc county district associates newswire federation coalition organizations
    """
)
_OFFICES = frozenset(("government", "military", "law_enforcement"))
_OFFICE_WEIGHT = 0.7  # office titles of the lexicon weigh 0.7-1.0 ("President" 0.8)
_ATTACHED = 1.0  # added to an office title attached to the mention
_LOCATIVE = word_set("in at outside near across throughout inside around")
_MAX_PREFIX = 4  # lower-case words before a name searched for a role


@dataclass(slots=True)
class _Cluster:
    surname: str
    first: str
    kind: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    best: tuple[float, int] = (0.0, 0)  # evidence weight, -position
    category: str = "other"
    name: tuple[int, int] = (0, 0)  # span of the fullest name
    gender: str = ""


class Entities:
    """The entities of one text, with lookups from tokens and speakers.

    Built by :func:`find_entities`. ``entities`` are the linked name
    entities; the speaker resolver adds speakers that are not names
    (:meth:`add_speaker`), and :func:`link_speakers` reads its links.
    """

    def __init__(self, text: str, clusters: list[_Cluster], token_entity: dict[int, int]) -> None:
        self.text = text
        self._clusters = clusters
        self.token_entity = token_entity
        self.links: dict[tuple[int, int], int] = {}  # speaker span -> entity index
        self._groups: dict[tuple[str, str], int] = {}  # (name, kind) of speakers that are not names
        self._last: list[tuple[int, int]] | None = None  # (mention end token, entity) sorted
        self._surnames: dict[str, list[int]] | None = None  # surname -> persons
        self._starts: list[list[int]] | None = None  # the sorted mention starts of each entity, when read

    def __len__(self) -> int:
        return len(self._clusters)

    def category(self, k: int) -> str:
        return self._clusters[k].category

    def name(self, k: int) -> str:
        s, e = self._clusters[k].name
        return self.text[s:e]

    def kind(self, k: int) -> str:
        return self._clusters[k].kind

    def gender(self, k: int) -> str:
        return self._clusters[k].gender

    def at(self, t: int) -> int:
        """The entity whose name holds token ``t``, else -1."""
        return self.token_entity.get(t, -1)

    def before(self, t: int, window: int, kinds: tuple[str, ...], gender: str = "",
               categories: Callable[[str, str], bool] | None = None, skip: int = -1) -> int:
        """The entity with the closest name ending before token ``t`` (within ``window`` tokens).

        ``categories``, when given, says which antecedents fit, from their
        source category and lower-case name ("the group" is no government
        bureau); entity ``skip`` and names no speaker is ("Oct.", "Friday") never do.
        """
        if self._last is None:
            self._last = sorted(self.token_entity.items())
        k = bisect_left(self._last, (t, -1)) - 1
        while k >= 0 and self._last[k][0] >= t - window:
            e = self._last[k][1]
            c = self._clusters[e]
            if e != skip and c.kind in kinds and not (gender and c.gender and c.gender != gender) and (
                categories is None or categories(c.category, self.name(e).lower())
            ) and not not_speaker(self.name(e)):
                return e
            k -= 1
        return -1

    def add_speaker(self, span: tuple[int, int], entity: int | None, name: str, category: str,
                    kind: str, *, named: bool = False) -> int:
        """Link a speaker span to ``entity``, or to the entity of the speakers called ``name``.

        The span becomes a mention of the entity unless it holds one of its
        names already (``named``). Constant time: a long text of speakers
        stays linear.
        """
        if (entity is None or entity < 0) and name.isupper() and name.isalpha():
            entity = self._capitals(name, span[0])  # "SANDERS PROMISES ...": Sen. Bernie Sanders
        if entity is None or entity < 0:
            key = (name.lower(), kind)
            entity = self._groups.get(key, -1)
            if entity < 0:
                c = _Cluster(key[0], "", kind, [], (0.0, 0), category, span)
                if category == "other":
                    _known(c, name)  # "the United States", "Pyongyang"
                self._clusters.append(c)
                entity = self._groups[key] = len(self._clusters) - 1
        self.links[span] = entity
        c = self._clusters[entity]
        if c.category == "other" and category != "other":
            c.category = category
        if not named:
            c.mentions.append(span)
        return entity

    def persons_named(self, surname: str, *, full: bool = True) -> list[int]:
        """The persons whose surname is ``surname`` (any case), in the order they were named; with
        ``full``, only those the article names in full. One index, built on first use."""
        if self._surnames is None:
            self._surnames = {}
            for k, c in enumerate(self._clusters):
                if c.kind == "person":
                    self._surnames.setdefault(c.surname, []).append(k)
        found = self._surnames.get(name_key(surname.lower()), [])
        return [k for k in found if self._clusters[k].first] if full else found

    def _capitals(self, name: str, start: int) -> int:
        """The person whose surname is ``name`` in capitals, chosen as a surname is (:func:`_salient`)."""
        if self._starts is None:
            self._starts = [sorted(s for s, _ in c.mentions) for c in self._clusters]
        return _salient([(k, self._starts[k][0], bisect_left(self._starts[k], start))
                         for k in self.persons_named(name)], start)

    def to_list(self) -> list[Entity]:
        """The entities as records, in the order of their first mention."""
        return [
            Entity(self.text[c.name[0] : c.name[1]], c.category, tuple(sorted(set(c.mentions))), c.kind)
            for c in self._clusters
        ]


def find_entities(
    text: str,
    tokens: Tokens,
    roles: Roles,
    role_category: Callable[[str], str],
) -> Entities:
    """The linked name entities of ``text``.

    Parameters
    ----------
    text : str
        The article text.
    tokens : Tokens
        Its tokens.
    roles : callable
        ``roles(start, end)``: the ``source_roles`` hits inside the character
        span (offsets into ``text``), as the speaker resolver reads them.
    role_category : callable
        The category of a lexicon term (``role_category("lawmaker")``).

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = ("House Speaker Nancy Pelosi spoke. Dr. Anthony Fauci, the government's top "
    ...         "infectious disease expert, agreed. Pelosi left.")
    >>> ents = SpeakerResolver(text, tokenize(text)).entities()
    >>> [(e.text, e.category, [text[s:t] for s, t in e.mentions]) for e in ents.to_list()]
    [('Nancy Pelosi', 'government', ['Nancy Pelosi', 'Pelosi']), ('Anthony Fauci', 'expert', ['Anthony Fauci'])]
    """
    starts, ends, norms = tokens.starts, tokens.ends, tokens.norms
    n = len(norms)
    runs = _runs(text, tokens)
    # words the article writes capitalised inside a sentence: names, not sentence openers
    inside: set[str] = set()
    for i, j in runs:
        if i and _SENTENCE_MARKS.isdisjoint(text[ends[i - 1] : starts[i]]):  # not _sentence_initial
            inside.add(norms[i])
        if j - i > 1:  # "Trump" after "Donald Trump's"
            inside.update(norms[i + 1 : j], map(_surname, norms[i + 1 : j]))
    clusters: list[_Cluster] = []
    token_entity: dict[int, int] = {}
    by_surname: dict[str, list[int]] = {}
    by_org: dict[str, int] = {}
    singles: list[tuple[int, int, str, float, str, str]] = []
    plural: tuple[int, str, float] = (-1, "other", 0.0)  # end token of a run under a plural title
    titles = owner_titles()
    for i, j in runs:
        run_end = j
        if (j - i == 1 and norms[i] not in inside) or page_label(text[starts[i] : ends[j - 1]]):
            continue
        # titles inside the run: the name is what follows the last title
        found = _hits(roles, starts[i], ends[j - 1])
        if j - i > 1 and norms[j - 1].endswith("'s") and text[ends[j - 1] - 2] in "'\u2019":
            # the article's hits do not see a name inside a possessive token ("the Washington
            # Post's blog" gave "Washington" alone): match the name without the possessive
            own = role_category(text[starts[i] : ends[j - 1] - 2])
            if own not in ("other", "anonymous", _evidence(found)[0]):  # not "President Obama's"
                found = [_Whole(starts[i], ends[j - 1] - 2, own, _POSSESSIVE_WEIGHT, text[starts[i] : ends[j - 1] - 2])]
        k = i
        gender = ""
        for m in found:
            t = bisect_left(ends, m.end, i, j)
            if t + 1 < j:
                k = max(k, t + 1)
        if norms[k] in _CONNECTORS or norms[k] in ("the", "and") or (k > i and (norms[k] in _STOP or norms[j - 1] in _ORG_WORDS)):
            k = i  # "Bank of America", "Mothers Against Drunk Driving", "... of Police Organizations": an organisation named by its role word
        owner = ("other", 0.0)  # "CNN's Anderson Cooper", "Nate Silver of FiveThirtyEight"
        for t in range(k, j - 1):
            if norms[t].endswith("'s") and text[ends[t] - 2] in "'\u2019":
                k = t + 1
                owner = _owner(role_category(text[starts[i] : ends[t] - 2]))
        for t in range(k + 1, j - 1):
            if norms[t] == "of":
                if t - k <= 3 and not any(norms[u] in _ORG_WORDS for u in range(k, t)) and not any(
                    m.start < starts[t] for m in found if m.end > starts[k]
                ):
                    owner = max(owner, _evidence(_hits(roles, starts[t + 1], ends[j - 1])),
                                key=lambda ev: ev[1])
                    if owner[1] == 0.0:
                        owner = _owner(role_category(text[starts[t + 1] : ends[j - 1]]))
                    j = t
                break
        while k < j - 1 and (norms[k] in _HONORIFICS or _title_abbreviation(text, tokens, k)):
            gender = _HONORIFICS.get(norms[k], gender)
            k += 1
        if k > i and norms[k - 1] in _HONORIFICS:
            gender = _HONORIFICS[norms[k - 1]]
        place_owner = ("other", 0.0)
        if k == i and j - k >= 3 and place_category(text[starts[k] : ends[k]]) is not None:
            # "(Ambassador to) Ukraine Marie Yovanovitch": the place is not part of the name
            k += 1
            if i >= 2 and norms[i - 1] in ("to", "for") and _gap_ok(text, tokens, i - 2):
                place_owner = _evidence(_hits(roles, starts[i - 2], ends[i - 2]))
        name_end = ends[j - 1]
        if norms[j - 1].endswith("'s") and text[name_end - 2] in "'\u2019":
            name_end -= 2
        name_start = starts[k]
        # roles in the lower-case words just before the run
        p = i
        while p > 0 and i - p < _MAX_PREFIX and _gap_ok(text, tokens, p - 1):
            w = norms[p - 1]
            if w in _STOP or w in DETERMINERS or text[starts[p - 1]].isupper() or prefix_stop(norms, p - 1):
                break
            p -= 1
        # and a role begun in capitalised words before ("CIA director Michael Hayden"), if any come before
        cross = [m for m in _hits(roles, starts[max(p - 2, 0)], name_start) if m.start < starts[p] < m.end] if p < k else []
        prefix = _hits(roles, starts[p], name_start) + [m for m in found if m.end <= name_start]
        if cross:
            prefix = cross + [m for m in prefix if not any(c.start <= m.start and m.end <= c.end for c in cross)]
        if p == i and i > 0 and text[starts[i - 1]].isupper() and _gap_ok(text, tokens, i - 1) and (
            i == 1 or _sentence_initial(text, tokens, i - 1)
        ):
            # "Reps. Lou Barletta ...": a title opening the sentence that the name runs left out
            prefix = _hits(roles, starts[i - 1], ends[i - 1]) + prefix
        if p > 0 and prefix and any(m.text.lower() in titles for m in prefix):
            prefix = owner_prefix(text, tokens, p, prefix, roles)  # "NRA executive vice president Wayne LaPierre"
        category, weight = _evidence(prefix)
        if weight > 0.0 and _plural_title(prefix):
            plural = (run_end, category, weight)
        elif weight == 0.0 and plural[2] > 0.0 and (
            (plural[0] == i - 1 and norms[i - 1] == "and")
            or (plural[0] == i and "," in text[ends[i - 1] : starts[i]])
        ):
            # "Political scientists Stephanie Ortmann and John Heathershaw", "Reps. Lou Barletta of
            # Pennsylvania and Steve King of Iowa": a plural title covers every name of the list
            category, weight = plural[1], plural[2]
            plural = (run_end, category, weight)
        if weight >= _OFFICE_WEIGHT and category in _OFFICES and not _former(text, prefix):
            # "President Trump", "President Evo Morales": a current office the text attaches to this
            # name outranks evidence said elsewhere ("a former coca farmer", a headline's company)
            weight += _ATTACHED
        # "Planned Parenthood’s deputy director": the possessive is not part of the name
        whole = [m for m in found if m.start <= starts[i] and m.end >= name_end] if found else []
        if weight == 0.0 and whole:
            category, weight = _evidence(whole)  # "The New York Times, which ...": the name is the role
        if weight == 0.0 and j - k > 1 and norms[j - 1] in _ORG_WORDS and any(m.end == name_end for m in found):
            category, weight = _inside(text, tokens, found, k, j)  # "Wicklander-Zulawski & Associates": its head
        if weight == 0.0 or (weight < 1.0 and party_label(text, tokens, j)):  # "Budget Chairman Paul Ryan (R-Wis.)"
            category, weight = _after(text, tokens, j, roles, role_category)
        if weight == 0.0:
            category, weight = _before(text, tokens, i, j, roles)
        if weight == 0.0:
            category, weight = place_owner
        if weight == 0.0 and p < i and proxy_head(norms[i - 1]):
            category, weight = _proxied(text, tokens, p, i - 1, roles)
        if weight == 0.0:
            category, weight = owner
        if weight == 0.0 and j < n and text[ends[j - 1] : starts[j]] == " ":
            # "the Trump administration", "the Obama campaign": who heads a government body ("NRA's president" not)
            head = _evidence([m for m in _hits(roles, starts[j], ends[j]) if m.text.lower() not in titles])
            if head[1] >= 0.7 and (head[0] == "government" or (head[0] == "media" and outlet_name(text, tokens, i, j))):
                category, weight = head[0], 0.3  # "Time magazine": the outlet
        if whole and j - i == 1:
            if any(clusters[c].kind == "person" for c in by_surname.get(_surname(norms[i]), [])):
                category, weight, whole = "other", 0.0, []  # "Bloomberg" after "Michael Bloomberg": the person
            else:
                continue  # a capitalised role ("Democrat", "President"), not a name
        org = bool(whole) or norms[j - 1] in _ORG_WORDS or not {"of", "for", "and"}.isdisjoint(norms[k:j]) or (
            "&" in text[starts[k] : ends[j - 1]])
        kind = "org" if org else "person"
        last = norms[j - 1]
        if not org and last.endswith("s") and not last.endswith(("ss", "us", "'s")) and any(
            m.end >= ends[j - 1] for m in found
        ):
            kind = "group"  # "Congressional Republicans", "Senate Democrats": never "he" or "she"
        span = (name_start, name_end)
        if org and weight == 0.0:
            category, weight = _inside(text, tokens, found, k, j)
        if org:
            key = text[name_start:name_end].lower()
            e = by_org.get(key, -1)
            if e < 0:
                e = by_org[key] = len(clusters)
                clusters.append(_Cluster(key, key, kind, [], (0.0, 0), "other", span))
            _add(clusters[e], span, category, weight, gender)
            for t in range(k, j):
                token_entity[t] = e
            continue
        surname = _surname(norms[j - 1])
        if j - k == 1:
            singles.append((k, j, surname, weight, category, gender))
            continue
        first = norms[k]
        e = -1
        for c in reversed(by_surname.get(surname, [])):
            if clusters[c].first in (first, ""):
                e = c
                break
        if e < 0:
            e = len(clusters)
            clusters.append(_Cluster(surname, first, kind, [], (0.0, 0), "other", span))
            by_surname.setdefault(surname, []).append(e)
        _add(clusters[e], span, category, weight, gender)
        for t in range(k, j):
            token_entity[t] = e
    by_first: dict[str, list[int]] = {}  # the persons' first names (the clusters added below have none)
    named = [sorted(s for s, _ in c.mentions) for c in clusters]  # the full names' starts, per entity
    added: Counter[int] = Counter()  # surnames joined so far (all before the next), per entity
    for c, cluster in enumerate(clusters):
        if cluster.kind == "person":
            by_first.setdefault(cluster.first, []).append(c)
        elif cluster.kind == "org" and (words := text[cluster.name[0] : cluster.name[1]].split())[1:]:
            by_first.setdefault("\0" + _surname(words[0].lower()), []).append(c)  # "Sunrise Movement"
    for k, _, surname, weight, category, gender in singles:
        # "Ms. Trump" is not "Donald Trump"; "President Trump" is the public figure of that office
        # ("Donald Trump", not a nearer "Lara Trump"), else a full name with that role, if any
        candidates = [c for c in by_surname.get(surname, []) if not gender or clusters[c].gender in ("", gender)]
        if not candidates and weight == 0.0 and k and not _sentence_initial(text, tokens, k):
            # "Hillary" for "Hillary Clinton": a first name alone joins the one full name it starts
            firsts = [c for c in by_first.get(norms[k], ()) if clusters[c].surname != norms[k]]
            if len({clusters[c].surname for c in firsts}) == 1:
                candidates = firsts
        if not candidates and weight == 0.0:  # "Sunrise" after "the Sunrise Movement": the body, not a person
            candidates = [c for c in by_first.get("\0" + surname, ()) if not personal_body(text, clusters[c].name)]
        if weight >= 0.5:
            candidates = [c for c in candidates if figure_category(clusters[c].first, surname) == category] or [
                c for c in candidates if clusters[c].best[0] > 0.0 and clusters[c].category == category] or candidates
        e = _salient([(c, clusters[c].mentions[0][0], bisect_left(named[c], starts[k]) + added[c])
                      for c in candidates], starts[k])
        if e < 0 and weight == 0.0 and not gender and demonym(text[starts[k] : ends[k]]) == "singular":
            continue  # "German officials", "the Western alliance": a modifier, no one (not "Mr. English")
        if e < 0:
            e = len(clusters)
            span = (starts[k], ends[k] - (2 if norms[k].endswith("'s") else 0))
            # "grew up outside Pittsburgh": a single word after a locative preposition is a
            # place (an organisation, as the places gazetteer makes them), never "he" or "she"
            kind = "org" if k and norms[k - 1] in _LOCATIVE and "'" not in norms[k] else "person"
            clusters.append(_Cluster(surname, "", kind, [], (0.0, 0), "other", span))
            by_surname[surname] = [e]
            named.append([])
        end = ends[k] - (2 if norms[k].endswith("'s") and text[ends[k] - 2] in "'\u2019" else 0)
        _add(clusters[e], (starts[k], end), category, weight, gender)
        added[e] += 1
        token_entity[k] = e
    for cluster in clusters:
        if cluster.best[0] == 0.0 or cluster.best[0] == _AGE_WEIGHT:  # an age alone: below a public figure
            _known(cluster, text[cluster.name[0] : cluster.name[1]])
        cluster.kind = name_kind(text[cluster.name[0] : cluster.name[1]], cluster.kind)  # "Mosul", "Google": no "he"
    return Entities(text, clusters, token_entity)


def _known(c: _Cluster, name: str) -> None:
    """The gazetteers' category of an entity the article gives no role: a place, a public figure."""
    place = place_category(name) if c.best[0] == 0.0 else None  # an age may give way to a figure only
    if place is not None:
        c.category, c.best, c.kind = place, (PLACE_WEIGHT, 0), "org"
    elif c.kind == "person":
        figure = figure_category(c.first, c.surname)
        if figure is not None:
            c.category, c.best = figure, (FIGURE_WEIGHT, 0)


_name_key = _surname = name_key


def _salient(candidates: list[tuple[int, int, int]], start: int) -> int:
    """Of the (entity, first mention, mentions so far) named before ``start``, the most mentioned, the
    closest on ties ("Trump" after "Ivanka Trump" stays Donald Trump); else the first named after."""
    earlier = [(n, first, c) for c, first, n in candidates if first < start]
    return max(earlier)[2] if earlier else next((c for c, _, _ in candidates), -1)


def _add(c: _Cluster, span: tuple[int, int], category: str, weight: float, gender: str) -> None:
    c.mentions.append(span)
    if weight > c.best[0]:
        c.best = (weight, -span[0])
        c.category = category
    if gender and not c.gender:
        c.gender = gender
    if span[1] - span[0] > c.name[1] - c.name[0]:
        c.name = span
