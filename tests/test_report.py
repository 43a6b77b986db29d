"""framing.report and ``framing report``: one self-contained page, opened in headless Chromium."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

from framing import Article
from framing.cli import main
from framing.report import SECTION_IDS, build_report

HOSTILE_OUTLET = '<script>alert("o")</script>'

LEFT = [
    'Critics slammed the reckless, disastrous plan, activists claimed. "It is a catastrophe," '
    "said Maria Lopez, a nurse in Ohio. The radical scheme would devastate families, experts warned.",
    "Protesters alleged the brutal crackdown was a shameful attack on workers. Senator Jane Doe "
    'denied the charges. "This is outrageous," she said.',
]
RIGHT = [
    "Officials said the plan would start in May. The ministry said the budget was approved on "
    'Tuesday. "We expect steady growth," Finance Minister John Smith said.',
    "The council approved the measure on Monday, according to a statement. Police said two people "
    "were detained.",
]


def small_articles() -> list[Article]:
    arts = []
    for k in range(6):
        arts.append(Article(id=f"l{k}", text=LEFT[k % 2], outlet="Left Daily", title=f"<b>Left {k}</b>"))
        arts.append(Article(id=f"r{k}", text=RIGHT[k % 2], outlet="Right Post"))
        arts.append(Article(id=f"h{k}", text=LEFT[(k + 1) % 2] + " " + RIGHT[k % 2], outlet=HOSTILE_OUTLET))
    return arts


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    return p


def assert_self_contained(page: str) -> None:
    p = parse(page)
    assert not [t for t, _ in p.tags if t in ("script", "iframe", "object", "embed", "link", "base")]
    for tag, attrs in p.tags:
        for k, v in attrs.items():
            assert not k.startswith("on"), (tag, k)
            if k in ("src", "href", "srcset", "action", "poster", "data"):
                assert (v or "").startswith("data:image/png;base64,"), (tag, k, (v or "")[:40])
    for css in re.findall(r"<style>(.*?)</style>", page, flags=re.S):
        assert "url(" not in css and "@import" not in css
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, flags=re.I)


@pytest.fixture(scope="module")
def small_page() -> str:
    return build_report(small_articles(), n_resamples=200, n_permutations=200, min_articles=3)


def test_report_sections_tables_and_images(small_page):
    page = small_page
    assert page.startswith("<!DOCTYPE html>")
    ids = re.findall(r'<section id="([a-z]+)">', page)
    assert ids == list(SECTION_IDS)
    p = parse(page)
    images = [a for t, a in p.tags if t == "img"]
    # intervals, three profile heatmaps, log-odds words, sources, stances, actor tone
    assert len(images) == 8
    assert all(a["src"].startswith("data:image/png;base64,iVBOR") for a in images)  # PNG magic
    assert "Left Daily" in page and "Right Post" in page
    assert len(re.findall(r'class="example"', page)) == 3
    assert "fr-quote" in page and "fr-hit" in page
    assert_self_contained(page)


def test_report_escapes_outlet_names_and_titles(small_page):
    assert HOSTILE_OUTLET not in small_page
    assert html_escaped(HOSTILE_OUTLET) in small_page
    assert "&lt;b&gt;Left" in small_page


def html_escaped(s: str) -> str:
    import html

    return html.escape(s, quote=True)


def test_report_rejects_bad_input():
    with pytest.raises(TypeError, match="many articles"):
        build_report(Article(id="a", text="x"))
    with pytest.raises(ValueError, match="no group"):
        build_report(small_articles()[:3], min_articles=5)


def test_cli_report_from_jsonl(tmp_path, capsys, monkeypatch, small_page):
    """The command reads the records, groups by a record key and writes the page atomically.

    The page itself is the real one of the ``small_page`` fixture (building it again would only
    repeat ``test_report_sections_tables_and_images``); the full command runs on AllSides below.
    """
    import framing.report

    calls = []

    def fake_build(articles, **kwargs):
        calls.append((articles, kwargs))
        return small_page

    monkeypatch.setattr(framing.report, "build_report", fake_build)
    src = tmp_path / "articles.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for a in small_articles():
            fh.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet, "title": a.title,
                                 "leaning": "left" if a.outlet == "Left Daily" else "other"}) + "\n")
    out = tmp_path / "report.html"
    args = ["report", str(src), "--by", "leaning", "--out", str(out), "--min-articles", "3",
            "--examples", "1", "--seed", "7"]
    assert main(args) == 0
    (articles, kwargs), = calls
    assert [a.id for a in articles] == [a.id for a in small_articles()]
    assert articles[0].meta["leaning"] == "left"
    assert kwargs["by"] == "leaning" and kwargs["min_articles"] == 3 and kwargs["n_examples"] == 1
    assert kwargs["random_state"] == 7
    assert out.read_text(encoding="utf-8") == small_page
    assert "report on 18 articles" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "missing.jsonl"), "--out", str(out)]) == 2
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert main(["report", str(empty), "--out", str(out)]) == 2


def test_report_groups_by_a_record_key():
    from framing.report import group_labels

    arts = [Article("a", "x", outlet="A", meta={"leaning": "left"}), Article("b", "y", outlet="B")]
    assert group_labels(arts, "leaning") == ["left", None]
    assert group_labels(arts, "outlet") == ["A", "B"]


# --- headless Chromium ---------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no headless browser: install Debian's 'chromium' package (see .ci/run)")


def open_in_chromium(page: Path, tmp: Path, *action: str) -> tuple[str, list[str]]:
    """Open ``page``; returns stdout and the http(s) URLs the page itself requested."""
    net = tmp / f"net-{page.stem}.json"
    profile = tmp / f"profile-{page.stem}"
    cmd = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--log-net-log={net}",
           "--window-size=1280,2000", *action, page.resolve().as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    log = json.loads(net.read_text(encoding="utf-8"))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    requested = []
    for event in log["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) != "URL_REQUEST_START_JOB":
            continue
        url = params.get("url")
        if not url:
            continue
        # the browser's own background requests carry no page origin
        if params.get("initiator") == "not an origin":
            continue
        if not url.startswith(("file:", "data:", "about:", "chrome:", "blob:")):
            requested.append(url)
    return done.stdout, requested


def test_network_log_catches_page_requests(tmp_path):
    """Control: the detector does see a page that loads an image and a stylesheet."""
    page = tmp_path / "control.html"
    page.write_text('<!DOCTYPE html><html><body><section id="x">x</section>'
                    '<img src="http://127.0.0.1:9/x.png"><link rel="stylesheet" href="https://127.0.0.1:9/a.css">'
                    "</body></html>", encoding="utf-8")
    _, requested = open_in_chromium(page, tmp_path, "--dump-dom")
    assert sorted(requested) == ["http://127.0.0.1:9/x.png", "https://127.0.0.1:9/a.css"]


def test_small_report_renders_in_chromium_without_requests(small_page, tmp_path):
    page = tmp_path / "small.html"
    page.write_text(small_page, encoding="utf-8")
    dom, requested = open_in_chromium(page, tmp_path, "--dump-dom")
    assert requested == []
    for sid in SECTION_IDS:
        assert f'<section id="{sid}">' in dom
    assert "<script" not in dom.replace("&lt;script", "")  # the outlet name stays text


def test_allsides_report_in_chromium(data_home, tmp_path):
    """``framing report`` on 120 AllSides articles (8 outlets): renders, non-blank, no network."""
    import numpy as np
    from matplotlib import image

    src = data_home / "allsides" / "articles.jsonl.gz"
    if not src.is_file():
        pytest.skip(f"{src} not found")
    counts: dict[str, int] = {}
    rows = []
    top = {"Washington Times", "CNN (Web News)", "Politico", "NPR Online News", "Fox Online News",
           "USA TODAY", "New York Times - News", "The Hill"}
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            outlet = rec.get("source")
            if outlet in top and counts.get(outlet, 0) < 15:
                counts[outlet] = counts.get(outlet, 0) + 1
                rows.append({"id": str(rec["ID"]), "text": rec["content_original"], "outlet": outlet,
                             "title": rec.get("title")})
            if len(rows) >= 120:
                break
    path = tmp_path / "allsides.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(path), "--by", "outlet", "--out", str(out)]) == 0
    html_text = out.read_text(encoding="utf-8")
    assert_self_contained(html_text)
    assert len(re.findall(r"<tr><td>", html_text.split('id="overview"')[1].split("</section>")[0])) >= 6
    shot = tmp_path / "shot.png"
    _, requested = open_in_chromium(out, tmp_path, f"--screenshot={shot}")
    assert requested == []
    pixels = image.imread(str(shot))[..., :3]
    assert pixels.shape[0] >= 1000 and pixels.shape[1] >= 1000
    not_white = (pixels < 0.95).any(axis=-1).mean()
    assert not_white > 0.03  # text, tables and plots, not a blank page
    assert np.unique(pixels.reshape(-1, 3), axis=0).shape[0] > 50  # coloured plots


def test_cli_compare_prints_tables_and_writes_csv(tmp_path, capsys):
    import pandas as pd

    src = tmp_path / "articles.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for a in small_articles():
            fh.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet}) + "\n")
    stem = tmp_path / "cmp"
    args = ["compare", str(src), "--feature", "loaded_language__total", "--min-articles", "3",
            "--out", str(stem)]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "| Left Daily | loaded_language__total | 6 |" in printed
    summary = pd.read_csv(f"{stem}.summary.csv")
    assert len(summary) == 3 and {"ci_low", "ci_high"} <= set(summary.columns)
    tests = pd.read_csv(f"{stem}.tests.csv")
    assert len(tests) == 3  # three pairs of outlets
    left_right = tests[(tests["group_a"].isin(["Left Daily", "Right Post"]))
                       & (tests["group_b"].isin(["Left Daily", "Right Post"]))].iloc[0]
    assert left_right["p_value"] < 0.01
    assert main(["compare", str(src), "--feature", "nope__x", "--min-articles", "3"]) == 2
