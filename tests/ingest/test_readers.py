"""Readers of each input form: plain text, JSON, HTML, feeds, raw bytes."""

from __future__ import annotations

import codecs
import json
from datetime import date
from pathlib import Path

import pytest

from koreawatch.errors import BadInputError
from koreawatch.ingest.decode import decode_bytes, read_file_bytes
from koreawatch.ingest.feeds import read_feed
from koreawatch.ingest.html import html_fragment_to_text, parse_html
from koreawatch.ingest.jsonfile import read_json, read_jsonl
from koreawatch.ingest.plaintext import parse_dateline, parse_plain_article, split_tags

DEMO = Path(__file__).resolve().parents[2] / "demo"


@pytest.mark.parametrize(
    ("value", "tags"),
    [
        ("North KoreaChinaMilitaryKim Jong UnCoronavirus",
         ("North Korea", "China", "Military", "Kim Jong Un", "Coronavirus")),
        ("border, smuggling; Hyesan", ("border", "smuggling", "Hyesan")),
        ("\xa0", ()),
    ],
)
def test_split_tags_run_together_or_separated(value: str, tags: tuple[str, ...]) -> None:
    assert split_tags(value) == tags


def test_parse_dateline_reads_labelled_fields() -> None:
    fields = parse_dateline("March 15, 2021 Topic:\xa0North Korea Blog Brand:\xa0Korea Watch "
                            "Tags:\xa0North KoreaChina")
    assert fields is not None
    assert fields["date"] == "March 15, 2021"
    assert fields["topic"].strip() == "North Korea"
    assert fields["brand"].strip() == "Korea Watch"


def test_parse_plain_article_drops_title_repeat_and_keeps_body_verbatim() -> None:
    raw = (DEMO / "hyesan-border.txt").read_text(encoding="utf-8")
    article = parse_plain_article(raw, "demo")
    assert article.title == "Illustrative: Ryanggang Tightens Border Watch After Smuggling Arrests"
    assert article.published == date(2021, 2, 20)
    assert article.topic == "North Korea"
    assert article.brand == "Korea Watch Demo"
    assert article.tags == ("Illustrative", "North Korea", "Border", "Smuggling")
    assert article.text.startswith("[Illustrative demo article")
    assert raw.endswith(article.text)  # a slice of the input, offsets intact


def test_parse_plain_article_without_dateline_is_flagged() -> None:
    article = parse_plain_article("A headline\n\nSome body text about the border.\n", "x")
    assert article.title == "A headline"
    assert article.published is None
    assert article.text == "Some body text about the border.\n"
    assert article.flags == ("no publication date",)


@pytest.mark.parametrize(
    ("raw", "flag"),
    [
        ('{"text": "body", "published": "2021-02-30"}', "impossible or unreadable"),
        ('{"text": "body", "published": "1850-01-01"}', "before 1900"),
        ('{"text": "body", "published": "2999-01-01"}', "in the future"),
        ('{"text": "body"}', "no publication date"),
    ],
)
def test_read_json_bad_dates_are_flagged_not_fatal(raw: str, flag: str) -> None:
    (item,) = list(read_json(raw, "f.json"))
    assert item.article is not None and item.article.published is None
    assert flag in item.article.flags[0]


def test_read_json_keeps_id_and_extra_keys() -> None:
    record = {"id": "nk-9", "title": "T", "published": "2021-03-15", "outlet": "O",
              "url": None, "text": "body", "provenance": {"repo": "r"}}
    (item,) = list(read_json(json.dumps(record), "f.json"))
    assert item.source == "f.json#nk-9"
    assert item.article is not None
    assert item.article.input_id == "nk-9"
    assert item.article.extra == {"provenance": {"repo": "r"}}


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ('{"title": "no text"}', "has no 'text'"),
        ('{"text": 5}', "'text' is a int"),
        ('{"text": "   "}', "'text' is empty"),
        ("[1]", "is a int, not an object"),
    ],
)
def test_read_json_bad_record_is_one_error_item(raw: str, reason: str) -> None:
    (item,) = list(read_json(raw, "f.json"))
    assert item.article is None
    assert item.error is not None and reason in item.error


