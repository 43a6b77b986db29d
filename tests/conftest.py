"""Shared fixtures: where the research corpora and the seed article are.

Tests that need the research corpora use the ``data_home`` fixture and skip
cleanly without them. The folder is found by the library's one policy,
:func:`framing.datasets.get_data_home`: ``$FRAMING_DATA_HOME``, else
``~/.cache/framing`` (``$XDG_CACHE_HOME/framing``). In a source checkout
next to ``../shared/data``, the suite points ``FRAMING_DATA_HOME`` there
when the variable is not set, so the library, the command line run in
subprocesses and the notebooks all read the same folder. BLAS runs one thread
(see below).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

if not os.environ.get("FRAMING_DATA_HOME") and (ROOT.parent / "shared" / "data").is_dir():
    os.environ["FRAMING_DATA_HOME"] = str((ROOT.parent / "shared" / "data").resolve())

# One BLAS thread, here and in every process the tests start (the command line, notebook
# kernels, workers). The models' L-BFGS fits make many small BLAS calls: with OpenBLAS
# threads on a busy two-core machine the threads mostly wait on each other (BABE, 500
# sentences, 3-fold: 90 s with two threads, 15 s with one, the same 636 L-BFGS steps).
# A variable already set (to measure with threads) is kept.
for _name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
if os.environ["OPENBLAS_NUM_THREADS"] == "1":
    from threadpoolctl import threadpool_limits

    # numpy and scipy may already be loaded (with their thread pools) when this file is read
    _BLAS_LIMITS = threadpool_limits(limits=1, user_api="blas")


def find_data_home() -> Path | None:
    """The research data folder (:func:`framing.datasets.get_data_home`), or None when absent."""
    from framing.datasets import get_data_home

    home = get_data_home()
    return home if home.is_dir() else None


def find_seed() -> Path | None:
    """The seed article, or None."""
    home = find_data_home()
    candidates = [ROOT.parent / "shared" / "seed" / "000_a1087cea2221c971.txt"]
    if home is not None:
        candidates.append(home.parent / "seed" / "000_a1087cea2221c971.txt")
    return next((c for c in candidates if c.is_file()), None)


@pytest.fixture(scope="session")
def data_home() -> Path:
    home = find_data_home()
    if home is None:
        pytest.skip("research data not found: set FRAMING_DATA_HOME, place it in ~/.cache/framing, "
                    "or check out the project next to ../shared/data")
    return home


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = find_seed()
    if path is None:
        pytest.skip("seed article not found in ../shared/seed")
    return path


def allsides_texts(n_articles: int, random_state: int = 19) -> list[str]:
    """The texts of a reproducible AllSides sample (the compiled-kernel identity tests), or skip."""
    from framing.datasets import DatasetNotFoundError, load_allsides

    try:
        frame = load_allsides(n_articles=n_articles, random_state=random_state, columns=["text"])
    except DatasetNotFoundError as exc:
        pytest.skip(str(exc))
    return [t for t in frame["text"] if isinstance(t, str)]
