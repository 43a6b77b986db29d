"""framing.pipeline.display: escaped, properly nested HTML for one analysis."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest

from framing import Article, analyze
from framing.attribution import Cue, Quote, Speaker
from framing.lexicon import Match
from framing.pipeline import Analysis
from framing.pipeline.display import Span, article_html, render_spans

VOID = {"br", "img", "hr", "meta", "input", "link"}


class Checker(HTMLParser):
    """Collects tags and attributes, checks nesting, and rebuilds the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(out: str) -> Checker:
    p = Checker()
    p.feed(out)
    p.close()
    assert not p.errors, p.errors
    assert not p.stack, f"unclosed: {p.stack}"
    return p


def assert_nothing_executable(out: str) -> Checker:
    p = parse(out)
    names = {t for t, _ in p.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "svg", "a", "form", "style", "link"}
    for _, attrs in p.tags:
        for k, v in attrs.items():
            assert not k.lower().startswith("on"), (k, v)
            assert k in {"class", "style", "title"}, k
            assert "javascript:" not in (v or "").lower()
            assert "url(" not in (v or "").lower()
    return p


def fake_analysis(text: str, matches=(), quotes=(), **fields) -> Analysis:
    art = Article(id="t", text=text, **fields)
    return Analysis(art, (), tuple(matches), tuple(quotes), {}, len(text.split()), None, {})


HOSTILE = (
    'Officials said "<script>alert(1)</script>" was a disaster. '
    "<img src=x onerror=alert('x')> Critics slammed the \"reckless\" plan' onmouseover='alert(2)' "
    "&amp;lt; &#x3C;script&#x3E; &bogus; &#0; <a href=\"javascript:alert(3)\">click</a> --> <!-- x"
)


def test_hostile_article_text_and_metadata_are_escaped():
    a = analyze(Article(id="x", text=HOSTILE, outlet='"><script>alert(4)</script>',
                        title="<img src=x onerror=alert(5)>", date="2020' onload='alert(6)"))
    assert a.matches and a.quotes  # the hostile text is still analyzed normally
    out = article_html(a, lexicons=None)
    p = assert_nothing_executable(out)
    text = "".join(p.text)
    # what a reader sees is exactly the article text (and metadata), characters intact
    assert HOSTILE in text
    assert "<script>alert(4)</script>" in text and "<img src=x onerror=alert(5)>" in text
    assert "<script" not in out.lower() and "<img" not in out.lower()


def test_quote_characters_cannot_break_out_of_title_attributes():
    text = 'He said the "x" onclick="alert(1)" plan works.'
    q = Quote(20, 36, text[20:36], "direct",
              Speaker('He" onclick="alert(1)', 0, 2, "citizen", 'Bob" onfocus="x'),
              Cue("said", 3, 7, "say", 'neutral" onload="y'))
    m = Match(0, 2, "He", 'lex"><script>', 'cat" onclick="z', 1.0, False)
    out = article_html(fake_analysis(text, [m], [q]), lexicons=None)
    p = assert_nothing_executable(out)
    titles = [attrs["title"] for _, attrs in p.tags if "title" in attrs]
    assert any('speaker: Bob" onfocus="x (citizen)' in t for t in titles)
    assert any('lex"><script>: cat" onclick="z' in t for t in titles)


