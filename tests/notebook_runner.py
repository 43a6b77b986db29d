"""Run the example notebooks headless, in a kernel running this interpreter.

A helper of ``tests/test_notebooks.py``. Execution uses :mod:`nbclient` with a
kernel that runs ``sys.executable -m ipykernel_launcher``, so it works in a
fresh virtual environment without registering a Jupyter kernel. The data
location comes from ``FRAMING_DATA_HOME`` (else ``../shared/data`` next to the
repository) and the sample size from ``FRAMING_NOTEBOOK_SAMPLE``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"

NOTEBOOKS = (
    "01_quickstart",
    "02_compare_outlets",
    "03_sourcing_patterns",
    "04_train_bias_classifier",
    "05_seed_in_context",
    "06_reproduce_published",
)


def kernel_manager(spec_root: Path) -> Any:
    """A KernelManager whose kernel runs this interpreter (no registered kernel needed)."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec_dir = spec_root / "kernels" / "framing-python"
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "framing (this interpreter)",
        "language": "python",
    }), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(spec_root / "kernels")])
    return KernelManager(kernel_name="framing-python", kernel_spec_manager=specs)


def execute(path: Path, *, timeout: int = 900, env: Mapping[str, str | None] | None = None) -> Any:
    """Run a notebook top to bottom in its own folder; return it with its outputs.

    Raises ``nbclient.exceptions.CellExecutionError`` on the first failing cell.
    ``env`` entries are set for the kernel (e.g. ``FRAMING_NOTEBOOK_SAMPLE``);
    a ``None`` value removes the variable.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    saved = dict(os.environ)
    for key, value in (env or {}).items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    try:
        with tempfile.TemporaryDirectory(prefix="framing-kernel-") as tmp:
            client = NotebookClient(nb, km=kernel_manager(Path(tmp)), timeout=timeout,
                                    resources={"metadata": {"path": str(path.parent)}})
            client.execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return nb
