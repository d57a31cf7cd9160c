"""Defences against spam and abuse of the public comment form, without an outside service.

A hidden field that people leave empty (a "honeypot"); a signed timestamp given with the form,
refused when it comes back too soon (a robot) or too late (a form copied for replay); a limit
per sender address kept in Django's cache; limits on length and links; duplicates refused. The
sender's address is only ever kept as a keyed hash.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from camket.lib.folding import fold

FORM_SIGNING_SALT = "camket.consultations.form"
LINK = re.compile(r"https?://|www\.|\[url", re.IGNORECASE)


def issue_token(consultation_pk: int, *, now: float | None = None) -> str:
    """The signed timestamp put in the form when it is shown."""
    return signing.dumps({"c": consultation_pk, "t": now if now is not None else time.time()},
                         salt=FORM_SIGNING_SALT)


def check_token(token: str, consultation_pk: int) -> None:
    """Refuse a form sent back too fast, too late, for another consultation, or forged."""
    refused = ValidationError(_("This form has expired or was altered. Please reload the page "
                                "and write your comment again."), code="token")
    try:
        value = signing.loads(token or "", salt=FORM_SIGNING_SALT,
                              max_age=settings.CAMKET_COMMENT_FORM_MAX_AGE_SECONDS)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        raise refused from None
    if not isinstance(value, dict) or value.get("c") != consultation_pk:
        raise refused
    try:
        elapsed = time.time() - float(value.get("t"))
    except (TypeError, ValueError):
        raise refused from None
    if elapsed < settings.CAMKET_COMMENT_MIN_SECONDS:
        raise ValidationError(_("The form was sent too quickly. Please wait a few seconds and "
                                "send it again."), code="too_fast")


def check_honeypot(value: str) -> None:
    if value:
        raise ValidationError(_("Your comment could not be accepted."), code="honeypot")


def sender_address(request) -> str:
    """The sender's address: the connection's, or, only when CAMKET_CLIENT_IP_HEADER names a
    header set by a trusted proxy, the last address in that header (the one the proxy saw)."""
    header = settings.CAMKET_CLIENT_IP_HEADER
    if header:
        key = "HTTP_" + header.upper().replace("-", "_")
        forwarded = [part.strip() for part in request.META.get(key, "").split(",")]
        if forwarded and forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def sender_hash(address: str) -> str:
    return salted_hmac("camket.consultations.sender", address or "unknown",
                       algorithm="sha256").hexdigest()


def check_content(text: str) -> None:
    limit = settings.CAMKET_COMMENT_MAX_CHARS
    if len(text) > limit:
        raise ValidationError(_("A comment may hold at most %(limit)s characters; this one has "
                                "%(count)s.") % {"limit": limit, "count": len(text)},
                              code="too_long")
    links = len(LINK.findall(text))
    if links > settings.CAMKET_COMMENT_MAX_LINKS:
        raise ValidationError(_("A comment may hold at most %(limit)s links.")
                              % {"limit": settings.CAMKET_COMMENT_MAX_LINKS}, code="links")


def fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(fold(text).split()).encode()).hexdigest()


def take_rate_slot(sender: str) -> None:
    """Count one comment for this sender; refuse beyond the limit within the window."""
    key = f"consultation-comments:{sender}"
    window = settings.CAMKET_COMMENT_RATE_WINDOW_SECONDS
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    if count > settings.CAMKET_COMMENT_RATE_LIMIT:
        raise ValidationError(_("Too many comments were sent from your connection. Please try "
                                "again in %(minutes)s minutes.")
                              % {"minutes": max(1, window // 60)}, code="rate_limit")
