"""The dashboard's overdue counts, kept between requests until anything they count changes.

Counting them reads every due date before today with its report (100,000 dates: 50-100 ms of
the database's time on PostgreSQL, most of an agency officer's dashboard) and the indicators
the user may see. The result is kept per user, filters and day under a generation bumped by
every save or delete of what the count reads (`watch_overdue`), and under the item index's
token, which the importer moves after its bulk writes; the user's role is in the key (made
superuser or not, no signal says). At most CAMKET_DASHBOARD_CACHE_SECONDS in any case, so that
a change no signal reports (a bulk update) shows within that time.
"""

from datetime import date

from django.conf import settings
from django.core.cache import cache

from camket.accounts import roles
from camket.dashboard.counted import overdue_by_agency_counts
from camket.frameworks.item_index import ITEMS
from camket.lib.generations import Generation
from camket.plans.matching import Concerning

OVERDUE = Generation("camket:dashboard:overdue-generation")


def cached_overdue_by_agency_counts(
    user, concerning: Concerning, today: date, *, state: str
) -> dict[int | None, int]:
    """`counted.overdue_by_agency_counts`, from the cache when nothing it counts changed."""
    seconds = settings.CAMKET_DASHBOARD_CACHE_SECONDS
    if seconds <= 0:
        return overdue_by_agency_counts(user, concerning, today, state=state)
    who = "all" if user is None else f"{user.pk}:{roles.role_of(user)}"  # a superuser too
    filters = f"{concerning.framework}:{concerning.kind}:{concerning.category or ''}:{state}"
    key = (
        f"camket:dashboard:overdue:{OVERDUE.current()}:{ITEMS.current()}:{who}:{filters}:"
        f"{today.isoformat()}"
    )
    counts = cache.get(key)
    if counts is None:
        counts = overdue_by_agency_counts(user, concerning, today, state=state)
        cache.set(key, counts, timeout=seconds)
    return counts


def watch_overdue() -> None:
    """Called once from the app's ready(): the records the count and the user's scope read."""
    from camket.accounts.models import Agency, Membership
    from camket.frameworks.models import Framework, Recommendation, State
    from camket.plans.models import Action, DueDate, Indicator, Plan
    from camket.reports.models import ProgressReport
    from camket.review.models import Assessment

    models = [
        Agency,
        Membership,
        State,
        Framework,
        Recommendation,
        Plan,
        Action,
        Indicator,
        DueDate,
        ProgressReport,
        Assessment,
    ]
    links = [Action.co_agencies.through, Action.recommendations.through]
    OVERDUE.watch(models, links, name="dashboard-overdue")
