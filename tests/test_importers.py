"""Importers for user-owned lexicons: LIWC .dic, MPQA .tff, eMFD CSV, word lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.lexicon import Lexicon, LexiconFormatError, Matcher, read_lexicon
from framing.lexicon.importers import read_dic, read_emfd_csv, read_mpqa_tff, read_wordlist

REFS = Path("lexicon-references")


def _hits(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.category) for m in Matcher([lex]).find(text)]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- LIWC .dic

DIC = (
    "%\n1\tcare.virtue\n02   care.vice\n%\n\ncompassion\t1\nharm*\t2\nlook after  1\nprotect* 1 2\n"
)


def test_dic_tabs_spaces_multiword_wildcards_and_multiple_ids(tmp_path: Path) -> None:
    lex = read_dic(_write(tmp_path, "mini.dic", DIC))
    assert lex.name == "mini"
    assert lex.labels == ("care.vice", "care.virtue")
    assert len(lex) == 5  # protect* is listed under two ids
    text = "They harmed the people who look after and protect them, with compassion."
    assert _hits(lex, text) == [
        ("harmed", "care.vice"),
        ("look after", "care.virtue"),
        ("protect", "care.vice"),
        ("protect", "care.virtue"),
        ("compassion", "care.virtue"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("compassion\t1\n", r"line 1: a \.dic file must start with a '%' line"),
        ("%\n1\tcare\n", r"not closed by a second '%' line"),
        ("%\none\tcare\n%\n", r"line 2: expected a category line '<id> <name>'"),
        ("%\n1\tcare\n1\tharm\n%\n", r"line 3: category id 1 is declared twice"),
        ("%\n%\n", r"line 2: the category block declares no categories"),
        ("", r"category block is missing"),
    ],
)
def test_dic_structural_errors_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "bad.dic", text)
    with pytest.raises(LexiconFormatError, match=message) as info:
        read_dic(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("compassion", r"line 5: expected '<term> <id>.*found no category id"),
        ("harm\t7", r"line 5: category id 7 is not declared"),
        ("like\t(02 134)53", r"line 5: expected '<term> <id>"),
        ("--- 1", r"line 5: .*has no word characters"),
    ],
)
def test_dic_bad_entry_raises_or_warns(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path, "odd.dic", f"%\n1\tcare\n%\nkind\t1\n{line}\nnurture\t1\n")
    with pytest.raises(LexiconFormatError, match=message):
        read_dic(path)
    with pytest.warns(UserWarning, match=message):
        lex = read_dic(path, on_error="warn")
    assert [e.term for e in lex] == ["kind", "nurture"]


def test_dic_on_error_is_validated(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="The 'on_error' parameter must be 'raise' or 'warn'"):
        read_dic(_write(tmp_path, "x.dic", DIC), on_error="ignore")  # type: ignore[arg-type]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="No lexicon file at"):
        read_dic(tmp_path / "nope.dic")


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\xe9\n".encode("latin-1"))
    with pytest.raises(LexiconFormatError, match="not UTF-8"):
        read_wordlist(path)


def test_mfd2_reference_file(data_home: Path) -> None:
    lex = read_dic(data_home / REFS / "moral-foundations" / "mfd2.0.dic")
    assert lex.labels == tuple(
        sorted(
            f"{f}.{p}"
            for f in ("care", "fairness", "loyalty", "authority", "sanctity")
            for p in ("virtue", "vice")
        )
    )
    assert len(lex) > 2000
    assert any(len(e.words) > 1 for e in lex)  # multi-word entries such as 'golden rule'
    hits = _hits(lex, "Treat others by the golden rule and show compassion.")
    assert ("golden rule", "fairness.virtue") in hits
    assert ("compassion", "care.virtue") in hits


def test_mft_original_reference_file_with_wildcards(data_home: Path) -> None:
    lex = read_dic(data_home / REFS / "moral-foundations" / "mft_original.dic")
    assert "moral" in lex.labels and len(lex.labels) == 11
    assert any(any(e.wildcards) for e in lex)
    assert ("harmed", "care.vice") in _hits(lex, "Civilians were harmed.")


# ---------------------------------------------------------------- MPQA .tff

TFF = (
    "type=strongsubj len=1 word1=abandon pos1=verb stemmed1=y priorpolarity=negative\n"
    "type=weaksubj len=1 word1=able pos1=adj stemmed1=n priorpolarity=positive\n"
    "type=weaksubj len=1 word1=able pos1=noun stemmed1=n priorpolarity=positive\n"
)


def test_tff_polarity_weights_and_stemming(tmp_path: Path) -> None:
    lex = read_mpqa_tff(_write(tmp_path, "clues.tff", TFF))
    assert [(e.term, e.category, e.weight) for e in lex] == [
        ("abandon", "negative", 1.0),
        ("abandon*", "negative", 1.0),
        ("able", "positive", 0.5),
    ]
    assert lex.entries[0].extra["type"] == "strongsubj"
    assert _hits(lex, "They abandoned it.") == [("abandoned", "negative")]


def test_tff_by_type(tmp_path: Path) -> None:
    lex = read_mpqa_tff(_write(tmp_path, "clues.tff", TFF), by="polarity_type")
    assert lex.labels == ("negative_strongsubj", "positive_weaksubj")
    with pytest.raises(ValueError, match="The 'by' parameter of read_mpqa_tff"):
        read_mpqa_tff(tmp_path / "clues.tff", by="pos")  # type: ignore[arg-type]


def test_tff_bad_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.tff", TFF + "type=weaksubj len=1 pos1=adj\n")
    with pytest.raises(LexiconFormatError, match=r"bad\.tff: line 4: .*word1"):
        read_mpqa_tff(path)
    with pytest.warns(UserWarning, match="line 4"):
        assert len(read_mpqa_tff(path, on_error="warn")) == 3


def test_tff_reference_file(data_home: Path) -> None:
    path = data_home / REFS / "bias_related_lexicons" / "subjectivity_clues_hltemnlp05"
    lex = read_mpqa_tff(path / "subjclueslen1-HLTEMNLP05.tff")
    assert {"negative", "positive", "neutral", "both"} <= set(lex.labels)
    assert len(lex) > 8000
    assert ("abandoned", "negative") in _hits(lex, "The plan was abandoned.")


# ---------------------------------------------------------------- eMFD CSV

EMFD = (
    "word,care_p,fairness_p,care_sent,fairness_sent\n"
    "abuse,0.4,0.05,-0.6,-0.2\n"
    "fair,0.01,0.5,0.1,0.3\n"
)


def test_emfd_threshold_weights_and_sentiment(tmp_path: Path) -> None:
    path = _write(tmp_path, "emfd.csv", EMFD)
    lex = read_emfd_csv(path, threshold=0.1)
    assert [(e.term, e.category, e.weight, e.extra["sentiment"]) for e in lex] == [
        ("abuse", "care", 0.4, "-0.6"),
        ("fair", "fairness", 0.5, "0.3"),
    ]
    assert len(read_emfd_csv(path)) == 4
    hits = Matcher([lex]).find("Abuse is not fair.")
    assert [(m.text, m.category, m.weight, m.negated) for m in hits] == [
        ("Abuse", "care", 0.4, False),
        ("fair", "fairness", 0.5, True),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("term,care_p\nx,0.1\n", r"line 1: expected a 'word' column"),
        ("word,care\nx,0.1\n", r"line 1: expected probability columns"),
        ("word,care_p\nx,high\n", r"line 2: care_p must be a number"),
        ("word,care_p\nx,0.1,0.3\n", r"line 2: expected 2 comma-separated columns"),
        ("", r"line 1: empty file"),
    ],
)
def test_emfd_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(LexiconFormatError, match=message):
        read_emfd_csv(_write(tmp_path, "e.csv", text))


def test_emfd_threshold_is_validated(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="The 'threshold' parameter of read_emfd_csv"):
        read_emfd_csv(_write(tmp_path, "e.csv", EMFD), threshold=1.5)


def test_emfd_reference_file(data_home: Path) -> None:
    lex = read_emfd_csv(data_home / REFS / "moral-foundations" / "emfd_scoring.csv", threshold=0.2)
    assert lex.labels == ("authority", "care", "fairness", "loyalty", "sanctity")
    assert all(0.2 < e.weight <= 1 for e in lex)
    assert len(lex) > 100


# ---------------------------------------------------------------- word lists


def test_wordlist_comments_duplicates_and_category(tmp_path: Path) -> None:
    path = _write(tmp_path, "my-list.txt", "# header\n\nabuse\nradical left\nabuse\nterroris*\n")
    lex = read_wordlist(path, category="biased", weight=0.5)
    assert (lex.name, len(lex), lex.labels) == ("my_list", 3, ("biased",))
    assert [m.text for m in Matcher([lex]).find("Radical left terrorists, abuse.")] == [
        "Radical left",
        "terrorists",
        "abuse",
    ]


def test_wordlist_bad_term(tmp_path: Path) -> None:
    path = _write(tmp_path, "w.txt", "good\nba*d\n")
    with pytest.raises(
        LexiconFormatError, match=r"w\.txt: line 2: '\*' is allowed only at the end"
    ):
        read_wordlist(path)
    with pytest.warns(UserWarning, match="line 2"):
        assert len(read_wordlist(path, on_error="warn")) == 1


def test_bias_lexicon_reference_file(data_home: Path) -> None:
    lex = read_wordlist(data_home / REFS / "bias-lexicon" / "bias-lexicon.txt", category="bias")
    assert len(lex) > 600
    assert _hits(lex, "It was an abusive regime.")[0] == ("abusive", "bias")


def test_imported_lexicon_works_with_shipped_ones(tmp_path: Path) -> None:
    """An imported lexicon combines with a shipped one in one Matcher."""
    from framing.lexicon import load_lexicon

    mine = read_wordlist(_write(tmp_path, "mine.txt", "rigged\n"), category="mine")
    hits = Matcher([mine, load_lexicon("reporting_verbs")]).find("He claimed it was rigged.")
    assert [(m.lexicon, m.text) for m in hits] == [
        ("reporting_verbs", "claimed"),
        ("mine", "rigged"),
    ]


def test_imported_lexicon_round_trips_through_tsv(tmp_path: Path) -> None:
    """Written out as TSV, an imported lexicon reads back with read_lexicon."""
    lex = read_dic(_write(tmp_path, "mini.dic", DIC))
    out = tmp_path / "mini.tsv"
    out.write_text(
        "term\tcategory\tweight\n" + "".join(f"{e.term}\t{e.category}\t{e.weight}\n" for e in lex),
        encoding="utf-8",
    )
    back = read_lexicon(out)
    assert [(e.term, e.category) for e in back] == [(e.term, e.category) for e in lex]
