"""The review desk: a Starlette app over one ledger, rendered on the server with Jinja2.

Every page is also JSON at the same path with ``.json`` appended; both come from the same
dict built by :mod:`claimledger.present.desk`. No scripts run in the pages (the Content-Security-
Policy allows none): hovering a highlighted claim shows its figures, source and score with
CSS, and clicking opens the claim.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
import sys
import threading
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from claimledger.errors import Forbidden, LedgerError, NotFound, UsageError
from claimledger.extract.events.taxonomy import TYPES as EVENT_TYPES
from claimledger.model import Claim, Extraction
from claimledger.present import desk
from claimledger.present.report import (
    figure_text,
    highlighted_text,
    inert,
    place_summary,
    plain_inert,
    source_text,
)
from claimledger.settings import DEFAULT_BASE_URL, DEFAULT_ORGANISATION
from claimledger.store import Store, open_store
from claimledger.version import __version__
from claimledger.web.guard import LOOPBACK_HOSTS, Guard, same_secret, same_site_path

CSRF_COOKIE = "claimledger_csrf"
_HEX_ID = frozenset("0123456789abcdef")
# An actor id as link/actors makes them: "ISR/military", "org/united-nations",
# "person/406f8c003ce6", "name/98462601365a478e".
_ACTOR_ID = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*")
_MAX_ACTOR_ID = 200


@dataclass
class DeskConfig:
    db: str | Path
    organisation: str = DEFAULT_ORGANISATION
    base_url: str = DEFAULT_BASE_URL
    token: str | None = None
    loopback_only: bool = True
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))


class _Ledgers(threading.local):
    ledger: Store | None = None


def create_app(config: DeskConfig) -> Guard:
    """The ASGI app: the desk's routes behind the :class:`Guard`."""
    with open_store(config.db, create=False):  # exists, and is migrated to this version
        pass
    env = Environment(
        loader=PackageLoader("claimledger.web", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_visible_controls,
    )
    # Long document text in element content: escaped, bidi visible, long runs breakable.
    env.filters["text"] = lambda value: Markup(inert(str(value)))
    env.filters["actor_url"] = actor_url
    env.filters["doc_name"] = desk.document_name
    env.filters["day"] = desk.day_of
    env.globals.update(
        version=__version__,
        verdicts=desk.VERDICTS,
        claim_types=desk.CLAIM_TYPES,
        event_types=EVENT_TYPES,  # the worklist's event type filter: every type, no query
    )
    css = resources.files("claimledger.web").joinpath("static", "app.css").read_bytes()
    css_etag = hashlib.sha256(css).hexdigest()[:16]
    local = _Ledgers()

    def ledger() -> Store:
        if local.ledger is None:
            local.ledger = open_store(config.db, create=False)
        return local.ledger

    # -- responses ------------------------------------------------------------------------
    def csrf_cookie(request: Request) -> tuple[str, bool]:
        value = request.cookies.get(CSRF_COOKIE, "")
        if len(value) == 43 and re.fullmatch(r"[A-Za-z0-9_-]+", value):
            return value, False
        return secrets.token_urlsafe(32), True

    def csrf_token(cookie: str) -> str:
        return hmac.new(config.secret, cookie.encode(), hashlib.sha256).hexdigest()

    def render(
        request: Request, template: str, data: dict[str, Any], status: int = 200
    ) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse(data, status_code=status)
        cookie, new = csrf_cookie(request)
        html = env.get_template(template).render(
            data=data,
            request=request,
            csrf=csrf_token(cookie),
            query=dict(request.query_params),
            page_url=page_url,
        )
        response = Response(html, status_code=status, media_type="text/html; charset=utf-8")
        if new:
            response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", path="/")
        return response

    def page_url(request: Request, **changes: Any) -> str:
        """This page's address with some query parameters changed (None removes one)."""
        params = dict(request.query_params)
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = str(value)
        path = request.url.path
        return path + (f"?{urlencode(params)}" if params else "")

    # -- pages ----------------------------------------------------------------------------
    def overview(request: Request) -> Response:
        data = desk.overview(ledger())
        data["top"] = desk.claims(ledger(), desk.ClaimFilter(reviewed=False, per_page=10))["claims"]
        return render(request, "overview.html", data)

    def documents(request: Request) -> Response:
        p = _query(request)
        data = desk.documents(
            ledger(),
            text=_text(p.get("q")),
            outlet=_text(p.get("outlet")),
            date_from=_date(p.get("from"), "from"),
            date_to=_date(p.get("to"), "to"),
            page=_int(p.get("page"), "page", 1, desk.MAX_PAGE),
            per_page=_int(p.get("per_page"), "per_page", 50, desk.MAX_PER_PAGE),
        )
        return render(request, "documents.html", data)

    def document(request: Request) -> Response:
        doc_id, _ = _split(request.path_params["name"])
        if not _is_id(doc_id) or not ledger().has_document(doc_id):
            raise NotFound(f"no document with id {doc_id!r} in this ledger; /documents lists them")
        ex = ledger().load(doc_id)
        claim_dicts = desk.document_claims(ledger(), doc_id)
        doc = ex.document
        payload = {
            "id": doc.id,
            "source": doc.source,
            **doc.metadata(),
            "text": doc.text,
            "claims": claim_dicts,
        }
        if request.url.path.endswith(".json"):
            return render(request, "document.html", payload)
        payload["highlighted"] = Markup(_highlight(ex))
        payload["ranked"] = sorted(claim_dicts, key=lambda c: -c["score"])
        payload["title"] = doc.title or doc.source
        return render(request, "document.html", payload)

    def _highlight(ex: Extraction) -> str:
        quantities = {q.id: q for q in ex.quantities}
        attributions = {a.id: a for a in ex.attributions}

        def wrap(claim: Claim, inner: str) -> str:
            kind = claim.types[0] if claim.types else "other"
            figures = [figure_text(quantities[i]) for i in claim.quantity_ids if i in quantities]
            sources = [
                source_text(attributions[i]) for i in claim.attribution_ids if i in attributions
            ]
            pop = (
                f"<b>score {claim.score:.2f}</b> · {inert(', '.join(claim.types))}"
                f"<br>figures: {inert('; '.join(figures) or 'none')}"
                f"<br>source: {inert('; '.join(sources) or 'none stated')}"
                f"<br>place: {inert(place_summary(claim.where))}"
            )
            return (
                f'<a class="claim t-{escape(kind)}" id="c-{claim.id}" '
                f'href="/claims/{claim.id}">{inner}<span class="pop" role="tooltip">'
                f"{pop}</span></a>"
            )

        return highlighted_text(ex, wrap)

    # The worklist and a claim's page are answered on the event loop: their queries walk
    # indexes (a few ms), and handing them to a thread costs more than that under load (the
    # GIL passes between threads in 5 ms slices; measured: twice the throughput, a third
    # of the p95 latency). Pages that scan text or wait for the write lock (document search,
    # a document's page, the overview's counts, reviews, the export) stay plain functions,
    # which Starlette runs in its thread pool, so they never hold up the loop.
    async def claims(request: Request) -> Response:
        p = _query(request)
        label = p.get("label", "claim")
        f = desk.ClaimFilter(
            claim_type=_text(p.get("type")),
            min_score=_float(p.get("min_score"), "min_score"),
            max_score=_float(p.get("max_score"), "max_score"),
            label=None if label == "all" else label,
            has_figure=_yes_no(p.get("has_figure"), "has_figure"),
            source=_text(p.get("source")),
            reviewed=_yes_no(p.get("reviewed"), "reviewed"),
            doc_ids=tuple(d for d in p.getlist("doc") if d.strip()),
            text=_text(p.get("q")),
            time_from=_date(p.get("time_from"), "time_from"),
            time_to=_date(p.get("time_to"), "time_to"),
            place=_text(p.get("place")),
            country=_country(p.get("country")),
            actor=_actor(p.get("actor")),
            contradicted=_yes_no(p.get("contradicted"), "contradicted"),
            check=_choice(p.get("check"), "check", desk.CHECK_STATUSES),
            event_type=_text(p.get("event_type")),
            sort=p.get("sort") or "score",
            page=_int(p.get("page"), "page", 1, desk.MAX_PAGE),
            per_page=_int(p.get("per_page"), "per_page", 50, desk.MAX_PER_PAGE),
        )
        return render(request, "claims.html", desk.claims(ledger(), f))

    async def claim(request: Request) -> Response:
        claim_id, _ = _split(request.path_params["name"])
        item = desk.claim(ledger(), claim_id) if _is_id(claim_id) else None
        if item is None:
            raise NotFound(
                f"no claim with id {claim_id!r} in this ledger; the worklist at /claims lists them"
            )
        return render(request, "claim.html", item)

    def actors(request: Request) -> Response:
        return render(request, "actors.html", desk.actors(ledger()))

    # -- linking and checking -----------------------------------------------------------
    def paging(request: Request) -> dict[str, int]:
        p = _query(request)
        return {
            "page": _int(p.get("page"), "page", 1, desk.MAX_PAGE),
            "per_page": _int(p.get("per_page"), "per_page", 50, desk.MAX_PER_PAGE),
        }

    def contradictions(request: Request) -> Response:
        kind = _choice(_query(request).get("kind"), "kind", desk.RELATION_KINDS)
        data = desk.relations(ledger(), kind or "contradiction", **paging(request))
        return render(request, "relations.html", data)

    def repeats(request: Request) -> Response:
        return render(request, "repeats.html", desk.repeats(ledger(), **paging(request)))

    def checks(request: Request) -> Response:
        status = _choice(_query(request).get("status"), "status", desk.CHECK_STATUSES)
        return render(request, "checks.html", desk.checks(ledger(), status, **paging(request)))

    def events(request: Request) -> Response:
        p = _query(request)
        doc_ids = _ids(p.getlist("doc"), "doc", "a document's id (in its page's address)")
        cluster = _ids(
            [p.get("cluster") or ""],
            "cluster",
            "an event's id across documents (as an event's page links to it)",
        )
        f = desk.EventFilter(
            event_type=_text(p.get("event_type")),
            modality=_choice(p.get("modality"), "modality", desk.MODALITIES),
            doc_ids=doc_ids,
            cluster=cluster[0] if cluster else None,
            has_casualties=_yes_no(p.get("has_casualties"), "has_casualties"),
            **paging(request),
        )
        return render(request, "events.html", desk.events(ledger(), f))

    def event(request: Request) -> Response:
        event_id, _ = _split(request.path_params["name"])
        item = desk.event(ledger(), event_id) if _is_id(event_id) else None
        if item is None:
            raise NotFound(f"no event with id {event_id[:40]!r} in this ledger; /events lists them")
        return render(request, "event.html", item)

    def figures(request: Request) -> Response:
        return render(request, "figures.html", desk.figure_groups(ledger(), **paging(request)))

    def figure_group(request: Request) -> Response:
        group_id, as_json = _split(request.path_params["name"])
        item = desk.figure_group(ledger(), group_id) if _is_id(group_id) else None
        if item is None:
            raise NotFound(
                f"no figure group with id {group_id[:40]!r} in this ledger (a group's id "
                "changes as figures join it); /figures lists them"
            )
        if not as_json:
            item["chart"] = Markup(desk.timeline_chart(item))
        return render(request, "figure_group.html", item)

    def actor(request: Request) -> Response:
        actor_id, _ = _split(request.path_params["actor_id"])
        item = desk.actor(ledger(), actor_id) if _is_actor_id(actor_id) else None
        if item is None:
            raise NotFound(
                f"no actor with id {actor_id[:200]!r} in this ledger; /actors lists them"
            )
        return render(request, "actor.html", item)

    def place(request: Request) -> Response:
        name, _ = _split(request.path_params["name"])
        p = _query(request)
        item = None
        if re.fullmatch(r"[0-9]{1,12}", name):
            item = desk.place(
                ledger(),
                int(name),
                page=_int(p.get("page"), "page", 1, desk.MAX_PAGE),
                per_page=_int(p.get("per_page"), "per_page", 50, desk.MAX_PER_PAGE),
            )
        if item is None:
            raise NotFound(
                f"no place with GeoNames id {name[:40]!r} in this ledger; a claim's page "
                "links to its place"
            )
        return render(request, "place.html", item)

    async def add_review(request: Request) -> Response:
        claim_id = request.path_params["name"]
        body = (await request.body()).decode("utf-8", "replace")
        if not request.headers.get("content-type", "").startswith(
            "application/x-www-form-urlencoded"
        ):
            raise UsageError("send the review form (application/x-www-form-urlencoded)")
        form = dict(parse_qsl(body, keep_blank_values=True))
        _check_csrf(request, form.get("csrf", ""))
        if not _is_id(claim_id):
            raise NotFound(f"no claim with id {claim_id!r} in this ledger")
        try:
            # in a thread: the write may wait for an ingest's transaction (busy_timeout)
            review = await run_in_threadpool(
                lambda: desk.add_review(
                    ledger(),
                    claim_id,
                    form.get("verdict", ""),
                    form.get("reviewer", ""),
                    form.get("note", ""),
                )
            )
        except LookupError:
            raise NotFound(f"no claim with id {claim_id!r} in this ledger") from None
        # claim_id is 16 hex digits (checked above), so this stays on the desk
        location = same_site_path(f"/claims/{claim_id}") + f"#review-{int(review['id'])}"
        return RedirectResponse(location, status_code=303)

    def _check_csrf(request: Request, given: str) -> None:
        origin = request.headers.get("origin")
        # Browsers send Origin on form posts (the Referrer-Policy is same-origin, not
        # no-referrer, so that Chromium sends the real one); "null" is never this desk's page.
        if origin is not None and not _same_origin(origin, request.headers.get("host", "")):
            raise Forbidden(f"a form from {origin[:200]} cannot post to this desk")
        cookie = request.cookies.get(CSRF_COOKIE, "")
        if not cookie or not same_secret(given, csrf_token(cookie)):
            raise Forbidden(
                "the form's security token is missing or stale (the server restarted, or the "
                "form came from another site); reload the claim page and submit again"
            )

    def claimreview(request: Request) -> Response:
        reviews = list(desk.claim_reviews(ledger(), config.organisation, config.base_url))
        return JSONResponse(reviews, media_type="application/ld+json")

    def stylesheet(request: Request) -> Response:
        if request.headers.get("if-none-match") == css_etag:
            return Response(status_code=304)
        return Response(
            css, media_type="text/css", headers={"etag": css_etag, "cache-control": "no-cache"}
        )

    # -- errors ---------------------------------------------------------------------------
    def error(request: Request, status: int, message: str) -> Response:
        data = {"error": message, "status": status}
        try:
            return render(request, "error.html", data, status)
        except Exception:  # the error page itself failed: plain text, never a traceback
            return Response(f"{status}: {message}\n", status_code=status, media_type="text/plain")

    def said(status: int) -> Callable[[Request, Exception], Awaitable[Response]]:
        """A handler for errors whose message is the page: bad input, unknown ids, forms."""

        async def handle(request: Request, exc: Exception) -> Response:
            return error(request, status, str(exc))

        return handle

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        messages = {
            404: f"nothing at {request.url.path}; start from the overview at /",
            405: f"{request.method} is not allowed at {request.url.path}",
        }
        return error(request, exc.status_code, messages.get(exc.status_code, str(exc.detail)))

    async def on_crash(request: Request, exc: Exception) -> Response:
        print(f"claimledger serve: error on {request.method} {request.url.path}:", file=sys.stderr)
        traceback.print_exception(exc, file=sys.stderr)
        return error(request, 500, "the desk hit an internal error; the log on stderr has details")

    routes = [
        Route("/", overview),
        Route("/index.json", overview),
        Route("/.json", overview),
        Route("/documents", documents),
        Route("/documents.json", documents),
        Route("/documents/{name}", document),
        Route("/claims", claims),
        Route("/claims.json", claims),
        Route("/claims/{name}", claim),
        Route("/claims/{name}/reviews", add_review, methods=["POST"]),
        Route("/actors", actors),
        Route("/actors.json", actors),
        Route("/actors/{actor_id:path}", actor),
        Route("/places/{name}", place),
        Route("/contradictions", contradictions),
        Route("/contradictions.json", contradictions),
        Route("/repeats", repeats),
        Route("/repeats.json", repeats),
        Route("/checks", checks),
        Route("/checks.json", checks),
        Route("/events", events),
        Route("/events.json", events),
        Route("/events/{name}", event),
        Route("/figures", figures),
        Route("/figures.json", figures),
        Route("/figures/{name}", figure_group),
        Route("/claimreview.json", claimreview),
        Route("/static/app.css", stylesheet),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            UsageError: said(400),
            NotFound: said(404),
            Forbidden: said(403),
            LedgerError: said(503),  # read-only, locked past its timeout, or the disk full
            HTTPException: on_http,
            Exception: on_crash,
        },
    )
    hosts = LOOPBACK_HOSTS if config.loopback_only else None
    return Guard(app, token=config.token, allowed_hosts=hosts)


