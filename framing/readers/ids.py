"""Article ids that are unique within a run: a repeated id gets a suffix, ``id#2``, ``id#3``, ...

Two inputs that share an id (the same ``id`` field in two files, a
DataFrame index with repeats, the same text given twice) are both kept: the
first keeps its id, each later one gets ``#2``, ``#3``, ... (the next
number not yet taken) and its original id in ``meta["duplicate_of"]``. One
warning with the count is logged at the end of the run.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from .article import Article

__all__ = ["unique_ids"]

logger = logging.getLogger(__name__)


def unique_ids(articles: Iterable[Any]) -> Iterator[Any]:
    """The articles, in order, each later repeat of an id renamed ``id#2``, ``id#3``, ...

    Items that are not :class:`Article` pass unchanged. The ids seen are
    held in memory (one string per article).

    Examples
    --------
    >>> arts = [Article("a", "One."), Article("b", "Two."), Article("a", "Three."), Article("a", "x")]
    >>> [(x.id, x.meta.get("duplicate_of")) for x in unique_ids(arts)]
    [('a', None), ('b', None), ('a#2', 'a'), ('a#3', 'a')]
    """
    seen: set[str] = set()
    next_n: dict[str, int] = {}
    repeated: Counter[str] = Counter()
    try:
        for item in articles:
            if isinstance(item, Article):
                if item.id in seen:
                    repeated[item.id] += 1
                    item = _renamed(item, seen, next_n)
                seen.add(item.id)
            yield item
    finally:
        if repeated:
            shown = ", ".join(f"{k!r} ({n + 1} times)" for k, n in repeated.most_common(3))
            more = f" and {len(repeated) - 3} more" if len(repeated) > 3 else ""
            logger.warning(
                "%d article(s) share an id with an earlier one: %s%s; all are kept, each repeat "
                "renamed id#2, id#3, ... (its original id in meta['duplicate_of']).",
                sum(repeated.values()), shown, more,
            )


def _renamed(article: Article, seen: set[str], next_n: dict[str, int]) -> Article:
    n = next_n.get(article.id, 2)
    while f"{article.id}#{n}" in seen:
        n += 1
    next_n[article.id] = n + 1
    return dataclasses.replace(article, id=f"{article.id}#{n}",
                               meta={**article.meta, "duplicate_of": article.id})
