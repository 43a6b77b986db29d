"""The example notebooks: stored without outputs, in sync with their source, and runnable.

``notebooks/build.py`` is the source of the notebooks. The execution tests run
every notebook top to bottom with nbclient, in a kernel running this
interpreter, on a small sample of the research data (``FRAMING_NOTEBOOK_SAMPLE``,
default 60 here), and fail on the first cell that raises. They skip without
the data, or without nbclient, nbformat and ipykernel (the ``test`` extra has
them).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
BUILD = NOTEBOOK_DIR / "build.py"

pytestmark = pytest.mark.skipif(not BUILD.is_file(), reason="notebooks/ is not in this copy (sdist or wheel)")


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("framing_notebooks_build", BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return _load_build()


def _names() -> list[str]:
    if not BUILD.is_file():
        return []
    return list(_load_build().NOTEBOOKS)


def _stored(name: str) -> dict[str, Any]:
    """A stored notebook, cell sources joined into strings."""
    with open(NOTEBOOK_DIR / f"{name}.ipynb", encoding="utf-8") as fh:
        nb: dict[str, Any] = json.load(fh)
    for cell in nb["cells"]:
        if isinstance(cell["source"], list):
            cell["source"] = "".join(cell["source"])
    return nb


def test_the_six_notebooks_of_the_issue(build: ModuleType) -> None:
    assert list(build.NOTEBOOKS) == [
        "01_quickstart", "02_compare_outlets", "03_sourcing_patterns",
        "04_train_bias_classifier", "05_seed_in_context", "06_reproduce_published",
    ]
    assert sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb")) == list(build.NOTEBOOKS)


def test_stored_notebooks_match_their_source(build: ModuleType) -> None:
    assert build.stale() == [], "run: python notebooks/build.py"


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


def test_kernel_runs_this_interpreter(build: ModuleType, tmp_path: Path) -> None:
    pytest.importorskip("jupyter_client")
    km = build.kernel_manager(tmp_path)
    spec = km.kernel_spec
    assert spec.argv[0] == sys.executable
    assert spec.argv[1:3] == ["-m", "ipykernel_launcher"]


@pytest.mark.parametrize("name", _names())
def test_notebook_runs_top_to_bottom(name: str, data_home: Path, build: ModuleType) -> None:
    pytest.importorskip("nbclient")
    pytest.importorskip("nbformat")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    sample = os.environ.get("FRAMING_NOTEBOOK_SAMPLE", "60")
    env: dict[str, str | None] = {"FRAMING_NOTEBOOK_SAMPLE": sample,
                                  "FRAMING_DATA_HOME": str(data_home)}
    if name == "01_quickstart" and data_home.resolve() == (ROOT.parent / "shared" / "data").resolve():
        env["FRAMING_DATA_HOME"] = None  # also check that the notebook finds ../shared/data by itself
    nb = build.execute(NOTEBOOK_DIR / f"{name}.ipynb", timeout=600, env=env)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
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