def _visible_controls(value: Any) -> Any:
    """Every ``{{ value }}``: bidirectional controls become visible text ("[U+202E]") so
    they cannot reorder what a reviewer reads; autoescaping then escapes the rest. Plain text,
    not markup, because the value may sit inside an attribute."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return plain_inert(value)
    return value


def _same_origin(origin: str, host: str) -> bool:
    """Whether an Origin header names this server (as its Host header does); a malformed
    one ("http://[evil") does not."""
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    return bool(host) and parts.scheme in ("http", "https") and parts.netloc == host


def actor_url(actor_id: str) -> str:
    """The desk's page of an actor; its id's slashes stay, anything else is escaped."""
    return "/actors/" + quote(str(actor_id), safe="/")


def _split(name: str) -> tuple[str, bool]:
    return (name[:-5], True) if name.endswith(".json") else (name, False)


def _is_id(value: str) -> bool:
    return len(value) == 16 and set(value) <= _HEX_ID


def _is_actor_id(value: str) -> bool:
    return len(value) <= _MAX_ACTOR_ID and _ACTOR_ID.fullmatch(value) is not None


def _ids(values: list[str], name: str, what: str) -> tuple[str, ...]:
    """Ids as the ledger makes them (16 hex digits), blank ones left out; anything else is a
    400 saying what ``name`` must be."""
    out = []
    for value in values:
        if not value.strip():
            continue
        if not _is_id(value.strip()):
            raise UsageError(
                f"{name} must be {what}: 16 hex digits, not {value[:40]!r}; "
                f"change {name} in the address"
            )
        out.append(value.strip())
    return tuple(out)


def _actor(value: str | None) -> str | None:
    """An actor id for the worklist's filter; a malformed one is a 400 saying what one is."""
    if value is None or not value.strip():
        return None
    if not _is_actor_id(value.strip()):
        raise UsageError(
            f"actor must be an actor id such as ISR/military or org/united-nations (the "
            f"actors page at /actors lists them), not {value[:40]!r}"
        )
    return value.strip()


