"""Defences against spam and abuse of the public comment form, without an outside service.

A hidden field that people leave empty (a "honeypot"); a signed, single-use timestamp given
with the form, refused when it comes back too soon (a robot), too late or a second time (a form
copied for replay); a limit per sender kept in Django's cache (an IPv6 sender is its /64, the
block one subscriber owns) and an overall limit per consultation; limits on length and links;
duplicates refused on text folded for case, accents, spacing and punctuation. The sender's
address is only ever kept as a keyed hash.
"""

import hashlib
import ipaddress
import re
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from camket.lib.folding import fold, search_terms

FORM_SIGNING_SALT = "camket.consultations.form"
# Link candidates in folded text: a whole address with a scheme or "www.", a [url] tag, or a
# dotted word (example.com/path) starting a word and not part of an e-mail address. The dotted
# word is taken whole (possessive), so that it cannot shrink to a shorter match.
LINK = re.compile(
    r"""
    \[url
    | \b(?:[a-z][a-z0-9+.-]*://|www\.)\S*
    | (?<![\w@.-])(?P<dotted>[\w-]+(?:\.[\w-]+)++)(?![\w@-])
""",
    re.IGNORECASE | re.VERBOSE,
)
TOP_LEVEL_DOMAIN = re.compile(r"[a-z]{2,24}")
IPV6_SUBSCRIBER_PREFIX = 64


def issue_token(consultation_pk: int, *, now: float | None = None) -> str:
    """The signed timestamp put in the form when it is shown, with a nonce making it
    single-use (see `spend_token`)."""
    return signing.dumps(
        {
            "c": consultation_pk,
            "t": now if now is not None else time.time(),
            "n": secrets.token_urlsafe(16),
        },
        salt=FORM_SIGNING_SALT,
    )


def check_token(token: str, consultation_pk: int) -> None:
    """Refuse a form sent back too fast, too late, a second time, for another consultation,
    or forged. A token that passes is spent: the same one is refused from then on."""
    refused = ValidationError(
        _(
            "This form has expired or was altered. Please reload the page "
            "and write your comment again."
        ),
        code="token",
    )
    try:
        value = signing.loads(
            token or "",
            salt=FORM_SIGNING_SALT,
            max_age=settings.CAMKET_COMMENT_FORM_MAX_AGE_SECONDS,
        )
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        raise refused from None
    if (
        not isinstance(value, dict)
        or value.get("c") != consultation_pk
        or not isinstance(value.get("n"), str)
        or not value["n"]
    ):
        raise refused
    try:
        elapsed = time.time() - float(value.get("t"))
    except (TypeError, ValueError):
        raise refused from None
    if elapsed < settings.CAMKET_COMMENT_MIN_SECONDS:
        raise ValidationError(
            _("The form was sent too quickly. Please wait a few seconds and send it again."),
            code="too_fast",
        )
    _spend(value["n"], refused)


def _spend(nonce: str, refused: ValidationError) -> None:
    # Remembered as long as the token could still be accepted; `add` is atomic, so of two
    # posts racing with one token only one gets through.
    if not cache.add(
        f"consultation-form-token:{nonce}", 1, timeout=settings.CAMKET_COMMENT_FORM_MAX_AGE_SECONDS
    ):
        raise refused


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


def sender_key(address: str) -> str:
    """Who is counted as one sender: an IPv4 address as such, an IPv6 one by its /64 (a
    subscriber is given the whole block and can use a fresh address for every post)."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(ip), IPV6_SUBSCRIBER_PREFIX), strict=False))
    return str(ip)


def sender_of(request) -> str:
    """The keyed hash the comment of this request is counted and stored under."""
    return sender_hash(sender_key(sender_address(request)))


def sender_hash(address: str) -> str:
    return salted_hmac(
        "camket.consultations.sender", address or "unknown", algorithm="sha256"
    ).hexdigest()


def check_content(text: str) -> None:
    limit = settings.CAMKET_COMMENT_MAX_CHARS
    if len(text) > limit:
        raise ValidationError(
            _("A comment may hold at most %(limit)s characters; this one has %(count)s.")
            % {"limit": limit, "count": len(text)},
            code="too_long",
        )
    links = count_links(text)
    if links > settings.CAMKET_COMMENT_MAX_LINKS:
        raise ValidationError(
            _("A comment may hold at most %(limit)s links.")
            % {"limit": settings.CAMKET_COMMENT_MAX_LINKS},
            code="links",
        )


def count_links(text: str) -> int:
    """Links with or without a scheme. A dotted word is a domain when it ends in letters and
    each of its parts has a letter, so "1.2", "3.14" or "e.g." are not links."""
    count = 0
    for match in LINK.finditer(fold(text)):
        labels = (match.group("dotted") or "").split(".")
        if not match.group("dotted") or (
            TOP_LEVEL_DOMAIN.fullmatch(labels[-1])
            and all(any(char.isalpha() for char in label) for label in labels)
        ):
            count += 1
    return count


def fingerprint(text: str) -> str:
    """The same for texts differing only in case, accents, spacing or punctuation."""
    return hashlib.sha256(" ".join(search_terms(text)).encode()).hexdigest()


def check_consultation_volume(consultation, now) -> None:
    """Refuse beyond CAMKET_COMMENT_CONSULTATION_LIMIT comments on one consultation within the
    window, from all senders together, so that many addresses cannot flood moderation. Counted
    in the database, so every server process sees the same count."""
    window = settings.CAMKET_COMMENT_CONSULTATION_WINDOW_SECONDS
    recent = consultation.comments.filter(submitted_at__gt=now - timedelta(seconds=window)).count()
    if recent >= settings.CAMKET_COMMENT_CONSULTATION_LIMIT:
        raise ValidationError(
            _(
                "This consultation is receiving too many comments at the moment. "
                "Please try again in %(minutes)s minutes."
            )
            % {"minutes": max(1, window // 60)},
            code="consultation_limit",
        )


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
        raise ValidationError(
            _(
                "Too many comments were sent from your connection. Please try "
                "again in %(minutes)s minutes."
            )
            % {"minutes": max(1, window // 60)},
            code="rate_limit",
        )
