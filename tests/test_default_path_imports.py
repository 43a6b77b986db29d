"""The default ``framing.analyze`` path imports neither nltk nor scikit-learn.

``import nltk`` pulls in scikit-learn, SciPy and pandas (about 180 MB and a
second of start-up); the default analysis needs none of them: the tagger,
VADER's rules and lexicon and the models ship as data (``framing/data``).
Each check runs in a fresh interpreter, so nothing another test imported
counts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# A capitalised sentence opener that the tagger knows ("Sometimes") sends the
# name finder to the tagger (``framing.attribution.names._opening_adverb``);
# the quote, the cue and the entity exercise attribution and entity tone.
TEXT = ('Sometimes Warren said the plan was "a disaster for working families." '
        "Republicans in the Senate rejected the bill on Tuesday, and critics claimed "
        "it would not pass.")

CODE = """
import json, sys
import framing
a = framing.analyze(sys.argv[1])
row = a.to_dict()
print(json.dumps({
    "heavy": sorted({m.split(".")[0] for m in sys.modules} & {"nltk", "sklearn", "scipy", "pandas"}),
    "quotes": [q["cue"]["lemma"] for q in row["quotes"] if q["cue"]],
    "entities": [e["text"] for e in row["entities"]],
    "n_tokens": row["n_tokens"],
}))
"""


def test_analyze_imports_neither_nltk_nor_sklearn() -> None:
    proc = subprocess.run([sys.executable, "-c", CODE, TEXT], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    # the analysis ran in full: quotes with their cues, entities, every token
    assert out["n_tokens"] == 27
    assert "say" in out["quotes"] and "Warren" in out["entities"]
    assert out["heavy"] == [], out["heavy"]


CLI = """
import sys
from framing.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as exc:  # --help exits
    status = exc.code
print(status, sorted({m.split(".")[0] for m in sys.modules}
                     & {"nltk", "sklearn", "scipy", "pandas", "joblib"}), file=sys.stderr)
"""


def _cli(tmp_path: Path, *args: str) -> tuple[str, str]:
    proc = subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True, check=False,
                          cwd=tmp_path)
    return proc.stdout, proc.stderr.strip().splitlines()[-1]


def test_the_command_line_imports_only_what_its_command_needs(tmp_path: Path) -> None:
    # every command registers its options at start-up; the task registry of
    # `framing train` (scikit-learn) is read only when train runs
    out, last = _cli(tmp_path, "train", "--help")
    assert "sentence-bias" in out and last.startswith("0 ") and "sklearn" in last
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    out, last = _cli(tmp_path, "analyze", str(path), "--format", "jsonl", "--quiet")
    row = json.loads(out)
    assert row["n_tokens"] == 27 and [q["cue"]["lemma"] for q in row["quotes"]] == ["say", "reject", "claim"]
    assert row["quotes"][1]["speaker"]["text"] == "Republicans in the Senate"
    assert last == "0 []"


def test_help_imports_no_model_library(tmp_path: Path) -> None:
    out, last = _cli(tmp_path, "--help")
    assert "analyze" in out and "train" in out
    assert last == "0 []"
