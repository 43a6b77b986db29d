"""Same-event biased sentences (Lim et al. 2020)."""

from __future__ import annotations

import csv
import html
import os
import re

import numpy as np
import pandas as pd

from ._base import (
    _dataset_dir,
    _to_datetime,
)

# ---------------------------------------------------------------------------
# Same event (Lim et al. 2020)
# ---------------------------------------------------------------------------

_SENTENCE_PREFIX = re.compile(r"^\[(\d+)\]:\s?")
_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"</p>\s*<p[^>]*>|<br\s*/?>", re.IGNORECASE)


def _html_to_text(value: str) -> str:
    """Paragraph HTML (``<p>...</p>``) as plain text, paragraphs separated by a blank line."""
    text = _PARAGRAPH.sub("\n\n", value)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _number(value: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _split_source(value: str) -> str:
    """'001_Washington Post_1' -> 'Washington Post'; 'Reuters' -> 'Reuters'."""
    m = re.match(r"^\d+_(.*?)(?:_\d+)?$", value.strip())
    return m.group(1) if m else value.strip()


def load_same_event(
    data_home: str | os.PathLike[str] | None = None,
    *,
    download: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load the same-event biased-sentences corpus of Lim et al. (2020).

    46 articles on 4 events (Dan Johnson's death, Facebook and Cambridge
    Analytica, the NFL anthem protests, North Korea), from outlets of known
    leaning, each read by several crowd workers who rated the bias of its
    first 20 sentences and of the whole article, with a neutral wire article
    on the same event as the reference they saw.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``same-event-lim2020/``; see :func:`get_data_home`.
    download : bool, default=False
        When the file is missing, fetch it from the authors' repository with a
        SHA-256 check; fails at once without network.

    Returns
    -------
    articles : pandas.DataFrame
        One row per article, indexed by ``id`` ("001" to "046"): ``event_id``,
        ``event``, ``event_date`` (datetime64), ``outlet`` (e.g.
        "Washington Post"), ``source`` (the corpus' source label, e.g.
        "001_Washington Post_1"), ``leaning`` (the outlet's rating as
        published: "left", "left-center", "least", "right-center", "right",
        "right-extream" [sic]), ``url``, ``title``, ``text`` (the rated
        sentences, up to the first 20 of the article, joined by one space),
        ``body_excerpt``, ``reference_outlet``, ``reference_url``,
        ``reference_title``, ``reference_excerpt`` (the article body and the
        wire reference as plain text: the published file cuts both to their
        first 255 characters of HTML), ``n_raters`` and ``article_bias_mean``
        (mean of the workers' whole-article ratings).
    ratings : pandas.DataFrame
        One row per (article, worker, sentence): ``id``, ``rater`` (0, 1, ...
        within the article, in file order), ``sentence`` (0 to 19), ``start``
        and ``end`` (offsets of the sentence in ``articles.text``),
        ``sentence_text``, ``rating`` (the worker's bias rating of the
        sentence, 1 to 4, higher is more biased: the MBIB release of this
        corpus scores a sentence as its mean rating minus one and calls it
        biased from 0.5 up), ``article_bias`` (the worker's rating of the
        whole article, 1 to 4), ``t`` (the published column of that name,
        1 to 4 like the sentence ratings, most likely the rating of the
        headline; the release does not document it) and ``prior_knowledge``
        (the worker said they knew of the event). Rating columns for sentence
        slots that hold no sentence are dropped.

    Raises
    ------
    DatasetNotFoundError
        The file is not in ``data_home``.

    References
    ----------
    S. Lim, A. Jatowt, M. Färber and M. Yoshikawa (2020). "Annotating and
    Analyzing Biased Sentences in News Articles using Crowdsourcing". LREC.

    Examples
    --------
    >>> from framing.datasets import load_same_event
    >>> articles, ratings = load_same_event()  # doctest: +SKIP
    >>> ratings.groupby("id")["rating"].mean().sort_values().tail()  # doctest: +SKIP
    """
    folder = _dataset_dir("same_event", data_home, download=download)
    path = folder / "Sora_LREC2020_biasedsentences.csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        records = list(csv.DictReader(fh))
    sentence_cols = [f"s{i}" for i in range(20)]
    rating_cols = [str(i) for i in range(20)]
    expected = {
        "id_event",
        "event",
        "id_article",
        "source",
        "docbody",
        "date_event",
        "source_bias",
        "url",
        "doctitle",
        "ref",
        "ref_url",
        "reftitle",
        "reftext",
        "article_bias",
        "t",
        "preknow",
        *sentence_cols,
        *rating_cols,
    }
    absent = expected - set(records[0] if records else ())
    if absent:
        raise ValueError(
            f"{path}: expected the columns {sorted(expected)}; missing {sorted(absent)}."
        )
    groups: dict[str, list[dict[str, str]]] = {}
    for record in records:
        # One article id is published as "043." on some rows.
        art_id = record["id_article"].strip().rstrip(".").zfill(3)
        groups.setdefault(art_id, []).append({k: (v or "") for k, v in record.items()})

    article_rows = []
    rating_rows = []
    for art, group in sorted(groups.items()):
        first = group[0]
        # The rated sentences, stripped of their "[k]: " prefix, joined by one
        # space into the article text; offsets locate each sentence in it.
        sentences: list[tuple[int, str, int, int]] = []
        pieces: list[str] = []
        cursor = 0
        for k, col in enumerate(sentence_cols):
            value = first[col].strip()
            if not value:
                continue
            sentence = _SENTENCE_PREFIX.sub("", value).strip()
            if pieces:
                cursor += 1
            sentences.append((k, sentence, cursor, cursor + len(sentence)))
            pieces.append(sentence)
            cursor += len(sentence)
        article_bias = np.array([_number(r["article_bias"]) for r in group], dtype=float)
        article_rows.append(
            {
                "id": art,
                "event_id": int(first["id_event"]),
                "event": first["event"],
                "event_date": first["date_event"],
                "outlet": _split_source(first["source"]),
                "source": first["source"],
                "leaning": first["source_bias"] or None,
                "url": first["url"] or None,
                "title": first["doctitle"] or None,
                "text": " ".join(pieces),
                "body_excerpt": _html_to_text(first["docbody"]),
                "reference_outlet": _split_source(first["ref"]),
                "reference_url": first["ref_url"] or None,
                "reference_title": first["reftitle"] or None,
                "reference_excerpt": _html_to_text(first["reftext"]),
                "n_raters": len(group),
                "article_bias_mean": (
                    float(np.nanmean(article_bias))
                    if np.isfinite(article_bias).any()
                    else float("nan")
                ),
            }
        )
        for rater, row in enumerate(group):
            for k, sentence, start, end in sentences:
                rating_rows.append(
                    {
                        "id": art,
                        "rater": rater,
                        "sentence": k,
                        "start": start,
                        "end": end,
                        "sentence_text": sentence,
                        "rating": _number(row[rating_cols[k]]),
                        "article_bias": _number(row["article_bias"]),
                        "t": _number(row["t"]),
                        "prior_knowledge": row["preknow"].strip().lower() == "yes",
                    }
                )
    articles = pd.DataFrame(article_rows).set_index("id")
    articles.index = articles.index.astype("str")
    articles["event_date"] = _to_datetime(articles["event_date"].to_numpy()).to_numpy()
    for col in (
        "event",
        "outlet",
        "source",
        "leaning",
        "url",
        "title",
        "text",
        "body_excerpt",
        "reference_outlet",
        "reference_url",
        "reference_title",
        "reference_excerpt",
    ):
        articles[col] = articles[col].astype("str")
    ratings = pd.DataFrame(
        rating_rows,
        columns=[
            "id",
            "rater",
            "sentence",
            "start",
            "end",
            "sentence_text",
            "rating",
            "article_bias",
            "t",
            "prior_knowledge",
        ],
    )
    ratings["id"] = ratings["id"].astype("str")
    ratings["sentence_text"] = ratings["sentence_text"].astype("str")
    return articles, ratings
