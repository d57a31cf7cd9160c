"""camket under load: the coordinator, agency officers and anonymous readers of the public
portal, weighted, each doing what that person does all day. Run by scripts/loadtest.sh
against gunicorn on 127.0.0.1; each signed-in locust user signs in once, through the form.

Requests are grouped by page (`name=`), so the figures read per endpoint. A progress report
refused because someone else saved, submitted or reviewed it first (HTTP 409) is the expected
outcome of several people working on the same reports at once: it is counted as a `CONFLICT`
row, not as a failure. The users are locust's FastHttpUser (geventhttpclient), which costs
several times less CPU per request than the requests-based HttpUser: locust shares the machine
with the server it measures."""

import json
import os
import random
import time

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

from loadtest import pages

PASSWORD = os.environ.get("LOAD_PASSWORD", "camket-demo-2024")
OFFICERS = ("mps_focal", "moj_focal", "molisa_focal")
WORDS = (
    "torture",
    "women",
    "children",
    "death penalty",
    "freedom of expression",
    "trafficking",
    "quyền trẻ em",  # Vietnamese with diacritics
    "phụ nữ",
    "quyen tre em",  # … and as typed without them
    "phu nu",
    "buôn bán người",
    "buon ban nguoi",
)
SORTS = ("newest", "oldest", "state", "response", "status")


def _think_time() -> tuple[float, float]:
    """Seconds a user waits between actions: 1–5 s unless LOAD_THINK="MIN,MAX" says otherwise
    (a modelling choice: runs with another think time are reported apart)."""
    low, _, high = os.environ.get("LOAD_THINK", "1,5").partition(",")
    return float(low), float(high or low)


THINK = between(*_think_time())
WARM_UP_SECONDS = 60
_after_warm_up: list[tuple[float, bool]] = []
_started = [0.0]


@events.test_start.add_listener
def _note_start(**_arguments) -> None:
    _started[0] = time.monotonic()


@events.request.add_listener
def _keep_after_warm_up(request_type, name, response_time, exception=None, **_arguments) -> None:
    """Past the first minute every user has signed in: what the run looks like from then on
    is kept apart (scripts/loadtest.sh prints it), sign-ins and conflict rows left out."""
    if request_type == "CONFLICT" or name == "login":
        return
    if time.monotonic() - _started[0] >= WARM_UP_SECONDS:
        _after_warm_up.append((response_time, exception is not None))


