"""Collection settings for the whole suite (``tests/`` and the doctests in ``framing/``).

The old flat modules only re-export names that moved (with a FutureWarning when
imported); their doctests live with the new modules, so they are not collected.
``tests/test_public_api.py`` imports each of them and checks the warning.
"""

collect_ignore = [
    f"framing/{name}.py"
    for name in (
        "analyze", "article", "classify", "distributed", "embeddings", "examples", "highlight",
        "importers", "parquet", "persuasion", "plotting", "speakers", "stats",
    )
]
