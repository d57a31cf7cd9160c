"""The public portal: no sign-in, only what `public.scoping` lets out."""

from functools import wraps

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render

from camket.frameworks.models import Recommendation
from camket.public.scoping import portal_enabled, public_frameworks


def portal_view(view):
    """A portal page: 404 when the portal is switched off (CAMKET_PUBLIC_PORTAL=0)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not portal_enabled():
            raise Http404("The public portal is switched off.")
        return view(request, *args, **kwargs)

    return wrapper


@portal_view
def portal_home(request):
    published = Q(recommendations__status=Recommendation.Status.PUBLISHED)
    frameworks = public_frameworks().annotate(item_count=Count("recommendations", filter=published))
    return render(request, "public/home.html", {"frameworks": frameworks})
