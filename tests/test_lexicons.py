"""The shipped lexicons: structure, provenance, and a positive and a near miss per category."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from framing.lexicon import Lexicon, Matcher, available_lexicons, lexicon_dir, load_lexicon

FAMILIES = (
    "epistemic",
    "loaded_language",
    "moral_foundations",
    "persuasion",
    "policy_frames",
    "reporting_verbs",
    "source_roles",
)


def _hits(lexicon: str, text: str) -> list[tuple[str, str, bool]]:
    return [(m.text, m.category, m.negated) for m in Matcher([load_lexicon(lexicon)]).find(text)]


# --------------------------------------------------------------------- structure


def test_all_seven_families_ship() -> None:
    assert set(FAMILIES) <= set(available_lexicons())


@pytest.mark.parametrize("name", FAMILIES)
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


@pytest.mark.parametrize("name", FAMILIES)
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


@pytest.mark.parametrize("name", FAMILIES)
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


@pytest.mark.parametrize("name", FAMILIES)
def test_terms_are_not_duplicated_modulo_case(name: str) -> None:
    """A lower-case term already matches every capitalisation; a second spelling is dead weight."""
    lex = load_lexicon(name)
    keys = Counter((e.term.lower(), e.category) for e in lex)
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("name", FAMILIES)
def test_terms_are_words(name: str) -> None:
    """Terms hold letters, digits, spaces and in-word punctuation only (no notation leftovers)."""
    bad = [
        e.term for e in load_lexicon(name) if not re.fullmatch(r"[\w][\w '\u2019.&-]*\*?", e.term)
    ]
    assert bad == []


@pytest.mark.parametrize("name", FAMILIES)
def test_wildcards_only_on_long_stems(name: str) -> None:
    for e in load_lexicon(name):
        for word, wild in zip(e.words, e.wildcards):
            assert not wild or len(word) >= 5, f"{name}: '{word}*' over-matches"


@pytest.mark.parametrize("name", FAMILIES)
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
    for name in FAMILIES:
        assert len(load_lexicon(name)) >= 300, name


def test_reporting_verbs_inflections_and_single_stance() -> None:
    lex = load_lexicon("reporting_verbs")
    header = next(
        line
        for line in (lexicon_dir() / "reporting_verbs.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    )
    assert header.split("\t") == ["term", "category", "weight", "lemma", "form"]
    by_term: dict[str, set[str]] = {}
    forms: dict[str, set[str]] = {}
    for e in lex:
        by_term.setdefault(e.term, set()).add(e.category)
        forms.setdefault(e.extra["lemma"], set()).add(e.term)
        assert e.extra["form"] in {"base", "3sg", "past", "past_participle", "gerund"}
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
    matcher = Matcher([load_lexicon(n) for n in FAMILIES])
    hits = matcher.find(text)
    assert {m.lexicon for m in hits} >= {
        "reporting_verbs",
        "source_roles",
        "epistemic",
        "policy_frames",
    }
    assert all(text[m.start : m.end] == m.text for m in hits)


# ------------------------------------------------ a positive and a near miss per category

# (lexicon, category, sentence, the text of the expected hit)
POSITIVE = [
    ("reporting_verbs", "neutral", "The minister said the talks would resume on Monday.", "said"),
    (
        "reporting_verbs",
        "endorsing",
        "As the auditors pointed out, the plant failed two inspections.",
        "pointed out",
    ),
    ("reporting_verbs", "distancing", "He claimed the election had been stolen.", "claimed"),
    ("reporting_verbs", "contesting", "The company denied any wrongdoing.", "denied"),
    ("reporting_verbs", "emotive", "Opposition leaders lashed out at the budget.", "lashed out"),
    ("source_roles", "government", "A White House spokesman declined to comment.", "White House"),
    (
        "source_roles",
        "military",
        "The Joint Chiefs of Staff met on Friday.",
        "Joint Chiefs of Staff",
    ),
    ("source_roles", "law_enforcement", "A cop stopped the car near the bridge.", "cop"),
    ("source_roles", "expert", "Jane Doe, a professor of economics, disagreed.", "professor"),
    ("source_roles", "advocacy", "Human Rights Watch documented the abuses.", "Human Rights Watch"),
    ("source_roles", "business", "The firm's chief executive resigned.", "chief executive"),
    ("source_roles", "media", "Reuters could not verify the footage.", "Reuters"),
    ("source_roles", "religious", "The imam urged calm after prayers.", "imam"),
    ("source_roles", "citizen", "Residents said the water had turned brown.", "Residents"),
    (
        "source_roles",
        "anonymous",
        "Two people familiar with the talks said no deal was close.",
        "people familiar with",
    ),
    ("loaded_language", "pejorative", "The senator called the protesters thugs.", "thugs"),
    ("loaded_language", "emotive_fear", "The scenes at the border were horrifying.", "horrifying"),
    ("loaded_language", "exaggeration", "Rents rose by a staggering 40 percent.", "staggering"),
    (
        "loaded_language",
        "ideological_label",
        "The far-left activists blocked the road.",
        "far-left",
    ),
    (
        "loaded_language",
        "euphemism",
        "Officials described the civilian deaths as collateral damage.",
        "collateral damage",
    ),
    (
        "loaded_language",
        "violence_metaphor",
        "The governor slammed the proposal on Tuesday.",
        "slammed",
    ),
    ("loaded_language", "loaded_verb", "The mayor boasted about the new stadium.", "boasted"),
    ("loaded_language", "doubt_casting", "The so-called experts were wrong again.", "so-called"),
    ("epistemic", "hedge", "The drug apparently reduces symptoms.", "apparently"),
    ("epistemic", "booster", "The evidence is undeniably strong.", "undeniably"),
    ("epistemic", "factive", "She realized that the vote had failed.", "realized"),
    ("epistemic", "assertive", "He insisted that the count was fair.", "insisted"),
    ("epistemic", "implicative", "The agency managed to contain the spill.", "managed to"),
    (
        "moral_foundations",
        "care_virtue",
        "Volunteers showed compassion to the refugees.",
        "compassion",
    ),
    ("moral_foundations", "care_vice", "The prisoners were tortured for weeks.", "tortured"),
    ("moral_foundations", "fairness_virtue", "They marched for equal rights.", "equal rights"),
    ("moral_foundations", "fairness_vice", "The new rules are discriminatory.", "discriminatory"),
    (
        "moral_foundations",
        "loyalty_virtue",
        "Dockworkers voiced solidarity with the strikers.",
        "solidarity",
    ),
    ("moral_foundations", "loyalty_vice", "Voters saw the deal as a betrayal.", "betrayal"),
    (
        "moral_foundations",
        "authority_virtue",
        "The ruling restores the rule of law.",
        "rule of law",
    ),
    (
        "moral_foundations",
        "authority_vice",
        "Prosecutors called it an act of sedition.",
        "sedition",
    ),
    ("moral_foundations", "sanctity_virtue", "The valley is sacred to the tribe.", "sacred"),
    ("moral_foundations", "sanctity_vice", "Vandals desecrated the cemetery.", "desecrated"),
    ("policy_frames", "economic", "Unemployment rose to 6 percent in March.", "Unemployment"),
    (
        "policy_frames",
        "capacity_resources",
        "Rural hospitals face a shortage of nurses.",
        "shortage",
    ),
    ("policy_frames", "morality", "Critics called the policy immoral.", "immoral"),
    (
        "policy_frames",
        "fairness_equality",
        "The pay gap between men and women persists.",
        "pay gap",
    ),
    (
        "policy_frames",
        "legality",
        "The judge found the statute unconstitutional.",
        "unconstitutional",
    ),
    (
        "policy_frames",
        "policy_prescription",
        "The legislation would overhaul the tax code.",
        "legislation",
    ),
    ("policy_frames", "crime_punishment", "Three men were indicted on Friday.", "indicted"),
    ("policy_frames", "security_defense", "Troops were deployed after the airstrike.", "Troops"),
    (
        "policy_frames",
        "health_safety",
        "The pandemic strained clinics across the state.",
        "pandemic",
    ),
    (
        "policy_frames",
        "quality_of_life",
        "Families struggle with the cost of living.",
        "cost of living",
    ),
    (
        "policy_frames",
        "cultural_identity",
        "Supporters praised multiculturalism.",
        "multiculturalism",
    ),
    ("policy_frames", "public_opinion", "A new poll shows support falling.", "poll"),
    ("policy_frames", "political", "The bipartisan deal collapsed.", "bipartisan"),
    ("policy_frames", "external_regulation", "Diplomats met to discuss sanctions.", "Diplomats"),
    ("policy_frames", "other", "The weather was mild for the parade.", "weather"),
    (
        "persuasion",
        "flag_waving",
        "Every American owes this to the next generation.",
        "Every American",
    ),
    ("persuasion", "appeal_to_fear", "We must act before it's too late.", "before it's too late"),
    (
        "persuasion",
        "doubt",
        "The timing raises serious questions about his motives.",
        "raises serious questions",
    ),
    ("persuasion", "causal_oversimplification", "The real reason is greed.", "The real reason"),
    ("persuasion", "slogan", "The crowd chanted lock her up.", "lock her up"),
    ("persuasion", "whataboutism", "But what about the emails?", "But what about"),
]

# (lexicon, category, sentence): no hit of the category, or only negated ones.
NEAR_MISS = [
    ("reporting_verbs", "neutral", "He did not say whether the talks would resume."),
    ("reporting_verbs", "endorsing", "She never explained why the plant failed."),
    ("reporting_verbs", "distancing", "The group has not claimed responsibility."),
    ("reporting_verbs", "contesting", "The company did not deny the report."),
    ("reporting_verbs", "emotive", "He never boasted about the award."),
    ("source_roles", "government", "They painted the white house on the hill."),  # case-sensitive
    ("source_roles", "military", "A pentagon has five sides."),  # case-sensitive
    ("source_roles", "law_enforcement", "Copper prices rose."),  # whole words only
    ("source_roles", "expert", "He professed his innocence."),
    ("source_roles", "advocacy", "The watch was made in Switzerland."),
    ("source_roles", "business", "He firmly rejected the idea."),
    ("source_roles", "media", "New reporting requirements take effect in May."),
    ("source_roles", "religious", "She revered her old teacher."),
    ("source_roles", "citizen", "The residency program was expanded."),
    ("source_roles", "anonymous", "The sourcing of the parts was outsourced."),
    ("loaded_language", "pejorative", "It was not a disgraceful performance."),
    (
        "loaded_language",
        "emotive_fear",
        "The financial crisis deepened in the autumn.",
    ),  # 'crisis' is not loaded
    ("loaded_language", "exaggeration", "The race had a staggered start."),
    ("loaded_language", "ideological_label", "The left wing of the hospital was closed."),
    ("loaded_language", "euphemism", "The storm caused damage to the collateral held by the bank."),
    ("loaded_language", "violence_metaphor", "He hit a grand slam in the ninth inning."),
    ("loaded_language", "loaded_verb", "He did not boast about it."),
    ("loaded_language", "doubt_casting", "The committee called an expert witness."),
    ("epistemic", "hedge", "The drug's appearance changed after storage."),
    ("epistemic", "booster", "The water in the lake was clear."),
    ("epistemic", "factive", "She did not realize that the vote had failed."),
    ("epistemic", "assertive", "His insistence on a recount surprised no one."),
    ("epistemic", "implicative", "She managed the team for a decade."),
    ("moral_foundations", "care_virtue", "They acted without compassion."),
    ("moral_foundations", "care_vice", "No one was harmed."),
    ("moral_foundations", "fairness_virtue", "The two sides of the equation are equal."),
    ("moral_foundations", "fairness_vice", "The referee was not unfair."),
    ("moral_foundations", "loyalty_virtue", "They showed no loyalty."),
    ("moral_foundations", "loyalty_vice", "The desert was hot and empty."),
    ("moral_foundations", "authority_virtue", "The rule was changed last year."),
    ("moral_foundations", "authority_vice", "They did not defy the court."),
    ("moral_foundations", "sanctity_virtue", "The site is not sacred."),
    ("moral_foundations", "sanctity_vice", "The gross domestic product rose."),
    ("policy_frames", "economic", "She is an economical writer."),
    ("policy_frames", "capacity_resources", "The film was short."),
    ("policy_frames", "morality", "Morale among the staff was low."),
    ("policy_frames", "fairness_equality", "Mind the gap between the train and the platform."),
    ("policy_frames", "legality", "The ruler measured ten inches."),
    ("policy_frames", "policy_prescription", "The reformatory closed in 1990."),
    ("policy_frames", "crime_punishment", "She teaches criminology."),
    ("policy_frames", "security_defense", "It was a warm day."),
    ("policy_frames", "health_safety", "They sold healthy snacks."),
    ("policy_frames", "quality_of_life", "The cost rose by a third."),
    ("policy_frames", "cultural_identity", "Agriculture employs a fifth of the workforce."),
    ("policy_frames", "public_opinion", "The pollen count rose."),
    ("policy_frames", "political", "He politely declined."),
    ("policy_frames", "external_regulation", "The league sanctioned the event."),
    ("policy_frames", "other", "The sportswear brand opened a store."),
    ("persuasion", "flag_waving", "This is not patriotic."),
    ("persuasion", "appeal_to_fear", "The train was late."),
    ("persuasion", "doubt", "Reporters asked questions after the briefing."),
    ("persuasion", "causal_oversimplification", "There were many reasons for the delay."),
    ("persuasion", "slogan", "She locked up the shop at six."),
    ("persuasion", "whataboutism", "What is this about?"),
]


def _categories() -> set[tuple[str, str]]:
    return {(name, cat) for name in FAMILIES for cat in load_lexicon(name).labels}


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
    ("name", "category", "sentence"), NEAR_MISS, ids=[f"{n}.{c}" for n, c, _ in NEAR_MISS]
)
def test_near_miss(name: str, category: str, sentence: str) -> None:
    hits = [h for h in _hits(name, sentence) if h[1] == category]
    assert all(negated for _, _, negated in hits), hits


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
    assert all(isinstance(load_lexicon(n), Lexicon) for n in FAMILIES)
