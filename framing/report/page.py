"""A self-contained HTML report comparing outlets.

:func:`build_report` analyzes the articles (:func:`framing.analyze_corpus`),
compares the groups (:func:`framing.compare.compare_outlets`), draws the
plots (:mod:`framing.report.plotting`) and writes one HTML page: comparison
tables, plots as inline PNG images (``data:`` URIs), distinctive words, and
a few highlighted example articles (:func:`framing.pipeline.display.article_html`).
The page references nothing outside itself: no scripts, no fonts, no
stylesheets, no images from the network. Every string from the data is
HTML-escaped.
"""

from __future__ import annotations

import base64
import html
import io
import logging
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._version import __version__
from ..compare import OutletComparison, boilerplate_words, compare_outlets, distinctive_words
from ..pipeline import CorpusAnalysis, analyze, analyze_corpus
from ..pipeline.display import article_html
from ..pipeline.progress import ProgressLike
from ..readers import Article, articles_from_frame, language_warning

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["HEADLINE_FEATURES", "SECTION_IDS", "build_report", "group_labels"]

logger = logging.getLogger(__name__)

HEADLINE_FEATURES: tuple[str, ...] = (
    "loaded_language__total",
    "epistemic__hedge",
    "epistemic__booster",
    "persuasion__total",
    "moral_foundations__total",
    "policy_frames__total",
    "attribution__quoted_words_share",
    "attribution__stance_distancing_share_of_quotes",
    "tone__mean",
    "tone__quotes_mean",
)
"""Features shown in the report's summary table and interval plots (when present)."""

SECTION_IDS: tuple[str, ...] = (
    "overview", "summary", "tests", "profiles", "words", "sources", "stances", "actors", "examples",
    "methods",
)
"""The ``id`` of each ``<section>`` of the report, in order."""

_CSS = """
body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;max-width:72em;
color:#111827;padding:0 1em}
h1{font-size:1.6em}h2{border-bottom:1px solid #e5e7eb;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
th,td{border:1px solid #e5e7eb;padding:3px 6px;text-align:right}
th{background:#f3f4f6}td:first-child,th:first-child{text-align:left}
.note{color:#4b5563;font-size:.9em}.fig{max-width:100%;height:auto;display:block;margin:.5em 0}
.example{border:1px solid #e5e7eb;border-radius:6px;padding:1em;margin:1em 0}
"""


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def group_labels(articles: Sequence[Article], by: str) -> list[Any]:
    """The group of each article: an Article field (``outlet``) or a ``meta`` key.

    Examples
    --------
    >>> arts = [Article("a", "x", outlet="A", meta={"label": "left"})]
    >>> group_labels(arts, "outlet"), group_labels(arts, "label")
    (['A'], ['left'])
    """
    fields = {"outlet", "title", "date", "url"}
    if by in fields:
        return [getattr(a, by) for a in articles]
    return [a.meta.get(by) for a in articles]


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100)


def _png(fig: Figure, alt: str) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img class="fig" alt="{_esc(alt)}" src="data:image/png;base64,{data}">'


