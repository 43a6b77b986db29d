"""Loaders for the public media-bias and framing corpora.

In the style of scikit-learn's ``fetch_*`` functions: each loader reads one
research corpus from a local folder and returns tidy :mod:`pandas` objects
indexed by string ids.

=========================  ============================================  ====================================
loader                     corpus                                        returns
=========================  ============================================  ====================================
:func:`load_allsides`      Baly et al. (2020), 37,554 articles           articles
:func:`load_babe`          BABE / MBIC (Spinde et al. 2021), sentences   sentences
:func:`load_ptc`           SemEval-2020 task 11 propaganda corpus        (articles, technique spans)
:func:`load_polnear`       PolNeAR (Newell et al. 2018)                  (articles, attribution relations)
:func:`load_same_event`    Lim et al. (2020), 46 articles on 4 events    (articles, sentence ratings)
:func:`load_frames`        SemEval-2023 task 3 frames, 307 articles      articles with their policy frames
:func:`load_moka`          MOKA moral events (Zhang et al. 2024)         units or articles with foundations
:func:`load_conll2010`     CoNLL-2010 Wikipedia weasel sentences         sentences, certain or uncertain
=========================  ============================================  ====================================

Where the data lives
--------------------
Every loader takes ``data_home``: the folder that holds one sub-folder per
corpus (``allsides/``, ``babe/``, ``ptc/``, ``polnear/``,
``same-event-lim2020/``, ``frames-semeval2023/``, ``moka/``, ``conll2010-wiki/``). One policy, :func:`get_data_home`, resolves it for
the loaders, the evaluations and ``framing evaluate`` alike: the explicit
argument (``--data-home DIR`` on the command line), else the environment
variable ``FRAMING_DATA_HOME``, else the per-user cache folder
(``$XDG_CACHE_HOME/framing``, ``~/.cache/framing`` on Linux and macOS,
``%LOCALAPPDATA%\\framing`` on Windows).

Nothing here touches the network unless asked: a missing corpus raises
:class:`DatasetNotFoundError` at once, with the folder and files expected.
Files with a public single-file source and a known SHA-256 (BABE's SG1 and
SG2 files, the same-event CSV) can be fetched with ``download=True``: each
is downloaded with a short timeout, checked against its SHA-256 and only then
moved into place; with no network the call fails at once with the same
message saying where to put the files. The other corpora are published as
thousands of files or after registration, and are put in place by hand.

Texts are returned exactly as the files hold them (no cleaning), so character
offsets in the annotation tables index straight into the ``text`` column:
``text[start:end]`` is the annotated span. The same-event corpus is the
exception: its release keeps the article only as rated sentences, which
:func:`load_same_event` joins into ``text`` and locates by offsets.

The corpora are copyrighted news texts and, for some, copyleft annotations:
they are never bundled with :mod:`framing`; cite the papers named in each
loader when you use them.
"""

from ._base import DATA_HOME_ENV, ChecksumError, DatasetNotFoundError, get_data_home
from .allsides import load_allsides
from .babe import load_babe
from .conll2010 import load_conll2010
from .frames import load_frames
from .moka import MOKA_FOUNDATIONS, MOKA_POLES, load_moka
from .polnear import load_polnear, parse_brat
from .ptc import load_ptc
from .same_event import load_same_event

__all__ = [
    "DATA_HOME_ENV",
    "MOKA_FOUNDATIONS",
    "MOKA_POLES",
    "ChecksumError",
    "DatasetNotFoundError",
    "get_data_home",
    "load_allsides",
    "load_babe",
    "load_conll2010",
    "load_frames",
    "load_moka",
    "load_polnear",
    "load_ptc",
    "load_same_event",
    "parse_brat",
]
