"""What a person sees when django-axes blocks a sign-in (site login and Django admin login)."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a translated page in the site's layout, with HTTP 429."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else 0,
    }
    return render(
        request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
