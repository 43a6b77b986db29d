"""Throughput and peak memory of ``framing`` against the tools a user would reach for.

One command measures, in the same run and on the same first N AllSides
articles (Baly et al. 2020; ``$FRAMING_DATA_HOME/allsides/articles.jsonl.gz``):

* ``framing``: :func:`framing.analyze_corpus` with the default lexicons and
  quote attribution, one process (``n_jobs=1``) and ``--jobs`` processes;
* ``framing stages``: the analyzer's own run with a CPU timer around each
  stage (text, lexicon matcher, attribution, tone, language, and the tagger
  inside them), so the table shows where the time goes;
* ``vaderSentiment``: ``polarity_scores`` per sentence (sentences from a
  regular expression split, the usual recipe);
* ``empath``: ``Empath().analyze`` per article (all 194 categories);
* two floors: a compiled regular-expression word tokenizer, and a
  pyahocorasick automaton scanning the lower-cased text for every term of
  the shipped lexicons (no word boundaries, no categories, no offsets kept).

Each tool runs in its own fresh child process (so the peak resident memory
reported is that tool's), rounds are interleaved across tools and the best
round is kept; ratios are taken between numbers measured in the same run,
because the absolute numbers move with the machine's load.

Usage::

    python benchmarks/bench_throughput.py --n 2000 --rounds 3 --jobs 2
    python benchmarks/bench_throughput.py --n 1000 --jobs 2 --tools framing framing_jobs --cold  # first calls
    python benchmarks/bench_throughput.py --stream 37554      # CLI streaming, peak RSS
    python benchmarks/bench_throughput.py --cli-files 10000   # CLI over a directory

Peers are benchmark-only dependencies: ``pip install -e ".[bench]"``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cli_runs import cli_files, stream
from corpus import data_home, load_records

TOOLS = [
    "framing",
    "framing_jobs",
    "stages",
    "vader",
    "empath",
    "regex_tokenizer",
    "aho_corasick",
]
LABELS = {
    "framing": "framing analyze_corpus (n_jobs=1)",
    "framing_jobs": "framing analyze_corpus (n_jobs={jobs})",
    "vader": "vaderSentiment, per sentence",
    "empath": "Empath, per article",
    "regex_tokenizer": "floor: compiled regex word tokenizer",
    "aho_corasick": "floor: pyahocorasick scan, same terms",
}


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    """Current resident set size, in MB (from /proc; peak where /proc is missing)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_rss_mb()


# --- the tools, each returning (setup, run) --------------------------------


def _framing(jobs: int, cold: bool = False) -> Callable[[list[dict[str, str]]], Callable[[], Any]]:
    def setup(records: list[dict[str, str]]) -> Callable[[], Any]:
        from framing.pipeline import analyze_corpus
        from framing.pipeline.analyzer import _get_analyzer
        from framing.readers import Article

        articles = [Article(id=r["id"], text=r["text"], outlet=r["outlet"], title=r["title"])
                    for r in records]
        if cold:  # a user's first call: only the imports before the timing (pandas, framing.pipeline)
            import pandas
            return lambda: analyze_corpus(articles, n_jobs=jobs)
        # load and compile the lexicons, and the models the stages load on first use
        # (the VADER lexicon, NLTK), outside the timing
        _get_analyzer(None)(articles[0] if articles else "Officials said it was a good plan.")
        _load_language_model()
        # analyze_corpus builds its tables with pandas: its import (about 0.5 s, once per
        # process) is start-up like the lexicons, outside the timing
        import pandas  # noqa: F401
        if jobs > 1:  # start the worker pool, and each worker's models, outside the timing:
            # one batch (64 articles) per worker, so that every worker has loaded its lexicons
            analyze_corpus(articles[: 64 * jobs], n_jobs=jobs)
        return lambda: analyze_corpus(articles, n_jobs=jobs)

    return setup


def _load_language_model() -> None:
    """Load py3langid's model (2-3 s, once per process; only texts that are not plainly English need it)."""
    from framing.readers import identify_language

    identify_language("Der Bundestag hat das Gesetz beschlossen.")


