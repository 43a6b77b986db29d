"""The shipped lexicons: structure, provenance, and a positive and a near miss per category."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from framing.lexicon import (
    Lexicon,
    LexiconFormatError,
    Matcher,
    available_lexicons,
    lexicon_dir,
    load_lexicon,
    read_lexicon,
)


def _hits(lexicon: str, text: str) -> list[tuple[str, str, bool]]:
    return [(m.text, m.category, m.negated) for m in Matcher([load_lexicon(lexicon)]).find(text)]


# --------------------------------------------------------------------- structure


def test_all_seven_families_ship() -> None:
    shipped = {
        "epistemic",
        "loaded_language",
        "moral_foundations",
        "persuasion",
        "policy_frames",
        "reporting_verbs",
        "source_roles",
    }
    assert shipped <= set(available_lexicons())


@pytest.mark.parametrize("name", available_lexicons())
def test_sidecar_provenance(name: str) -> None:
    path = lexicon_dir() / f"{name}.json"
    assert path.is_file(), f"{name}.tsv has no JSON sidecar"
    meta = json.loads(path.read_text(encoding="utf-8"))
    assert meta["name"] == name
    assert meta["version"].count(".") == 2
    assert meta["licence"] == "CC-BY-4.0"
    assert len(meta["description"]) > 80
    assert meta["citation"].strip()
    assert len(meta["sources"]) >= 2 and all(s.strip() for s in meta["sources"])


@pytest.mark.parametrize("name", available_lexicons())
def test_every_category_is_defined_and_used(name: str) -> None:
    lex = load_lexicon(name)
    meta = json.loads((lexicon_dir() / f"{name}.json").read_text(encoding="utf-8"))
    used = {e.category for e in lex}
    defined = set(meta["categories"])
    assert used == defined, (
        f"used but undefined: {used - defined}; defined but unused: {defined - used}"
    )
    for cat, definition in meta["categories"].items():
        assert definition.strip() and "\n" not in definition, (
            f"{name}.{cat} needs a one-line definition"
        )
        assert cat == cat.lower() and cat.replace("_", "").isalpha(), f"{cat!r} is not snake_case"


@pytest.mark.parametrize("name", available_lexicons())
def test_rows_are_unique_and_weights_numeric(name: str) -> None:
    path = lexicon_dir() / f"{name}.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [
            r
            for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if r and not r[0].startswith("#")
        ]
    header, body = rows[0], rows[1:]
    assert header[:3] == ["term", "category", "weight"]
    keys = Counter((r[0], r[1]) for r in body)
    assert [k for k, n in keys.items() if n > 1] == []
    for r in body:
        w = float(r[2])  # raises on a non-numeric weight
        assert 0 < w <= 1, f"{name}: weight of {r[0]!r} must be in (0, 1]; got {w}"
        assert r[0] == r[0].strip() and "  " not in r[0]


@pytest.mark.parametrize("name", available_lexicons())
def test_terms_are_not_duplicated_modulo_case(name: str) -> None:
    """A lower-case term already matches every capitalisation; a second spelling is dead weight.

    Two capitalised spellings are not: each matches only as written ("The Hill" opening a sentence,
    "the Hill" inside one).
    """
    lex = load_lexicon(name)
    keys = Counter((e.term.lower(), e.category) for e in lex)
    lower = {(e.term, e.category) for e in lex if not e.case_sensitive}
    assert [k for k, n in keys.items() if n > 1 and k in lower] == []


@pytest.mark.parametrize("name", available_lexicons())
def test_terms_are_words(name: str) -> None:
    """Terms hold letters, digits, spaces and in-word punctuation only (no notation leftovers)."""
    bad = [
        e.term for e in load_lexicon(name) if not re.fullmatch(r"[\w][\w '\u2019.&-]*\*?", e.term)
    ]
    assert bad == []


@pytest.mark.parametrize("name", available_lexicons())
def test_wildcards_only_on_long_stems(name: str) -> None:
    for e in load_lexicon(name):
        for word, wild in zip(e.words, e.wildcards):
            assert not wild or len(word) >= 5, f"{name}: '{word}*' over-matches"


@pytest.mark.parametrize("name", available_lexicons())
def test_examples_in_definitions_are_hits(name: str) -> None:
    """The examples a definition lists in parentheses are hits of that category."""
    meta = json.loads((lexicon_dir() / f"{name}.json").read_text(encoding="utf-8"))
    matcher = Matcher([load_lexicon(name)])
    for cat, definition in meta["categories"].items():
        found = re.search(r"\(([^()]*)\)\.?$", definition)
        if found is None or name == "policy_frames":
            continue
        for example in (x.strip() for x in found.group(1).split(",")):
            hits = [m for m in matcher.find(example) if m.category == cat]
            assert any(m.text.lower() == example.lower() for m in hits), (cat, example)


def test_sizes() -> None:
    rv = load_lexicon("reporting_verbs")
    assert len({e.extra["lemma"] for e in rv}) >= 150
    assert len(load_lexicon("source_roles")) >= 400
    for name in available_lexicons():
        assert len(load_lexicon(name)) >= 300, name


def test_reporting_verbs_inflections_and_single_stance() -> None:
    lex = load_lexicon("reporting_verbs")
    header = next(
        line
        for line in (lexicon_dir() / "reporting_verbs.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    )
    assert header.split("\t") == ["term", "category", "weight", "lemma", "form", "act", "pos"]
    by_term: dict[str, set[str]] = {}
    forms: dict[str, set[str]] = {}
    for e in lex:
        by_term.setdefault(e.term, set()).add(e.category)
        forms.setdefault(e.extra["lemma"], set()).add(e.term)
        assert e.extra["form"] in {"base", "3sg", "past", "past_participle", "gerund"}
        assert e.extra["act"] in {"speech", "belief"}
    acts: dict[str, set[str]] = {}
    for e in lex:
        acts.setdefault(e.extra["lemma"], set()).add(e.extra["act"])
    assert {lemma: a for lemma, a in acts.items() if len(a) > 1} == {}  # one act per lemma
    assert {"say", "tell", "deny", "claim"}.isdisjoint(lemma for lemma, a in acts.items() if a == {"belief"})
    assert {"think", "believe", "know", "want", "fear", "hope"} <= {
        lemma for lemma, a in acts.items() if a == {"belief"}
    }
    assert {t: c for t, c in by_term.items() if len(c) > 1} == {}
    assert forms["say"] == {"say", "says", "said", "saying"}
    assert forms["tell"] == {"tell", "tells", "told", "telling"}
    assert forms["write"] == {"write", "writes", "wrote", "written", "writing"}
    assert forms["point out"] == {"point out", "points out", "pointed out", "pointing out"}
    assert forms["deny"] == {"deny", "denies", "denied", "denying"}
    assert forms["admit"] == {"admit", "admits", "admitted", "admitting"}
    stance = {e.extra["lemma"]: e.category for e in lex}
    assert stance["say"] == stance["tell"] == "neutral"
    assert stance["note"] == stance["explain"] == stance["point out"] == "endorsing"
    assert stance["claim"] == stance["allege"] == stance["purport"] == "distancing"
    assert stance["deny"] == stance["dispute"] == stance["refuse"] == "contesting"
    assert stance["slam"] == stance["blast"] == stance["boast"] == stance["admit"] == "emotive"
    assert "according to" not in by_term


def test_all_lexicons_compile_together_and_run_on_the_seed(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    matcher = Matcher([load_lexicon(n) for n in available_lexicons()])
    hits = matcher.find(text)
    assert {m.lexicon for m in hits} >= {
        "reporting_verbs",
        "source_roles",
        "epistemic",
        "policy_frames",
    }
    assert all(text[m.start : m.end] == m.text for m in hits)


# ------------------------------------------------ a positive and a near miss per category

# Each lexicon's sidecar holds its canonical sentences under "examples":
# {"<category>": {"hit": [sentence, expected hit], "miss": [sentence, ...]}}.
# A near miss has no hit of the category, or only negated ones.

# (lexicon, category, sentence, the text of the expected hit)
POSITIVE = [
    (name, cat, *ex["hit"])
    for name in available_lexicons()
    for cat, ex in load_lexicon(name).examples.items()
    if "hit" in ex
]

# (lexicon, category, sentence)
NEAR_MISS = [
    (name, cat, sentence)
    for name in available_lexicons()
    for cat, ex in load_lexicon(name).examples.items()
    for sentence in ex.get("miss", [])
]


def _categories() -> set[tuple[str, str]]:
    return {(name, cat) for name in available_lexicons() for cat in load_lexicon(name).labels}


def test_every_category_has_a_positive_and_a_near_miss() -> None:
    cats = _categories()
    assert {(n, c) for n, c, *_ in POSITIVE} == cats
    assert {(n, c) for n, c, _ in NEAR_MISS} == cats


@pytest.mark.parametrize(
    ("name", "category", "sentence", "expected"),
    POSITIVE,
    ids=[f"{n}.{c}" for n, c, *_ in POSITIVE],
)
def test_positive(name: str, category: str, sentence: str, expected: str) -> None:
    hits = _hits(name, sentence)
    assert (expected, category, False) in hits, hits


@pytest.mark.parametrize(
    ("name", "category", "sentence"),
    NEAR_MISS,
    ids=[f"{n}.{c}" for n, c, _ in NEAR_MISS],
)
def test_near_miss(name: str, category: str, sentence: str) -> None:
    hits = [h for h in _hits(name, sentence) if h[1] == category]
    assert all(negated for _, _, negated in hits), hits


def test_read_lexicon_keeps_the_examples(tmp_path: Path) -> None:
    (tmp_path / "tiny.tsv").write_text("term\tcategory\tweight\nslammed\temotive\t1\n")
    examples = {"emotive": {"hit": ["Critics slammed it.", "slammed"], "miss": ["A door slam."]}}
    (tmp_path / "tiny.json").write_text(json.dumps({"examples": examples}), encoding="utf-8")
    assert read_lexicon(tmp_path / "tiny.tsv").examples == examples
    (tmp_path / "tiny.json").write_text("{}", encoding="utf-8")
    assert read_lexicon(tmp_path / "tiny.tsv").examples == {}


@pytest.mark.parametrize(
    ("examples", "where"),
    [
        (["Critics slammed it."], "'examples'"),
        ({"emotive": "Critics slammed it."}, "'examples.emotive'"),
        ({"emotive": {}}, "'examples.emotive'"),
        ({"emotive": {"hits": ["Critics slammed it.", "slammed"]}}, "'examples.emotive'"),
        ({"emotive": {"hit": "Critics slammed it."}}, "'examples.emotive.hit'"),
        ({"emotive": {"hit": ["Critics slammed it."]}}, "'examples.emotive.hit'"),
        ({"emotive": {"hit": ["Critics slammed it.", "blasted"]}}, "'examples.emotive.hit'"),
        ({"emotive": {"miss": "A door slam."}}, "'examples.emotive.miss'"),
        ({"emotive": {"miss": []}}, "'examples.emotive.miss'"),
        ({"emotive": {"miss": ["A door slam.", 3]}}, "'examples.emotive.miss'"),
    ],
)
def test_malformed_examples_name_the_sidecar(tmp_path: Path, examples: object, where: str) -> None:
    (tmp_path / "tiny.tsv").write_text("term\tcategory\tweight\nslammed\temotive\t1\n")
    (tmp_path / "tiny.json").write_text(json.dumps({"examples": examples}), encoding="utf-8")
    with pytest.raises(LexiconFormatError) as err:
        read_lexicon(tmp_path / "tiny.tsv")
    message = str(err.value)
    assert message.startswith(f"{tmp_path / 'tiny.json'}: {where} must be ")
    assert "Got " in message


@pytest.mark.parametrize("name", available_lexicons())
def test_sidecar_formatting(name: str) -> None:
    """Sidecars are written as json.dumps(..., indent=2, ensure_ascii=False) plus a newline."""
    text = (lexicon_dir() / f"{name}.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


def test_negated_near_misses_are_reported_as_negated() -> None:
    """Negation does not hide a hit: it is reported with negated=True."""
    assert ("disgraceful", "pejorative", True) in _hits(
        "loaded_language", "It was not a disgraceful performance."
    )


def test_case_sensitive_terms() -> None:
    assert ("AP", "media", False) in _hits("source_roles", "The AP reported it.")
    assert _hits("source_roles", "Take the ap exam.") == []


def test_longest_match_wins_inside_a_lexicon() -> None:
    hits = _hits("source_roles", "The Department of Homeland Security said.")
    assert hits == [("Department of Homeland Security", "law_enforcement", False)]


def test_lexicon_type() -> None:
    assert all(isinstance(load_lexicon(n), Lexicon) for n in available_lexicons())
