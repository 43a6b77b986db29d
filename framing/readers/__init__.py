"""Articles and the readers that make them.

Only the plain-text/Markdown reader cleans its input (title line, byline and
date lines, a trailing contact or boilerplate footer, paragraph breaks that
fall mid-sentence), and the HTML reader extracts the main text of a page
(:mod:`~framing.readers.html`); the offsets of either point into the text
the article holds. Text from JSON, JSONL, CSV records, DataFrame cells and
Python strings is kept exactly as given, so offsets line up with the
caller's own copy.

A file or record that cannot be read becomes an :class:`Article` with
``error`` set (and empty text), never an exception in the middle of a corpus
and never a silently dropped row. Usage mistakes (a path that does not
exist, a DataFrame without the named text column) raise at once.

One stage a module: :mod:`~framing.readers.article` (the :class:`Article`
record), :mod:`~framing.readers.decoding` (bytes to text),
:mod:`~framing.readers.plain` (plain text and Markdown, cleaned),
:mod:`~framing.readers.html` (HTML pages),
:mod:`~framing.readers.records` (JSON, JSONL, CSV records and DataFrames),
:mod:`~framing.readers.ids` (ids unique within a run),
:mod:`~framing.readers.language` (language identification),
:mod:`~framing.readers.paths` (files, directories, standard input) and
:mod:`~framing.readers.examples` (the built-in example articles).
"""

from .article import Article, content_id
from .decoding import decode_bytes
from .examples import example_articles
from .html import HTML_SUFFIXES, decode_html, extract_html, read_html_file
from .ids import unique_ids
from .language import identify_language, language_warning
from .paths import READABLE_SUFFIXES, read_articles
from .plain import clean_plain_text, read_text_file, repair_page_breaks
from .records import OUTLET_COLUMNS, TEXT_COLUMNS, articles_from_frame, sniff_delimiter

__all__ = [
    "HTML_SUFFIXES",
    "OUTLET_COLUMNS",
    "READABLE_SUFFIXES",
    "TEXT_COLUMNS",
    "Article",
    "articles_from_frame",
    "clean_plain_text",
    "content_id",
    "decode_bytes",
    "decode_html",
    "example_articles",
    "extract_html",
    "identify_language",
    "language_warning",
    "read_articles",
    "read_html_file",
    "read_text_file",
    "repair_page_breaks",
    "sniff_delimiter",
    "unique_ids",
]
