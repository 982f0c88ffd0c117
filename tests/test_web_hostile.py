"""The review desk against a hostile client: numbers SQLite cannot hold, non-ASCII secrets,
malformed Origin and Host headers, redirects that would leave the site, requests that never
finish, and a bounded sweep of hostile values over every route. Real ``claimledger serve`` on
127.0.0.1, real sockets; nothing here may answer 500 or show a traceback.

What reaches the ledger (page numbers, scores, the sweeps of hostile query values, paths and
review forms) runs on a SQLite file and on a PostgreSQL database (``backends``), which is
stricter about what a value may hold (no NUL in text, 64-bit integers); what only the HTTP
server sees (secrets, headers, redirects, unfinished requests, the connection cap) runs once,
on SQLite."""

from __future__ import annotations

import http.client
import json
import re
import socket
from collections.abc import Iterator
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest

from claimledger import api
from claimledger.settings import Settings
from tests.conftest import DB, Ledgers
from tests.serving import Reply, Server, raw_exchange

pytestmark = pytest.mark.backends
# what only the HTTP server sees: once is enough
http_only = pytest.mark.sqlite_only("about the HTTP server, not the ledger: once is enough")

WIRES = [
    {
        "title": "Bridge at Orvath reopened",
        "outlet": "Valley Courier",
        "published": "2024-05-06",
        "text": "At least 7 people were hurt when the old bridge at Orvath gave way on Friday, "
        "the county fire service said.\n\nThe mayor said repairs would cost 3 million euros.",
    },
    {
        "title": "Ferry service to Lune Island cut",
        "outlet": "Coastal Wire",
        "published": "2024-06-11",
        "text": "According to the harbour authority, ferry crossings to Lune Island fell from 12 "
        "a day to 4 in June.\n\nA spokeswoman said the timetable would be restored by August.",
    },
]
TOKEN = "hostile-test-token-0123456789"
HEAD_TIMEOUT_S = "1"  # the test-short deadline for a request head
MAX_CONNECTIONS = 80
SLOW_CLIENTS = 50

# Hostile values, as they stand in an address (percent-escapes are sent as written).
VALUES = [
    "99999999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1000001",
    "-1",
    "0",
    "1e999",
    "-1e999",
    "1e-999",
    "nan",
    "-NaN",
    "inf",
    "-Infinity",
    "0x10",
    "1_0",
    "+1",
    "%D9%A3",  # ARABIC-INDIC DIGIT THREE
    "%20",
    "%00",
    "a%00b",
    "%ff",
    "%c3%28",
    "%e9",
    "%C3%A9",
    "%0d%0aSet-Cookie:%20x=1",
    "%E2%80%AE",
    "//evil.example",
    "..%2F..%2F",
    "%3Cscript%3E",
    "'%22",
    "9" * 5000,
    "x" * 7000,
]
PARAMS = [
    "page",
    "per_page",
    "min_score",
    "max_score",
    "q",
    "outlet",
    "from",
    "to",
    "type",
    "has_figure",
    "source",
    "reviewed",
    "doc",
    "label",
    "sort",
    "token",
]
ROUTES = ["/documents", "/documents.json", "/claims", "/claims.json"]  # read the query
OTHER_ROUTES = ["/", "/index.json", "/.json", "/claimreview.json", "/static/app.css"]


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory, ledgers: Ledgers) -> DB:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "wires.jsonl").write_text(
        "".join(json.dumps(w) + "\n" for w in WIRES), encoding="utf-8"
    )
    db = ledgers.at(folder / "hostile.db")
    api.ingest([str(folder / "wires.jsonl")], db, Settings(workers=1))
    return db


@pytest.fixture(scope="module")
def server(ledger_file: DB) -> Iterator[Server]:
    env = {
        "CLAIMLEDGER_SERVE_HEAD_TIMEOUT": HEAD_TIMEOUT_S,
        "CLAIMLEDGER_SERVE_MAX_CONNECTIONS": str(MAX_CONNECTIONS),
    }
    s = Server(ledger_file, env=env).start()
    yield s
    log = s.stop()
    assert "Traceback" not in log and "error on" not in log, log


