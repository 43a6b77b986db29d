"""Outputs of a corpus analysis beyond memory: Parquet files and Dask tables.

* :mod:`~framing.io.parquet` -- :func:`write_parquet` and :class:`ParquetWriter`
  stream the feature, match and quote tables to Parquet files in batches
  (needs ``pyarrow``).
* :mod:`~framing.io.dask` -- :func:`analyze_dask` analyzes a Dask DataFrame or
  Bag of articles into lazy Dask tables (needs ``dask[dataframe]``).

Both optional dependencies are imported on use, not with this package.
"""

from .dask import DaskAnalysis, analyze_dask
from .parquet import TABLES, ParquetWriter, write_parquet

__all__ = ["TABLES", "DaskAnalysis", "ParquetWriter", "analyze_dask", "write_parquet"]
