"""``python -m framing.cli``: the ``framing`` command line."""

import sys

from . import main

sys.exit(main())