@events.test_stop.add_listener
def _write_after_warm_up(**_arguments) -> None:
    path = os.environ.get("LOAD_AFTER_WARM_UP_FILE", "")
    if not path or not _after_warm_up:
        return
    times = sorted(found for found, _failed in _after_warm_up)
    with open(path, "w", encoding="utf-8") as out:
        json.dump(
            {
                "skipped_seconds": WARM_UP_SECONDS,
                "requests": len(times),
                "failures": sum(failed for _found, failed in _after_warm_up),
                "p50": round(times[len(times) // 2]),
                "p95": round(times[int(len(times) * 0.95)]),
            },
            out,
        )


def _tokens() -> dict[str, str]:
    """Usernames to API token secrets, from the `TOKEN user secret` lines of the fixtures."""
    path = os.environ.get("LOAD_TOKEN_FILE", "")
    if not path or not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as lines:
        return {
            parts[1]: parts[2]
            for parts in (line.split() for line in lines)
            if len(parts) == 3 and parts[0] == "TOKEN"
        }


TOKENS = _tokens()
CONFLICT = 409


def count_conflict(user, response, name: str, started: float) -> None:
    """A 409 is the page saying someone else changed the report first: correct, not a failure;
    it gets a row of its own."""
    response.success()
    user.environment.events.request.fire(
        request_type="CONFLICT",
        name=name,
        response_time=(time.perf_counter() - started) * 1000,
        response_length=0,
        exception=None,
        context={},
    )


def settle_report_change(user, response, started: float, *, conflict: str, refused: str) -> None:
    """A report change answered: redirected (done), 409 (someone else first: `count_conflict`
    under the name `conflict`), anything else a failure."""
    if response.status_code == 302:
        response.success()
    elif response.status_code == CONFLICT:
        count_conflict(user, response, conflict, started)
    else:
        response.failure(f"{refused} (HTTP {response.status_code})")


class SignedInUser(FastHttpUser):
    abstract = True
    wait_time = THINK
    username = ""

    def on_start(self) -> None:
        self.item_ids: list[int] = []
        page = self.client.get("/accounts/login/", name="login form")
        csrf = pages.CSRF.search(page.text)
        with self.client.post(
            "/accounts/login/",
            data={
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": csrf.group(1) if csrf else "",
            },
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # Signed in: a redirect away from the form (a refusal shows the form again, 200).
            if response.status_code != 302:
                response.failure(f"{self.username} could not sign in")

    def browse_list(self) -> None:
        params = {"sort": random.choice(SORTS)}
        if random.random() < 0.5:
            params["state"] = "all"
        if random.random() < 0.5:
            params["page"] = str(random.randint(1, 20))
        response = self.client.get("/recommendations/", params=params, name="list")
        self.item_ids = pages.ids(pages.ITEM, response.text) or self.item_ids

    def search(self) -> None:
        params = {"q": random.choice(WORDS)}
        if random.random() < 0.5:
            params["state"] = "all"
        response = self.client.get("/recommendations/", params=params, name="search")
        self.item_ids = pages.ids(pages.ITEM, response.text) or self.item_ids

    def open_item(self) -> None:
        if not self.item_ids:
            self.browse_list()
        if self.item_ids:
            pk = random.choice(self.item_ids)
            self.client.get(f"/recommendations/{pk}/", name="item")

    def api_list(self) -> None:
        token = TOKENS.get(self.username)
        if token:
            self.client.get(
                "/api/recommendations",
                params={"page": random.randint(1, 10), "state": "all"},
                headers={"Authorization": f"Bearer {token}"},
                name="api list",
            )


class Coordinator(SignedInUser):
    weight = 2
    username = "coordinator"

    @task(4)
    def list(self) -> None:
        self.browse_list()

    @task(3)
    def find(self) -> None:
        self.search()

    @task(3)
    def item(self) -> None:
        self.open_item()

    @task(2)
    def dashboard(self) -> None:
        self.client.get("/dashboard/", name="dashboard")

    @task(2)
    def inbox(self) -> None:
        self.client.get("/inbox/", name="inbox")

    @task(1)
    def export(self) -> None:
        fmt = random.choice(("xlsx", "csv"))
        self.client.get(
            f"/exports/recommendations.{fmt}",
            params={"q": random.choice(WORDS)},
            name=f"export {fmt}",
        )

    @task(1)
    def api(self) -> None:
        self.api_list()

    @task(1)
    def return_a_report(self) -> None:
        """Send a submitted report back, so that officers can write it again."""
        queue = self.client.get("/reports/", name="report queue")
        # The section "submitted, awaiting your review" comes first on the page.
        due_dates = pages.DUE_DATE.findall(queue.text)[:5]
        if not due_dates:
            return
        pk = random.choice(due_dates)
        page = self.client.get(f"/due-dates/{pk}/", name="report page")
        form = pages.review_form(page.text)
        if form is None:
            return
        report, fields = form
        started = time.perf_counter()
        with self.client.post(
            f"/reports/{report}/review/",
            data={
                **fields,
                "comment": "Please add the figures for the last quarter.",
                "return": "",
            },
            headers={"Referer": f"{self.host}/due-dates/{pk}/"},
            allow_redirects=False,
            name="report return",
            catch_response=True,
        ) as response:
            settle_report_change(
                self,
                response,
                started,
                conflict="report return: reviewed first",
                refused="report not returned",
            )


class Officer(SignedInUser):
    weight = 5

    def on_start(self) -> None:
        self.username = random.choice(OFFICERS)
        super().on_start()

    @task(3)
    def list(self) -> None:
        self.browse_list()

    @task(3)
    def find(self) -> None:
        self.search()

    @task(2)
    def item(self) -> None:
        self.open_item()

    @task(2)
    def inbox(self) -> None:
        self.client.get("/inbox/", name="inbox")

    @task(1)
    def api(self) -> None:
        self.api_list()

    @task(2)
    def write_report(self) -> None:
        queue = self.client.get("/reports/", name="report queue")
        due_dates = pages.ids(pages.DUE_DATE, queue.text)
        if not due_dates:
            return
        pk = random.choice(due_dates)
        page = self.client.get(f"/due-dates/{pk}/", name="report page")
        form = pages.report_form(page.text)
        if form is None:
            return  # submitted and waiting for the coordinator: nothing to write
        submit = random.random() < 0.2
        started = time.perf_counter()
        with self.client.post(
            f"/due-dates/{pk}/",
            data={
                "csrfmiddlewaretoken": form["csrfmiddlewaretoken"],
                "version": form["version"],
                "status": random.choice(form["statuses"]),
                "narrative": f"Progress at {time.strftime('%H:%M:%S')}: trainings held.",
                "indicator_value": str(random.randint(0, 100)),
                "submit" if submit else "save": "",
            },
            headers={"Referer": f"{self.host}/due-dates/{pk}/"},
            allow_redirects=False,
            name="report submit" if submit else "report save",
            catch_response=True,
        ) as response:
            settle_report_change(
                self,
                response,
                started,
                conflict="report save: someone changed it first",
                refused="report not saved",
            )


class PublicReader(FastHttpUser):
    weight = 3
    wait_time = THINK

    def on_start(self) -> None:
        self.frameworks: list[str] = []
        self.with_actions: list[str] = []
        self.items: list[str] = []

    @task(2)
    def home(self) -> None:
        page = self.client.get("/public/", name="public home")
        self.frameworks = sorted(set(pages.PUBLIC_FRAMEWORK.findall(page.text))) or self.frameworks
        self.with_actions = sorted(set(pages.PUBLIC_ACTIONS.findall(page.text)))

    @task(3)
    def framework(self) -> None:
        if not self.frameworks:
            self.home()
        if self.frameworks:
            slug = random.choice(self.frameworks)
            params = {"q": random.choice(WORDS)} if random.random() < 0.3 else {}
            page = self.client.get(f"/public/{slug}/", params=params, name="public framework")
            self.items = pages.PUBLIC_ITEM.findall(page.text) or self.items

    @task(3)
    def item(self) -> None:
        if self.items:
            self.client.get(random.choice(self.items), name="public item")

    @task(1)
    def actions(self) -> None:
        if self.with_actions:
            self.client.get(
                f"/public/{random.choice(self.with_actions)}/actions/", name="public actions"
            )

    @task(1)
    def open_data(self) -> None:
        if self.frameworks:
            self.client.get(
                f"/public/data/{random.choice(self.frameworks)}.csv", name="public open data"
            )
