"""Constructed example articles: one invented event told by three invented outlets.

These texts were written for this project to show framing differences at a
glance (``framing analyze --example``). The town, the people and the outlets
are fictional; any resemblance to real reporting is unintended.
"""

from __future__ import annotations

from .article import Article

__all__ = ["example_articles"]

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
