"""The compiled token scans of the name finder (``framing._names_core``) give the Python reference's output.

``names._capitalised`` (which tokens are capitalised) and
``names._first_occurrences`` (the first occurrences of each name key) run
both ways on invented texts (always) and on 1,000 AllSides articles
(skipped without the research data). The test skips when the package was
installed without its extension.
"""

from __future__ import annotations

import pytest

from conftest import allsides_texts
from framing.attribution import names
from framing.attribution.gazetteers import name_key
from framing.text import tokenize, use_compiled

core = names._core
needs_core = pytest.mark.skipif(core is None, reason="framing._names_core was not built (no C compiler)")

TEXTS = [
    "",
    "Prime Minister Nouri al-Maliki met al-Maliki's rivals; Pelosi's aides and Pelosi left.",
    "Sen. Elizabeth Warren (D-Mass.) said U.S. officials, NATO and the E.U. disagreed with Warren.",
    "\u00c9milie \u0130stanbul \u01c5ungla \u1e9e \u2160 said; de Blasio and O'Rourke and O\u2019Rourke spoke.",
    "al-qaeda Al-Qaeda x-ray X-Ray e-mail Jean-Luc jean-luc mid-March - -- ' '' rock'n'roll",
    "Trump " * 20 + "trump's Trump's",
]


def assert_same(text: str) -> int:
    toks = tokenize(text)
    ref_caps = names._capitalised(text, toks)
    got_caps = core.capitalised(text, toks.starts, toks.ends, toks.norms, names._is_cap)
    assert got_caps == ref_caps, text[:200]
    previous = use_compiled(False)
    try:
        ref_first = names._first_occurrences(toks.norms)
    finally:
        use_compiled(previous)
    got_first = core.first_occurrences(toks.norms, names._MAX_OCCURRENCES, name_key)
    assert got_first == ref_first, text[:200]
    return len(got_caps[1])


@needs_core
@pytest.mark.parametrize("text", TEXTS)
def test_invented_texts(text: str) -> None:
    assert_same(text)


@needs_core
def test_the_switch_chooses_the_scan() -> None:
    text = TEXTS[1]
    toks = tokenize(text)
    compiled = names._runs(text, toks), names._first_occurrences(toks.norms)
    previous = use_compiled(False)
    try:
        reference = names._runs(text, toks), names._first_occurrences(toks.norms)
    finally:
        use_compiled(previous)
    assert compiled == reference
    assert compiled[1]["maliki"] == [3, 5]  # "al-maliki" (token 3) and "al-maliki's" (5) under their key


@needs_core
def test_a_start_outside_the_text_is_an_error() -> None:
    with pytest.raises(IndexError, match="outside a text of 3 characters"):
        core.capitalised("abc", [5], [6], ["x"], names._is_cap)


@needs_core
def test_allsides_articles() -> None:
    capitalised = sum(assert_same(t) for t in allsides_texts(1000))
    assert capitalised > 100_000
