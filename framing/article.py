"""Articles and the readers that make them; they live in :mod:`framing.readers` now.

This module re-exports them under their old path.
"""

from ._deprecation import moved
from .readers.article import Article, content_id
from .readers.decoding import decode_bytes
from .readers.paths import READABLE_SUFFIXES, read_articles
from .readers.plain import clean_plain_text, read_text_file, repair_page_breaks
from .readers.records import articles_from_frame

__all__ = [
    "READABLE_SUFFIXES",
    "Article",
    "articles_from_frame",
    "clean_plain_text",
    "content_id",
    "decode_bytes",
    "read_articles",
    "read_text_file",
    "repair_page_breaks",
]

moved('article', 'framing.readers')
