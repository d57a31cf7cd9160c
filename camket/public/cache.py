"""The portal's cache: what it computes is kept until any record it shows changes.

Every key carries a "portal generation" number. Saving, deleting or relinking any model the
portal reads bumps it, so the next visitor gets freshly computed pages: unpublishing an item
takes it off the portal at once, without tracking which pages showed it. Old generations are
left to expire (CAMKET_PUBLIC_CACHE_SECONDS).

Writes that send no signals (bulk imports) call `portal_changed()` themselves.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.translation import get_language

from camket.lib.generations import Generation

GENERATION_KEY = "camket:public:generation"
_portal = Generation(GENERATION_KEY)


def generation() -> int:
    return _portal.current()


def portal_changed(using=None, **_signal_arguments) -> None:
    """Something the portal shows changed: new generation now, and again once committed."""
    _portal.changed(using=using)


def _watched_models():
    from camket.accounts.models import Agency
    from camket.frameworks.models import Category, Framework, Recommendation, State, Taxonomy
    from camket.plans.models import Action, DueDate, Indicator, Plan

    return [
        Framework,
        Recommendation,
        Category,
        Taxonomy,
        State,
        Plan,
        Action,
        Indicator,
        DueDate,
        Agency,
    ]


def connect_signals() -> None:
    """Called once from the app's ready(): any change to what the portal shows bumps it."""
    from camket.frameworks.models import Category, Framework, Recommendation
    from camket.plans.models import Action

    links = [
        Recommendation.recommending_states.through,
        Recommendation.categories.through,
        Action.recommendations.through,
        Action.co_agencies.through,
        Framework.taxonomies.through,
        Category.related_sdgs.through,
    ]
    _portal.watch(_watched_models(), links, name="public")
    from camket.reports.models import Evidence, ProgressReport

    for model in (ProgressReport, Evidence):
        post_save.connect(_public_flag_saved, sender=model, dispatch_uid=f"public-{model.__name__}")
        post_delete.connect(
            portal_changed, sender=model, dispatch_uid=f"public-del-{model.__name__}"
        )


def _public_flag_saved(instance, created, update_fields=None, using=None, **_signal_arguments):
    """The portal shows reports and files marked public only: an agency's draft, saved many
    times a day, must not throw away every cached portal page each time."""
    may_have_been_public = update_fields is None and not created  # a whole-row save (admin)
    if instance.is_public or may_have_been_public or "is_public" in (update_fields or ()):
        portal_changed(using=using)


def _key(kind: str, request) -> str:
    query = sorted(request.GET.lists())
    # pages show their own absolute address (base.html): one copy per host and scheme
    origin = f"{request.scheme}://{request.get_host()}"
    raw = f"{kind}|{origin}|{get_language()}|{request.path}|{query}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"camket:public:{generation()}:{digest}"


def cached_value(kind: str, request, compute):
    """`compute()`'s result for this page, language and query string, computed once per
    generation."""
    key = _key(kind, request)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=settings.CAMKET_PUBLIC_CACHE_SECONDS)
    return value


def cached_page(view):
    """Keep a portal page's successful GET response (its body and type) per generation."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET":
            return view(request, *args, **kwargs)
        key = _key("page", request)
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            response = HttpResponse(content, content_type=content_type)
        else:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or getattr(response, "streaming", False):
                return response
            if hasattr(response, "render"):
                response.render()
            cache.set(
                key,
                (response.content, response["Content-Type"]),
                timeout=settings.CAMKET_PUBLIC_CACHE_SECONDS,
            )
        response["Content-Language"] = get_language()
        response["Vary"] = "Cookie, Accept-Language"
        return response

    return wrapper
