"""What the load test needs beyond the demo: an API token per signed-in persona, printed as
`TOKEN <username> <secret>` lines that the locustfile reads. Run by scripts/loadtest.sh in a
throw-away database only."""

from django.contrib.auth import get_user_model

from camket.accounts.tokens import issue_token
from camket.frameworks.models import Recommendation
from camket.plans.models import DueDate

PERSONAS = ("coordinator", "mps_focal", "moj_focal", "molisa_focal")


def prepare() -> None:
    users = get_user_model().objects.filter(username__in=PERSONAS)
    for user in users:
        _token, secret = issue_token(None, user, "load test")
        print(f"TOKEN {user.username} {secret}")
    print(
        f"DATA {Recommendation.objects.count()} recommendations, "
        f"{DueDate.objects.count()} due dates, {users.count()} personas; passwords stored as "
        f"{sorted({user.password.split('$', 1)[0] for user in users})}"
    )
