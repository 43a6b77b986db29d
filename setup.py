"""Build script of ``framing``: the package, its data, and the optional compiled text kernels.

Everything declarative is in ``pyproject.toml``; this file adds what needs
code: the lexicons (top-level ``lexicons/`` in the source tree) shipped as
``framing/lexicons``, and the Cython extensions ``framing._text_core`` (the
sentence splitter, tokenizer, word count and negation scope of
``framing.text``), ``framing._tagger_core`` (the part-of-speech tagger's
scoring loop), ``framing._vader_core`` (VADER's rule walk) and
``framing._mention_core`` (the dense features of entity tone) and
``framing._names_core`` (the token scans of the name finder), compiled the
way spaCy and scikit-learn build theirs.

The extension is optional. Without Cython (a build without isolation in an
environment that lacks it), without a working C compiler, or with
``FRAMING_NO_EXTENSIONS=1`` in the environment, the build still succeeds and
the package runs the pure-Python reference, which gives identical output
(``framing.text.COMPILED`` is then False).

Build commands::

    pip install .                       # wheel with the compiled kernels (needs a C compiler)
    pip install -e ".[test]"            # editable: the extension is built next to the .pyx
    python setup.py build_ext --inplace # rebuild them in place after editing a .pyx file
"""

from __future__ import annotations

import os
import sys

from setuptools import Extension, find_packages, setup


# kernels whose floats must be the Python (numpy) reference's: built without fused multiply-add
_FLOAT_EXACT = ("framing._vader_core", "framing._mention_core")


def _extensions() -> list[Extension]:
    if os.environ.get("FRAMING_NO_EXTENSIONS", "") not in ("", "0"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("framing: Cython is not installed; building the pure-Python package only",
              file=sys.stderr)
        return []
    no_contraction = [] if sys.platform == "win32" else ["-ffp-contract=off"]
    exts = [Extension(name, [f"framing/{name.split('.')[-1]}.pyx"], optional=True,
                      extra_compile_args=no_contraction if name in _FLOAT_EXACT else [])
            for name in ("framing._text_core", "framing._tagger_core", "framing._vader_core",
                         "framing._mention_core", "framing._names_core")]
    extensions: list[Extension] = cythonize(
        exts, compiler_directives={"language_level": "3"}, quiet=True)
    for built in extensions:  # a compiler error warns and leaves the pure-Python path
        built.optional = True
    return extensions


setup(
    packages=[*find_packages(include=["framing", "framing.*"]),
              "framing.lexicons", "framing.lexicons.gazetteers"],
    package_dir={"framing.lexicons": "lexicons"},
    package_data={
        "framing": ["py.typed", "data/*", "compare/boilerplate.txt"],
        "framing.lexicons": ["*.tsv", "*.json"],
        "framing.lexicons.gazetteers": ["*.tsv", "*.json"],
    },
    include_package_data=False,
    ext_modules=_extensions(),
    zip_safe=False,
)
