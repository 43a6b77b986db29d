"""The wheel carries the lexicons and the compiled text kernels, and works outside the source tree.

The wheel is built without build isolation (no network), so the running
environment needs the build requirements of ``pyproject.toml`` (setuptools >= 77
and Cython >= 3, both in the ``test`` extra); the tests skip without them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _build_wheel(out: Path, env: dict[str, str] | None = None, source: Path = ROOT) -> Path:
    pytest.importorskip("build")
    setuptools = pytest.importorskip("setuptools")
    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.skip(f"the build needs setuptools >= 77 (pyproject.toml); found {setuptools.__version__}")
    pytest.importorskip("Cython")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True, text=True, check=False, env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (whl,) = out.glob("framing-*.whl")
    return whl


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_wheel(tmp_path_factory.mktemp("dist"))


def _install(whl: Path, tmp_path: Path) -> Path:
    """A venv with ``whl`` installed (its dependencies from this environment); its python."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    site = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    # The dependencies (numpy, pandas, scikit-learn) come from this environment;
    # framing itself only from the wheel.
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", site, str(whl)],
        check=True,
    )
    return py


def _run_elsewhere(py: Path, code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    work = tmp_path / "elsewhere"
    work.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FRAMING_PURE_PYTHON")}
    return subprocess.run([str(py), "-c", code], capture_output=True, text=True, cwd=work,
                          check=False, env=env)


def test_wheel_contains_every_lexicon(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(p.name for p in (ROOT / "lexicons").iterdir() if p.suffix in {".tsv", ".json"})
    assert shipped
    for name in shipped:
        assert f"framing/lexicons/{name}" in names
    assert "framing/py.typed" in names
    for name in ("vader_lexicon.txt", "vader_lexicon.json", "vader_LICENSE.txt"):
        assert f"framing/data/{name}" in names


def test_wheel_installs_and_runs_the_example_outside_the_source_tree(wheel: Path, tmp_path: Path) -> None:
    py = _install(wheel, tmp_path)
    proc = _run_elsewhere(py, "import framing, sys; from framing.cli import main; "
                          "print(framing.__file__, file=sys.stderr); sys.exit(main(['analyze', '--example']))",
                          tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert str(ROOT) not in proc.stderr, "framing was imported from the source tree"
    assert "Liberty Ledger" in proc.stdout


def test_wheel_carries_the_compiled_text_kernels_and_nothing_generated(wheel: Path, tmp_path: Path) -> None:
    if shutil.which(os.environ.get("CC", "cc")) is None:
        pytest.skip("no C compiler: the wheel is the pure-Python package")
    names = zipfile.ZipFile(wheel).namelist()
    assert [n for n in names if n.startswith("framing/_text_core.")
            and n.endswith((".so", ".pyd"))], names
    assert not [n for n in names if n.endswith((".c", ".pyx", ".html"))]
    py = _install(wheel, tmp_path)
    proc = _run_elsewhere(py, "import framing.text as t; print(t.COMPILED, t._core.__file__)", tmp_path)
    assert proc.returncode == 0, proc.stderr
    compiled, where = proc.stdout.split()
    assert compiled == "True"
    assert str(ROOT) not in where


def test_without_a_compiler_the_build_gives_the_pure_python_package(tmp_path: Path) -> None:
    # CC=false: the C compiler fails, the optional extension is skipped with a warning. The
    # build runs on a clean copy of the sources (no build/ directory, no extension built in place).
    source = tmp_path / "source"
    source.mkdir()
    skip = shutil.ignore_patterns("build", "*.so", "*.c", "__pycache__", "*.egg-info")
    for name in ("framing", "lexicons"):
        shutil.copytree(ROOT / name, source / name, ignore=skip)
    for name in ("setup.py", "pyproject.toml", "MANIFEST.in", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    whl = _build_wheel(tmp_path / "dist", env={**os.environ, "CC": "false"}, source=source)
    assert not [n for n in zipfile.ZipFile(whl).namelist() if "_text_core" in n]
    py = _install(whl, tmp_path)
    proc = _run_elsewhere(py, "import framing.text as t; print(t.COMPILED, t.tokenize('Not bad.').norms)",
                          tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False ['not', 'bad']"