def _stages(records: list[dict[str, str]]) -> Callable[[], Any]:
    """The analyzer's own run, with a CPU timer around each stage (what ``analyze_corpus`` does per article).

    The top-level rows add up to the analyzer's time: the text stage
    (``Document.from_article``: sentences and tokens), the lexicon stage,
    attribution (cues, quotes, speakers, entities), tone (VADER on every
    sentence and quote), language identification and the rest. The
    "of which" rows are parts of them: ``Matcher.find`` and the cue filter
    inside the lexicon stage, and the part-of-speech tagger inside each stage
    that calls it.
    """
    import framing.pipeline.analyzer as analyzer_module
    from framing.pipeline.analyzer import _get_analyzer
    from framing.pipeline.document import Document
    from framing.readers import Article
    from framing.tagger import Tagger

    analyzer = _get_analyzer(None)
    analyzer(records[0]["text"] if records else "Officials said it was a good plan.")
    _load_language_model()
    articles = [Article(id=r["id"], text=r["text"], outlet=r["outlet"], title=r["title"])
                for r in records]
    times: dict[str, float] = {}
    depth: dict[str, int] = {}
    outer: list[str] = []  # the top-level stage running now

    def timed(name: str, fn: Callable[..., Any], *, top: bool = True) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = name if top or not outer else f"{name} in {outer[-1]}"
            if depth.get(name):  # nested (tag_window calls tag_forms): count the outer call only
                return fn(*args, **kwargs)
            depth[name] = 1
            if top:
                outer.append(name)
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                times[key] = times.get(key, 0.0) + time.process_time() - t
                depth[name] = 0
                if top:
                    outer.pop()

        return wrapper

    text_stage, lexicon_stage, language = "text (sentences, tokens)", "lexicon stage", "language"
    labels = {"attribution": "attribution (cues, quotes, speakers, entities)",
              "tone": "tone (VADER, every sentence and quote)"}
    top = [text_stage, lexicon_stage, *(labels.get(f.name, f.name) for f in analyzer.families), language]
    Document.from_article = timed(text_stage, Document.from_article)  # type: ignore[method-assign]
    stage = analyzer.lexicon_stage
    stage.annotate = timed(lexicon_stage, stage.annotate)  # type: ignore[method-assign]
    stage.matcher.find = timed("Matcher.find (7 lexicons)", stage.matcher.find, top=False)  # type: ignore[method-assign]
    if stage.cue_filter is not None:
        stage.cue_filter.filter = timed(  # type: ignore[method-assign]
            "CueFilter.filter (reporting verbs used as verbs)", stage.cue_filter.filter, top=False)
    for family in analyzer.families:
        family.annotate = timed(labels.get(family.name, family.name), family.annotate)  # type: ignore[method-assign]
    analyzer_module.identify_language = timed(language, analyzer_module.identify_language)  # type: ignore[attr-defined]
    Tagger.tag_window = timed("the tagger", Tagger.tag_window, top=False)  # type: ignore[method-assign]
    Tagger.tag_forms = timed("the tagger", Tagger.tag_forms, top=False)  # type: ignore[method-assign]

    def run() -> dict[str, float]:
        times.clear()
        t = time.process_time()
        for article in articles:
            analyzer(article)
        total = time.process_time() - t
        out = {k: times.get(k, 0.0) for k in top}
        out["the rest (features, Analysis objects)"] = total - sum(out.values())
        inner = sorted((k for k in times if k not in top), key=lambda k: (k.split(" in ")[-1], k))
        out.update((f"- of which: {k}", times[k]) for k in inner)
        return {**out, "total": total}

    return run


def _vader(records: list[dict[str, str]]) -> Callable[[], Any]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    splitter = re.compile(r"(?<=[.!?])\s+")
    texts = [r["text"] for r in records]

    def run() -> float:
        total = 0.0
        for text in texts:
            for sentence in splitter.split(text):
                total += sia.polarity_scores(sentence)["compound"]
        return total

    return run


