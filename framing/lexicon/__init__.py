"""Lexicons: loading, validation and a compiled multi-word matcher.

A lexicon is a TSV file ``<name>.tsv`` with the header
``term<TAB>category<TAB>weight`` (more columns allowed, kept as ``extra``);
lines that are empty or start with ``#`` are ignored. An optional ``pos``
column restricts an entry to a part of speech of its first word in context:
one Universal POS tag or several separated by ``|`` (``VERB``,
``VERB|AUX``; empty: any). The matcher tags only the candidate hits of such
entries (:func:`framing.tagger.tag_window`); an unknown tag raises
:class:`LexiconFormatError` naming the file and the line. An optional ``unless``
column gates an entry by its context: patterns separated by ``|``, each
words with one ``_`` standing for the term (``spread of _|_ research*|_ * bill``;
a word ending in ``*`` matches any word that starts with it, ``*`` alone any
one word). The entry does not
match where the words just before and after it fit a pattern, so a topic
word can be counted only where it is not used as a plain name for the topic.
Gates are read from user lexicons the same way (``Lexicon.add(...,
unless=...)`` in code). An optional JSON sidecar
``<name>.json`` (UTF-8) holds an object with the keys, all optional:

* ``name``, ``version``, ``description``, ``licence`` and ``citation``
  (strings) and ``sources`` (a list of strings);
* ``categories``: category name -> one-line definition;
* ``role``: ``"cues"`` or ``"speakers"`` when quote attribution reads the
  lexicon (see :class:`Lexicon`), absent otherwise;
* ``display``: ``true`` to highlight the lexicon by default in HTML views;
* ``examples``: the canonical test sentences of each category,
  ``{"<category>": {"hit": [sentence, text of the expected hit], "miss":
  [sentence, ...]}}``, kept as :attr:`Lexicon.examples`. A miss has no hit of
  the category, or only negated ones. The test suite checks every shipped
  lexicon against its examples, so a new lexicon needs no test code.

A ``categories``, ``role``, ``display`` or ``examples`` value of the wrong
shape raises :class:`LexiconFormatError` naming the sidecar and the key.

Term rules
----------
* A term is one or more words separated by spaces; words are split and
  normalized exactly like text (:func:`framing.text.tokenize`), so
  ``"U.S."``, ``"far-left"`` and ``"don't"`` are single words.
* A word ending in ``*`` matches any word that starts with it
  (``terroris*`` matches *terrorism*, *terrorists*); a ``*`` anywhere else is
  an error. Other inflections are listed as explicit forms.
* A term written in lower case matches any capitalisation; a term with a
  capital letter matches only that capitalisation (``Reds`` matches *Reds*
  but not *reds*).
* A possessive ends a term: the last word of a term matches its form with
  "'s" (*the regime's*, *the White House's*), a word inside a term does not
  (*the FBI's agents* is no *FBI agents*). A word written "then-X" is X
  (*then-Sen.*, *then-Secretary of State*). The hit is the whole token.
* Within one lexicon, overlapping hits are resolved longest first, then
  leftmost; a span listed under several categories yields one match per
  category. Different lexicons may overlap.
* A hit is ``negated`` when a negator precedes it within
  :data:`framing.text.NEGATION_WINDOW` words of the same clause.

The package is split by stage: :mod:`framing.lexicon.model` (:class:`Entry`,
:class:`Lexicon`), :mod:`framing.lexicon.io` (reading files, the shipped
lexicons), :mod:`framing.lexicon.matcher` (:class:`Matcher`, :class:`Match`)
and :mod:`framing.lexicon.importers` (published formats: LIWC ``.dic``, MPQA
``.tff``, eMFD CSV, word lists).
"""

from ..exceptions import LexiconFormatError
from .io import available_lexicons, lexicon_dir, load_lexicon, read_lexicon
from .matcher import Match, Matcher
from .model import Entry, Lexicon

__all__ = [
    "Entry",
    "Lexicon",
    "LexiconFormatError",
    "Match",
    "Matcher",
    "available_lexicons",
    "lexicon_dir",
    "load_lexicon",
    "read_lexicon",
]
