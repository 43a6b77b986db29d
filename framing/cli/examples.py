"""``framing examples``: write the example articles as saved news pages, to try the HTML reader."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._common import EXIT_OK, UsageError, atomic_output


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing examples`` and its options."""
    ep = sub.add_parser(
        "examples",
        help="write the three example articles as saved news pages (HTML) into a folder",
        description="Write the built-in example articles (one invented story told by three invented "
                    "outlets, as in 'framing analyze --example') as HTML pages with the furniture of a "
                    "saved news page (navigation, script, newsletter box, footer), to try "
                    "'framing analyze DIR' on a folder of pages.",
    )
    ep.add_argument("directory", metavar="DIR", help="the folder to write into (created if missing)")
    ep.set_defaults(func=_cmd_examples)


def _cmd_examples(args: argparse.Namespace) -> int:
    from ..readers.examples import example_pages

    folder = Path(args.directory)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"DIR must be a folder. Got {str(folder)!r}, which is not a directory.")
    pages = example_pages()
    taken = sorted(name for name in pages if (folder / name).exists())
    if taken:
        raise UsageError(f"{folder} already holds {', '.join(taken)}; choose another folder "
                         "(existing files are never replaced).")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create the folder {str(folder)!r}: {exc.strerror or exc}.") from None
    for name, page in pages.items():
        with atomic_output(str(folder / name)) as out:
            out.write(page)
    print(f"wrote {len(pages)} pages to {folder}: {', '.join(sorted(pages))}", file=sys.stderr)
    return EXIT_OK
