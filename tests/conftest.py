"""Shared fixtures: where the research corpora and the seed article are.

Tests that need ``../shared/data`` (or ``$FRAMING_DATA_HOME``) use the
``data_home`` fixture and skip cleanly without it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def find_data_home() -> Path | None:
    """The research data folder, or None when it is not on this machine."""
    env = os.environ.get("FRAMING_DATA_HOME")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "data")
    for c in candidates:
        if c.is_dir():
            return c
    return None


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
        pytest.skip("research data not found: set FRAMING_DATA_HOME or place it in ../shared/data")
    return home


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = find_seed()
    if path is None:
        pytest.skip("seed article not found in ../shared/seed")
    return path
