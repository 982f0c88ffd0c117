"""Which addresses claimledger may publish (in ClaimReview) or link to."""

from __future__ import annotations

from urllib.parse import urlsplit

from claimledger.escapes import one_line, visible


def public_url(value: str | None) -> str | None:
    """``value`` when it is an absolute http(s) address fit to publish, else None: never a
    local path, a ``javascript:`` or ``file:`` URL, a spreadsheet formula, an address with a
    user name or password in it, or text with spaces, control or bidirectional characters."""
    if not value or len(value) > 2048 or any(ch.isspace() for ch in value):
        return None
    if visible(value) != value or one_line(value) != value:
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
        user, password = parts.username, parts.password
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or user or password:
        return None
    return value
