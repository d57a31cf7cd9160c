"""GET /api/dashboard: the dashboard's figures as JSON, scoped like the web page."""

from django.core.exceptions import PermissionDenied
from ninja import Router

from camket.accounts import roles
from camket.dashboard import services
from camket.dashboard.views import framework_from

router = Router(tags=["dashboard"])


@router.get("", response=services.Figures, summary="Implementation figures")
def dashboard(request, framework: str = ""):
    """Shares implemented / partly implemented of accepted recommendations, and counts by
    framework, lead agency, theme, SDG goal and overdue reports; each row and segment links
    to the filtered list behind it. `framework` is a framework's short name (slug)."""
    if not roles.can_read(request.user):
        raise PermissionDenied
    return services.figures(request.user, framework_from({"framework": framework}))