def _table(frame: pd.DataFrame, digits: int = 3) -> str:
    def cell(v: Any) -> str:
        if isinstance(v, (float, np.floating)):
            return "" if np.isnan(v) else f"{v:.{digits}g}" if abs(v) < 1e-3 and v != 0 else f"{v:.{digits}f}"
        return _esc(v)

    head = "".join(f"<th>{_esc(c)}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False, name=None))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _label(feature: str) -> str:
    return feature.replace("__", ": ").replace("_", " ")


def _coerce(articles: Any, by: str) -> tuple[list[Article], list[Any]]:
    if isinstance(articles, pd.DataFrame):
        if by not in articles.columns:
            raise KeyError(f"The 'by' parameter of build_report names a missing column: {by!r}.")
        labels = articles[by].tolist()
        return list(articles_from_frame(articles)), labels
    if isinstance(articles, (str, bytes, Article)):
        raise TypeError("build_report expects many articles (a list of Articles or a DataFrame). "
                        f"Got a single {type(articles).__name__}.")
    arts = [a if isinstance(a, Article) else Article.from_text(a) for a in articles]
    return arts, group_labels(arts, by)


def build_report(
    articles: Iterable[Article] | pd.DataFrame,
    *,
    by: str = "outlet",
    features: Sequence[str] | None = None,
    corpus: CorpusAnalysis | None = None,
    groups: Sequence[Any] | None = None,
    max_groups: int = 8,
    min_articles: int = 5,
    n_examples: int = 3,
    n_jobs: int = 1,
    n_resamples: int = 1000,
    n_permutations: int = 999,
    random_state: int = 0,
    title: str = "Outlet comparison",
    progress: ProgressLike = False,
) -> str:
    """Analyze articles and compare their groups in one self-contained HTML page.

    Parameters
    ----------
    articles : list of Article, or DataFrame
        A DataFrame needs ``text`` and the ``by`` column (ids from the index).
    by : str, default "outlet"
        The group: an Article field or ``meta`` key, or a DataFrame column.
    features : list of str, optional
        Features compared. Default: every rate and share
        (:func:`framing.compare.default_features`).
    corpus : CorpusAnalysis, optional
        A ready analysis of exactly these articles, in the same order (skips
        the analysis).
    groups : list, optional
        Groups to compare. Default: the ``max_groups`` largest groups with at
        least ``min_articles`` articles.
    max_groups : int, default 8
    min_articles : int, default 5
    n_examples : int, default 3
        Highlighted example articles (one from each of the largest groups).
    n_jobs : int, default 1
        Worker processes for the analysis.
    n_resamples, n_permutations : int, default 1000, 999
        Bootstrap resamples and permutations (articles are the unit).
    random_state : int, default 0
    title : str, default "Outlet comparison"
    progress : bool, text stream or tqdm-like callable, default False
        Progress of the analysis (the long part), as for
        :func:`framing.analyze_corpus`: ``True`` for standard error, or
        ``tqdm.notebook.tqdm`` in Jupyter.

    Returns
    -------
    str
        The HTML document. Sections carry the ids in :data:`SECTION_IDS`.

    Examples
    --------
    >>> arts = [Article(f"{o}{i}", f"Officials said the {w} plan failed.", outlet=o)
    ...         for o, w in (("A", "reckless"), ("B", "new")) for i in range(5)]
    >>> page = build_report(arts, n_resamples=50, n_permutations=50)  # doctest: +SKIP
    >>> page.startswith("<!DOCTYPE html>")  # doctest: +SKIP
    True
    """
    started = time.perf_counter()
    arts, labels_list = _coerce(articles, by)
    if corpus is None:
        corpus = analyze_corpus(arts, n_jobs=n_jobs, progress=progress)
    elif len(corpus.features) != len(arts):
        raise ValueError(f"The 'corpus' has {len(corpus.features)} rows but {len(arts)} articles were given.")
    analyzed = time.perf_counter()
    feats = corpus.features
    labels = pd.Series(labels_list, index=feats.index, name=by, dtype=object)
    ok = feats["error"].isna().to_numpy()
    comparison = compare_outlets(
        feats[ok], by=labels[ok], features=features, quotes=corpus.quotes,
        entities=getattr(corpus, "entities", None), groups=groups,
        min_articles=min_articles, max_groups=max_groups, n_resamples=n_resamples,
        n_permutations=n_permutations, random_state=random_state,
    )
    chosen = comparison.groups
    # words and examples from the measured articles only, as the statistics (not errors, not other languages)
    languages = feats["language"] if "language" in feats.columns else pd.Series(None, index=feats.index)
    measured = ok & ~languages.map(lambda v: isinstance(v, str) and language_warning(v) is not None
                                   ).to_numpy(dtype=bool)
    kept = [a for a, m in zip(arts, measured) if m]
    parts = [
        _overview(arts, labels, comparison, corpus, by),
        _summary(comparison, by),
        _tests(comparison),
        _profiles(comparison, by),
        _words(kept, labels[measured], chosen),
        _sourcing_section("sources", "Who is quoted", comparison.sources, "speaker_category", by,
                          _SOURCES_NOTE),
        _sourcing_section("stances", "How quotes are attributed", comparison.stances, "cue_stance", by,
                          _STANCES_NOTE),
        _actors(comparison.actors, by),
        _examples(kept, labels[measured], feats[measured], chosen, n_examples),
    ]
    finished = time.perf_counter()
    parts.append(_methods(corpus, n_resamples, n_permutations, random_state,
                          analyzed - started, finished - started))
    logger.info("report: %d articles, analysis %.1f s, total %.1f s", len(arts), analyzed - started,
                finished - started)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{_esc(title)}</h1>" + "".join(parts) + "</body></html>\n"
    )


def _section(sid: str, heading: str, body: str) -> str:
    return f'<section id="{sid}"><h2>{_esc(heading)}</h2>{body}</section>'


