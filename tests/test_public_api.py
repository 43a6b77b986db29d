"""Gate: every public name of framing before the package redesign still imports and works.

``PUBLIC_NAMES`` is a snapshot of ``__all__`` of ``framing`` and of each of its
public modules as they were when the library was one flat package. Names keep
working at their old paths for one release: a module that moved re-exports its
names and warns with a ``FutureWarning`` that says where they live now.
(``framing.evaluate_*`` were evaluation code, now ``framing.evaluation``, which
only the command line imports; ``framing.cli`` keeps ``main``.)
"""

from __future__ import annotations

import importlib
import warnings

import pytest

PUBLIC_NAMES: dict[str, list[str]] = {
    'framing': [
        'Analysis', 'Analyzer', 'Article', 'AttributionFeaturizer', 'CorpusAnalysis', 'Cue',
        'DatasetNotFoundError', 'Entry', 'Lexicon', 'LexiconFeaturizer', 'LexiconFormatError',
        'Match', 'Matcher', 'Quote', 'Sentence', 'Speaker', '__version__', 'analyze',
        'analyze_corpus', 'analyze_dask', 'articles_from_frame', 'available_lexicons',
        'compare_outlets', 'get_data_home', 'iter_analyses', 'load_allsides', 'load_babe',
        'load_lexicon', 'load_model', 'load_polnear', 'load_ptc', 'load_same_event',
        'read_articles', 'read_lexicon', 'read_text_file', 'split_sentences', 'tokenize',
        'write_parquet',
    ],
    'framing.analyze': [
        'Analysis', 'Analyzer', 'CorpusAnalysis', 'analyze', 'analyze_corpus', 'iter_analyses',
        'iter_mapped',
    ],
    'framing.article': [
        'Article', 'READABLE_SUFFIXES', 'articles_from_frame', 'clean_plain_text', 'content_id',
        'decode_bytes', 'read_articles', 'read_text_file', 'repair_page_breaks',
    ],
    'framing.attribution': [
        'Cue', 'Quote', 'SOURCE_CATEGORIES', 'STANCES', 'Speaker', 'attribution_features',
        'find_quotes', 'quote_spans',
    ],
    'framing.classify': [
        'TASKS', 'TRUSTED_TYPES', 'TrainedModel', 'UntrustedModelError', 'fingerprint',
        'load_model', 'make_pipeline', 'model_file_types', 'save_model', 'top_features', 'train',
    ],
    'framing.compare': [
        'OutletComparison', 'benjamini_hochberg', 'bootstrap_means', 'cliffs_delta', 'cohens_d',
        'compare_outlets', 'default_features', 'distinctive_words', 'log_odds_dirichlet',
        'pairwise_tests', 'permutation_test', 'same_event', 'sourcing', 'summarize',
    ],
    'framing.datasets': [
        'ChecksumError', 'DATA_HOME_ENV', 'DatasetNotFoundError', 'get_data_home',
        'load_allsides', 'load_babe', 'load_polnear', 'load_ptc', 'load_same_event', 'parse_brat',
    ],
    'framing.distributed': [
        'DaskAnalysis', 'analyze_dask',
    ],
    'framing.embeddings': [
        'EXTRA_HINT', 'SentenceEmbedder', 'default_model_path',
    ],
    'framing.examples': [
        'example_articles',
    ],
    'framing.features': [
        'AttributionFeaturizer', 'LexiconFeaturizer', 'TermListFeaturizer', 'check_documents',
    ],
    'framing.highlight': [
        'DEFAULT_LEXICONS', 'PALETTE', 'Span', 'article_html', 'render_spans',
    ],
    'framing.importers': [
        'OnError', 'read_dic', 'read_emfd_csv', 'read_mpqa_tff', 'read_wordlist',
    ],
    'framing.lexicon': [
        'Entry', 'Lexicon', 'LexiconFormatError', 'Match', 'Matcher', 'available_lexicons',
        'lexicon_dir', 'load_lexicon', 'read_lexicon',
    ],
    'framing.parquet': [
        'ParquetWriter', 'TABLES', 'write_parquet',
    ],
    'framing.persuasion': [
        'PersuasionSpanTagger', 'merge_spans', 'si_score',
    ],
    'framing.plotting': [
        'plot_cue_stance', 'plot_log_odds', 'plot_outlet_scores', 'plot_profile_heatmap',
        'plot_source_composition',
    ],
    'framing.report': [
        'HEADLINE_FEATURES', 'SECTION_IDS', 'build_report', 'group_labels',
    ],
    'framing.speakers': [
        'BETWEEN', 'DETERMINERS', 'Mention', 'PRONOUNS', 'SpeakerResolver', 'phrase_after',
        'subject_before', 'word_set',
    ],
    'framing.stats': [
        'RandomState', 'benjamini_hochberg', 'bootstrap_means', 'cliffs_delta', 'cohens_d',
        'log_odds_dirichlet', 'permutation_test',
    ],
    'framing.text': [
        'NEGATION_WINDOW', 'NEGATORS', 'Sentence', 'Tokens', 'count_words', 'negated_at',
        'normalize_token', 'sentence_index', 'split_sentences', 'tokenize',
    ],
}


