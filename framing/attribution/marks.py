"""Quotation marks: the quoted spans of a text and its paragraph breaks.

One linear pass over the quote marks of the text pairs openers and closers.
Direction comes from the mark's context (space before and a word after opens,
a word before and space or punctuation after closes) and, for ambiguous
straight marks, from the pairing state. A quote stops at a paragraph break
unless the next paragraph reopens the mark (the newspaper convention for
quotes that run over several paragraphs). An unclosed quote is left out; a
stray closer is ignored; nothing ever raises. Texts with no double quote marks
at all are scanned for single quotes (British style); inside double quotes,
single quotes are nested quotes and left alone.
"""

from __future__ import annotations

import re
import threading

__all__ = ["quote_spans"]


_PARA = r"\n[ \t\r\f\v]*\n\s*"
# Two apostrophes or backticks stand for a double mark in some wire and archive
# texts. The patterns start with one character class (so the regex engine scans
# for it quickly) and also match a lone apostrophe, backtick or newline, which
# are not marks: quote_spans skips them ("''|``|[...]|<para>" would be slower).
_DOUBLE_MARKS = re.compile(
    "[\"\u201c\u201d\u201e\u00ab\u00bb'`\n](?:(?<=')'|(?<=`)`|(?<=\n)" + _PARA[2:] + ")?"
)
_SINGLE_MARKS = re.compile("['\u2018\u2019\u201a\n](?:(?<=\n)" + _PARA[2:] + ")?")
_NOT_MARKS = frozenset(["'", "`", "\n"])  # lone characters matched by _DOUBLE_MARKS
_HAS_DOUBLE = re.compile("''|``|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_OPEN_GLYPHS = frozenset("\u201c\u201e\u00ab\u2018\u201a")
_CLOSE_GLYPHS = frozenset("\u201d\u00bb\u2019")
# characters after which a mark opens, and before which it closes
_BEFORE_OPEN = frozenset(" \t\n\r\f\v\u00a0([{\u2014\u2013-/:;")
_AFTER_CLOSE = frozenset(" \t\n\r\f\v\u00a0.,;:!?)]}\u2014\u2013-/\u2026")
_LEFT_OF_OPENER = _BEFORE_OPEN | _OPEN_GLYPHS
_RIGHT_OF_CLOSER = _AFTER_CLOSE | _CLOSE_GLYPHS | frozenset("\"'")


def quote_spans(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Quoted spans of ``text`` (marks included) and the paragraph-break offsets.

    Linear in the length of the text; never raises on unbalanced marks.

    Parameters
    ----------
    text : str
        The text to scan.

    Returns
    -------
    spans : list of (int, int)
        ``(start, end)`` of each quote, opening and closing marks included, in
        text order. A quote running over several paragraphs is one span.
    paragraphs : list of int
        Offsets where each paragraph after the first starts.

    Examples
    --------
    >>> text = 'He said \u201cwe\u2019re done\u201d and "so is \\'she\\'." Then "an odd one.'
    >>> [text[s:e] for s, e in quote_spans(text)[0]]
    ['\u201cwe\u2019re done\u201d', '"so is \\'she\\'."']
    >>> text = '\u201cFirst paragraph.\\n\\n\u201cSecond one,\u201d she said.'
    >>> [text[s:e] for s, e in quote_spans(text)[0]]
    ['\u201cFirst paragraph.\\n\\n\u201cSecond one,\u201d']
    """
    # quote attribution and the entity filter both read the marks of the same text: scanned once
    last = getattr(_LAST, "value", None)
    if last is not None and last[0] is text:
        return list(last[1]), list(last[2])
    spans, paragraphs = _scan(text)
    _LAST.value = (text, spans, paragraphs)
    return list(spans), list(paragraphs)


_LAST = threading.local()  # the last text scanned in this thread, and its spans and paragraph breaks


def _scan(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    single = _HAS_DOUBLE.search(text) is None
    pattern = _SINGLE_MARKS if single else _DOUBLE_MARKS
    spans: list[tuple[int, int]] = []
    paragraphs: list[int] = []
    n = len(text)
    german = not single and "\u201e" in text
    open_at = -1  # opener of the quote in the current paragraph
    group = -1  # start of a quote continued from an earlier paragraph
    carry = -1  # start of a quote left open at the end of the previous paragraph
    para_first = len(text) - len(text.lstrip())
    for m in pattern.finditer(text):
        p, q = m.span()
        mark = text[p]
        if q - p == 1 and (mark == "\n" or (not single and mark in _NOT_MARKS)):
            continue  # a lone newline, apostrophe or backtick
        if mark == "\n":
            carry = (group if group >= 0 else open_at) if open_at >= 0 else -1
            open_at = group = -1
            para_first = m.end()
            paragraphs.append(para_first)
            continue
        before = text[p - 1] if p else " "
        after = text[q] if q < n else " "
        if mark == "`":
            mark = "\u201c"
        elif q - p == 2:
            mark = '"'

        left = before in _LEFT_OF_OPENER
        right = after in _RIGHT_OF_CLOSER
        if left and not right:
            opens = True
        elif right and not left:
            opens = False
        elif single and mark in "'\u2019" and before.isalnum() and after.isalnum():
            continue  # an apostrophe
        elif mark in _OPEN_GLYPHS and not (german and mark == "\u201c"):
            opens = True
        elif mark in _CLOSE_GLYPHS or (german and mark == "\u201c"):
            opens = False
        elif single:
            continue  # an ambiguous straight single mark
        else:
            opens = open_at < 0
        if opens:
            if open_at < 0 and carry >= 0 and p == para_first:
                group = carry  # the quote continues in this paragraph
            elif open_at < 0:
                group = -1
            carry = -1
            open_at = p
        elif open_at >= 0:
            spans.append((group if group >= 0 else open_at, q))
            open_at = group = carry = -1
        else:
            carry = -1
    return spans, paragraphs


_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
