"""The compiled scoring loop (``framing._tagger_core``) gives the pure-Python tagger's tags.

Both paths of :meth:`framing.tagger.Tagger.tag_forms` run on adversarial
forms (always), on every sentence of 150 AllSides articles and on the UD
English EWT dev sentences (skipped cleanly without the research data), for
whole sentences and with ``stop=``, with the shipped ``framing-3`` feature
set (and word lexicons of other shapes), with ``framing-2`` and with NLTK's own. The test skips when the package was installed
without its extension (no C compiler).
"""

from __future__ import annotations

import gzip
import itertools
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from framing import tagger as tagger_module
from framing.tagger import Tagger, load_tagger
from framing.text import split_sentences, tokenize, use_compiled

needs_core = pytest.mark.skipif(tagger_module._core is None,
                                reason="framing._tagger_core was not built (no C compiler)")


def _nltk_tagger() -> Tagger:
    """The shipped weights read with NLTK's feature set (many of its feature strings are shared)."""
    model = load_tagger().to_json()
    return Tagger.from_json({**model, "features": "nltk"})


def _framing2_tagger() -> Tagger:
    """The shipped weights read with the framing-2 feature set (all of its feature strings are shared)."""
    model = load_tagger().to_json()
    return Tagger.from_json({**model, "features": "framing-2"})


def _relexiconed(sizes: int) -> Tagger:
    """The shipped weights with a word lexicon of ``sizes`` class sizes cut or padded from the shipped one."""
    model = load_tagger().to_json()
    lexicon = model["lexicon"]
    classes = {w: (ids + ids)[:sizes] for w, ids in lexicon["word_classes"]["classes"].items()}
    word_classes = {**lexicon["word_classes"], "sizes": list(range(sizes)), "classes": classes}
    return Tagger.from_json({**model, "lexicon": {**lexicon, "word_classes": word_classes}})


def _tagger(features: str) -> Tagger:
    return {"framing-3": load_tagger, "framing-2": _framing2_tagger, "nltk": _nltk_tagger}[features]()


def assert_same(tagger: Tagger, forms: list[str], stops: tuple[int | None, ...] = (None,)) -> int:
    """Both paths give the same tags of ``forms`` for each stop; the number of tags compared."""
    compared = 0
    for stop in stops:
        got = tagger._tag_compiled(forms, stop)
        ref = tagger._tag_reference(forms, stop)
        assert got == ref, (stop, forms[:40])
        compared += len(ref)
    return compared


ADVERSARIAL: list[list[str]] = [
    [""],
    ["", "", ""],
    ["-", "--", "a-", "-a", "a-b-c", "x-suffix abc", "A-suffix abc", "a-suffix ab"],
    ["é", "Ǆemal", "ǅ", "ΣΊΣΥΦΟΣ", "İstanbul", "ß", "ﬃ", "Ⅻ", "①", "٣٤", "𝔘𝔫𝔦", "😀😀", "\u0301"],
    ["a\n\nb", "\n", "\t\t", " ", "AAAA\n\nBBBB", "x\u2028y", "\ud800", "\x00\x00"],
    ["1999", "2016", "12345", "3rd", "0.5", "١٢٣٤", "²³"],
    ["x" * 10_000, "Y" * 5_000 + "-" + "z" * 5_000, "ab" * 3_000],
    ["She", "claims", "the", "claims", "are", "false", "."],
    ["-START-", "-END-", "-START2-", "-END2-", "!YEAR", "!DIGITS", "!HYPHEN"],
    ["McCain", "U.S", "didn't", "full-fledged", "O'Rourke", "e-mail", "i.e", "A.I"],
]


