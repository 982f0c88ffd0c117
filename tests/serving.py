"""Starting and stopping the real ``claimledger serve`` in a child process, and plain HTTP
requests to it with the standard library."""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from tests.conftest import ROOT

_URL = re.compile(r"at (http://\S+?)/ ")


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Server:
    db: Path | str  # a ledger file or a postgresql:// URL
    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    url: str = ""
    proc: subprocess.Popen[str] | None = None
    log: list[str] = field(default_factory=list)

    def start(self) -> Server:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "claimledger",
                "serve",
                "--db",
                str(self.db),
                "--port",
                "0",
                *self.args,
            ],
            cwd=ROOT,
            env={**os.environ, **self.env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stderr is not None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                raise AssertionError(f"server exited: {''.join(self.log)}")
            self.log.append(line)
            m = _URL.search(line)
            if m:
                self.url = m.group(1)
                break
        else:
            raise AssertionError("server did not say where it listens")
        for _ in range(100):  # the socket listens before uvicorn serves: wait for a reply
            try:
                self.get("/static/app.css")
                return self
            except OSError:
                time.sleep(0.1)
        raise AssertionError("server does not answer")

    def stop(self) -> str:
        assert self.proc is not None
        self.proc.terminate()
        _, err = self.proc.communicate(timeout=30)
        self.log.append(err)
        return "".join(self.log)

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        conn = http.client.HTTPConnection(self.host, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()

    def get(self, path: str, headers: dict[str, str] | None = None) -> Reply:
        return self.request("GET", path, headers=headers)

    def get_json(self, path: str) -> Any:
        r = self.get(path)
        assert r.status == 200, (path, r.status, r.body[:500])
        return r.json()

    def review(
        self, claim_id: str, verdict: str, reviewer: str, note: str = "", form_page: str = ""
    ) -> Reply:
        """Post the review form the way a browser does: cookie and token from the claim's
        page (or ``form_page``)."""
        page = self.get(form_page or f"/claims/{claim_id}")
        cookie = page.headers["set-cookie"].split(";")[0]
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
        assert token, page.text[:300]
        form = urlencode(
            {"csrf": token.group(1), "verdict": verdict, "reviewer": reviewer, "note": note}
        )
        return self.request(
            "POST",
            f"/claims/{claim_id}/reviews",
            form.encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "Origin": self.url,
            },
        )


def raw_exchange(server: Server, data: bytes, timeout: float = 30) -> bytes:
    """Send ``data`` on a fresh socket exactly as given (bytes no HTTP client would send)
    and read everything the server answers until it closes the connection (so send
    ``Connection: close``; a half-close would make uvicorn drop the answer)."""
    import socket

    host, port = server.host.rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(data)
        chunks: list[bytes] = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)
