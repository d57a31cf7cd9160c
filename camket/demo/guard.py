"""`camket demo` runs only on an empty database or on one it made itself.

The demo creates `admin` and other users with the passwords README publishes and renames
agencies to the demo's names: run against a real database by mistake, it would open it to
anyone who read the README. A database the demo fills is marked (`DemoDatabase`), so
`make demo` can run it again and again.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from camket.accounts.models import Agency
from camket.demo import data
from camket.frameworks.models import Framework, Recommendation
from camket.web.models import DemoDatabase


class NotADemoDatabase(Exception):
    pass


def is_empty() -> bool:
    """No people, agencies, frameworks or recommendations (built-in taxonomies don't count:
    every migrate installs them)."""
    return not (
        get_user_model().objects.exists()
        or Agency.objects.exists()
        or Framework.objects.exists()
        or Recommendation.objects.exists()
    )


def _made_by_an_earlier_demo() -> bool:
    """Databases the demo filled before it left a marker: its framework is there and its
    coordinator still signs in with the published password."""
    password = next(p for u, p, *_ in data.USERS if u == "coordinator")
    coordinator = get_user_model().objects.filter(username="coordinator").first()
    return (
        Framework.objects.filter(slug=data.FRAMEWORK["slug"]).exists()
        and coordinator is not None
        and coordinator.check_password(password)
    )


def claim_demo_database() -> None:
    """Mark the database as the demo's, or raise NotADemoDatabase (nothing changed)."""
    if DemoDatabase.objects.exists():
        return
    if not (is_empty() or _made_by_an_earlier_demo()):
        raise NotADemoDatabase(
            _(
                "This database was not made by “camket demo” and is not empty: the demo would "
                "create users with published passwords and rename agencies, so it refuses. Point "
                "CAMKET_DATA_DIR (or DATABASE_URL) at a new, empty database to load the demo."
            )
        )
    DemoDatabase.objects.create()
