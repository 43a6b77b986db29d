"""The document every stage annotates: one article, its offsets, and what each stage found.

The idea is spaCy's ``Doc``: the text stage splits the article once
(sentences, and tokens as parallel offset arrays), then each stage reads
what the earlier ones wrote and adds its own layer. Nothing is computed
twice: quote attribution reads the lexicon stage's reporting-verb and
source-role hits instead of matching them again, so the feature table,
the matches table and the quotes' cues agree by construction.

Examples
--------
>>> from framing import Article
>>> doc = Document.from_article(Article.from_text("Officials said the plan failed."))
>>> len(doc.tokens), [(s.start, s.end) for s in doc.sentences]
(5, [(0, 31)])
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..attribution import Entity, Quote
from ..attribution.cues import CueHit
from ..lexicon import Match
from ..readers import Article
from ..text import Sentence, Tokens, split_sentences, tokenize
from ..tone import DocumentTone

__all__ = ["Document"]


@dataclass(slots=True, eq=False)
class Document:
    """One article flowing through the stages.

    Attributes
    ----------
    article : Article
        The input; every offset indexes ``article.text``.
    sentences : list of Sentence
        Written by the text stage.
    tokens : Tokens
        Token offsets and normalised forms as parallel arrays (text stage).
    matches : list of Match
        Lexicon hits, sorted by position, reporting verbs already filtered
        to the forms used as verbs (lexicon stage).
    cues : list of CueHit or None
        The reporting verbs used as verbs and "according to", in token
        positions (lexicon stage, from the analyzer's cue lexicons); ``None``
        when the analyzer has no cue lexicon.
    quotes : list of Quote
        Quotes with their speaker and cue (attribution stage).
    entities : list of Entity
        People, organisations and groups named or quoted, their mentions
        linked; each quote's ``speaker.entity`` indexes this list
        (attribution stage).
    tone : DocumentTone or None
        VADER's compound score of each sentence and of each quote (tone
        stage); ``None`` before it ran.
    """

    article: Article
    sentences: list[Sentence]
    tokens: Tokens
    matches: list[Match] = field(default_factory=list)
    cues: list[CueHit] | None = None
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    tone: DocumentTone | None = None

    @classmethod
    def from_article(cls, article: Article) -> Document:
        """Run the text stage: sentences and tokens of ``article.text``."""
        text = article.text
        return cls(article, split_sentences(text), tokenize(text))

    @property
    def text(self) -> str:
        """The article text all offsets point into."""
        return self.article.text

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)