def _overview(arts: list[Article], labels: pd.Series, comparison: OutletComparison,
              corpus: CorpusAnalysis, by: str) -> str:
    counts = labels.value_counts(dropna=True)
    n_err = int(corpus.features["error"].notna().sum())
    rows = pd.DataFrame({by: [str(g) for g in comparison.groups],
                         "articles": [int(counts.get(g, 0)) for g in comparison.groups]})
    body = (
        f"<p>{len(arts):,} articles in {counts.size:,} groups by <b>{_esc(by)}</b>; "
        f"{n_err:,} could not be analyzed. Compared: the {len(comparison.groups)} groups below "
        "(largest first). Rates are per 1,000 word tokens; shares are between 0 and 1.</p>"
        + _left_out(corpus, comparison, by) + _table(rows)
    )
    return _section("overview", "Overview", body)


def _left_out(corpus: CorpusAnalysis, comparison: OutletComparison, by: str) -> str:
    """A note naming the articles every table leaves out: errors, and articles not in English."""
    from ..compare.summary import describe_excluded

    notes = []
    errors = corpus.features["error"].dropna()
    if len(errors):
        shown = ", ".join(_esc(i) for i in errors.index[:5]) + (", ..." if len(errors) > 5 else "")
        notes.append(f"{len(errors):,} article(s) could not be analyzed ({shown}; <code>framing analyze</code> "
                     "gives their error rows) and are left out.")
    excluded = comparison.excluded
    if not excluded.empty:
        notes.append(f"{int(excluded['n'].sum()):,} article(s) are not in English and are left out of every "
                     "table, plot and test (the lexicons, quote rules and tone are English-only, so their "
                     f"features are not measured); by {_esc(by)}: {_esc(describe_excluded(excluded))}.")
    return f'<p class="note">{" ".join(notes)}</p>' if notes else ""


def _headline(comparison: OutletComparison) -> list[str]:
    present = set(comparison.summary["feature"])
    return [f for f in HEADLINE_FEATURES if f in present] or sorted(present)[:8]


def _summary(comparison: OutletComparison, by: str) -> str:
    s = comparison.summary
    heads = _headline(comparison)
    sub = s[s["feature"].isin(heads)]
    wide = pd.DataFrame({by: [str(g) for g in comparison.groups]})
    for f in heads:
        part = sub[sub["feature"] == f].set_index(sub.columns[0])
        wide[_label(f)] = [
            f"{part.at[g, 'mean']:.2f} [{part.at[g, 'ci_low']:.2f}, {part.at[g, 'ci_high']:.2f}]"
            if g in part.index else "" for g in comparison.groups
        ]
    from .plotting import plot_outlet_scores

    ncols = 2 if len(heads) > 1 else 1
    nrows = -(-len(heads) // ncols)
    fig = _figure(6.0 * ncols, nrows * (0.3 * len(comparison.groups) + 1.4))
    axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False).ravel())
    for ax, f in zip(axes, heads):
        plot_outlet_scores(s[s["feature"] == f], f, ax=ax)
    for ax in axes[len(heads):]:
        ax.set_visible(False)
    fig.subplots_adjust(hspace=0.9, wspace=0.6)
    figs = [_png(fig, "headline features by group with 95% intervals")]
    body = (
        '<p class="note">Mean per article [95% percentile bootstrap interval, resampling articles].</p>'
        + _table(wide) + "".join(figs)
    )
    return _section("summary", "Outlet scores with intervals", body)


def _tests(comparison: OutletComparison) -> str:
    t = comparison.tests
    n_tests = len(t)
    sig = comparison.significant().head(25)
    show = sig[["group_a", "group_b", "feature", "mean_a", "mean_b", "cohens_d", "cliffs_delta",
                "p_value", "p_adjusted"]].copy()
    show["feature"] = show["feature"].map(_label)
    body = (
        f'<p class="note">{n_tests:,} tests (pairs of groups x features): permutation tests on '
        "articles, Benjamini-Hochberg adjusted over all of them; "
        f"{int(t['significant'].sum()) if n_tests else 0:,} pass a false discovery rate of 5%. "
        "The 25 largest effects (|Cohen's d|) among them:</p>"
        + (_table(show) if len(show) else "<p>No difference passes the threshold.</p>")
    )
    return _section("tests", "Pairwise differences", body)


