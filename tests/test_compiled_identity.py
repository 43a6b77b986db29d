"""The compiled text kernels (``framing._text_core``) give the pure-Python reference's output.

Sentences, tokens (offsets and normalized forms), word counts and negation
scope are compared on adversarial strings (always) and on real articles:
2,000 AllSides articles, the PolNeAR training articles, the MBIC articles and
BABE sentences (skipped cleanly without the research data). The test skips
when the package was installed without its extension (no C compiler).
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from framing import text as text_module
from framing.text import Tokens, negated_at, split_sentences, tokenize, use_compiled

core = text_module._core
needs_core = pytest.mark.skipif(core is None, reason="framing._text_core was not built (no C compiler)")


def _negation_indices(tokens: Tokens) -> Iterator[int]:
    """Every token within a negation window of a negator-like word, and every 7th token."""
    norms = tokens.norms
    near: set[int] = set(range(0, len(norms), 7))
    for j, word in enumerate(norms):
        if word in text_module.NEGATORS or "n't" in word:
            near.update(range(j + 1, min(len(norms), j + 2 + text_module.NEGATION_WINDOW)))
    return iter(sorted(near))


def assert_identical(text: str, *, negation: bool = True) -> None:
    """Both implementations give the same sentences, tokens, count and negation for ``text``."""
    assert core.split_sentences(text) == text_module._split_sentences_reference(text), text[:200]
    got, ref = core.tokenize(text), text_module._tokenize_reference(text)
    assert type(got) is Tokens
    assert (got.starts, got.ends, got.norms) == (ref.starts, ref.ends, ref.norms), text[:200]
    assert core.count_words(text) == text_module._count_words_reference(text), text[:200]
    if negation:
        window = text_module.NEGATION_WINDOW
        for i in _negation_indices(ref):
            assert (core.negated_at(ref.norms, ref.starts, ref.ends, text, i, window)
                    == text_module._negated_at_reference(ref, i, text, window)), (text[:200], i)


ADVERSARIAL = [
    "",
    " ",
    "\n",
    "\n\n\n",
    ".",
    "...",
    "!?!?",
    "\u2026",
    "a.",
    "A. B. C.",
    "no capitals at all. none anywhere. just words",
    "ALL CAPITALS. EVERY WORD. SHOUTING!",
    "word\n. Next one. And\n\n. More",
    "He said. \u201cNo.\u201d She left.\u201d Then",
    "The U.S. The U.K. The e.g. Then i.e. So 3.5. Then 4. He",
    "Jan. 5. Mr. Smith. Dr. Who? Sen. Lee! Gov. X. Plan B. The end.",
    "\u0130stanbul \u0130ZM\u0130R said no. \u0130. Then",  # İ lowercases to two characters
    "\u039f\u0394\u039f\u03a3\u0301\u0392 \u039f\u0394\u039f\u03a3 \u03a3\u03a3.",  # final sigma
    "a\u2018b c\u2010d e\u2011f g\u2019h",  # joiners only after normalization
    "\u00b2 \u0663\u0664 \u00bd x\u00b2. \u0663. Next \u2460. The",  # digits that are not decimal
    "end.\x1c\x1dNext. \u2028Then.\u00a0Now.\u3000Later. \u0085After.",  # unusual white space
    "snake_case_word. _under_ Score. a_b.",
    "\ud800\udfff lone surrogates. \udc00 More.",
    "\U0001f600 emoji. \U0001d400\U0001d401 math. \u4e2d\u6587\u3002\u597d",
    "not a, b not c; never d: e hardly f. didn\u2019t g nor h without i",
    "(\"Quoted.\") [Bracketed.] \u2018Single.\u2019 'Straight.' Done.",
    "line one\nline two\n  Line three\n\tline four.\nLine five:\nline six",
    "x" * 64 + "\n" + "y",
    "A" * 50 + ". B",
    "9" * 45 + ". Then",
    "3.5.6. 1-2. 3'4. 5\u20196. The",
]


def _random_texts(n: int, seed: int = 19) -> Iterator[str]:
    """Random strings over the characters the kernels treat specially, and a few others."""
    alphabet = list("aAzZ09 .!?\u2026\n\t\r\f\v'\"\u2018\u2019\u201c\u201d()[]{}-\u2010\u2011&_,;:%/")
    alphabet += ["\u0130", "\u03a3", "\u0301", "\u00b2", "\u0663", "\u00a0", "\u2028", "\x1c",
                 "\U0001f600", "\ud800", "\u00c9", "\u00df", "\ufb01", "Mr", "U.S", "e.g", "Jan",
                 "The", "the", "not", "n't", "no", "said", "Dr", "J", "i.e", "etc", "\u0131"]
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))


@needs_core
@pytest.mark.parametrize("text", ADVERSARIAL)
def test_adversarial_strings(text: str) -> None:
    assert_identical(text)


@needs_core
def test_random_strings() -> None:
    for text in _random_texts(4000):
        assert_identical(text)


@needs_core
def test_large_and_repetitive_texts() -> None:
    rng = random.Random(7)
    words = ["alpha", "Beta", "not", "gamma", "U.S", "said", "the", "Mr"]
    unpunctuated = " ".join(rng.choice(words) for _ in range(170_000))[:1_000_000]
    assert_identical(unpunctuated, negation=False)
    assert_identical("\u201c" * 5000 + '"' * 5000 + "'" * 5000 + "\u2019" * 5000)
    assert_identical('"a" ' * 5000 + "\u201cb.\u201d " * 5000)
    assert_identical("." * 100_000 + " A" + "\n" * 10_000 + "b")
    assert_identical("Mr. " * 20_000 + "x")


@needs_core
def test_public_functions_switch_between_implementations() -> None:
    text = "Gen. Dempsey didn\u2019t say it was not a disaster. \u201cNo,\u201d he said."
    previous = use_compiled(True)
    try:
        assert text_module.COMPILED is True
        compiled = (split_sentences(text), tokenize(text), text_module.count_words(text))
        toks = compiled[1]
        neg_compiled = [negated_at(toks, i, text) for i in range(len(toks))]
        assert use_compiled(False) is True
        assert text_module.COMPILED is False
        reference = (split_sentences(text), tokenize(text), text_module.count_words(text))
        neg_reference = [negated_at(toks, i, text) for i in range(len(toks))]
    finally:
        use_compiled(previous)
    assert compiled == reference
    assert neg_compiled == neg_reference
    assert any(neg_reference)


def test_use_compiled_checks_its_argument() -> None:
    with pytest.raises(ValueError, match="'enabled' parameter of use_compiled must be a bool"):
        use_compiled("yes")  # type: ignore[arg-type]


def test_pure_python_environment_variable_forces_the_reference() -> None:
    code = "import framing.text as t; print(t.COMPILED, t.tokenize('Not bad.').norms)"
    env = {**os.environ, "FRAMING_PURE_PYTHON": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True).stdout
    assert out.strip() == "False ['not', 'bad']"


@needs_core
def test_non_str_input_keeps_the_reference_errors() -> None:
    with pytest.raises(TypeError, match="expects a str"):
        split_sentences(b"bytes")  # type: ignore[arg-type]

    class Text(str):
        pass

    text = Text("It rained. We stayed in.")
    assert split_sentences(text) == text_module._split_sentences_reference(text)
    assert tokenize(text) == text_module._tokenize_reference(text)
    # Tokens whose lists disagree in length, or an index out of range: the reference decides.
    odd = Tokens([0, 4], [3], ["not", "bad"])
    def outcome(fn: Callable[[Tokens, int, str], bool], tokens: Tokens, i: int) -> object:
        try:
            return fn(tokens, i, "not bad")
        except IndexError:
            return IndexError

    for tokens in (odd, tokenize("not bad")):
        for i in (-1, 0, 1, 2, 5):
            assert outcome(negated_at, tokens, i) == outcome(text_module._negated_at_reference, tokens, i)


# ------------------------------------------------------------- real articles

def _allsides(home: Path, n: int) -> list[str]:
    path = home / "allsides" / "articles.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"AllSides articles not found at {path}")
    texts: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts.extend(t for t in (record.get("content_original"), record.get("title")) if t)
            if len(texts) >= n:
                break
    return texts


@needs_core
def test_identical_on_2000_allsides_articles(data_home: Path) -> None:
    texts = _allsides(data_home, 2000)
    assert len(texts) >= 2000
    for text in texts:
        assert_identical(text)


@needs_core
def test_identical_on_polnear_mbic_and_babe(data_home: Path) -> None:
    texts: list[str] = []
    polnear = data_home / "polnear" / "train" / "text"
    if polnear.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(polnear.glob("*.txt"))]
    mbic = data_home / "babe" / "final_labels_MBIC.csv"
    if mbic.is_file():
        with mbic.open(encoding="utf-8-sig", newline="") as f:
            texts += sorted({row["article"] for row in csv.DictReader(f) if row.get("article")})
    babe = data_home / "babe" / "final_labels_SG2.csv"
    if babe.is_file():
        with babe.open(encoding="utf-8-sig", newline="") as f:
            texts += [row["text"] for row in csv.DictReader(f, delimiter=";") if row.get("text")]
    if not texts:
        pytest.skip(f"PolNeAR and BABE not found under {data_home}")
    for text in texts:
        assert_identical(text)
