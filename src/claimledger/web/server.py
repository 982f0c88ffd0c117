"""``claimledger serve``: the review desk on a real ASGI server (uvicorn).

The socket is bound here, before uvicorn starts, so that ``--port 0`` picks a free port and
the address printed on stderr is the one actually listening.

uvicorn's ``timeout_keep_alive`` only runs between requests: a connection that never
finishes its request head would stay open for ever, and nothing bounds the size of a head.
:func:`desk_protocol` adds both limits, and a cap on open connections, to uvicorn's own
HTTP protocol.
"""

from __future__ import annotations

import asyncio
import ipaddress
import math
import os
import re
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from claimledger.errors import UsageError
from claimledger.escapes import visible
from claimledger.settings import ledger_label, review_base_url, review_organisation
from claimledger.web.app import DeskConfig, create_app
from claimledger.web.guard import SECURITY_HEADERS

if TYPE_CHECKING:
    from uvicorn._types import ASGIReceiveCallable, ASGISendCallable, Scope

MIN_TOKEN = 16
# A request's head (request line and headers), and its body, must arrive within this many
# seconds of the connection opening or of the previous response; else the connection closes.
HEAD_TIMEOUT = 10.0
KEEP_ALIVE = 5  # seconds an idle connection stays open after a response
MAX_HEAD = 32 * 1024  # bytes of request line and headers (the address alone: 8 KiB)
# Open connections at once; one more is answered 503 and closed. A browser opens at most six
# to a server, so this is room for a newsroom, and far below the usual limit of 1024 files.
MAX_CONNECTIONS = 256
LINGER = 1.0  # seconds a refused connection is read from (and dropped) before it closes
# For tests: shorter limits without a public option.
HEAD_TIMEOUT_ENV = "CLAIMLEDGER_SERVE_HEAD_TIMEOUT"
MAX_CONNECTIONS_ENV = "CLAIMLEDGER_SERVE_MAX_CONNECTIONS"


def _busy_response() -> bytes:
    body = b"the desk has too many open connections; try again in a few seconds\n"
    head = [
        b"HTTP/1.1 503 Service Unavailable",
        b"content-type: text/plain; charset=utf-8",
        b"content-length: " + str(len(body)).encode(),
        b"connection: close",
        b"retry-after: 5",
        *(name + b": " + value for name, value in SECURITY_HEADERS),
    ]
    return b"\r\n".join(head) + b"\r\n\r\n" + body


_TOO_LARGE = f"the request's headers are larger than {MAX_HEAD} bytes; send fewer\n".encode()
_TOO_LARGE_HEADERS = [
    (b"content-type", b"text/plain; charset=utf-8"),
    (b"content-length", str(len(_TOO_LARGE)).encode()),
    (b"connection", b"close"),
    *SECURITY_HEADERS,
]


def _too_large_response() -> bytes:
    """431 on the wire, for a head that has not even ended."""
    head = [b"HTTP/1.1 431 Request Header Fields Too Large"]
    head += [name + b": " + value for name, value in _TOO_LARGE_HEADERS]
    return b"\r\n".join(head) + b"\r\n\r\n" + _TOO_LARGE


async def _head_too_large(
    scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable
) -> None:
    """431 as an app, for a whole head over the limit (the connection then closes)."""
    await send({"type": "http.response.start", "status": 431, "headers": _TOO_LARGE_HEADERS})
    await send({"type": "http.response.body", "body": _TOO_LARGE, "more_body": False})