def _country(value: str | None) -> str | None:
    """A country as two letters (ISO 3166 alpha-2, any case); anything else is a 400."""
    if value is None or not value.strip():
        return None
    code = value.strip()
    if len(code) == 2 and code.isascii() and code.isalpha():
        return code.upper()
    raise UsageError(
        f"country must be a two-letter ISO 3166 code such as UA or CH, not {value[:40]!r}; "
        "change country in the address"
    )


# The /events parameters that take one value (``doc`` may be given several times).
# Query parameters a page reads as a list; every other one is read once, and given twice
# with different values it is a 400 (see _query).
MULTI_VALUED = frozenset({"doc"})


def _query(request: Request) -> Any:
    """The request's query parameters, after refusing (400) any single-valued one given
    twice with different values: "type=event&type=quote" is no filter, and the last one
    silently winning would show a list the checker did not ask for."""
    params = request.query_params
    _once(params.getlist, tuple(k for k in dict.fromkeys(params.keys()) if k not in MULTI_VALUED))
    for name, value in params.multi_items():
        if "\x00" in name or "\x00" in value:  # no text holds one: a ledger cannot store it
            raise UsageError(f"the value of {name[:40]!r} holds a NUL character (%00); remove it")
    return params


def _once(getlist: Callable[[str], list[str]], names: tuple[str, ...]) -> None:
    """A 400 where one of ``names`` is given twice with different values, instead of the
    last one silently winning ("event_type=ATTACK&event_type=AIR_STRIKE" is no filter)."""
    for name in names:
        values = getlist(name)
        if len(set(values)) > 1:
            shown = ", ".join(repr(v[:40]) for v in values[:3])
            raise UsageError(
                f"{name} is given {len(values)} times ({shown}); give it once, in the address"
            )


