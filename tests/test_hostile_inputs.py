"""Hostile input files: every one is built here, and each gives an error row or a clear error.

Size limits are tested with the limit patched down to a few KB
(``framing.readers.decoding.MAX_INPUT_BYTES``), so nothing large is written.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.exceptions import LexiconFormatError
from framing.lexicon import read_lexicon
from framing.lexicon.importers import read_dic, read_emfd_csv
from framing.readers import Article, decoding, read_articles, read_text_file

LIMIT = 4096


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(decoding, "MAX_INPUT_BYTES", LIMIT)
    return LIMIT


def by_name(arts: list[Article]) -> dict[str, Article]:
    return {Path(a.id).name: a for a in arts}


# -- bounded reads -------------------------------------------------------------------------------


def test_gzip_line_that_decompresses_past_the_limit_is_an_error_row_in_flat_memory(
    tmp_path: Path, small_limit: int
) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    huge = b'{"text": "' + b"a" * (32 * 1024 * 1024) + b'"}\n'  # 32 MB line, ~32 KB compressed
    with gzip.open(path, "wb") as fh:
        fh.write(b'{"id": "one", "text": "Before it."}\n')
        fh.write(huge)
        fh.write(b'{"id": "three", "text": "After it."}\n')
    del huge
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    try:
        arts = list(read_articles(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.id.rsplit(":", 1)[-1] if a.error else a.id for a in arts] == ["one", "2", "three"]
    assert "line 2: record over the 4096-byte limit" in (arts[1].error or "")
    assert peak < 8 * 1024 * 1024  # chunks of 1 MiB, never the 32 MB line


@pytest.mark.parametrize("name", ["big.txt", "big.json", "big.csv"])
def test_files_over_the_limit_are_refused_before_reading(tmp_path: Path, small_limit: int, name: str) -> None:
    (tmp_path / name).write_text("text\n" + "word " * 2000)
    (art,) = read_articles(tmp_path / name)
    assert "over the 4096-byte limit" in (art.error or "") and name in (art.error or "")


def test_decompressed_text_over_the_limit_is_an_error_row(tmp_path: Path, small_limit: int) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"They said no. " * 100_000))
    assert path.stat().st_size < LIMIT
    art = read_text_file(path)
    assert art.error is not None and "decompressed data over the 4096-byte limit" in art.error


def test_stdin_over_the_limit_is_an_error_row(monkeypatch: pytest.MonkeyPatch, small_limit: int) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"They said no. " * 1000)))
    (art,) = read_articles("-")
    assert art.error == "<stdin>: standard input over the 4096-byte limit; not read."
    lines = b'{"text": "A."}\n{"text": "' + b"x" * 10_000 + b'"}\n{"text": "C."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    arts = list(read_articles("-"))
    assert [a.text for a in arts] == ["A.", "", "C."]
    assert "line 2: record over the 4096-byte limit" in (arts[1].error or "")


def test_the_default_limit_is_200_mb() -> None:
    assert decoding.MAX_INPUT_BYTES == 200 * 1024 * 1024
    assert decoding._over_limit("record", decoding.MAX_INPUT_BYTES) == "record over the 200 MB limit"


# -- directories ---------------------------------------------------------------------------------


def _read_with_timeout(path: Path, seconds: float = 60) -> list[Article]:
    out: list[list[Article]] = []
    worker = threading.Thread(target=lambda: out.append(list(read_articles(path))), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading the directory hung"
    return out[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_in_a_directory_is_an_error_row_and_never_hangs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("They said yes.")
    os.mkfifo(tmp_path / "pipe.jsonl")
    os.mkfifo(tmp_path / "pipe.txt")
    arts = by_name(_read_with_timeout(tmp_path))
    assert arts["a.txt"].error is None
    for name in ("pipe.jsonl", "pipe.txt"):
        assert arts[name].error == f"{tmp_path / name}: a FIFO (named pipe), not a regular file; not read."


def test_socket_in_a_directory_is_an_error_row(tmp_path: Path) -> None:
    socket = pytest.importorskip("socket")
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s.txt"))
        (art,) = _read_with_timeout(tmp_path)
    finally:
        sock.close()
    assert "a socket, not a regular file" in (art.error or "")


def test_symlinks_to_files_outside_the_tree_are_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The secret said nothing.")
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "real.txt").write_text("They said yes.")
    (tree / "passwd.txt").symlink_to("/etc/passwd")
    (tree / "secret.txt").symlink_to(outside / "secret.txt")
    (tree / "inside.txt").symlink_to(tree / "sub" / "real.txt")
    (tree / "up").symlink_to(outside, target_is_directory=True)
    arts = by_name(list(read_articles(tree)))
    assert set(arts) == {"inside.txt", "passwd.txt", "secret.txt", "real.txt"}
    assert arts["inside.txt"].text == arts["real.txt"].text == "They said yes."
    for name in ("passwd.txt", "secret.txt"):
        art = arts[name]
        assert art.text == "" and "outside the input directory" in (art.error or "")
    assert "root" not in "".join(a.text for a in arts.values())


def test_unreadable_directory_is_an_error_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("They said yes.")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Hidden.")
    real_scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    arts = list(read_articles(tmp_path))
    assert [a.error for a in arts] == [None, f"cannot read directory {locked}: Permission denied"]


def test_unreadable_file_is_an_error_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "A."}\n')
    (tmp_path / "b.txt").write_text("B.")
    real_open = os.open

    def deny(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).name in ("a.jsonl", "b.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    arts = by_name(list(read_articles(tmp_path)))
    for name in ("a.jsonl", "b.txt"):
        assert arts[name].error == f"cannot read {tmp_path / name}: Permission denied"


# -- encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_text_and_jsonl_are_decoded_by_bom(tmp_path: Path, encoding: str) -> None:
    bom = {"utf-16-be": "\ufeff", "utf-32-be": "\ufeff"}.get(encoding, "")
    (tmp_path / "a.txt").write_bytes((bom + "Caf\u00e9 owners said no.").encode(encoding))
    (tmp_path / "b.jsonl").write_bytes((bom + '{"text": "One."}\r\n{"text": "Two \u00e9."}\n').encode(encoding))
    (tmp_path / "c.json").write_bytes((bom + '[{"text": "Three."}]').encode(encoding))
    arts = list(read_articles(tmp_path))
    assert [(a.text, a.error) for a in arts] == [
        ("Caf\u00e9 owners said no.", None), ("One.", None), ("Two \u00e9.", None), ("Three.", None)]


def test_nul_bytes_after_the_first_8_kb_are_refused_as_binary(tmp_path: Path) -> None:
    (tmp_path / "late.txt").write_bytes(b"They said no. " * 1000 + b"\x00\x00\x01\x02")
    (art,) = read_articles(tmp_path)
    assert art.error == f"{tmp_path / 'late.txt'}: looks like a binary file (NUL bytes), not text."


def test_cr_only_line_endings_keep_every_jsonl_record(tmp_path: Path) -> None:
    (tmp_path / "mac.jsonl").write_bytes(b'{"text": "A."}\r{"text": "B."}\r\r{"text": "C."}\r')
    assert [a.text for a in read_articles(tmp_path / "mac.jsonl")] == ["A.", "B.", "C."]


def test_undecodable_utf16_is_an_error_row_with_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe" + "They said".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    (tmp_path / "bad.jsonl").write_bytes(b"\xff\xfe" + '{"text": "A."}\n'.encode("utf-16-le") + b"\x00\xdc!")
    arts = by_name(list(read_articles(tmp_path)))
    assert arts["bad.txt"].error is not None and "bad.txt: not valid UTF-16 text" in arts["bad.txt"].error
    assert arts["bad.jsonl:1"].text == "A."
    assert "bad.jsonl: not valid UTF-16 text" in (arts["bad.jsonl"].error or "")


# -- records -------------------------------------------------------------------------------------


def test_csv_unterminated_quote_is_one_error_row_not_a_merged_row(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('id,text\n1,They said yes.\n2,"An open quote\n3,Three said no.\n4,"Four, quoted."\n'
                    '5,"Another open quote\n6,Six.\n')
    arts = list(read_articles(path))
    assert len(arts) == 6
    assert [(a.id, a.text) for a in arts if a.error is None] == [
        ("1", "They said yes."), ("3", "Three said no."), ("4", "Four, quoted."), ("6", "Six.")]
    bad = [a.error or "" for a in arts if a.error]
    assert [e.split(": ")[1] for e in bad] == ["line 3", "line 6"]
    assert all("unterminated quote" in e for e in bad)


def test_csv_quoted_newlines_are_still_one_record(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text('id,text\n1,"Line one.\nLine two."\n2,Two.\n"3","Last, ""quoted"".\n"')
    assert [(a.id, a.text, a.error) for a in read_articles(path)] == [
        ("1", "Line one.\nLine two.", None), ("2", "Two.", None), ("3", 'Last, "quoted".\n', None)]


def test_hostile_json_values_are_error_rows_and_the_run_continues(tmp_path: Path) -> None:
    lines = [
        '{"id": "big", "text": "A.", "n": ' + "9" * 5000 + "}",
        "[" * 100_000,
        '{"id": "ok", "text": "They said yes."}',
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "digits.json").write_text('[{"text": "x", "n": ' + "1" * 4301 + "}]")
    result = framing.analyze_corpus(read_articles(tmp_path))
    errors = [None if pd.isna(e) else e for e in result.features["error"]]
    assert len(errors) == 5
    assert "line 1: invalid JSON (an integer of more than 4300 digits)" in errors[0]
    assert "line 2: invalid JSON (arrays or objects nested too deeply)" in errors[1]
    assert errors[2] is None
    assert "deep.json: invalid JSON (arrays or objects nested too deeply)" in errors[3]
    assert "digits.json: invalid JSON (an integer of more than 4300 digits)" in errors[4]


def test_damaged_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(json.dumps({"text": f"Line {i} said."}).encode() + b"\n"
                                  for i in range(2000)))
    (tmp_path / "a_truncated.jsonl.gz").write_bytes(data[: len(data) // 2])
    corrupt = bytearray(data)
    corrupt[40:60] = b"\xff" * 20
    (tmp_path / "b_corrupt.jsonl.gz").write_bytes(bytes(corrupt))
    (tmp_path / "c_notgzip.jsonl.gz").write_bytes(b"not gzip at all")
    (tmp_path / "d.txt").write_text("Still read.")
    arts = list(read_articles(tmp_path))
    errors = {Path(a.id).name: a.error for a in arts if a.error}
    assert set(errors) == {"a_truncated.jsonl.gz", "b_corrupt.jsonl.gz", "c_notgzip.jsonl.gz"}
    assert all((e or "").startswith("damaged compressed data") for e in errors.values())
    assert arts[-1].text == "Still read."
    assert sum(a.error is None for a in arts) > 1  # the truncated file's first records


# -- articles ------------------------------------------------------------------------------------


def test_article_with_text_none_is_refused_at_construction() -> None:
    with pytest.raises(TypeError, match=r"Article text must be a str\. Got NoneType instead"):
        framing.analyze_corpus([Article(id="a", text=None)])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Article id must be a str\. Got int"):
        Article(id=1, text="x")  # type: ignore[arg-type]
    result = framing.analyze_corpus([Article(id="a", text="", error="no text"), "They said no."])
    assert result.features["error"].fillna("").tolist() == ["no text", ""]


# -- lexicons ------------------------------------------------------------------------------------


def _tsv(tmp_path: Path, sidecar: bytes | None = None) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text("term\tcategory\nslammed\temotive\n")
    if sidecar is not None:
        (tmp_path / "mine.json").write_bytes(sidecar)
    return path


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        (b'{"name": "caf\xe9"}', "mine.json: line 1: not UTF-8 text"),
        (b"[1, 2]", "mine.json: line 1: expected a JSON object. Got list"),
        (b'"just a string"', "expected a JSON object. Got str"),
        (b'{\n"version": "1",\n"categories": {"emotive": {"nested": 1}}}', "mine.json: line 3: 'categories' must be"),
        (b'{"description": {"nested": [1]}}', "'description' must be a string. Got {'nested': [1]}"),
        (b'{"sources": 5}', "'sources' must be a list of strings. Got 5"),
        (b'{"name": "not a name!"}', "'name' must be letters, digits and underscores"),
        (b"[" * 100_000, "mine.json: line 1: invalid JSON (nested too deeply)"),
    ],
)
def test_bad_sidecars_raise_lexicon_format_error(tmp_path: Path, sidecar: bytes, message: str) -> None:
    with pytest.raises(LexiconFormatError, match=re.escape(message)):
        read_lexicon(_tsv(tmp_path, sidecar))


def test_tsv_with_a_huge_field_raises_lexicon_format_error(tmp_path: Path) -> None:
    path = tmp_path / "huge.tsv"
    path.write_text("term\tcategory\n" + "x" * 200_000 + "\temotive\n")
    with pytest.raises(LexiconFormatError, match=r"huge\.tsv: line 2: field larger than field limit"):
        read_lexicon(path)
    csv_path = tmp_path / "huge.csv"
    csv_path.write_text("word,care_p\n" + "x" * 200_000 + ",0.5\n")
    with pytest.raises(LexiconFormatError, match=r"huge\.csv: line 2: field larger than field limit"):
        read_emfd_csv(csv_path)


@pytest.mark.parametrize("cid", ["\u00b2", "\u0661", "9" * 5000])
def test_dic_category_ids_are_ascii_digits(tmp_path: Path, cid: str) -> None:
    header = tmp_path / "header.dic"
    header.write_text(f"%\n{cid}\tcare\n%\nharm\t{cid}\n")
    with pytest.raises(LexiconFormatError, match=r"header\.dic: line 2: expected a category line"):
        read_dic(header)
    body = tmp_path / "body.dic"
    body.write_text(f"%\n1\tcare\n%\nharm\t{cid}\n")
    with pytest.raises(LexiconFormatError, match=r"body\.dic: line 4: .*found no category id"):
        read_dic(body)


def test_the_same_lexicon_twice_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _tsv(tmp_path)
    lex = read_lexicon(path)
    with pytest.raises(ValueError, match=f"Got 'mine' twice \\(from {path} and {path}\\)"):
        framing.Analyzer([lex, lex])
    code = main(["analyze", "--example", "--lexicon", str(path), "--lexicon", str(path), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "the lexicon 'mine' is given twice" in err
