"""Constructed example articles: one invented event told by three invented outlets.

These texts were written for this project to show framing differences at a
glance (``framing analyze --example``). The town, the people and the outlets
are fictional; any resemblance to real reporting is unintended.
"""

from __future__ import annotations

import html
import re

from .article import Article

__all__ = ["example_articles", "example_pages"]

_EXAMPLES = [
    {
        "id": "example-wire",
        "outlet": "Harbor Wire",
        "title": "City council approves plan to close Eastside shelter",
        "text": (
            "The Millbrook city council voted 6-3 on Tuesday to close the Eastside homeless "
            "shelter by March and move its 120 residents to two smaller sites.\n\n"
            "\u201cThis plan gives people more stable housing and more privacy,\u201d said Mayor "
            "Dana Ortiz, who proposed the change. She told reporters the new sites would cost "
            "about $2 million a year to run.\n\n"
            "Shelter director Paul Nguyen said the timeline was tight. \u201cWe need to be sure "
            "nobody ends up on the street during the move,\u201d he said.\n\n"
            "According to a city report, the Eastside building needs $4 million in repairs. "
            "Professor Lena Fischer, an economist at Millbrook University, noted that smaller "
            "shelters may reduce costs over time."
        ),
    },
    {
        "id": "example-liberty",
        "outlet": "Liberty Ledger",
        "title": "Council finally acts on crime-ridden Eastside shelter",
        "text": (
            "After years of chaos, the Millbrook city council finally moved on Tuesday to shut "
            "down the crime-ridden Eastside shelter, a magnet for drugs and disorder that "
            "residents say has terrorized the neighborhood.\n\n"
            "\u201cFamilies deserve to feel safe in their own streets,\u201d Mayor Dana Ortiz said. "
            "Local business owners have complained for years about the shocking decline of "
            "the area.\n\n"
            "Radical activists slammed the vote, claiming the move would hurt residents. "
            "Shelter director Paul Nguyen alleged that the city had ignored his warnings, "
            "but he refused to say what he would do instead.\n\n"
            "Taxpayers have already poured millions into the failed facility, and the "
            "building needs $4 million in repairs, according to a city report."
        ),
    },
    {
        "id": "example-union",
        "outlet": "Union Voice",
        "title": "Council votes to evict 120 homeless people as winter nears",
        "text": (
            "The Millbrook city council voted Tuesday to throw 120 of the city\u2019s most "
            "vulnerable people out of the Eastside shelter, a cruel decision that advocates "
            "warn will push families onto the streets.\n\n"
            "\u201cThis is a betrayal of everyone who depends on us,\u201d shelter director Paul "
            "Nguyen said. He explained that the two new sites have room for fewer than 100 people.\n\n"
            "Mayor Dana Ortiz claimed the plan would give residents \u201cmore privacy,\u201d but "
            "she admitted that no new beds have been built yet. Housing advocates denounced the "
            "vote as an attack on the poor.\n\n"
            "The city says repairs would cost $4 million, a fraction of the corporate tax "
            "breaks the council approved last year."
        ),
    },
]


def example_articles() -> list[Article]:
    """The three constructed example articles.

    Examples
    --------
    >>> [a.outlet for a in example_articles()][0]
    'Harbor Wire'
    """
    return [Article(**record, meta={"constructed_example": True}) for record in _EXAMPLES]


_DATES = {"example-wire": "2026-01-13", "example-liberty": "2026-01-14", "example-union": "2026-01-14"}
_AUTHORS = {"example-wire": "Sam Reyes", "example-liberty": "Chris Hale", "example-union": "Robin Abara"}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def example_pages() -> dict[str, str]:
    """The example articles as saved news pages, by file name.

    Each page has what a page saved from a browser has around the article:
    a script, navigation, a newsletter box, related links and a footer, with
    the title, author, date and site name in its metadata. Reading the
    pages (``framing analyze pages/``) gives the same text, quotes and
    lexicon hits as :func:`example_articles`: the page furniture is dropped.

    Examples
    --------
    >>> pages = example_pages()
    >>> sorted(pages)
    ['harbor-wire.html', 'liberty-ledger.html', 'union-voice.html']
    >>> '<meta property="og:site_name" content="Harbor Wire">' in pages["harbor-wire.html"]
    True
    """
    pages = {}
    for record in _EXAMPLES:
        outlet, title = html.escape(record["outlet"]), html.escape(record["title"])
        body = "\n".join(f"      <p>{html.escape(p, quote=False)}</p>" for p in record["text"].split("\n\n"))
        date, author = _DATES[record["id"]], _AUTHORS[record["id"]]
        pages[_slug(record["outlet"]) + ".html"] = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | {outlet}</title>
  <meta property="og:site_name" content="{outlet}">
  <meta property="og:title" content="{title}">
  <meta name="author" content="{author}">
  <meta property="article:published_time" content="{date}T09:30:00Z">
  <script>window.dataLayer = [{{"page": "article", "section": "local news"}}];</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a></nav>
  <article>
    <h1>{title}</h1>
    <p class="byline">By {author} | {date}</p>
    <div class="article-body">
{body}
    </div>
  </article>
  <aside class="newsletter">Sign up for our daily briefing. By signing up, you agree to our Terms of Use.</aside>
  <aside class="related"><h2>Most read</h2><ul><li><a href="/a">Storm closes schools</a></li><li><a href="/b">Photos: the harbor festival</a></li></ul></aside>
  <footer>&copy; 2026 {outlet}. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body>
</html>
"""
    return pages
