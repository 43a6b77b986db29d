"""Stream the feature, match and quote tables to Parquet files in batches.

The names live in :mod:`framing.io.parquet` now; this module re-exports them.
"""

from ._deprecation import moved
from .io.parquet import TABLES, ParquetWriter, write_parquet

__all__ = ["TABLES", "ParquetWriter", "write_parquet"]

moved('parquet', 'framing.io.parquet')
