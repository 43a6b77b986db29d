"""The example notebooks: stored without outputs, valid, current, and runnable.

The ``.ipynb`` files in ``notebooks/`` are their own source: they are edited
in Jupyter and saved without outputs. The execution tests run every notebook
top to bottom with nbclient (``tests/notebook_runner.py``), in a kernel
running this interpreter, on a small sample of the research data
(``FRAMING_NOTEBOOK_SAMPLE``, default 60 here), and fail on the first cell
that raises. They skip without the data, or without nbclient, nbformat and
ipykernel (the ``test`` extra has them).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from notebook_runner import NOTEBOOK_DIR, NOTEBOOKS, execute, kernel_manager

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not NOTEBOOK_DIR.is_dir(), reason="notebooks/ is not in this copy (sdist or wheel)")

# The flat modules that became shims of the package layout: notebooks import the new homes
# (framing.pipeline, framing.readers, framing.models, framing.report.plotting, ...).
DEPRECATED_IMPORT = re.compile(
    r"^\s*(?:from|import)\s+framing\.(analyze|article|classify|plotting|persuasion|embeddings|stats"
    r"|parquet|distributed|highlight|importers|speakers|examples)\b",
    re.MULTILINE,
)


def _names() -> list[str]:
    return list(NOTEBOOKS) if NOTEBOOK_DIR.is_dir() else []


def _stored(name: str) -> dict[str, Any]:
    """A stored notebook, cell sources joined into strings."""
    with open(NOTEBOOK_DIR / f"{name}.ipynb", encoding="utf-8") as fh:
        nb: dict[str, Any] = json.load(fh)
    for cell in nb["cells"]:
        if isinstance(cell["source"], list):
            cell["source"] = "".join(cell["source"])
    return nb


def test_the_six_notebooks_of_the_issue() -> None:
    assert list(NOTEBOOKS) == [
        "01_quickstart", "02_compare_outlets", "03_sourcing_patterns",
        "04_train_bias_classifier", "05_seed_in_context", "06_reproduce_published",
    ]
    assert sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb")) == list(NOTEBOOKS)


@pytest.mark.parametrize("name", _names())
def test_stored_notebook_is_valid_nbformat_4(name: str) -> None:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(str(NOTEBOOK_DIR / f"{name}.ipynb"), as_version=nbformat.NO_CONVERT)
    assert nb.nbformat == 4
    nbformat.validate(nb)  # raises nbformat.ValidationError
    ids = [cell.id for cell in nb.cells]
    assert len(ids) == len(set(ids)), f"{name}: duplicate cell ids"


@pytest.mark.parametrize("name", _names())
def test_stored_notebook_has_no_outputs(name: str) -> None:
    nb = _stored(name)
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code
    for cell in code:
        assert cell["outputs"] == [], f"{name}: cell {cell['id']} has stored outputs"
        assert cell["execution_count"] is None
        assert "execution" not in cell["metadata"]


@pytest.mark.parametrize("name", _names())
def test_notebook_imports_no_deprecated_module(name: str) -> None:
    for cell in _stored(name)["cells"]:
        if cell["cell_type"] == "code":
            found = [m.group(0).strip() for m in DEPRECATED_IMPORT.finditer(cell["source"])]
            assert not found, f"{name}: cell {cell['id']} imports a deprecated module: {found}"


@pytest.mark.parametrize(("source", "deprecated"), [
    ("from framing.classify import train", True),
    ("x = 1\n    import framing.plotting as fp", True),
    ("from framing.speakers import SpeakerResolver", True),
    ("from framing.models import train", False),
    ("from framing.compare.stats import bootstrap_ci", False),
    ("from framing.report.plotting import plot_log_odds", False),
    ("result = framing.analyze(article)", False),
    ("from framing.articles_extra import x", False),
])
def test_deprecated_import_pattern(source: str, deprecated: bool) -> None:
    assert bool(DEPRECATED_IMPORT.search(source)) is deprecated


@pytest.mark.parametrize("name", _names())
def test_notebook_opens_with_title_parameters_and_versions(name: str) -> None:
    cells = _stored(name)["cells"]
    assert cells[0]["cell_type"] == "markdown" and cells[0]["source"].startswith("# ")
    code = [c for c in cells if c["cell_type"] == "code"]
    params, setup = code[0], code[1]
    assert params["metadata"].get("tags") == ["parameters"]
    for needle in ('"FRAMING_DATA_HOME"', '"FRAMING_NOTEBOOK_SAMPLE"', "DATA_HOME =", "N_ARTICLES ="):
        assert needle in params["source"], f"{name}: the parameter cell lacks {needle}"
    assert "framing.__version__" in setup["source"]
    assert "load_lexicon(name).version" in setup["source"]
    # parameters are assignments only: a tool such as papermill can override them
    for line in params["source"].splitlines():
        assert not line.strip() or line.startswith(("#", "import ", " ")) or " = " in line, line


def test_kernel_runs_this_interpreter(tmp_path: Path) -> None:
    pytest.importorskip("jupyter_client")
    km = kernel_manager(tmp_path)
    spec = km.kernel_spec
    assert spec.argv[0] == sys.executable
    assert spec.argv[1:3] == ["-m", "ipykernel_launcher"]


@pytest.mark.parametrize("name", _names())
def test_notebook_runs_top_to_bottom(name: str, data_home: Path) -> None:
    pytest.importorskip("nbclient")
    pytest.importorskip("nbformat")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    sample = os.environ.get("FRAMING_NOTEBOOK_SAMPLE", "60")
    env: dict[str, str | None] = {"FRAMING_NOTEBOOK_SAMPLE": sample,
                                  "FRAMING_DATA_HOME": str(data_home)}
    if name == "01_quickstart" and data_home.resolve() == (ROOT.parent / "shared" / "data").resolve():
        env["FRAMING_DATA_HOME"] = None  # also check that the notebook finds ../shared/data by itself
    nb = execute(NOTEBOOK_DIR / f"{name}.ipynb", timeout=600, env=env)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    stderr = "".join(o.get("text", "") for o in outputs if o.output_type == "stream" and o.name == "stderr")
    assert not re.search(r"(?:Future|Deprecation)Warning: .*\bframing\.", stderr), stderr[:1000]
    import framing

    header = f"framing {framing.__version__}; data from "
    line = next((ln for ln in text.splitlines() if ln.startswith(header)), "")
    assert line, text[:500]
    printed = line[len(header):].split(";")[0]
    assert Path(printed).resolve() == data_home.resolve()  # the same folder, however reached
    assert f"at most {int(sample):,} articles" in text
    if name == "01_quickstart":  # the highlighted article is rendered as HTML
        html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
        assert any("US general suggests re-invasion of Iraq" in h for h in html)
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images, f"{name}: expected plots, got none"
