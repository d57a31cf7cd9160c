"""The menu's open-work count, on every page a signed-in user opens.

Counting runs one query per kind of work, the slowest of which reads every open due date
(70–120 ms with 100,000 of them). The count is kept per user and day until anything it counts
changes (a "work generation" bumped by every save of those records), and at most
CAMKET_WORK_COUNT_CACHE_SECONDS in any case: a role given or taken away shows within that time.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from camket.inbox.work import open_work_count
from camket.lib.generations import OPEN_WORK as _work


def cached_open_work_count(user) -> int:
    if settings.CAMKET_WORK_COUNT_CACHE_SECONDS <= 0:
        return open_work_count(user)
    key = f"camket:work:{_work.current()}:{user.pk}:{timezone.localdate().isoformat()}"
    count = cache.get(key)
    if count is None:
        count = open_work_count(user)
        cache.set(key, count, timeout=settings.CAMKET_WORK_COUNT_CACHE_SECONDS)
    return count


def connect_signals() -> None:
    """Called once from the app's ready(): every record a kind of work counts bumps it."""
    from camket.accounts.models import Agency, Membership
    from camket.consultations.models import Comment, Consultation
    from camket.frameworks.models import Framework, Recommendation
    from camket.links.models import ItemLink
    from camket.plans.models import Action, DueDate, Indicator, Plan
    from camket.reports.models import ProgressReport
    from camket.review.models import Assessment
    from camket.tagging.models import Suggestion

    models = [
        Agency,
        Membership,
        Comment,
        Consultation,
        Framework,
        Recommendation,
        ItemLink,
        Action,
        DueDate,
        Indicator,
        Plan,
        ProgressReport,
        Assessment,
        Suggestion,
    ]
    _work.watch(models, [Action.co_agencies.through], name="work")
