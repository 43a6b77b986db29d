"""The compiled dense features of entity tone (``framing._mention_core``) give the array code's floats.

:func:`framing.tone.mention_matrix.mention_matrix` runs both ways on the
mentions of invented texts (always) and of 300 AllSides articles (skipped
without the research data): the scored rows, the dense features and the
probabilities must be the same floats, byte for byte. The test skips when
the package was installed without its extension.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

import framing.tone.entities as entities_module
from conftest import allsides_texts
from framing import Analyzer
from framing.readers import example_articles
from framing.text import use_compiled
from framing.tone import mention_matrix as mm

needs_core = pytest.mark.skipif(mm._core is None, reason="framing._mention_core was not built (no C compiler)")

TEXTS = [
    "Critics praised Smith. Critics attacked Jones.",
    'Sen. Elizabeth Warren said the plan was "a disaster for working families," but Warren\'s aides '
    "were not so sure; Republicans, who never liked it, called Warren's idea reckless.",
    "Smith - who won, he said - spoke while Jones smiled; BUT Jones left. Did Smith lie? Smith didn't.",
    "The mayor's office denied that Mayor Bill de Blasio had praised the brutal, violent, shameful crackdown "
    "by the New York Police Department, which officials claimed was lawful and fair.",
    "Trump " + "and Trump " * 450 + "won.",  # a "sentence" past MAX_SENTENCE_TOKENS: no tone
    "\u201cTerrible,\u201d Pelosi said of Trump\u2019s plan. \u201cNot good at all,\u201d she added, "
    "while McConnell (who praised it) and Schumer (who did not) argued.",
    *(a.text for a in example_articles()),
]


def calls_of(texts: list[str]) -> list[tuple[Any, ...]]:
    """The arguments of every ``mention_matrix`` call while the analyzer runs on ``texts``."""
    calls: list[tuple[Any, ...]] = []
    original = entities_module.mention_matrix

    def capture(*args: Any) -> Any:
        calls.append(args)
        return original(*args)

    entities_module.mention_matrix = capture  # type: ignore[assignment]
    try:
        analyzer = Analyzer()
        for text in texts:
            analyzer(text)
    finally:
        entities_module.mention_matrix = original
    return calls


def both(args: tuple[Any, ...]) -> Iterator[tuple[list[int], np.ndarray, np.ndarray]]:
    previous = use_compiled(True)
    try:
        yield mm.mention_matrix(*args)
        use_compiled(False)
        yield mm.mention_matrix(*args)
    finally:
        use_compiled(previous)


def assert_same(calls: list[tuple[Any, ...]]) -> int:
    """Both paths give byte-identical results on every call; the number of mentions scored."""
    n = 0
    for args in calls:
        (rows, dense, probs), (ref_rows, ref_dense, ref_probs) = both(args)
        assert rows == ref_rows
        assert dense.shape == ref_dense.shape and dense.tobytes() == ref_dense.tobytes()
        assert probs.shape == ref_probs.shape and probs.tobytes() == ref_probs.tobytes()
        n += len(rows)
    return n


@needs_core
def test_invented_texts() -> None:
    calls = calls_of(TEXTS)
    assert len(calls) >= len(TEXTS) - 1
    assert assert_same(calls) > 40


@needs_core
def test_the_kernel_runs_on_real_articles_and_matches() -> None:
    calls = calls_of(allsides_texts(300))
    fell_back = 0
    kernel = mm._core.dense_and_terms

    def counting(*args: Any) -> Any:
        nonlocal fell_back
        out = kernel(*args)
        fell_back += out is None
        return out

    mm._core.dense_and_terms = counting
    try:
        n = assert_same(calls)
    finally:
        mm._core.dense_and_terms = kernel
    assert n > 15_000  # 300 articles: about 72 mentions each
    assert fell_back == 0  # the kernel, not its fallback, produced the compiled results


@needs_core
def test_unsorted_clause_breaks_are_left_to_the_array_code() -> None:
    z = np.zeros(0, dtype=np.intp)
    one = np.zeros(1, dtype=np.intp)
    out = mm._core.dense_and_terms(
        one, one + 1, one, np.array([[0, 5, 0, 1]], dtype=np.intp), np.zeros(1), np.zeros(1), np.zeros(1),
        np.array([0, 0], dtype=np.intp), z, np.zeros(0), np.array([0, 0], dtype=np.intp), z,
        np.zeros((0, 4), dtype=np.intp), np.zeros(0, dtype=np.uint8),
        np.array([1, 2], dtype=np.intp), np.array([4, 3], dtype=np.intp),  # ends out of order
        one, one + 1, np.full((1, 7), -1, dtype=np.intp), 0, z, np.zeros(1, dtype=np.uint8),
        np.ones((410, 3)), 8, np.zeros((3, 2, 3), dtype=np.intp), np.arange(17, dtype=np.intp), 17, 5, -1, 5)
    assert out is None
