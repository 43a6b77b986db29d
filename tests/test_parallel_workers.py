"""The worker pool of ``n_jobs > 1``: warm workers from their start, small last batches, names sent as names."""

from __future__ import annotations

import os

import pytest

from framing.pipeline import corpus, iter_mapped
from framing.pipeline.analyzer import Analysis, _analyzer_for


def _analyzer_hits(result: Analysis) -> tuple[int, int]:
    """In the worker: its process id and how often the default analyzer was found already built."""
    return os.getpid(), _analyzer_for.cache_info().hits


def test_a_new_worker_has_loaded_its_analyzer_before_its_first_batch() -> None:
    executor, _ = corpus._executor(2)
    executor.shutdown(wait=True)  # a new pool: its workers start cold
    texts = [f'"Batch {i} is here," the mayor said.' for i in range(6)]
    seen = list(iter_mapped(texts, _analyzer_hits, n_jobs=2, batch_size=1))
    first: dict[int, int] = {}
    for pid, hits in seen:
        first.setdefault(pid, hits)
    # the initializer built the analyzer (a miss); the first batch of each worker found it (a hit)
    assert first and all(hits >= 1 for hits in first.values()), first


def test_the_warm_up_loads_the_models_a_default_analysis_uses() -> None:
    from framing.tagger import load_tagger
    from framing.tone.vader import rules

    corpus._warm_worker()
    assert load_tagger.cache_info().currsize == 1 and rules.cache_info().currsize == 1
    assert _analyzer_for.cache_info().currsize >= 1


@pytest.mark.parametrize(("total", "workers", "batch_size"), [(1000, 2, 64), (150, 2, 64), (37_554, 4, 64),
                                                              (10, 2, 3), (0, 2, 64)])
def test_the_last_batches_are_smaller_and_cover_the_input(total: int, workers: int, batch_size: int) -> None:
    sizes = []
    covered = 0
    for size in corpus._batch_sizes(batch_size, workers, total):
        if covered >= total:
            break
        sizes.append(size)
        covered += size
    assert covered >= total and all(1 <= s <= batch_size for s in sizes)
    assert sizes == sorted(sizes, reverse=True)  # full batches first, then smaller ones
    if total >= 1000:
        assert sizes[0] == batch_size and sizes[-1] == min(8, batch_size)
        assert len(sizes) < 2 * -(-total // batch_size)  # not many more batches than before


def test_unknown_total_keeps_the_batch_size() -> None:
    sizes = corpus._batch_sizes(64, 2, None)
    assert [next(sizes) for _ in range(5)] == [64] * 5


def test_shipped_lexicons_by_name_go_to_the_workers_as_names() -> None:
    from framing.lexicon import load_lexicon

    assert corpus._worker_specs(None) is None
    assert corpus._worker_specs(["reporting_verbs", "epistemic"]) == ("reporting_verbs", "epistemic")
    assert corpus._worker_specs("reporting_verbs") == ("reporting_verbs",)
    objects = corpus._worker_specs([load_lexicon("reporting_verbs"), "epistemic"])
    assert isinstance(objects, list) and [lex.name for lex in objects] == ["reporting_verbs", "epistemic"]
    with pytest.raises(ValueError, match="Unknown lexicon"):  # in this process, before any worker
        corpus._worker_specs(["no_such_lexicon"])


def test_lexicons_by_name_give_the_serial_results() -> None:
    texts = [f"Officials claimed {i} times that critics denied it." for i in range(40)]
    serial = list(iter_mapped(texts, _n_matches, lexicons=["reporting_verbs"]))
    assert list(iter_mapped(texts, _n_matches, lexicons=["reporting_verbs"], n_jobs=2, batch_size=7)) == serial
    assert serial[0] == 2


def _n_matches(result: Analysis) -> int:
    return len(result.matches)