def _empath(records: list[dict[str, str]]) -> Callable[[], Any]:
    from empath import Empath

    lexicon = Empath()
    texts = [r["text"] for r in records]
    return lambda: [lexicon.analyze(t, normalize=True) for t in texts]


def _regex_tokenizer(records: list[dict[str, str]]) -> Callable[[], Any]:
    word = re.compile(r"\w+(?:['\u2019-]\w+)*")
    texts = [r["text"] for r in records]
    return lambda: sum(len(word.findall(t)) for t in texts)


def _aho_corasick(records: list[dict[str, str]]) -> Callable[[], Any]:
    import ahocorasick

    from framing.lexicon import available_lexicons, load_lexicon

    automaton = ahocorasick.Automaton()
    for name in available_lexicons():
        for entry in load_lexicon(name):
            term = entry.term.replace("*", "").lower()
            automaton.add_word(term, (name, entry.category))
    automaton.make_automaton()
    texts = [r["text"] for r in records]
    return lambda: sum(1 for t in texts for _ in automaton.iter(t.lower()))


def _setup_for(tool: str, jobs: int, cold: bool = False) -> Callable[[list[dict[str, str]]], Callable[[], Any]]:
    return {
        "framing": _framing(1, cold),
        "framing_jobs": _framing(jobs, cold),
        "stages": _stages,
        "vader": _vader,
        "empath": _empath,
        "regex_tokenizer": _regex_tokenizer,
        "aho_corasick": _aho_corasick,
    }[tool]


def child(tool: str, n: int, jobs: int, home: Path, cold: bool = False) -> dict[str, Any]:
    """Measure one tool once in this (fresh) process."""
    records = load_records(home, n)
    base = current_rss_mb()
    t = time.perf_counter()
    run = _setup_for(tool, jobs, cold)(records)
    setup = time.perf_counter() - t
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    out = {"tool": tool, "wall": wall, "cpu": cpu, "setup": setup, "rss_base_mb": base,
           "rss_peak_mb": peak_rss_mb()}
    if tool == "stages":
        out["stages"] = result
    return out


# --- the parent: rounds, table ----------------------------------------------


