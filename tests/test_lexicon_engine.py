"""The lexicon engine: file format, validation, term rules and the matcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.lexicon import (
    Entry,
    Lexicon,
    LexiconFormatError,
    Matcher,
    available_lexicons,
    load_lexicon,
    read_lexicon,
)


def write(tmp_path: Path, body: str, name: str = "mine.tsv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def hits(lex: Lexicon, text: str) -> list[tuple[str, str, bool]]:
    found = Matcher([lex]).find(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.category, m.negated) for m in found]


def test_read_lexicon_with_sidecar(tmp_path: Path) -> None:
    path = write(tmp_path, "term\tcategory\tweight\tnote\nslammed\temotive\t2\tverb\n# comment\n\n")
    (tmp_path / "mine.json").write_text(
        '{"name": "mine", "version": "1.2", "categories": {"emotive": "strong feeling"},'
        ' "sources": ["me"], "licence": "CC0", "citation": "Me 2026"}',
        encoding="utf-8",
    )
    lex = read_lexicon(path)
    assert (lex.name, lex.version, lex.licence, lex.categories) == (
        "mine", "1.2", "CC0", {"emotive": "strong feeling"})
    (entry,) = lex.entries
    assert (entry.term, entry.weight, dict(entry.extra)) == ("slammed", 2.0, {"note": "verb"})


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("term\tweight\nslammed\t1\n", r"mine\.tsv: line 1: .*missing category"),
        ("term\tcategory\tweight\nslammed\temotive\n", r"mine\.tsv: line 2: expected 3 .*Got 2"),
        ("term\tcategory\tweight\nslammed\temotive\theavy\n", r"mine\.tsv: line 2: weight must be a number\. Got 'heavy'"),
        ("term\tcategory\tweight\nok\tx\t1\n\t\temotive\t1\n", r"line 3: more columns"),
        ("term\tcategory\tweight\n \temotive\t1\n", r"line 2: empty term"),
        ("term\tcategory\tweight\nsl*am\temotive\t1\n", r"line 2: '\*' is allowed only at the end"),
        ("term\tcategory\tweight\nslammed\temotive\tnan\n", r"line 2: weight must be a finite number"),
        ("", r"mine\.tsv: line 1: empty file"),
    ],
)
def test_malformed_lexicons_name_file_line_and_value(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(LexiconFormatError, match=message):
        read_lexicon(write(tmp_path, body))


def test_bad_sidecar_and_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "term\tcategory\tweight\nx\ty\t1\n")
    (tmp_path / "mine.json").write_text('{"name": "mine",\n "version": }', encoding="utf-8")
    with pytest.raises(LexiconFormatError, match=r"mine\.json: line 2: invalid JSON"):
        read_lexicon(path)
    (tmp_path / "mine.json").unlink()
    path.write_bytes(b"term\tcategory\tweight\nna\xefve\tx\t1\n")
    with pytest.raises(LexiconFormatError, match="not UTF-8"):
        read_lexicon(path)
    with pytest.raises(FileNotFoundError):
        read_lexicon(tmp_path / "absent.tsv")


def test_multiword_longest_match_wins_and_leftmost() -> None:
    lex = Lexicon("t")
    lex.add("radical", "label")
    lex.add("radical left", "label")
    lex.add("left wing", "label")
    assert hits(lex, "The radical left wing protested.") == [("radical left", "label", False)]
    assert hits(lex, "The left wing protested.") == [("left wing", "label", False)]


def test_multiword_terms_do_not_cross_punctuation() -> None:
    lex = Lexicon("t")
    lex.add("point out", "endorsing")
    assert hits(lex, "They point out the flaw.") == [("point out", "endorsing", False)]
    assert hits(lex, "It was the point. Out of reach.") == []


def test_wildcards_and_case_rules() -> None:
    lex = Lexicon("t")
    lex.add("terroris*", "fear")
    lex.add("Reds", "label")
    assert hits(lex, "Terrorists and terrorism, not terror.") == [
        ("Terrorists", "fear", False), ("terrorism", "fear", False)]
    assert hits(lex, "The Reds won; reds lost.") == [("Reds", "label", False)]


def test_a_then_prefix_matches_the_title_after_it() -> None:
    lex = Lexicon("t")
    lex.add("senator", "government")
    lex.add("secretary of state", "government")
    lex.add("FBI", "law_enforcement")
    assert hits(lex, "then-senator Smith and then-Secretary of State Clinton") == [
        ("then-senator", "government", False), ("then-Secretary of State", "government", False)]
    assert hits(lex, "then-FBI Director Comey; then-fbi") == [("then-FBI", "law_enforcement", False)]
    # near misses: only "then-" is read as a prefix, and the rest of the token must be the term
    assert hits(lex, "ex-senator Smith, anti-FBI, then-senatorial, thenFBI") == []


def test_a_possessive_ends_a_term() -> None:
    lex = Lexicon("t")
    lex.add("regime", "label")
    lex.add("White House", "office")
    lex.add("department of justice", "office")
    lex.add("sheriff's office", "office")
    lex.add("FBI agents", "office")
    text = "The regime's thugs, the White House\u2019s plan, the Department of Justice's memo, the sheriff's office."
    assert hits(lex, text) == [("regime's", "label", False), ("White House\u2019s", "office", False),
                               ("Department of Justice's", "office", False), ("sheriff's office", "office", False)]
    # near misses: a possessive inside a term is no term ("the FBI's agents"), nor are a case-sensitive
    # term in lower case, another suffix, or the bare "'s"
    assert hits(lex, "the FBI's agents, the white house's lawn, the regimes' ends, 's") == []


def test_same_span_in_two_categories_yields_two_matches() -> None:
    lex = Lexicon("t")
    lex.add("thug", "pejorative")
    lex.add("thug", "violence")
    assert hits(lex, "A thug.") == [("thug", "pejorative", False), ("thug", "violence", False)]


def test_negation_flag() -> None:
    lex = Lexicon("t")
    lex.add("disaster", "emotive")
    assert hits(lex, "It was not a disaster.") == [("disaster", "emotive", True)]
    assert hits(lex, "It wasn't a disaster.") == [("disaster", "emotive", True)]
    assert hits(lex, "No, it was a disaster.") == [("disaster", "emotive", False)]


def test_matcher_across_lexicons_allows_overlap() -> None:
    a, b = Lexicon("a"), Lexicon("b")
    a.add("bloodbath", "violence")
    b.add("bloodbath", "fear")
    found = Matcher([a, b]).find("A bloodbath.")
    assert [(m.lexicon, m.category) for m in found] == [("a", "violence"), ("b", "fear")]
    with pytest.raises(ValueError, match="unique"):
        Matcher([a, a])


def test_matcher_cost_does_not_grow_with_lexicon_size() -> None:
    big = Lexicon("big", [Entry.parse(f"term{i} word{i}", "c") for i in range(20_000)])
    big.add("slammed", "emotive")
    text = "Critics slammed the plan. " * 200
    found = Matcher([big]).find(text)
    assert len(found) == 200


def test_lexicon_names_are_validated() -> None:
    with pytest.raises(ValueError, match="letters, digits and underscores"):
        Lexicon("no spaces")
    with pytest.raises(ValueError, match="Unknown lexicon 'nope'"):
        load_lexicon("nope")
    with pytest.raises(ValueError, match="Unknown lexicon"):
        load_lexicon("../etc/passwd")


def test_shipped_lexicons_load_with_sidecars() -> None:
    names = available_lexicons()
    assert {"loaded_language", "reporting_verbs"} <= set(names)
    for name in names:
        lex = load_lexicon(name)
        assert len(lex) > 0
        assert lex.version != "0", f"{name} has no sidecar version"
        assert all(lex.categories[c] for c in lex.labels), f"{name}: undefined category"
