"""``claimledger serve``: the review desk on a real ASGI server (uvicorn).

The socket is bound here, before uvicorn starts, so that ``--port 0`` picks a free port and
the address printed on stderr is the one actually listening.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import sys
from pathlib import Path

from claimledger.errors import UsageError
from claimledger.settings import review_base_url, review_organisation
from claimledger.web.app import DeskConfig, create_app

MIN_TOKEN = 16


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    db: Path,
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
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            log_level="warning",
            access_log=access_log,
            server_header=False,
            timeout_keep_alive=5,
            h11_max_incomplete_event_size=16 * 1024,
            lifespan="off",
        )
    )
    print(f"claimledger: serving {db} at {url}/  (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
