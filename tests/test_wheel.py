"""The wheel carries the lexicons and works outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (whl,) = out.glob("framing-*.whl")
    return whl


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
         "--target", site, str(wheel)],
        check=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    proc = subprocess.run(
        [str(py), "-c", "import framing, sys; from framing.cli import main; "
         "print(framing.__file__, file=sys.stderr); sys.exit(main(['analyze', '--example']))"],
        capture_output=True, text=True, cwd=work, check=False,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert proc.returncode == 0, proc.stderr
    assert str(ROOT) not in proc.stderr, "framing was imported from the source tree"
    assert "Liberty Ledger" in proc.stdout