def _text(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > 500:
        raise UsageError("a search or filter value is longer than 500 characters")
    return value.strip()


def _int(value: str | None, name: str, default: int, high: int) -> int:
    """A whole number from 1 to ``high``; anything else is a 400 saying so, never a number
    too large for SQLite."""
    if value is None or value == "":
        return default
    digits = value.strip()
    if re.fullmatch(r"[0-9]{1,15}", digits) and 1 <= int(digits) <= high:
        return int(digits)
    raise UsageError(
        f"{name} must be a whole number from 1 to {high}, not {value[:40]!r}; "
        f"change {name} in the address"
    )


def _float(value: str | None, name: str) -> float | None:
    """A score from 0 to 1 (not nan, not infinite)."""
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if math.isfinite(number) and 0.0 <= number <= 1.0:
        return number
    raise UsageError(
        f"{name} must be a number between 0 and 1, not {value[:40]!r}; change {name} in the address"
    )


def _yes_no(value: str | None, name: str) -> bool | None:
    if value is None or value in ("", "any"):
        return None
    if value in ("yes", "no"):
        return value == "yes"
    raise UsageError(f"{name} must be yes, no or any, not {value[:40]!r}")


def _choice(value: str | None, name: str, allowed: tuple[str, ...]) -> str | None:
    """One of ``allowed`` (empty or "any": none); anything else is a 400 naming them."""
    if value is None or value in ("", "any"):
        return None
    if value in allowed:
        return value
    raise UsageError(f"{name} must be {', '.join(allowed)} or any, not {value[:40]!r}")


def _date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{name} must be a date as YYYY-MM-DD, not {value[:40]!r}") from None
