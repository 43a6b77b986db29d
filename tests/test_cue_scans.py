"""The cue filter's literal-led scans find what ``finditer`` finds (``naming.match_starts``).

``match_starts`` tries the naming-verb and boilerplate patterns only where
the lower-cased text holds one of their first words; these tests require
the same match starts as ``pattern.finditer`` on invented texts (case,
word boundaries, the letters ``re.I`` folds to ASCII, text whose lower case
is longer) and on 1,000 AllSides articles (skipped without the data).
"""

from __future__ import annotations

import pytest

from conftest import allsides_texts
from framing.attribution import naming

SCANS = [(naming._NAMING, naming._NAMING_WORDS), (naming._BOILERPLATE, naming._BOILERPLATE_WORDS)]

TEXTS = [
    "",
    "By signing up you agree to receive email newsletters and accept the Terms of Use and Privacy Policy.",
    "Read our Terms of Service, OUR terms of use, your terms of use; sour terms of use.",
    "BY CLICKING, by  subscribing, By\tcontinuing; nearby signing up; xby signing up; by signing upx.",
    "Opt-out, opt out, OPT OUT, optout, co-opt out, unsubscribe, Unsubscribed, cookie policy, cookies policy.",
    "Critics labeled it; Republicans branded him, dubbed the plan, termed it \u201ca hoax\u201d; relabel, determine.",
    "\u017figning: by \u017figning up, Terms of U\u017fe, by clicking \u212a",  # long s, Kelvin: re.I folds them
    "\u0130stanbul officials said by signing up, privacy policy",  # its lower case is one character longer
    "by by by signing up signing up terms terms of of use agree agree to receive",
    "LABEL_brand dub2 term_ _label 9term \u00e9label labelled Brand-new",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("pattern", "words"), SCANS)
def test_the_same_starts_as_finditer(pattern: object, words: tuple[str, ...], text: str) -> None:
    assert naming.match_starts(pattern, words, text) == [m.start() for m in pattern.finditer(text)]  # type: ignore[attr-defined]


def test_real_boilerplate_is_found() -> None:
    text = TEXTS[1]  # "the Terms of Use" are not "our terms": not boilerplate
    assert naming.match_starts(naming._BOILERPLATE, naming._BOILERPLATE_WORDS, text) == [0, 18, 85]


def test_allsides_articles() -> None:
    found = 0
    for text in allsides_texts(1000):
        for pattern, words in SCANS:
            starts = naming.match_starts(pattern, words, text)
            assert starts == [m.start() for m in pattern.finditer(text)]
            found += len(starts)
    assert found > 100
