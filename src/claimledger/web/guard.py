"""What every request passes before it reaches a page: the Host check, the access token, the
size limits, and the security headers on every response.

A plain ASGI middleware, so that it also covers requests no route matches and errors raised
before a route runs.
"""

from __future__ import annotations

import hmac
import json
import re
import sys
import traceback
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Headers = Sequence[tuple[bytes, bytes]]

TOKEN_COOKIE = "claimledger_token"
MAX_BODY = 64 * 1024  # a review form is a few KiB; nothing else is posted
MAX_TARGET = 8 * 1024  # path and query string
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


def same_secret(given: str | bytes, expected: str | bytes) -> bool:
    """Whether ``given`` is the secret ``expected``, in constant time. Any text is a fair
    guess: ``hmac.compare_digest`` raises TypeError on str that is not ASCII, so both are
    compared as bytes."""

    def raw(value: str | bytes) -> bytes:
        return value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")

    return hmac.compare_digest(raw(given), raw(expected))


def same_site_path(path: str, query: str = "") -> str:
    """A Location that can only lead to this site: the path percent-encoded (so no
    backslash, space or control character survives), with one leading slash
    ("//evil.example/" is another site to a browser)."""
    quoted = quote(path, safe="/:@!$&'()*+,;=-._~")
    location = "/" + quoted.lstrip("/")
    return location + (f"?{query}" if query else "")


_CONTENT_LENGTH = re.compile(r"[0-9]{1,18}")


def host_of(header: str) -> str:
    """The host name of a Host header value, without port or IPv6 brackets."""
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """Refuses what the desk must not serve and adds the security headers.

    ``allowed_hosts`` (None: any) defends a loopback server against DNS rebinding: a page on
    another site that resolves its name to 127.0.0.1 still sends its own name as Host.
    With a ``token``, every request must carry it as ``Authorization: Bearer``, in the
    ``claimledger_token`` cookie, or once as ``?token=`` (answered with that cookie and a
    redirect to the same URL without it, so it does not stay in the address bar).
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        allowed_hosts: frozenset[str] | None,
        max_body: int = MAX_BODY,
    ) -> None:
        self.app = app
        self.token = token
        self.allowed_hosts = allowed_hosts
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":  # the desk has none, and they skip the checks below
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self._guard(scope, receive, tracking_send)
        except Exception as exc:  # a bug in the guard or past the app's own handlers
            if started:  # answered (the app's error page); uvicorn logs it, as before
                raise
            print(f"claimledger serve: error on {scope.get('method')} request:", file=sys.stderr)
            traceback.print_exception(exc, file=sys.stderr)
            message = "the desk hit an internal error; the log on stderr has details"
            as_json = str(scope.get("path", "")).endswith(".json")
            await _plain(send, 500, message, as_json, ())

    async def _guard(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path = scope.get("path", "")
        as_json = path.endswith(".json")

        async def refuse(status: int, message: str, extra: Headers = ()) -> None:
            await _plain(send, status, message, as_json, extra)

        if len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") > MAX_TARGET:
            await refuse(414, f"the address is longer than {MAX_TARGET} bytes; shorten the query")
            return
        if self.allowed_hosts is not None:
            host = host_of(headers.get("host", ""))
            if host not in self.allowed_hosts:
                await refuse(
                    400,
                    f"Host {headers.get('host', '')!r} is not this server's address; open it as "
                    "http://127.0.0.1:PORT/ (a page from another site cannot use this desk)",
                )
                return
        if self.token is not None:
            verdict = self._check_token(scope, headers)
            if verdict == "redirect":
                # latin-1 both ways: the other parameters go back byte for byte
                kept = [
                    (k, v)
                    for k, v in parse_qsl(
                        scope["query_string"].decode("latin-1"),
                        keep_blank_values=True,
                        encoding="latin-1",
                    )
                    if k != "token"
                ]
                location = same_site_path(path, urlencode(kept, encoding="latin-1"))
                cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                await refuse(
                    303,
                    "signed in; continue",
                    [(b"location", location.encode()), (b"set-cookie", cookie.encode())],
                )
                return
            if verdict == "no":
                await refuse(
                    401,
                    "this desk needs its access token: open the address with ?token=TOKEN once, "
                    "or send 'Authorization: Bearer TOKEN'",
                    [(b"www-authenticate", b"Bearer")],
                )
                return
        length = headers.get("content-length")
        if length is not None and (
            not _CONTENT_LENGTH.fullmatch(length) or int(length) > self.max_body
        ):
            await refuse(413, f"request body larger than {self.max_body} bytes; send less")
            return
        body_receive = receive
        if scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
            body = bytearray()
            more = True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                body += message.get("body", b"")
                more = bool(message.get("more_body"))
                if len(body) > self.max_body:
                    await refuse(413, f"request body larger than {self.max_body} bytes; send less")
                    return
            body_receive = _replay(bytes(body), receive)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, body_receive, send_with_headers)

    def _check_token(self, scope: Scope, headers: dict[str, str]) -> str:
        assert self.token is not None
        expected = self.token.encode()

        def ok(given: str) -> bool:
            return same_secret(given, expected)

        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and ok(auth[7:].strip()):
            return "yes"
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header is no credential
            cookie = SimpleCookie()
        if TOKEN_COOKIE in cookie and ok(cookie[TOKEN_COOKIE].value):
            return "yes"
        for key, value in parse_qsl(scope.get("query_string", b"").decode("latin-1")):
            if key == "token" and ok(value):
                return "redirect" if scope["method"] in ("GET", "HEAD") else "yes"
        return "no"


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _plain(send: Send, status: int, message: str, as_json: bool, extra: Headers) -> None:
    if as_json:
        body = json.dumps({"error": message, "status": status}).encode()
        ctype = b"application/json"
    else:
        body = (message + "\n").encode()
        ctype = b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", ctype),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