def test_overlapping_matches_and_quotes_nest_properly():
    text = "Critics said the radical left agenda is a dangerous disaster today."
    start = text.index("the")
    q = Quote(start, len(text) - 1, text[start:-1], "indirect",
              Speaker("Critics", 0, 7, "citizen"), Cue("said", 8, 12, "say", "neutral"))
    rl = text.index("radical left")
    dd = text.index("dangerous disaster")
    matches = [
        Match(rl, rl + 12, "radical left", "loaded_language", "ideological_label", 1.0, False),
        Match(rl + 8, rl + 19, "left agenda", "policy_frames", "political", 1.0, False),  # crosses
        Match(dd, dd + 18, "dangerous disaster", "persuasion", "appeal_to_fear", 1.0, False),
        Match(dd + 10, dd + 18, "disaster", "loaded_language", "exaggeration", 1.0, False),  # inside
        Match(dd, dd + 9, "dangerous", "loaded_language", "emotive_fear", 1.0, True),
    ]
    out = article_html(fake_analysis(text, matches, [q]), lexicons=None)
    p = parse(out)  # no crossing tags, everything closed
    assert text in "".join(p.text)
    marks = [attrs for tag, attrs in p.tags if tag == "mark"]
    # "left" is inside both ideological_label and political: the crossing pair is split in two
    titles = [m["title"] for m in marks]
    assert titles.count("policy_frames: political") == 2
    assert "loaded_language: emotive_fear (negated)" in titles
    quote_tags = [a for t, a in p.tags if a.get("class") == "fr-quote"]
    assert len(quote_tags) == 1 and "cue: said (neutral)" in quote_tags[0]["title"]
    assert "speaker: Critics (citizen)" in quote_tags[0]["title"]
    # legend lists each category present once
    legend = out[out.index("fr-legend"):out.index("fr-text")]
    for cat in ("ideological_label", "political", "appeal_to_fear", "exaggeration", "emotive_fear"):
        assert legend.count(cat) == 1
    assert "cue: neutral" in legend


def test_render_spans_crossing_and_identical_spans():
    out = render_spans("abcdef", [Span(0, 4, "b", ()), Span(2, 6, "i", ()), Span(2, 6, "u", ())])
    assert out == "<b>ab<i><u>cd</u></i></b><i><u>ef</u></i>"
    assert parse(out)
    assert render_spans("a<b", []) == "a&lt;b"
    # spans outside the text are ignored rather than producing broken markup
    assert render_spans("ab", [Span(1, 9, "b", ()), Span(2, 1, "i", ())]) == "ab"


def test_real_analysis_colours_loaded_terms_and_marks_quotes():
    text = ('Critics slammed the reckless plan. "It is a disaster," said Senator Jane Doe. '
            "Officials claimed the radical scheme would work.")
    a = analyze(text)
    out = article_html(a)
    p = parse(out)
    shown = {m.text for m in a.matches if m.lexicon in ("loaded_language", "persuasion", "epistemic")}
    assert shown
    mark_titles = [attrs["title"] for tag, attrs in p.tags if tag == "mark"]
    assert len(mark_titles) >= len(shown)
    assert all(t.split(":")[0] in ("loaded_language", "persuasion", "epistemic") for t in mark_titles)
    assert any(attrs.get("class") == "fr-quote" for _, attrs in p.tags)
    assert a._repr_html_() == out
    # only the chosen lexicons
    only = parse(article_html(a, lexicons=["reporting_verbs"], quotes=False))
    assert all(attrs["title"].startswith("reporting_verbs:") for t, attrs in only.tags if t == "mark")


def test_max_chars_cuts_text_and_spans_cleanly():
    text = "The reckless plan failed. " * 20
    a = analyze(text)
    out = article_html(a, max_chars=40)
    p = parse(out)
    assert "".join(p.text).endswith(html.unescape(" [&hellip;]"))
    assert text[40:80] not in "".join(p.text)


def test_error_analysis_renders_message():
    a = analyze(Article(id="bad", text="", error="could not read <file>"))
    out = article_html(a)
    assert_nothing_executable(out)
    assert "could not read &lt;file&gt;" in out


@pytest.mark.parametrize("payload", ["<script>x</script>", "\" onerror=\"x", "javascript:alert(1)",
                                     "&lt;script&gt;", "&#60;script&#62;", "<<script>script>"])
def test_payloads_in_every_field(payload):
    a = analyze(Article(id="p", text=f"Officials said {payload} was reckless.", outlet=payload,
                        title=payload, date=payload))
    p = assert_nothing_executable(article_html(a, lexicons=None))
    assert payload in "".join(p.text)


def test_the_lexicons_highlighted_by_default_come_from_the_sidecars() -> None:
    from framing.pipeline.display import DEFAULT_LEXICONS, display_lexicons

    assert set(display_lexicons()) == set(DEFAULT_LEXICONS)
    result = analyze("Critics slammed the reckless plan, officials said.")
    out = article_html(result)
    assert ">reckless</mark>" in out and "loaded_language: pejorative" in out  # "display": true
    assert "reporting_verbs:" not in out  # reporting verbs show through the quotes
    assert "reporting_verbs: emotive" in article_html(result, lexicons=None)