def desk_protocol(
    head_timeout: float = HEAD_TIMEOUT, max_connections: int = MAX_CONNECTIONS
) -> type[HttpToolsProtocol]:
    """uvicorn's HTTP protocol (httptools) with a deadline on each request, a limit on the
    size of its head, and a cap on open connections.

    The deadline starts when the connection opens and again when a response is complete
    (when uvicorn's keep-alive wait starts). When it passes, the connection closes unless a
    request's head and body have arrived since: slow or never-finished requests
    ("slowloris") hold a connection for ``head_timeout`` seconds at most. A request the desk
    is still answering is never cut off.
    """
    busy = _busy_response()
    too_large = _too_large_response()

    class DeskProtocol(HttpToolsProtocol):
        _deadline: asyncio.TimerHandle | None = None
        _waiting_after: object = None  # the request before the one awaited
        _head_bytes = 0
        _refused = False

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            if len(self.connections) > max_connections:
                # Answer 503 and stop sending, but read (and drop) what the client sends for
                # a moment before closing: closing with its request unread would reset the
                # connection, and the client would never see the 503.
                self._refused = True
                transport.write(busy)
                if transport.can_write_eof():
                    transport.write_eof()
                self._deadline = self.loop.call_later(LINGER, transport.close)
                return
            self._await_request()

        def connection_lost(self, exc: Exception | None) -> None:
            self._cancel_deadline()
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            if self._refused:
                return
            waiting = self.cycle is self._waiting_after
            super().data_received(data)
            if waiting and self.cycle is self._waiting_after:  # still in the head
                self._head_bytes += len(data)
                if self._head_bytes > MAX_HEAD and not self.transport.is_closing():
                    self.transport.write(too_large)
                    self.transport.close()

        def on_headers_complete(self) -> None:
            size = len(self.url) + sum(len(k) + len(v) + 4 for k, v in self.headers)
            if size <= MAX_HEAD:
                super().on_headers_complete()
                return
            app, self.app = self.app, _head_too_large
            try:
                super().on_headers_complete()  # answers with _head_too_large
            finally:
                self.app = app

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if self.timeout_keep_alive_task is not None:  # idle: the next request may come
                self._await_request()

        def _await_request(self) -> None:
            self._cancel_deadline()
            self._waiting_after = self.cycle
            self._head_bytes = 0
            self._deadline = self.loop.call_later(head_timeout, self._deadline_passed)

        def _cancel_deadline(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _deadline_passed(self) -> None:
            self._deadline = None
            if self.transport is None or self.transport.is_closing():
                return
            cycle = self.cycle
            if cycle is self._waiting_after or (
                cycle is not None and cycle.more_body and not cycle.response_complete
            ):
                self.transport.close()  # head or body not there in time

    return DeskProtocol


def _env_number(name: str, default: float, low: float, high: float) -> float:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and low <= number <= high):
        raise UsageError(f"{name} must be a number from {low:g} to {high:g}, not {value[:40]!r}")
    return number


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    organisation: str | None = None,
    base_url: str | None = None,
    access_log: bool = False,
) -> None:
    import uvicorn

    token = token or os.environ.get("CLAIMLEDGER_TOKEN") or None
    loopback = is_loopback(host)
    if not loopback and token is None:
        raise UsageError(
            f"refusing to listen on {host} without --token: anyone who can reach this machine "
            "could read the ledger and record verdicts. Pass --token with a long random secret "
            "(or set CLAIMLEDGER_TOKEN), or keep the default --host 127.0.0.1"
        )
    if token is not None and not re.fullmatch(rf"[A-Za-z0-9._~+/=-]{{{MIN_TOKEN},}}", token):
        raise UsageError(
            f"--token must be at least {MIN_TOKEN} characters of letters, digits and ._~+/=- "
            "(it travels in a header, a cookie and a URL); "
            'make one with: python -c "import secrets; print(secrets.token_urlsafe(24))"'
        )
    if not 0 <= port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {port}")
    review_base_url(base_url)  # a bad --base-url or CLAIMLEDGER_BASE_URL stops before binding
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not left 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets
    # that say they are TCP, and with Nagle on every small response waits 40 ms for an ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise UsageError(
            f"cannot listen on {host}:{port} ({exc.strerror}); pick another --port "
            "(0 picks a free one) or stop what is using it"
        ) from None
    sock.listen(512)
    bound_port = sock.getsockname()[1]
    shown = f"[{host.strip('[]')}]" if family == socket.AF_INET6 else host
    url = f"http://{shown}:{bound_port}"
    config = DeskConfig(
        db=db,
        organisation=review_organisation(organisation),
        base_url=review_base_url(base_url, served=url),
        token=token,
        loopback_only=loopback,
    )
    app = create_app(config)
    protocol = desk_protocol(
        _env_number(HEAD_TIMEOUT_ENV, HEAD_TIMEOUT, 0.1, 3600),
        int(_env_number(MAX_CONNECTIONS_ENV, MAX_CONNECTIONS, 1, 100_000)),
    )
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            http=protocol,
            ws="none",  # the desk has no WebSocket routes
            log_level="warning",
            access_log=access_log,
            server_header=False,
            timeout_keep_alive=KEEP_ALIVE,
            # Not limit_concurrency: it answers 503 to every request once that many
            # connections are open, idle ones included, so a few hundred unfinished
            # requests would shut everyone out. The cap above refuses only the newcomers
            # beyond it, and the head timeout frees the slots held by slow clients.
            lifespan="off",
        )
    )
    print(
        f"claimledger: serving {visible(ledger_label(db))} at {url}/  (Ctrl-C stops)",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