def test_read_json_malformed_document_raises() -> None:
    with pytest.raises(BadInputError, match="malformed JSON"):
        list(read_json('{"text": "unterminated', "f.json"))


def test_read_jsonl_bad_line_does_not_lose_the_others() -> None:
    raw = '{"id": "a", "text": "one"}\n{broken\n\n{"id": "b", "text": "two"}\n'
    items = list(read_jsonl(raw.splitlines(), "f.jsonl"))
    assert [i.article.input_id if i.article else None for i in items] == ["a", None, "b"]
    assert items[1].error is not None and "line 2" in items[1].error


def test_parse_html_reads_text_and_metadata() -> None:
    html = (DEMO / "sinuiju-trade.html").read_text(encoding="utf-8")
    article = parse_html(html, "page.html")
    assert article.published == date(2021, 3, 28)
    assert article.author == "Demo Desk Reporter"
    assert article.outlet == "Korea Watch Demo Desk (illustrative)"
    assert article.url == "https://demo.koreawatch.invalid/desk/sinuiju-traders"
    assert "Sinuiju" in (article.title or "")
    assert "sentenced to labour camps" in article.text
    assert "Home | Desk" not in article.text  # navigation is not main text


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<<<>>>", "<html><p></p>"])
def test_parse_html_without_text_raises(html: str) -> None:
    with pytest.raises(BadInputError, match="no article text|malformed HTML"):
        parse_html(html, "x.html")


def test_html_fragment_to_text_separates_blocks() -> None:
    assert html_fragment_to_text("<p>One <b>bold</b></p><p>Two</p>") == "One bold\n\nTwo"


def test_read_feed_entries_become_articles() -> None:
    items = list(read_feed((DEMO / "feed.xml").read_bytes(), "feed.xml"))
    assert len(items) == 2
    first = items[0].article
    assert first is not None
    assert first.title == "Illustrative: Rason port reopens to Russian cargo"
    assert first.published == date(2021, 4, 12)
    assert first.outlet == "Korea Watch Demo Feed (illustrative)"
    assert first.url == "https://demo.koreawatch.invalid/feed/rason-port"
    assert first.tags == ("Illustrative",)
    assert "Vladivostok" in first.text and "<p>" not in first.text


SUMMARY_FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Only a summary</title><link>LINK</link><description>Short summary.</description>
</item></channel></rss>"""


def test_read_feed_summary_only_entry_without_fetcher_is_flagged() -> None:
    data = SUMMARY_FEED.replace(b"LINK", b"https://demo.koreawatch.invalid/a")
    (item,) = list(read_feed(data, "f.xml", fetch_page=None))
    assert item.article is not None
    assert item.article.text == "Short summary."
    assert any("summary only" in flag for flag in item.article.flags)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<rss><channel><title>x</title></channel></rss>", "feed has no entries"),
        (b"<rss><channel><title>x</ti", "malformed feed"),
    ],
)
def test_read_feed_without_entries_raises_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(BadInputError, match=reason):
        list(read_feed(data, "f.xml"))


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Grenzübergang geschlossen".encode(), "Grenzübergang geschlossen"),
        (codecs.BOM_UTF16_LE + "국경 봉쇄".encode("utf-16-le"), "국경 봉쇄"),
        ("Dandong café, naïve résumé of the day’s trade".encode("cp1252"),
         "Dandong café, naïve résumé of the day’s trade"),
    ],
)
def test_decode_bytes_detects_encoding(data: bytes, text: str) -> None:
    decoded, _encoding = decode_bytes(data)
    assert decoded.lstrip("\ufeff") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b" \n\t", "empty"), (bytes(range(256)) * 4, "binary"),
     (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_decode_bytes_refuses_non_text(data: bytes, reason: str) -> None:
    with pytest.raises(BadInputError, match=reason):
        decode_bytes(data)


def test_read_file_bytes_refuses_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(BadInputError, match="larger than the size limit of 1,000"):
        read_file_bytes(path, 1000)