@pytest.fixture(scope="module")
def token_server(ledger_file: DB) -> Iterator[Server]:
    s = Server(ledger_file, ("--token", TOKEN)).start()
    yield s
    log = s.stop()
    assert "Traceback" not in log and "error on" not in log, log


def no_crash(reply: Reply | bytes, what: str) -> None:
    if isinstance(reply, Reply):
        status, body = reply.status, reply.body
    else:
        head = reply.split(b"\r\n", 1)[0].split()
        status, body = (int(head[1]) if len(head) > 1 else 0), reply
    assert status < 500, (what, status, body[:300])
    assert b"Traceback" not in body and b'File "' not in body, (what, body[:300])


def a_claim(server: Server) -> str:
    return str(server.get_json("/claims.json")["claims"][0]["id"])


def form_page(server: Server, claim_id: str) -> tuple[str, str]:
    """The CSRF cookie and the form's token, as a browser would have them."""
    page = server.get(f"/claims/{claim_id}")
    cookie = page.headers["set-cookie"].split(";")[0]
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert token, page.text[:300]
    return cookie, token.group(1)


# -- 1. numbers -------------------------------------------------------------------------------
@pytest.mark.parametrize("route", ["/claims", "/documents"])
def test_page_numbers_sqlite_cannot_hold_are_400(server: Server, route: str) -> None:
    for name in ("page", "per_page"):
        for value in (
            "99999999999999999999999",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1000001",
            "0",
            "-1",
            "1e3",
            "nan",
            "9" * 5000,
        ):
            if name == "per_page" and value == "1000001":
                value = "201"
            r = server.get(f"{route}.json?{name}={value}")
            assert r.status == 400, (name, value, r.status, r.body[:200])
            message = r.json()["error"]
            assert message.startswith(f"{name} must be a whole number from 1 to "), message
            assert f"change {name} in the address" in message
            html = server.get(f"{route}?{name}={value}")
            assert html.status == 400 and "Traceback" not in html.text
    last = server.get_json(f"{route}.json?page=1000000")  # the largest page: empty, not 500
    assert last["page"] == 1000000 and last["pages"] == 1
    assert last["claims" if route == "/claims" else "documents"] == []


def test_scores_that_are_not_finite_are_400(server: Server) -> None:
    for name in ("min_score", "max_score"):
        for value in ("1e999", "-1e999", "nan", "NaN", "inf", "-inf", "infinity", "1.5", "-0.1"):
            r = server.get(f"/claims.json?{name}={value}")
            assert r.status == 400, (name, value, r.status)
            assert f"{name} must be a number between 0 and 1" in r.json()["error"]


# -- 2. non-ASCII secrets ---------------------------------------------------------------------
@http_only
def test_non_ascii_csrf_token_is_403(server: Server) -> None:
    claim_id = a_claim(server)
    cookie, _ = form_page(server, claim_id)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie,
        "Origin": server.url,
    }
    path = f"/claims/{claim_id}/reviews"
    for csrf in ("é", "\u202e", "\U0001f600", "a" * 64 + "é", "\x00"):
        form = urlencode({"csrf": csrf, "verdict": "Refuted", "reviewer": "X"})
        r = server.request("POST", path, form.encode(), headers)
        assert r.status == 403 and "security token" in r.text, (csrf, r.status)
    # the body as raw bytes: latin-1 and invalid UTF-8
    for body in (b"csrf=\xe9&verdict=Refuted&reviewer=X", b"csrf=%ff%fe&verdict=Refuted"):
        r = server.request("POST", path, body, headers)
        assert r.status == 403, (body, r.status)
    # a non-ASCII CSRF cookie
    raw = (
        f"POST {path} HTTP/1.1\r\nHost: {server.host}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n"
        "Connection: close\r\n"
    ).encode() + b"Cookie: claimledger_csrf=\xc3\xa9\xff\r\n\r\ncsrf=\xc3\xa9"
    reply = raw_exchange(server, raw)
    no_crash(reply, "non-ASCII cookie")
    assert reply.startswith(b"HTTP/1.1 403"), reply[:200]
    assert server.get_json(f"/claims/{claim_id}.json")["history"] == []


