"""Analyzed articles for people: highlighted HTML, and the command line's text table.

:func:`article_html` shows one analysis as escaped, highlighted HTML;
:func:`analysis_table` shows several as the plain-text table of
``framing analyze`` (one column per article, then every quote of each).

Lexicon hits are coloured by category, quotes are marked with their speaker,
source category and cue stance (shown on hover through ``title``
attributes), and a legend lists the categories present. This is what an
:class:`~framing.pipeline.Analysis` shows in Jupyter (``_repr_html_``) and what
the report uses for its example articles.

Safety: every piece of article text and metadata goes through
:func:`html.escape` (quotes included, so it cannot leave an attribute);
class names and colours come from this module, never from the data; the
output contains no script, no event-handler attribute and no URL.

Overlaps: spans are cut at every boundary and re-opened around the spans
that close inside them, so the output is properly nested HTML whatever the
overlaps (a hit inside a quote, two lexicons' hits sharing words).
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .analyzer import Analysis

__all__ = [
    "DEFAULT_LEXICONS", "PALETTE", "Span", "analysis_table", "article_html", "column_labels", "display_lexicons",
    "not_measured", "render_spans",
]

DEFAULT_LEXICONS: tuple[str, ...] = ("loaded_language", "persuasion", "epistemic")
"""The shipped lexicons whose sidecar says ``"display": true`` (kept for code that names them)."""


def display_lexicons() -> tuple[str, ...]:
    """The shipped lexicons highlighted by default: those whose sidecar says ``"display": true``.

    Reporting verbs show through the quotes instead.

    Examples
    --------
    >>> display_lexicons()
    ('epistemic', 'loaded_language', 'persuasion')
    """
    from ..lexicon import available_lexicons, load_lexicon

    return tuple(name for name in available_lexicons() if load_lexicon(name).display)

PALETTE: tuple[str, ...] = (
    "#fdb4b4", "#b4d7fd", "#fde2a0", "#c5f0b8", "#e3c6f5", "#ffd0e8", "#b8efe6", "#f5d6b8",
    "#d9dcf7", "#f2f2a6", "#f7c6c6", "#c6e6f7", "#e6f7c6", "#f7e0c6", "#d6c6f7", "#c6f7d9",
    "#f0c6f7", "#f7f0c6", "#c9d1d9", "#e8d4c0",
)
"""Background colours for categories, in order of first appearance (light, readable)."""

_STANCE_COLOURS = {
    "neutral": "#6b7280", "endorsing": "#15803d", "distancing": "#b45309",
    "contesting": "#b91c1c", "emotive": "#7c3aed",
}


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


@dataclass(frozen=True)
class Span:
    """A span to mark: ``[start, end)``, the tag's attributes, a nesting rank.

    ``attrs`` values are escaped when written; ``rank`` decides which of two
    spans with the same start is outside (lower is outer).
    """

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]
    rank: int = 0

    def open(self) -> str:
        attrs = "".join(f' {k}="{_esc(v)}"' for k, v in self.attrs)
        return f"<{self.tag}{attrs}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def render_spans(text: str, spans: Iterable[Span]) -> str:
    """``text`` escaped, with the spans as properly nested elements.

    At each boundary the elements that end there are closed; elements opened
    later that are still running are closed first and re-opened after, so
    crossing spans become adjacent nested pieces.

    Examples
    --------
    >>> spans = [Span(0, 9, "b", ()), Span(4, 11, "i", ())]
    >>> render_spans("<a> & b c d e", spans)
    '<b>&lt;a&gt; <i>&amp; b c</i></b><i> d</i> e'
    """
    items = sorted(
        (s for s in spans if 0 <= s.start < s.end <= len(text)),
        key=lambda s: (s.start, -s.end, s.rank),
    )
    cuts = sorted({0, len(text), *(s.start for s in items), *(s.end for s in items)})
    out: list[str] = []
    stack: list[Span] = []
    k = 0
    for pos, nxt in itertools.pairwise(cuts):
        # close what ends here, re-opening the spans above it that go on
        if any(s.end <= pos for s in stack):
            keep = [s for s in stack if s.end > pos]
            # close down to the lowest finished element
            lowest = min(i for i, s in enumerate(stack) if s.end <= pos)
            for s in reversed(stack[lowest:]):
                out.append(s.close())
            stack = stack[:lowest]
            for s in keep[len(stack):]:
                out.append(s.open())
                stack.append(s)
        while k < len(items) and items[k].start == pos:
            out.append(items[k].open())
            stack.append(items[k])
            k += 1
        out.append(html.escape(text[pos:nxt], quote=True))
    for s in reversed(stack):
        out.append(s.close())
    return "".join(out)


def _quote_title(q: Any) -> str:
    sp, cue = getattr(q, "speaker", None), getattr(q, "cue", None)
    parts = [f"{q.kind} quote"]
    if sp is not None:
        name = getattr(sp, "name", "") or sp.text
        parts.append(f"speaker: {name} ({sp.category})")
    else:
        parts.append("speaker: unknown")
    if cue is not None:
        parts.append(f"cue: {cue.text} ({cue.stance})")
    return "; ".join(parts)


def article_html(
    analysis: Analysis,
    *,
    lexicons: Sequence[str] | Literal["display"] | None = "display",
    quotes: bool = True,
    max_chars: int | None = None,
) -> str:
    """The article with its lexicon hits coloured and its quotes marked, as HTML.

    Parameters
    ----------
    analysis : Analysis
        The result of :func:`framing.analyze`.
    lexicons : list of str, None or "display", default "display"
        The lexicons whose hits are coloured; None colours every lexicon;
        ``"display"`` the shipped lexicons whose sidecar says so
        (:func:`display_lexicons`: loaded language, persuasion, epistemic).
    quotes : bool, default True
        Mark quotes (dotted underline, speaker and cue stance on hover), the
        speaker (bold) and the cue (coloured by stance).
    max_chars : int, optional
        Show only the first ``max_chars`` characters (spans cut there).

    Returns
    -------
    str
        A self-contained ``<div>`` (inline styles, no scripts, no URLs).

    Examples
    --------
    >>> from framing import analyze
    >>> out = article_html(analyze("Critics slammed the <b>reckless</b> plan."))
    >>> "&lt;b&gt;" in out and "<b>" not in out
    True
    >>> ">reckless</mark>" in out  # coloured, with its category in the title
    True
    """
    art = analysis.article
    text = art.text
    limit = len(text) if max_chars is None else max(0, min(int(max_chars), len(text)))
    shown = text[:limit]
    if isinstance(lexicons, str) and lexicons == "display":
        lexicons = display_lexicons()
    wanted = None if lexicons is None else set(lexicons)
    colours: dict[tuple[str, str], str] = {}
    spans: list[Span] = []
    for m in analysis.matches:
        if wanted is not None and m.lexicon not in wanted:
            continue
        key = (m.lexicon, m.category)
        if key not in colours:
            colours[key] = PALETTE[len(colours) % len(PALETTE)]
        title = f"{m.lexicon}: {m.category}" + (" (negated)" if m.negated else "")
        style = f"background:{colours[key]};border-radius:2px;padding:0 1px"
        if m.negated:
            style += ";text-decoration:line-through;opacity:0.7"
        spans.append(Span(m.start, min(m.end, limit), "mark",
                          (("class", "fr-hit"), ("style", style), ("title", title)), rank=2))
    n_quotes = 0
    stances: set[str] = set()
    if quotes:
        for q in analysis.quotes:
            n_quotes += 1
            spans.append(Span(q.start, min(q.end, limit), "span",
                              (("class", "fr-quote"),
                               ("style", "text-decoration:underline dotted #374151;text-underline-offset:3px"),
                               ("title", _quote_title(q))), rank=1))
            if q.speaker is not None:
                spans.append(Span(q.speaker.start, min(q.speaker.end, limit), "span",
                                  (("class", "fr-speaker"), ("style", "font-weight:600"),
                                   ("title", f"speaker: {q.speaker.name or q.speaker.text} ({q.speaker.category})")),
                                  rank=1))
            if q.cue is not None:
                colour = _STANCE_COLOURS.get(q.cue.stance, "#374151")
                stances.add(q.cue.stance)
                spans.append(Span(q.cue.start, min(q.cue.end, limit), "span",
                                  (("class", "fr-cue"),
                                   ("style", f"color:{colour};font-weight:600;border-bottom:2px solid {colour}"),
                                   ("title", f"cue: {q.cue.lemma} ({q.cue.stance})")), rank=1))
    body = render_spans(shown, spans)
    if limit < len(text):
        body += " [&hellip;]"
    head = []
    if art.title:
        head.append(f'<div class="fr-title" style="font-weight:700;font-size:1.1em">{_esc(art.title)}</div>')
    meta = [x for x in (art.outlet, art.date) if x]
    if meta:
        head.append(f'<div class="fr-meta" style="color:#6b7280">{" &middot; ".join(_esc(x) for x in meta)}</div>')
    if analysis.error is not None:
        head.append(f'<div class="fr-error" style="color:#b91c1c">error: {_esc(analysis.error)}</div>')
    legend = _legend(colours, n_quotes, sorted(stances))
    return (
        '<div class="framing-article" style="font-family:Georgia,serif;line-height:1.6;max-width:52em">'
        + "".join(head)
        + legend
        + f'<div class="fr-text" style="white-space:pre-wrap">{body}</div></div>'
    )


def _legend(colours: dict[tuple[str, str], str], n_quotes: int, stances: list[str]) -> str:
    items = [
        f'<span class="fr-key" style="background:{c};padding:0 4px;margin-right:6px;border-radius:2px">'
        f"{_esc(lex)}: {_esc(cat)}</span>"
        for (lex, cat), c in sorted(colours.items())
    ]
    if n_quotes:
        items.append('<span class="fr-key" style="text-decoration:underline dotted;margin-right:6px">'
                     f"quote ({n_quotes}; hover for speaker and cue)</span>")
    for s in stances:
        colour = _STANCE_COLOURS.get(s, "#374151")
        items.append(f'<span class="fr-key" style="color:{colour};font-weight:600;margin-right:6px">'
                     f"cue: {_esc(s)}</span>")
    if not items:
        items.append('<span class="fr-key">no highlighted terms or quotes</span>')
    return ('<div class="fr-legend" style="font-family:sans-serif;font-size:0.85em;margin:6px 0">'
            + "".join(items) + "</div>")


# --- the text table of ``framing analyze`` ------------------------------------------------------

_RATE_ROWS: tuple[tuple[str, str], ...] = (
    ("loaded_language__total", "loaded language /1k"),
    ("epistemic__hedge", "hedges /1k"),
    ("epistemic__booster", "boosters /1k"),
)
_LATER_ROWS: tuple[tuple[str, str], ...] = (
    ("moral_foundations__total", "moral foundations /1k"),
    ("policy_frames__total", "policy frames /1k"),
    ("persuasion__total", "persuasion cues /1k"),
)
_STANCES = ("neutral", "endorsing", "distancing", "contesting", "emotive")
_MAX_LOADED = 20

TABLE_NOTE = (
    "quotes: direct, indirect and mixed quotes; 'quote cues' are the verbs or phrases that attribute them\n"
    "(said, claimed, according to), by stance. 'reporting-verb hits' are every use of a reporting verb\n"
    "in the text, attributing a quote or not (the reporting_verbs__* features): not the same count as\n"
    "the quote cues (\"according to\" is a cue but no verb; a verb may attribute no quote).\n"
    "/1k: per 1,000 word tokens. --format jsonl gives every span with its offsets."
)
"""The legend printed under the table."""


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "\u2026"


def _short_id(article_id: str) -> str:
    """A file path id as its file name without the suffix (``news/a.txt`` -> ``a``; ``x.jsonl:3`` -> ``x:3``)."""
    base = re.split(r"[\\/]", article_id.rstrip("/\\"))[-1] or article_id
    stem, colon, line = base.partition(":")
    if "." in stem.strip("."):
        stem = stem[: stem.rindex(".")]
    return stem + colon + line


def column_labels(articles: Sequence[Any], width: int = 24) -> list[str]:
    """One short, distinct column heading per article: outlet, else title, else the file name.

    Long titles are cut at a word with an ellipsis; a file path id becomes
    its file name without the suffix; articles whose headings would collide
    are numbered, so the table has a column for every article.

    Examples
    --------
    >>> from framing.readers import Article
    >>> arts = [Article(str(i), "x", outlet="Wire") for i in range(2)]
    >>> arts += [Article("news/2024/a-long-file-name.txt", "x"),
    ...          Article("b", "x", title="Council votes to evict 120 homeless people as winter nears")]
    >>> column_labels(arts)
    ['Wire', 'Wire #2', 'a-long-file-name', 'Council votes to evict…']
    """
    from .schema import replace_surrogates

    labels: list[str] = []
    seen: set[str] = set()
    for art in articles:
        raw = art.outlet or art.title or _short_id(str(art.id))
        base = _short(replace_surrogates(raw), width) or replace_surrogates(str(art.id))[:width]
        label, k = base, 1
        while label in seen:
            k += 1
            suffix = f" #{k}"
            label = _short(base, width - len(suffix)) + suffix
        seen.add(label)
        labels.append(label)
    return labels


def not_measured(analysis: Analysis) -> str | None:
    """Why an analysis has no measured features, for people: ``"not English (de)"``, or None.

    An article identified as another language than English keeps its token
    and sentence counts, but its lexicon, quote and tone features are
    missing (NaN): the instruments are English-only
    (:func:`~framing.readers.language_warning`).

    Examples
    --------
    >>> from framing import Article, analyze
    >>> not_measured(analyze(Article("a", "Die Regierung hat am Montag neue Maßnahmen beschlossen.")))
    'not English (de)'
    >>> not_measured(analyze("Officials said the plan failed.")) is None
    True
    """
    from ..readers import language_warning

    language = analysis.language
    if analysis.error is not None or not language or language_warning(language) is None:
        return None
    return f"not English ({language})"


_ERROR_CELL_WIDTH = 28


def _error_cell(a: Analysis) -> str:
    """The error in a table cell: without the article id it starts with, cut short (in full below)."""
    message = str(a.error)
    prefix = f"{a.article.id}: "
    if message.startswith(prefix):
        message = message[len(prefix):]
    return _short(message, _ERROR_CELL_WIDTH)


def _column(a: Analysis) -> dict[str, str]:
    feats = a.features
    col: dict[str, str] = {"tokens": f"{a.n_tokens:.0f}"}
    reason = not_measured(a)
    if reason is not None:  # English-only instruments: nothing measured, say so instead of 'nan'
        col["not measured"] = reason
        return col
    for key, name in _RATE_ROWS:
        if key in feats:
            col[name] = f"{feats[key]:.1f}"
    col["quotes"] = f"{len(a.quotes)}"
    stances = [q.cue.stance for q in a.quotes if q.cue is not None]
    col["  with a cue"] = f"{len(stances)}"
    for stance in _STANCES:
        col[f"  quote cues: {stance}"] = f"{stances.count(stance)}"
    if "reporting_verbs__total_count" in feats:
        col["reporting-verb hits"] = f"{feats['reporting_verbs__total_count']:.0f}"
    for key, name in _LATER_ROWS:
        if key in feats:
            col[name] = f"{feats[key]:.1f}"
    return col


def _quote_line(number: int, q: Any) -> str:
    speaker = (getattr(q.speaker, "name", "") or q.speaker.text) if q.speaker else "no speaker found"
    category = f" ({q.speaker.category})" if q.speaker else ""
    cue = f'cue "{q.cue.text}" ({q.cue.stance})' if q.cue else "no cue"
    return f"  {number}. {q.kind}: {speaker}{category}, {cue}: {_short(q.text, 80)!r}"


def analysis_table(analyses: Sequence[Analysis]) -> str:
    """Analyses as the text table of ``framing analyze``: one column per article, then each one's quotes.

    The table's rows are rates of the headline features and counts of
    quotes, of the cues that attribute them (by stance) and of every
    reporting-verb hit, explained by :data:`TABLE_NOTE`; under it, for each
    article, its heading, title and id, its loaded-language terms and
    *every* quote, numbered, with speaker, source category, cue and stance.
    An article not in English shows ``not English (de): not measured``
    instead of missing numbers (:func:`not_measured`); an error is cut short
    in its column and given in full under the table.

    Examples
    --------
    >>> from framing import Article, analyze
    >>> text = "The plan failed, according to a report. Critics said it was reckless."
    >>> table = analysis_table([analyze(Article("a", text, outlet="Wire"))])
    >>> for line in table.splitlines():
    ...     if line.startswith(("quotes ", "  with a cue", "reporting-verb hits", "  quote cues: neutral")):
    ...         print(line)
    quotes                         2
      with a cue                   2
      quote cues: neutral          2
    reporting-verb hits            1
    """
    import pandas as pd

    from .schema import replace_surrogates

    labels = column_labels([a.article for a in analyses])
    columns = {label: (_column(a) if a.error is None else {"error": replace_surrogates(_error_cell(a))})
               for a, label in zip(analyses, labels)}
    frame = pd.DataFrame(columns, dtype=object).fillna("")
    last = [row for row in ("not measured", "error") if row in frame.index]  # under the numbers
    frame = frame.reindex([*(row for row in frame.index if row not in last), *last])
    parts = [frame.to_string(), TABLE_NOTE]
    for a, label in zip(analyses, labels):
        art = a.article
        # "outlet: title" in full under the short heading, and the id (a file path) to find it by
        full = ": ".join(replace_surrogates(x) for x in (art.outlet, art.title) if x)
        if not full or full == label:
            head = label
        elif full.startswith(label.removesuffix("\u2026")):  # the heading is the outlet, or the title cut
            head = full
        else:  # a numbered heading ("Wire #2") or a file name
            head = f"{label}: {full}"
        if str(art.id) not in head:
            head += f"  [{art.id}]"
        lines = [head]
        if a.error is not None:
            lines.append(f"  error: {a.error}")
            parts.append("\n".join(lines))
            continue
        reason = not_measured(a)
        if reason is not None:
            lines.append(f"  {reason}: not measured (the lexicons, quote rules and tone are English-only; "
                         f"{a.n_tokens:,} tokens)")
            parts.append("\n".join(lines))
            continue
        loaded = [m for m in a.matches if m.lexicon == "loaded_language"]
        if loaded:
            terms = ", ".join(f"{'not ' if m.negated else ''}{m.text!r} ({m.category})"
                              for m in loaded[:_MAX_LOADED])
            more = (f"; {len(loaded) - _MAX_LOADED} more (--format jsonl lists them all)"
                    if len(loaded) > _MAX_LOADED else "")
            lines.append(f"  loaded language ({len(loaded)}): {terms}{more}")
        lines.append(f"  quotes ({len(a.quotes)}):" if a.quotes else "  quotes: none found")
        lines.extend(_quote_line(i, q) for i, q in enumerate(a.quotes, 1))
        parts.append("\n".join(lines))
    return replace_surrogates("\n\n".join(parts)) + "\n"
