"""GET /api/dashboard: the dashboard's figures as JSON, scoped like the web page."""

from django.core.exceptions import PermissionDenied
from ninja import Router

from camket.accounts import roles
from camket.dashboard import services
from camket.dashboard.views import concerning_from, state_from

router = Router(tags=["dashboard"])


@router.get("", response=services.Figures, summary="Implementation figures")
def dashboard(request, framework: str = "", kind: str = "", category: str = "", state: str = ""):
    """Shares implemented / partly implemented of accepted recommendations and commitments
    (items of frameworks without a response), and counts by framework, kind of framework,
    lead agency, theme, drug and crime subject, SDG goal and overdue reports; each row and
    segment links to the filtered list behind it. Filters, combinable: `framework` (a
    framework's short name), `kind` (upr_cycle, treaty_body, programme, declaration,
    strategy, convention), `category` (a category's id, of any taxonomy: its children count
    too), `state` (the state under review's ISO3 code, or `all`; by default the home state,
    CAMKET_HOME_STATE, whose figures include the items without a state under review; with a
    `framework` and no `state`, every state). An unknown filter is a 404."""
    if not roles.can_read(request.user):
        raise PermissionDenied
    concerning = concerning_from({"framework": framework, "kind": kind, "category": category})
    return services.figures(
        request.user,
        concerning.framework,
        kind=concerning.kind,
        category=concerning.category,
        state=state_from({"state": state}),
    )