@http_only
def test_non_ascii_access_token_is_401(token_server: Server) -> None:
    s = token_server
    for header in ("Bearer é", "Bearer \xff" + TOKEN, "bearer " + "é" * 40):
        r = s.get("/claims.json", {"Authorization": header})
        assert r.status == 401, (header, r.status)
    r = s.get("/claims.json", {"Cookie": "claimledger_token=\xe9\xe9"})
    assert r.status == 401
    for value in ("%C3%A9", "%ff", "%00", quote(TOKEN + "é")):
        r = s.get(f"/claims.json?token={value}")
        assert r.status == 401, (value, r.status)
    for raw_header in (b"Authorization: Bearer \xc3\xa9", b"Cookie: claimledger_token=\xc3\xa9"):
        reply = raw_exchange(
            s,
            f"GET /claims.json HTTP/1.1\r\nHost: {s.host}\r\nConnection: close\r\n".encode()
            + raw_header
            + b"\r\n\r\n",
        )
        no_crash(reply, raw_header.decode("latin-1"))
        assert reply.startswith(b"HTTP/1.1 401"), reply[:200]
    assert s.get("/claims.json", {"Authorization": f"Bearer {TOKEN}"}).status == 200


# -- 3. malformed Origin, Referer, Host ---------------------------------------------------------
@http_only
def test_malformed_origin_is_403(server: Server) -> None:
    claim_id = a_claim(server)
    cookie, token = form_page(server, claim_id)
    form = urlencode({"csrf": token, "verdict": "Refuted", "reviewer": "X"}).encode()
    path = f"/claims/{claim_id}/reviews"
    for origin in (
        "http://[evil",
        "http://[::1",
        "http://[::1]]",
        "http://\xff",
        "http://\uff0e\uff0e",  # not latin-1: sent as its UTF-8 bytes
        "null",
        "",
        "http://",
        "//" + server.host,
        "ftp://" + server.host,
        server.url + ".evil.example",
        "http://user@" + server.host,
    ):
        try:
            origin.encode("latin-1")
        except UnicodeEncodeError:
            origin = origin.encode("utf-8").decode("latin-1")
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Origin": origin,
            "Referer": origin,
        }
        r = server.request("POST", path, form, headers)
        assert r.status == 403, (origin, r.status, r.body[:200])
    assert server.get_json(f"/claims/{claim_id}.json")["history"] == []
    # the same form from this desk's own origin is recorded
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie,
        "Origin": server.url,
    }
    r = server.request("POST", path, form, headers)
    assert r.status == 303, r.body[:300]
    location = r.headers["location"]
    assert re.fullmatch(rf"/claims/{claim_id}#review-\d+", location), location


@http_only
def test_malformed_host_and_referer_never_500(server: Server) -> None:
    for host in (b"[", b"[evil", b"[::1", b"::1]", b"\xc3\xa9", b"\xff:80", b"127.0.0.1:\xff",
                 b"127.0.0.1:99999999999999999999", b"", b"a" * 4000):  # fmt: skip
        for referer in (b"http://[evil", b"\xff", b"//evil.example"):
            reply = raw_exchange(
                server,
                b"GET /claims.json HTTP/1.1\r\nHost: "
                + host
                + b"\r\nReferer: "
                + referer
                + b"\r\nConnection: close\r\n\r\n",
            )
            no_crash(reply, f"Host {host[:40]!r}")
            assert reply.startswith((b"HTTP/1.1 400", b"HTTP/1.1 200")), reply[:200]