@pytest.mark.parametrize("module", sorted(PUBLIC_NAMES))
def test_every_public_name_still_imports(module: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        mod = importlib.import_module(module)
    missing = [name for name in PUBLIC_NAMES[module] if not hasattr(mod, name)]
    assert missing == [], f"{module} lost {missing}"


def test_top_level_names_are_the_documented_ones() -> None:
    import framing

    assert set(PUBLIC_NAMES["framing"]) <= set(framing.__all__)
    for name in framing.__all__:
        assert getattr(framing, name) is not None


def test_the_command_line_entry_point_is_kept() -> None:
    from framing.cli import main

    assert callable(main)


def test_the_top_level_api_still_works_end_to_end() -> None:
    import framing

    result = framing.analyze("Critics slammed the reckless plan, officials said.")
    assert result.features["n_tokens"] == 7.0
    assert [m.text for m in result.matches if m.lexicon == "reporting_verbs"] == ["slammed", "said"]
    corpus = framing.analyze_corpus(["One plan.", "Officials said it failed."])
    assert len(corpus.features) == 2


def test_framing_analyze_stays_the_function_after_importing_the_old_module() -> None:
    # Regression: importing the old module path put the module where the function was.
    import importlib

    import framing

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        importlib.import_module("framing.analyze")
    assert framing.analyze("Officials said it failed.").features["n_tokens"] == 4.0
    assert callable(framing.analyze.analyze_corpus)


MOVED = {
    "analyze": "framing.pipeline", "article": "framing.readers", "classify": "framing.models",
    "distributed": "framing.io.dask", "embeddings": "framing.features.embeddings",
    "examples": "framing.readers", "highlight": "framing.pipeline.display",
    "importers": "framing.lexicon.importers", "parquet": "framing.io.parquet",
    "persuasion": "framing.models", "plotting": "framing.report.plotting",
    "speakers": "framing.attribution.speakers", "stats": "framing.compare.stats",
}


@pytest.mark.parametrize(("old", "new"), sorted(MOVED.items()))
def test_an_old_module_path_warns_where_its_names_live_now(old: str, new: str) -> None:
    import sys

    sys.modules.pop(f"framing.{old}", None)
    with pytest.warns(FutureWarning, match=rf"framing\.{old} moved to {new}; import from there"):
        mod = importlib.import_module(f"framing.{old}")
    new_mod = importlib.import_module(new)
    shared = [n for n in PUBLIC_NAMES[f"framing.{old}"] if hasattr(new_mod, n)]
    assert shared and all(getattr(mod, n) is getattr(new_mod, n) for n in shared)