def _profiles(comparison: OutletComparison, by: str) -> str:
    from .plotting import plot_profile_heatmap

    s = comparison.summary
    out = []
    for family, heading in (("policy_frames", "Policy frames"), ("moral_foundations", "Moral foundations"),
                            ("loaded_language", "Loaded language")):
        feats = [f for f in s["feature"].unique() if f.startswith(family + "__") and not f.endswith("__total")]
        if not feats:
            continue
        fig = _figure(0.55 * len(feats) + 4.0, 0.45 * len(comparison.groups) + 2.8)
        plot_profile_heatmap(s, feats, scale="zscore", ax=fig.subplots())
        sub = s[s["feature"].isin(feats)]
        n_grey = int(_includes_pooled(sub).sum())
        out.append(f"<h3>{_esc(heading)}</h3>"
                   f'<p class="note">{n_grey:,} of {len(sub):,} cells are grey: their interval includes '
                   "the mean of all articles shown.</p>"
                   + _png(fig, f"{heading} profile by group; grey hatched cells: interval includes the pooled mean"))
    note = ('<p class="note">Each column standardised across the groups (z-score of the group means), '
            "so frames with different base rates share one colour scale; each cell shows its z-score and "
            "n, the number of articles of the group. <b>Colour is not significance</b>: a cell is drawn "
            "grey and hatched when the group's 95% bootstrap interval (resampling articles) includes the "
            "pooled mean of all articles of the groups shown, i.e. the data give no evidence that the group "
            "differs from the others on that feature; only the coloured cells do. Small groups have wide "
            'intervals; the pairwise tests above correct for the many comparisons.</p>')
    return _section("profiles", "Frame and moral-foundation profiles", note + "".join(out))


def _includes_pooled(summary: pd.DataFrame) -> pd.Series:
    """Per summary row: does its interval include the feature's pooled mean (over the groups shown)?"""
    w = summary["n"].astype(float) if "n" in summary.columns else pd.Series(1.0, index=summary.index)
    pooled = (summary["mean"] * w).groupby(summary["feature"]).transform("sum") / w.groupby(
        summary["feature"]).transform("sum")
    return (summary["ci_low"] <= pooled) & (pooled <= summary["ci_high"])