# -- 4. redirects stay on this site -----------------------------------------------------------
@http_only
def test_token_redirect_never_leaves_the_site(token_server: Server) -> None:
    s = token_server
    for path in (
        "//evil.example/",
        "///evil.example/",
        "//evil.example/claims?type=event",
        "/%2F%2Fevil.example/",
        "/%5Cevil.example/",
        "/%5C%5Cevil.example/",
        "/%09/evil.example/",
        "/claims%0d%0aSet-Cookie:%20x=1",
        "/%ff/x",
        "/claims/%E2%80%AE",
    ):
        sep = "&" if "?" in path else "?"
        r = s.get(f"{path}{sep}token={TOKEN}")
        assert r.status == 303, (path, r.status)
        location = r.headers["location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), location
        assert "\\" not in location and not re.search(r"[\x00-\x20\x7f]", location), location
        assert urlsplit(urljoin(s.url + "/", location)).netloc == s.host, location
        assert TOKEN not in location
    # the other parameters come back as they were sent, byte for byte
    r = s.get(f"/claims?q=%C3%A9t%C3%A9&source=%ff&token={TOKEN}&type=event&outlet=")
    assert r.status == 303
    assert r.headers["location"] == "/claims?q=%C3%A9t%C3%A9&source=%FF&type=event&outlet="


# -- 5. requests that never finish ------------------------------------------------------------
def _until_closed(sock: socket.socket) -> bytes | None:
    """What the server sends on ``sock`` before it closes it; None if it is still open
    when the socket's timeout passes."""
    received = b""
    try:
        while chunk := sock.recv(4096):
            received += chunk
    except ConnectionResetError:
        pass
    except TimeoutError:
        return None
    return received


def _closed_by_server(sock: socket.socket) -> bool:
    """Whether the server closes ``sock`` without an answer (within the socket's timeout)."""
    return _until_closed(sock) == b""


@http_only
def test_unfinished_request_heads_are_closed(server: Server) -> None:
    host, port = server.host.rsplit(":", 1)
    slow: list[socket.socket] = []
    try:
        for i in range(SLOW_CLIENTS):
            sock = socket.create_connection((host, int(port)), timeout=15)
            slow.append(sock)
            sock.sendall(f"GET /claims?n={i} HTTP/1.1\r\nHost: {server.host}\r\nX-Wait: ".encode())
        assert server.get_json("/claims.json")["total"] >= 1  # answered meanwhile
        closed = [_closed_by_server(sock) for sock in slow]
        assert all(closed), f"{closed.count(False)} of {SLOW_CLIENTS} still open"
    finally:
        for sock in slow:
            sock.close()
    # a connection that sends nothing at all
    with socket.create_connection((host, int(port)), timeout=15) as sock:
        assert _closed_by_server(sock)
    # the second request on a kept-alive connection, never finished
    with socket.create_connection((host, int(port)), timeout=15) as sock:
        sock.sendall(f"GET /static/app.css HTTP/1.1\r\nHost: {server.host}\r\n\r\n".encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(65536)
        head, _, body = answer.partition(b"\r\n\r\n")
        length = int(re.search(rb"content-length: (\d+)", head, re.I).group(1))  # type: ignore[union-attr]
        while len(body) < length:
            body += sock.recv(65536)
        sock.sendall(b"GET /claims HTTP/1.1\r\n")
        assert _closed_by_server(sock)
    # a body that never finishes
    with socket.create_connection((host, int(port)), timeout=15) as sock:
        sock.sendall(
            f"POST /claims/0123456789abcdef/reviews HTTP/1.1\r\nHost: {server.host}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n"
            "csrf=".encode()
        )
        assert _closed_by_server(sock)
    assert server.get("/claims.json").status == 200


@http_only
def test_oversized_heads_are_431(server: Server) -> None:
    big = b"X-Big: " + b"a" * 40_000
    head = f"GET /claims.json HTTP/1.1\r\nHost: {server.host}\r\nConnection: close\r\n".encode()
    for data in (head + big + b"\r\n\r\n", head + big):  # finished, and never finished
        reply = raw_exchange(server, data)
        no_crash(reply, "big head")
        assert reply.startswith(b"HTTP/1.1 431"), reply[:200]


@http_only
def test_connections_beyond_the_cap_are_refused(server: Server) -> None:
    host, port = server.host.rsplit(":", 1)
    held: list[socket.socket] = []
    try:
        for _ in range(MAX_CONNECTIONS):
            held.append(socket.create_connection((host, int(port)), timeout=15))
        with socket.create_connection((host, int(port)), timeout=15) as extra:
            extra.sendall(f"GET /claims.json HTTP/1.1\r\nHost: {server.host}\r\n\r\n".encode())
            answer = _until_closed(extra)  # a 503 it can read, not a reset connection
            assert answer is not None and answer.startswith(b"HTTP/1.1 503"), answer
            assert b"too many open connections" in answer
        # the head deadline frees them (the last may have been refused instead, if an
        # earlier test's connection was not yet closed on the server's side)
        answers = [_until_closed(sock) for sock in held]
        assert None not in answers, f"{answers.count(None)} of {MAX_CONNECTIONS} still open"
        assert all(a == b"" or a.startswith(b"HTTP/1.1 503") for a in answers if a is not None)
    finally:
        for sock in held:
            sock.close()
    assert server.get("/claims.json").status == 200


# -- 6. a sweep of hostile values over every route --------------------------------------------
def test_hostile_query_values_never_500(server: Server) -> None:
    addresses = [
        f"{route}?{query}"
        for route in ROUTES
        for name in PARAMS
        for value in VALUES
        for query in (f"{name}={value}", f"{name}={value}&{name}={value[:50]}&{name}=1")
    ]
    addresses += [
        f"{route}?{name}={value}"
        for route in OTHER_ROUTES
        for name in ("page", "q", "token")
        for value in VALUES
    ]
    conn = http.client.HTTPConnection(server.host, timeout=30)  # one kept-alive connection
    try:
        for address in addresses:
            for attempt in (1, 2):  # the server closes a connection idle past its deadline
                try:
                    conn.request("GET", address)
                    r = conn.getresponse()
                    break
                except (http.client.RemoteDisconnected, ConnectionError):
                    conn.close()
                    if attempt == 2:
                        raise
            no_crash(Reply(r.status, {}, r.read()), address[:100])
    finally:
        conn.close()


def test_hostile_paths_never_500(server: Server) -> None:
    claim_id = a_claim(server)
    doc_id = server.get_json("/documents.json")["documents"][0]["id"]
    prefixes = ["/", "/documents/", "/claims/", "/static/", f"/claims/{claim_id}/reviews/"]
    for value in VALUES:
        for prefix in prefixes:
            for suffix in ("", ".json"):
                path = prefix + value[:7000] + suffix
                no_crash(server.get(path), path[:80])
                no_crash(server.request("POST", path), "POST " + path[:80])
    for path in (f"/claims/{claim_id}", f"/documents/{doc_id}"):
        for suffix in ("", ".json", ".json.json", "%00", "%2ejson", "/", "/.."):
            no_crash(server.get(path + suffix), path + suffix)
            for value in VALUES[:20]:
                no_crash(server.get(f"{path}{suffix}?page={value}&q={value}"), path)


def test_hostile_review_forms_never_500(server: Server) -> None:
    claim_id = a_claim(server)
    history = server.get_json(f"/claims/{claim_id}.json")["history"]
    cookie, token = form_page(server, claim_id)
    path = f"/claims/{claim_id}/reviews"
    base = {"Cookie": cookie, "Origin": server.url}
    form = "application/x-www-form-urlencoded"
    for content_type in (form, form + "; charset=latin-1", "text/plain", "multipart/form-data", ""):
        for body in (
            f"csrf={token}&verdict=%ff&reviewer=%00&note=%c3%28".encode(),
            f"csrf={token}&verdict=Refuted&reviewer=".encode() + b"\xff\xfe" * 150,
            f"csrf={token}&csrf=x&verdict=Refuted&verdict=Supported".encode(),
            f"csrf={token}&verdict=Refuted&reviewer=X&note=".encode() + b"n" * 20_000,
            b"&&&==&=&%%%",
            b"\x00" * 100,
        ):
            r = server.request("POST", path, body, {**base, "Content-Type": content_type})
            no_crash(r, f"{content_type} {body[:60]!r}")
            assert r.status in (400, 403, 413), (content_type, body[:60], r.status)
    for length in ("\xb2", "-1", "1e3", "9" * 40, " 5"):
        r = server.request("POST", path, b"csrf=x", {**base, "Content-Length": length})
        no_crash(r, f"Content-Length {length!r}")
    assert server.get_json(f"/claims/{claim_id}.json")["history"] == history