@needs_core
@pytest.mark.parametrize("features", ["framing-3", "framing-2", "nltk"])
def test_identical_on_adversarial_forms(features: str) -> None:
    tagger = _tagger(features)
    assert tagger.features == features
    rng = random.Random(19)
    pool = [w for forms in ADVERSARIAL for w in forms]
    cases = [*ADVERSARIAL, pool, [rng.choice(pool) for _ in range(100)]]
    for forms in cases:
        n = len(forms)
        assert_same(tagger, forms, (None, 0, 1, n // 2, n + 5, -1, -n - 3))


@needs_core
@pytest.mark.parametrize("sizes", [0, 1, 4])
def test_identical_with_word_lexicons_of_other_shapes(sizes: int) -> None:
    # no class, one class size, more sizes than shipped
    tagger = _relexiconed(sizes)
    assert len(tagger._unknown) == sizes
    text = ("She claims the claims are false. The mayor claims it was legal. Critics claim he lied. "
            "The report states that taxes rose, a full-fledged U.S. probe said in 2016.")
    tokens = tokenize(text)
    forms = tagger_module.tagger_input(tokens, text)[0]
    pool = [w for f in ADVERSARIAL for w in f]
    for case in (forms, [*forms, *pool]):
        assert_same(tagger, case, (None, 3, len(case) // 2))


@needs_core
def test_a_lexicon_entry_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="3 fields"):
        tagger_module._core.Model({}, {}, ["NOUN", "VERB"], {"claims": ("NOUN|VERB", "3")}, ("?",) * 3)


@needs_core
def test_public_functions_follow_the_switch() -> None:
    text = "The report states that the states refused. Officials didn\u2019t comment on the claims."
    tokens = tokenize(text)
    previous = use_compiled(True)
    try:
        compiled = (tagger_module.tag(tokens, text), tagger_module.tag_window(tokens, text, [2, 5, 9]))
        use_compiled(False)
        reference = (tagger_module.tag(tokens, text), tagger_module.tag_window(tokens, text, [2, 5, 9]))
    finally:
        use_compiled(previous)
    assert compiled == reference
    assert compiled[0][2] == "VERB" and compiled[0][5] == "NOUN"


def _allsides_sentences(home: Path, n: int) -> Iterator[list[str]]:
    """The tagger input of every sentence of the first ``n`` AllSides articles."""
    path = home / "allsides" / "articles.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"AllSides articles not found at {path}")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k >= n:
                break
            text = json.loads(line).get("content_original") or ""
            tokens = tokenize(text)
            for lo, hi, left, right in tagger_module._sentence_bounds(tokens, text, split_sentences(text)):
                yield tagger_module._segment(tokens, text, lo, hi, left, right)[0]


@needs_core
def test_identical_on_every_sentence_of_150_allsides_articles(data_home: Path) -> None:
    framing3, framing2, nltk = load_tagger(), _framing2_tagger(), _nltk_tagger()
    rng = random.Random(7)
    compared = sentences = 0
    for forms in _allsides_sentences(data_home, 150):
        sentences += 1
        compared += assert_same(framing3, forms)
        if sentences % 4 == 0:
            compared += assert_same(framing3, forms, (rng.randint(1, len(forms)),))
        if sentences % 10 == 0:
            compared += assert_same(nltk, forms)
        if sentences % 10 == 5:
            compared += assert_same(framing2, forms)
    assert sentences > 4_000 and compared > 150_000


@needs_core
def test_identical_on_ewt_dev_sentences(data_home: Path) -> None:
    from framing.evaluation.tagger import framing_gold, read_treebank

    if not (data_home / "ud-english-ewt" / "en_ewt-dev.conllu").is_file():
        pytest.skip("UD English EWT dev set not found")
    tagger = load_tagger()
    compared = 0
    for s in read_treebank("dev", data_home):
        forms = framing_gold(s)[0]
        if forms:
            compared += assert_same(tagger, forms, (None,) if len(s.text) % 2 else (max(1, len(forms) // 3),))
    assert compared > 12_000


@needs_core
def test_a_small_form_cache_gives_the_same_tags(data_home: Path) -> None:
    # the compiled kernel's per-form scores, cleared every few forms, and the normalised-form cache
    # cleared as well: the tags do not change
    tagger = Tagger.from_json(load_tagger().to_json())
    forms_list = list(itertools.islice(_allsides_sentences(data_home, 20), 400))
    expected = [tagger._tag_reference(forms, None) for forms in forms_list]
    tagger._tag_compiled(forms_list[0], None)  # builds the kernel's model
    assert tagger._model.max_forms == tagger_module._core.MAX_FORMS == 30_000
    tagger._model.max_forms = 5
    assert [tagger._tag_compiled(forms, None) for forms in forms_list] == expected
    assert tagger._model.cached_forms <= 5
