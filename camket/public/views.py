"""The public portal: no sign-in, only what `public.scoping` lets out (through `queries`)."""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language

from camket.frameworks.outline import has_tree, tree_of
from camket.public import figures, queries
from camket.public.cache import cached_page
from camket.public.scoping import portal_enabled, public_evidence, public_indicators
from camket.reports.files import download_response

ITEMS_PER_PAGE = 25


def portal_view(view):
    """A portal page: 404 when the portal is switched off (CAMKET_PUBLIC_PORTAL=0)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not portal_enabled():
            raise Http404("The public portal is switched off.")
        return view(request, *args, **kwargs)

    return wrapper


@portal_view
@cached_page
def portal_home(request):
    language = get_language()
    frameworks = queries.frameworks_with_counts()
    return render(
        request,
        "public/home.html",
        {
            "frameworks": frameworks,
            "chart": figures.frameworks_chart([f for f in frameworks if f.item_count], language),
        },
    )


@portal_view
@cached_page
def framework_page(request, slug):
    framework = queries.get_public_framework(slug)
    language = get_language()
    filters = queries.PortalFilters.from_mapping(request.GET)
    active = filters.active()
    results = queries.find_items(framework, filters)
    page = Paginator(queries.with_listing_details(results), ITEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    tree = None
    if has_tree(framework) and not active:
        tree = tree_of(list(queries.framework_items(framework).order_by("id")), framework, language)
    return render(
        request,
        "public/framework.html",
        {
            "framework": framework,
            "filters": filters,
            "active": active,
            "page": page,
            "query_string": urlencode(active),
            "choices": queries.filter_choices(framework, language, filters),
            "state_in_effect": queries.state_in_effect(framework, filters),
            "response_donut": figures.response_donut(queries.counts_by(results, "response"), active)
            if framework.has_response
            else None,
            "implementation_donut": figures.implementation_donut(
                queries.counts_by(results, "implementation"), active
            ),
            "tree": tree,
        },
    )


@portal_view
@cached_page
def item_page(request, slug, reference):
    framework = queries.get_public_framework(slug)
    item = queries.get_public_item(framework, reference)
    return render(
        request,
        "public/item.html",
        {
            "framework": framework,
            "item": item,
            "level_label": framework.level_label(item.level, get_language()),
            "ancestors": queries.public_ancestors(item),
            "children": queries.public_children(item),
            "actions": queries.item_actions(item),
            "indicators": queries.item_indicators(item),
        },
    )


@portal_view
@cached_page
def actions_page(request, slug):
    framework = queries.get_public_framework(slug)
    page = Paginator(queries.framework_actions(framework), ITEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request, "public/actions.html", {"framework": framework, "page": page, "query_string": ""}
    )


@portal_view
@cached_page
def action_page(request, slug, pk):
    framework = queries.get_public_framework(slug)
    action = queries.get_public_action(framework, pk)
    queries.attach_progress([action], public_indicators().filter(action=action))
    return render(request, "public/action.html", {"framework": framework, "action": action})


@portal_view
def evidence_download(request, pk):
    """A public file of a public report; nothing else, whoever asks."""
    return download_response(get_object_or_404(public_evidence(), pk=pk))


@portal_view
def switch_language(request, code):
    """A plain link sets the language cookie, so the switch needs neither a session nor a
    CSRF token and portal pages stay cacheable (see docs/decisions.md)."""
    if code not in dict(settings.LANGUAGES):
        raise Http404("Unknown language.")
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not (safe and target.startswith("/public/")):
        target = reverse("public-home")
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
