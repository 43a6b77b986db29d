"""Context gates (the ``unless`` column): an entry does not match where its context fits a pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.exceptions import LexiconFormatError
from framing.lexicon import Entry, Lexicon, read_lexicon


def _texts(lex: Lexicon, text: str) -> list[str]:
    return [m.text for m in lex.matcher().find(text)]


def test_gate_before_and_after_drop_the_topic_use() -> None:
    lex = Lexicon("demo")
    lex.add("misinformation", "pejorative", unless="spread of _|combat* _|_ research*")
    assert _texts(lex, "Experts warned of a global spread of misinformation.") == []
    assert _texts(lex, "The platform is combating misinformation online.") == []
    assert _texts(lex, "Misinformation researchers met in Oslo.") == []
    assert _texts(lex, "He kept pushing his misinformation about the vote.") == ["misinformation"]


def test_gate_on_a_multi_word_entry_and_a_pos_entry() -> None:
    lex = Lexicon("demo")
    lex.add("war on", "violence_metaphor", unless="_ drugs|_ terror")
    lex.add("claims", "doubt", pos="VERB", unless="_ responsibility")
    assert _texts(lex, "The war on drugs began in 1971.") == []
    assert _texts(lex, "They waged a war on coal.") == ["war on"]
    assert _texts(lex, "The group claims responsibility for the attack.") == []
    assert _texts(lex, "He claims the vote was rigged.") == ["claims"]


def test_gate_read_from_a_user_tsv(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "term\tcategory\tweight\tunless\n"
        "partisan\tlabel\t1\t_ divide|_ lines\n"
        "hack\tpejorative\t1\n",
        encoding="utf-8",
    )
    lex = read_lexicon(path)
    assert lex.entries[0].unless == (((), ("divide",)), ((), ("lines",)))
    assert _texts(lex, "The vote split along partisan lines.") == []
    assert _texts(lex, "He is a partisan hack.") == ["partisan", "hack"]


@pytest.mark.parametrize("bad", ["spread of", "_", "_ of _", "a||_ b"])
def test_bad_gate_names_the_pattern(bad: str) -> None:
    with pytest.raises(LexiconFormatError, match="unless"):
        Entry.parse("misinformation", "pejorative", unless=bad, where="x.tsv: line 3")


# ------------------------------------------- the shipped lexicons: both sides, real sentences

def _hits(name: str, text: str) -> set[tuple[str, str]]:
    from framing.lexicon import load_lexicon

    return {(m.text, m.category) for m in load_lexicon(name).matcher().find(text)}


# (sentence, expected hit, category): one or more per category, left- and right-coded alike
LOADED_HITS = [
    # pejorative
    ("Trillions of dollars have been squandered by the financial oligarchs of Wall Street.", "oligarchs", "pejorative"),
    ("It was a murderous pursuit of global power.", "murderous", "pejorative"),
    ("The sheriff vowed to deport illegal immigrants who commit crimes.", "illegal immigrants", "pejorative"),
    ("The governor called the protesters' demands a case of Trump Derangement Syndrome.", "Trump Derangement Syndrome", "pejorative"),
    ("The activist denounced the GQP for blocking the bill.", "GQP", "pejorative"),
    ("He mocked the forced-birth movement at the rally.", "forced-birth", "pejorative"),
    ("The radio host said the libs would never accept the result.", "libs", "pejorative"),
    ("The senator dismissed the report as climate hysteria.", "climate hysteria", "pejorative"),
    # emotive_fear
    ("The city is facing a crime wave, the mayor warned.", "crime wave", "emotive_fear"),
    ("The invasion unleashed fratricidal sectarian conflicts.", "fratricidal", "emotive_fear"),
    # exaggeration
    ("US ambitions to subjugate the region lie in tatters.", "in tatters", "exaggeration"),
    # ideological_label
    ("After a decade of US imperialist violence, Iraq is disintegrating.", "imperialist", "ideological_label"),
    ("The lies were the pretext to implement long-held, neo-colonial plans.", "neo-colonial", "ideological_label"),
    ("The candidate railed against the liberal elites of the coasts.", "liberal elites", "ideological_label"),
    ("The union blamed the corporate elite for the closures.", "corporate elite", "ideological_label"),
    ("The bill would end chain migration, the White House said.", "chain migration", "ideological_label"),
    ("The new curriculum promotes gender ideology, the group claimed.", "gender ideology", "ideological_label"),
    ("Never-Trumpers gathered in Washington to plan a third party.", "Never-Trumpers", "ideological_label"),
    # euphemism
    ("The program protects undocumented workers from deportation.", "undocumented workers", "euphemism"),
    ("The governor signed a right-to-work law on Monday.", "right-to-work", "euphemism"),
    ("The administration promised to revive clean coal.", "clean coal", "euphemism"),
    ("The group campaigns for election integrity laws.", "election integrity", "euphemism"),
    ("The nonprofit helps justice-involved youth find jobs.", "justice-involved", "euphemism"),
    # violence_metaphor (unchanged, now gated): a figurative use still counts
    ("They waged a war on coal for eight years.", "war on", "violence_metaphor"),
    # loaded_verb
    ("US ambitions to subjugate the region lie in tatters.", "subjugate", "loaded_verb"),
    ("Trillions of dollars have been squandered.", "squandered", "loaded_verb"),
    ("Thousands of lives were thrown away over the past decade.", "thrown away", "loaded_verb"),
    ("The spokesman accused the network of gaslighting its viewers.", "gaslighting", "loaded_verb"),
    ("The league was accused of kowtowing to Beijing.", "kowtowing", "loaded_verb"),
    # doubt_casting
    ("The lies were the pretext to invade the country.", "pretext", "doubt_casting"),
    ("He dismissed the story as fake news.", "fake news", "doubt_casting"),
]

# (sentence, term, category): topic, literal or designating uses the gates drop
LOADED_GATED = [
    ("Researchers warned of a global spread of misinformation.", "misinformation", "pejorative"),
    ("The platforms are combating misinformation about vaccines.", "misinformation", "pejorative"),
    ("Misinformation researchers met in Seattle.", "misinformation", "pejorative"),
    ("The bill passed along partisan lines.", "partisan", "ideological_label"),
    ("The Pakistani Taliban claimed responsibility for the attack.", "claimed", "doubt_casting"),
    ("The county asked for disaster relief after the floods.", "disaster", "emotive_fear"),
    ("The company deleted thousands of fake accounts.", "fake", "doubt_casting"),
    ("Senators voted against the so-called Graham-Cassidy bill.", "so-called", "doubt_casting"),
    ("The war on drugs began in 1971.", "war on", "violence_metaphor"),
    ("He was demoted from chief petty officer.", "petty", "pejorative"),
    ("The plant dumped toxic waste into the river.", "toxic", "pejorative"),
    ("The lawsuit accuses the bank of predatory lending.", "predatory", "pejorative"),
    ("The House overwhelmingly approved the measure.", "overwhelmingly", "exaggeration"),
    ("Ohio is a battleground state again this year.", "battleground", "violence_metaphor"),
    ("What lies behind these trends is unclear.", "lies", "pejorative"),
    ("The president is threatening to veto the bill.", "threatening", "emotive_fear"),
    ("One of the boys wore an England shirt inside the caves.", "caves", "loaded_verb"),
]


@pytest.mark.parametrize(("text", "hit", "category"), LOADED_HITS)
def test_loaded_language_hits_both_sides(text: str, hit: str, category: str) -> None:
    assert (hit, category) in _hits("loaded_language", text)


@pytest.mark.parametrize(("text", "term", "category"), LOADED_GATED)
def test_loaded_language_gates_topic_and_literal_uses(text: str, term: str, category: str) -> None:
    assert not any(t.lower() == term for t, c in _hits("loaded_language", text) if c == category)


def test_both_immigration_labels_weigh_the_same() -> None:
    from framing.lexicon import load_lexicon

    weight = {e.term: (e.category, e.weight) for e in load_lexicon("loaded_language")}
    assert weight["illegal immigrants"] == ("pejorative", 0.5)
    assert weight["undocumented immigrants"] == ("euphemism", 0.5)


EPISTEMIC_HITS = [
    ("The policy has been criticized as too lenient.", "has been criticized", "weasel"),
    ("The novel has been described as a masterpiece.", "has been described as", "weasel"),
    ("Some have argued that the tax is regressive.", "Some have argued", "weasel"),
    ("It has been proposed that the bridge be rebuilt.", "It has been proposed", "weasel"),
    ("People familiar with the talks said a deal was close.", "People familiar with", "weasel"),
    ("The minister is rumored to be leaving the cabinet.", "is rumored to", "weasel"),
    ("Arguably, the reform came too late.", "Arguably", "hedge"),
    ("The drug may be linked to heart problems.", "may be", "hedge"),
]

EPISTEMIC_GATED = [
    ("The term may also refer to a river in Spain.", "may", "hedge"),
    ("The leaves may be used to make tea.", "may be", "hedge"),
    ("He could not attend the meeting.", "could", "hedge"),
    ("She lived in Paris for several years.", "several", "vague_quantifier"),
    ("The species is found in various regions of Asia.", "various", "vague_quantifier"),
]


@pytest.mark.parametrize(("text", "hit", "category"), EPISTEMIC_HITS)
def test_epistemic_weasels_and_hedges(text: str, hit: str, category: str) -> None:
    assert (hit, category) in _hits("epistemic", text)


@pytest.mark.parametrize(("text", "term", "category"), EPISTEMIC_GATED)
def test_epistemic_gates_non_hedging_uses(text: str, term: str, category: str) -> None:
    assert not any(t.lower() == term for t, c in _hits("epistemic", text) if c == category)


# ------------------------------------------------------------- measured quality, floors

# Measured 2026-12-02 (docs/lexicons.md): CoNLL-2010 test part F1 0.605, AUC 0.744;
# AllSides held-out precision sample (seed 17) 0.92 / 0.90 / 0.94, gap 4 points.


def test_conll2010_uncertain_f1_floor(data_home: Path) -> None:
    from framing.evaluation.instruments import evaluate_conll2010

    table = evaluate_conll2010(data_home, part="test")
    row = table[table["target"] == "hedge+weasel+vague_quantifier"].iloc[0]
    assert row["f1"] >= 0.60 and row["roc_auc"] >= 0.73


def test_allsides_precision_sample_floor(data_home: Path) -> None:
    import importlib.util

    root = Path(__file__).resolve().parents[1] / "benchmarks"
    spec = importlib.util.spec_from_file_location("lexicon_precision", root / "lexicon_precision.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    drawn = bench.draw(str(data_home), 3000, 17, 100)
    judged = bench.read_judgements(root / "lexicon_precision_judgements.tsv")
    precision = {}
    for lean in bench.LEANINGS:
        js = [judged.get((r["id"], r["start"], r["hit"])) for r in drawn if r["leaning"] == lean]
        assert None not in js, f"{lean}: {js.count(None)} drawn hits have no judgement"
        precision[lean] = js.count("loaded") / len(js)
    assert min(precision.values()) >= 0.85, precision
    assert max(precision.values()) - min(precision.values()) <= 0.05, precision
    assert sum(precision.values()) / 3 >= 0.88, precision
