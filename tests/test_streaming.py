"""Streaming: results come out while input is still being read, memory stays flat.

The full-size check (37,554 AllSides articles through ``framing analyze
--format jsonl`` under 500 MB) is a benchmark, recorded in
benchmarks/README.md; these tests pin the properties it relies on.
"""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from framing import iter_analyses
from framing.readers import Article, example_articles

TEXTS = [a.text for a in example_articles()]


def corpus(n: int, consumed: list[int] | None = None) -> Iterator[Article]:
    """``n`` articles cycling through the constructed examples, counting reads."""
    for i in range(n):
        if consumed is not None:
            consumed.append(i)
        yield Article(id=f"a{i}", outlet=f"Outlet {i % 3}", text=TEXTS[i % len(TEXTS)])


def test_one_process_reads_one_article_per_result() -> None:
    consumed: list[int] = []
    stream = iter_analyses(corpus(1000, consumed))
    first = next(stream)
    assert first.article.id == "a0" and first.n_tokens > 50
    assert len(consumed) == 1
    for _ in range(4):
        next(stream)
    assert len(consumed) == 5
    stream.close()


def test_workers_read_a_bounded_window_ahead() -> None:
    consumed: list[int] = []
    stream = iter_analyses(corpus(1000, consumed), n_jobs=2, batch_size=4)
    ids = [next(stream).article.id for _ in range(6)]
    assert ids == [f"a{i}" for i in range(6)]  # input order
    # two batches of 4 per worker in flight, one more read per batch handed
    # on: 16 + 2 * 4, however fast the workers are; far from the 1,000 there
    assert len(consumed) <= 24
    stream.close()


def _peak_streaming(n: int) -> int:
    """Peak traced memory while streaming ``n`` articles to JSONL rows that are dropped."""
    sink = io.StringIO()
    tracemalloc.start()
    try:
        for a in iter_analyses(corpus(n)):
            sink.write(json.dumps(a.to_dict()) + "\n")
            sink.seek(0)
            sink.truncate()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_is_flat_in_the_number_of_articles() -> None:
    list(iter_analyses(corpus(len(TEXTS))))  # lexicons and the matcher cache warm
    small, large = _peak_streaming(8), _peak_streaming(32)
    # 4x the articles; anything that kept per-article objects would grow ~4x
    assert large < 1.3 * small + 256 * 1024, (small, large)


def test_parquet_writer_memory_is_flat(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from framing import Analyzer
    from framing.io.parquet import ParquetWriter

    names = Analyzer().feature_names

    def peak(n: int) -> int:
        tracemalloc.start()
        try:
            with ParquetWriter(tmp_path / str(n), feature_names=names, batch_size=4) as w:
                w.write_all(iter_analyses(corpus(n)))
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peak(4)  # pyarrow's own one-time allocations
    small, large = peak(8), peak(32)
    assert large < 1.3 * small + 512 * 1024, (small, large)
