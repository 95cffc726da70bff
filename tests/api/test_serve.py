"""``koreawatch serve`` on a store holding the seed article: the issue's acceptance check
(events answered, ``from=not-a-date`` refused in the error shape, an unauthenticated
POST refused)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from tests.api.test_auth import _cli

# cli.py registers cli_api once the lead wires it; until then the child registers it.
_SERVE = ("from koreawatch import cli, cli_api\n"
          "if not any(c.name == 'serve' for c in cli.app.registered_commands):\n"
          "    cli_api.register(cli.app)\n"
          "cli.main()\n")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.model
@pytest.mark.shared
def test_serve_answers_seed_events_and_refuses_bad_requests(shared: Path, tmp_path: Path
                                                            ) -> None:
    url = f"sqlite:///{tmp_path / 'seed.db'}"
    ingested = CliRunner().invoke(_cli(), ["--db", url, "ingest",
                                           str(shared / "seed" / "kim-afraid-border.txt")])
    assert ingested.exit_code == 0, ingested.output
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", _SERVE, "--db", url, "serve",
                             "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                events = httpx.get(f"{base}/api/events", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert events.status_code == 200
        items = events.json()["items"]
        assert items and all(e["article_id"] == items[0]["article_id"] for e in items)
        bad = httpx.get(f"{base}/api/events", params={"from": "not-a-date"})
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid"
        post = httpx.post(f"{base}/api/articles", json={"text": "x"})
        assert post.status_code == 401 and post.json()["error"]["code"] == "unauthorized"
    finally:
        proc.terminate()
        proc.wait(30)