def run_child(tool: str, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", tool, "--n", str(args.n), "--jobs", str(args.jobs),
           "--data-home", str(args.home)] + (["--cold"] if args.cold else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"tool": tool, "error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _better(tool: str, new: dict[str, Any], old: dict[str, Any] | None) -> bool:
    """Keep the best round: least CPU time for one process, least wall time with workers."""
    if old is None or "error" in old:
        return True
    key = "wall" if tool == "framing_jobs" else "cpu"
    return bool(new[key] < old[key])


def throughput(args: argparse.Namespace) -> str:
    records = load_records(args.home, args.n)
    mb = sum(len(r["text"]) for r in records) / 1e6
    n_articles = len(records)
    del records
    tools = args.tools or TOOLS
    best: dict[str, dict[str, Any]] = {}
    for rnd in range(args.rounds):
        for tool in tools:
            res = run_child(tool, args)
            print(f"round {rnd + 1}: {tool}: {json.dumps(res)}", file=sys.stderr)
            if "error" in res:
                best.setdefault(tool, res)
                continue
            fastest = min(res["wall"], best.get(tool, {}).get("best_wall", res["wall"]))
            if _better(tool, res, best.get(tool)):
                best[tool] = res
            best[tool]["best_wall"] = fastest
    table = render(best, tools, mb=mb, n_articles=n_articles, rounds=args.rounds, jobs=args.jobs)
    if args.cold:
        table += ("\n\n--cold: each framing row is a first call in a fresh process (the loading of "
                  "lexicons and models, the pool's start, inside the timing).")
    return table


def render(best: dict[str, dict[str, Any]], tools: list[str], *, mb: float, n_articles: int,
           rounds: int, jobs: int) -> str:
    """The Markdown result tables."""
    lines = [
        f"N = {n_articles:,} AllSides articles, {mb:.1f} MB of text (1e6 characters = 1 MB); "
        f"best of {rounds} interleaved rounds; {os.cpu_count()} cores; Python "
        f"{platform.python_version()}; load average at the end {os.getloadavg()[0]:.1f}.",
        "",
        "| tool | MB/s (CPU) | articles/s (CPU) | vs vaderSentiment (CPU) | wall s | MB/s (wall) "
        "| peak RSS MB (after loading the articles) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    vader = best.get("vader", {}).get("cpu")
    for tool in tools:
        if tool == "stages":
            continue
        res = best.get(tool)
        label = LABELS[tool].format(jobs=jobs)
        if res is None or "error" in res:
            lines.append(f"| {label} | failed: {res and res.get('error')} | | | | | |")
            continue
        wall, cpu = res["wall"], res["cpu"]
        if tool == "framing_jobs":  # the CPU time is in the workers: only wall time counts
            cpu_cols = "n/a | n/a | n/a"
        else:
            ratio = f"{vader / cpu:.2f}x" if vader else "n/a"
            cpu_cols = f"{mb / cpu:.2f} | {n_articles / cpu:,.0f} | {ratio}"
        lines.append(f"| {label} | {cpu_cols} | {wall:.1f} | {mb / wall:.2f} | "
                     f"{res['rss_peak_mb']:.0f} ({res['rss_base_mb']:.0f}) |")
    one, many = best.get("framing", {}), best.get("framing_jobs", {})
    if "best_wall" in one and "best_wall" in many:
        lines += ["", f"n_jobs={jobs} over n_jobs=1, least wall time of the rounds: "
                  f"{one['best_wall']:.1f} s / {many['best_wall']:.1f} s = "
                  f"{one['best_wall'] / many['best_wall']:.2f}x."]
    stages = best.get("stages", {}).get("stages")
    if stages:
        total = stages.pop("total")
        lines += ["", "framing stage by stage: the analyzer's own run with a CPU timer around each stage "
                  "(same articles, its own process):", "",
                  "| stage | CPU s | share | MB/s |", "| --- | ---: | ---: | ---: |"]
        lines += [f"| {k} | {v:.2f} | {v / total:.0%} | {mb / v:.2f} |" for k, v in stages.items() if v > 0]
        lines.append(f"| all of `Analyzer` | {total:.2f} | 100% | {mb / total:.2f} |")
        if "cpu" in one:
            lines.append(f"| analyze_corpus (the `framing` row: the analyzer, then the tables) | "
                         f"{one['cpu']:.2f} | | {mb / one['cpu']:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="first N AllSides articles")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; best kept")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the n_jobs row")
    parser.add_argument("--tools", nargs="*", choices=TOOLS, help="default: all")
    parser.add_argument("--data-home", default=None)
    parser.add_argument("--stream", type=int, metavar="N",
                        help="instead: stream N articles through the CLI and report peak RSS")
    parser.add_argument("--shard-size", type=int, default=1000, help="articles per JSONL shard")
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "parquet"],
                        help="output format for --stream")
    parser.add_argument("--cli-files", type=int, metavar="N",
                        help="instead: run the CLI over a directory of N .txt files")
    parser.add_argument("--no-library", action="store_true",
                        help="with --cli-files: skip analyze_corpus on the same articles")
    parser.add_argument("--cold", action="store_true",
                        help="time the framing rows' first call in a fresh process: the loading of the "
                             "lexicons and models (and with --jobs > 1 the pool's start and each worker's "
                             "imports and loading) inside the timing; only the imports outside")
    parser.add_argument("--child", choices=TOOLS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.home = data_home(args.data_home)
    if args.child:
        print(json.dumps(child(args.child, args.n, args.jobs, args.home, args.cold)))
        return 0
    if args.stream:
        print(stream(args))
    elif args.cli_files:
        print(cli_files(args, run_child))
    else:
        print(throughput(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