def _words(arts: list[Article], labels: pd.Series, chosen: list[Any]) -> str:
    if len(chosen) < 2:
        return _section("words", "Distinctive words", "<p>Needs at least two groups.</p>")
    from .plotting import plot_log_odds

    a, b = chosen[0], chosen[1]
    frame = pd.DataFrame({"text": [x.text for x in arts], "group": labels.to_numpy()})
    frame = frame[frame["group"].isin([a, b])]
    n_tokens = sum(len(t) for t in frame["text"]) / 6  # rough, only to scale the rule
    min_count = int(max(5, min(20, n_tokens // 20000)))
    words = distinctive_words(frame, a, b, by="group", min_count=min_count, stop_words="boilerplate")
    fig = _figure(6.5, 8.0)
    plot_log_odds(words, n=15, ax=fig.subplots())
    top_a = words.head(15)[["term", "count_a", "count_b", "z"]]
    top_b = words.tail(15).iloc[::-1][["term", "count_a", "count_b", "z"]]
    body = (
        f'<p class="note">{_esc(a)} versus {_esc(b)} (the two largest groups): log-odds ratios with an '
        "informative Dirichlet prior (Monroe, Colaresi &amp; Quinn 2008), prior = the two groups' combined "
        f"counts; terms occurring at least {min_count} times in the two together. Page furniture "
        f"({_esc(', '.join(sorted(boilerplate_words())[:8]))}, ...: the {len(boilerplate_words())} words of "
        "<code>framing.compare.boilerplate_words()</code>) is left out; outlet names and house style "
        "are not.</p>"
        + _png(fig, f"distinctive words, {a} versus {b}")
        + f"<h3>Most {_esc(a)}</h3>" + _table(top_a.rename(columns={"count_a": f"count {a}", "count_b": f"count {b}"}))
        + f"<h3>Most {_esc(b)}</h3>" + _table(top_b.rename(columns={"count_a": f"count {a}", "count_b": f"count {b}"}))
    )
    return _section("words", "Distinctive words", body)


_INTERVALS = ("intervals in the tidy table of <code>framing.compare.sourcing</code> resample articles, "
              "since the quotes of one article are not independent.")
_SOURCES_NOTE = ("Who is quoted: the share of each group's quotes by the source category of the speaker "
                 "(government, expert, citizen, ...; a quote without a detected speaker counts as 'none'); "
                 + _INTERVALS)
_STANCES_NOTE = ("How quotes are attributed: the share of each group's quotes by the stance of the cue that "
                 "attributes them (neutral <i>said</i>, endorsing <i>noted</i>, distancing <i>claimed</i>, "
                 "contesting <i>denied</i>, emotive <i>slammed</i>; a quote without a cue counts as 'none'). "
                 "Only the cues of quotes count here, not every reporting verb in the text; " + _INTERVALS)


def _sourcing_section(sid: str, heading: str, table: pd.DataFrame | None, category: str, by: str,
                      caption: str) -> str:
    if table is None or table.empty:
        return _section(sid, heading, "<p>No quotes found.</p>")
    from .plotting import plot_cue_stance, plot_source_composition

    n_groups = table.iloc[:, 0].nunique()
    fig = _figure(7.5, 0.35 * n_groups + 1.6)
    if category == "cue_stance":
        plot_cue_stance(table, ax=fig.subplots())
    else:
        plot_source_composition(table, ax=fig.subplots())
    wide = table.pivot_table(index=table.columns[0], columns=category, values="share", aggfunc="first", sort=False)
    wide = wide.reset_index().rename(columns={wide.index.name: by})
    wide.columns = [str(c) for c in wide.columns]
    return _section(sid, heading, f'<p class="note">{caption}</p>' + _png(fig, heading) + _table(wide))


_ACTORS_NOTE = ("Tone toward the actors mentioned in the most articles: for each article that mentions the "
                "actor, the tone toward it (the mean over its mentions of P(positive) - P(negative), "
                "from -1 to 1; <code>framing.tone.entities</code>), then the mean over the group's articles "
                "[95% percentile bootstrap interval, resampling articles]; n is the number of articles. "
                "An actor is a name as the article writes it in full.")


def _actors(table: pd.DataFrame | None, by: str) -> str:
    heading = "Tone toward the top actors"
    if table is None or table.empty or table["tone"].notna().sum() == 0:
        return _section("actors", heading, "<p>No entity with a tone found.</p>")
    from .actor_plots import plot_actor_tone

    col = str(table.columns[1])
    groups = list(dict.fromkeys(table[col].tolist()))
    actors = list(dict.fromkeys(table["actor"].tolist()))
    wide = pd.DataFrame({"actor": actors})
    for g in groups:
        part = table[table[col] == g].set_index("actor")
        wide[str(g)] = [
            f"{part.at[a, 'tone']:.2f} [{part.at[a, 'ci_low']:.2f}, {part.at[a, 'ci_high']:.2f}] "
            f"n={int(part.at[a, 'n_articles'])}" if a in part.index and part.at[a, "n_articles"] else ""
            for a in actors
        ]
    fig = _figure(7.5, 0.5 * len(actors) * max(1, len(groups)) ** 0.5 + 1.6)
    plot_actor_tone(table, ax=fig.subplots())
    return _section("actors", heading, f'<p class="note">{_ACTORS_NOTE}</p>' + _png(fig, heading)
                    + _table(wide.rename(columns={"actor": f"actor / {by}"})))


def _examples(arts: list[Article], labels: pd.Series, feats: pd.DataFrame, chosen: list[Any],
              n_examples: int) -> str:
    out = []
    rate = feats.get("loaded_language__total")
    tokens = feats["n_tokens"].to_numpy(dtype=float)
    lab = labels.to_numpy()
    for g in chosen[:n_examples]:
        idx = np.flatnonzero((lab == g) & (tokens >= 150) & feats["error"].isna().to_numpy())
        if idx.size == 0:
            idx = np.flatnonzero(lab == g)
        if idx.size == 0:
            continue
        scores = rate.to_numpy(dtype=float)[idx] if rate is not None else np.zeros(idx.size)
        pick = int(idx[int(np.nanargmax(np.nan_to_num(scores, nan=-1.0)))])
        result = analyze(arts[pick])
        out.append(f'<div class="example"><p class="note">{_esc(g)}: the article with the highest '
                   "loaded-language rate (of at least 150 words)</p>"
                   + article_html(result, max_chars=6000) + "</div>")
    return _section("examples", "Highlighted examples", "".join(out) or "<p>No articles.</p>")


def _methods(corpus: CorpusAnalysis, n_resamples: int, n_permutations: int, random_state: int,
             analysis_secs: float, total_secs: float) -> str:
    lex = ", ".join(f"{_esc(k)} {_esc(v)}" for k, v in corpus.provenance.get("lexicons", {}).items())
    body = (
        f"<p>framing {_esc(__version__)}; lexicons: {lex}.</p>"
        f"<p>Bootstrap: {n_resamples:,} resamples of articles per group, percentile intervals. "
        f"Permutation tests: {n_permutations:,} random splits of the two groups' articles (all splits "
        "when there are fewer), two-sided, difference of means; p = (1 + hits) / (1 + permutations). "
        f"Effect sizes: Cohen's d (pooled sd) and Cliff's delta. Seed: {random_state}.</p>"
        f"<p>Analysis took {analysis_secs:.1f} s; the whole report {total_secs:.1f} s.</p>"
    )
    return _section("methods", "Methods and provenance", body)
