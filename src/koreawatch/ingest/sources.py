"""From SOURCE arguments to items: files, folders, URLs and standard input.

A folder is walked recursively in sorted order (hidden files and folders are left
out). A file's extension picks its reader; a file with an extension no reader
takes is skipped with a reason. Standard input, URLs and files without a known
extension are recognised by their content (and, for URLs, their content type).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from koreawatch.errors import BadInputError, FetchError, KoreaWatchError
from koreawatch.ingest.decode import decode_bytes, read_file_bytes, read_limited
from koreawatch.ingest.feeds import read_feed
from koreawatch.ingest.fetch import Fetcher, Response
from koreawatch.ingest.html import parse_html
from koreawatch.ingest.items import Item
from koreawatch.ingest.jsonfile import read_json, read_jsonl
from koreawatch.ingest.plaintext import parse_plain_article
from koreawatch.models import Article
from koreawatch.settings import Settings

KINDS = {
    ".txt": "text", ".text": "text",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
}
_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "application/json": "json", "application/x-ndjson": "jsonl", "text/plain": "text",
}
SUPPORTED = " ".join(sorted(KINDS))


@dataclass(frozen=True)
class Source:
    """One thing to read: ``kind`` is ``file``, ``url``, ``stdin`` or ``unsupported``."""

    kind: str
    ref: str


def expand_sources(args: list[str]) -> list[Source]:
    """Expand SOURCE arguments (folders recursively) into a flat, ordered list."""
    out: list[Source] = []
    for arg in args:
        if arg == "-":
            out.append(Source("stdin", "-"))
        elif arg.startswith(("http://", "https://")):
            out.append(Source("url", arg))
        elif os.path.isdir(arg):
            out.extend(_walk(Path(arg)))
        else:
            out.append(Source("file", arg))
    return out


def _walk(folder: Path) -> Iterator[Source]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            suffix = path.suffix.lower()
            yield Source("file" if suffix in KINDS or not suffix else "unsupported", str(path))


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes]:
    """Lines of a binary file, never holding more than ``limit + 1`` bytes of one line:
    the head of an over-long line is yielded (so that it is reported) and the rest skipped."""
    while line := handle.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield line


def sniff_kind(data: bytes) -> str:
    """Guess a document's kind from its first bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith(b"<"):
        feed_marks = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")
        return "feed" if any(mark in head for mark in feed_marks) else "html"
    return "text"


class SourceReader:
    """Reads sources into items, with one Fetcher for every URL of the run."""

    def __init__(self, settings: Settings, fetcher: Fetcher | None = None):
        self.settings = settings
        self._fetcher = fetcher

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def read(self, source: Source) -> Iterator[Item]:
        """Items of one source; a source that fails whole yields one item with its error."""
        try:
            yield from self._read(source)
        except KoreaWatchError as exc:
            yield Item(source.ref, error=str(exc))
        except OSError as exc:
            yield Item(source.ref, error=f"cannot read: {exc.strerror or exc}")

    def _read(self, source: Source) -> Iterator[Item]:
        limit = self.settings.max_input_bytes
        if source.kind == "unsupported":
            suffix = Path(source.ref).suffix
            raise BadInputError(f"unsupported file type {suffix!r} (reads {SUPPORTED})")
        if source.kind == "stdin":
            data = read_limited(sys.stdin.buffer, limit, "standard input")
            yield from self.read_document(data, sniff_kind(data), "-")
        elif source.kind == "url":
            resp = self.fetch(source.ref)
            yield from self.read_document(
                resp.content, self._kind_of_response(resp), source.ref, url=resp.url,
                charset=resp.charset,
            )
        else:
            path = Path(source.ref)
            if not path.exists():
                raise BadInputError("no such file")
            if KINDS.get(path.suffix.lower()) == "jsonl":
                yield from self._read_jsonl_file(path)
                return
            data = read_file_bytes(path, limit)
            kind = KINDS.get(path.suffix.lower()) or sniff_kind(data)
            yield from self.read_document(data, kind, source.ref)

    def _read_jsonl_file(self, path: Path) -> Iterator[Item]:
        """Stream a JSON Lines file; each line, not the file, must fit the size limit."""
        limit = self.settings.max_input_bytes
        with path.open("rb") as handle:
            yield from read_jsonl(_bounded_lines(handle, limit), str(path), limit)

    def fetch(self, url: str) -> Response:
        if self.settings.offline:
            raise FetchError(f"{url}: not fetched, the network is off (offline setting)")
        return self.fetcher.fetch(url)

    @staticmethod
    def _kind_of_response(resp: Response) -> str:
        kind = _CONTENT_TYPES.get(resp.content_type)
        if kind in (None, "feed", "text"):  # servers label feeds and pages loosely
            sniffed = sniff_kind(resp.content)
            kind = sniffed if kind is None or sniffed != "text" else kind
        return kind

    def fetch_page(self, url: str) -> Article:
        """Fetch and read one HTML page (for feed entries that carry only a summary)."""
        resp = self.fetch(url)
        html, _ = decode_bytes(resp.content, resp.charset)
        return parse_html(html, url, url=resp.url)

    def read_document(
        self, data: bytes, kind: str, source: str, url: str | None = None,
        charset: str | None = None,
    ) -> Iterator[Item]:
        """Items of one document of a known kind."""
        if kind == "feed":
            if not data.strip():
                raise BadInputError("empty input")
            fetch = self.fetch_page if self.settings.fetch_linked_pages else None
            yield from read_feed(data, source, fetch_page=fetch)
            return
        text, _encoding = decode_bytes(data, charset)
        if not text.strip():
            raise BadInputError("empty input")
        if kind == "json":
            yield from read_json(text, source)
        elif kind == "jsonl":
            yield from read_jsonl(text.splitlines(), source)
        elif kind == "html":
            yield Item(source, parse_html(text, source, url=url))
        else:
            article = parse_plain_article(text, source)
            if url:
                from dataclasses import replace

                article = replace(article, url=url)
            yield Item(source, article)
