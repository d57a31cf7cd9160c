import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from camket.accounts.models import Agency
from camket.frameworks.models import Implementation, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.lib.concurrency import StaleEdit
from camket.plans import services
from camket.plans.export import actions_workbook
from camket.plans.filters import ActionFilters, filter_actions
from camket.plans.items import find_items, items_by_framework
from camket.plans.models import Action, Plan
from camket.plans.scoping import get_action_for_user
from camket.reports.due_dates import due_dates_to_chase
from camket.reports.models import ProgressReport
from camket.reports.services import accept_report, return_report
from camket.review.models import Cluster


def _action_row(action: Action) -> dict:
    return {
        "id": action.pk,
        "plan": action.plan_id,
        "reference": action.reference,
        "title": action.title,
        "title_en": action.title_en,
        "lead_agency": action.lead_agency.code,
        "status": action.status,
        "publication": action.publication,
        "target_on": action.target_on.isoformat() if action.target_on else None,
    }


class Command(BaseCommand):
    help = "Master plans from the command line: list, actions, overdue reports, changes, export."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="list plans")
        listing.add_argument("--json", action="store_true")
        actions = sub.add_parser("actions", help="list actions (filters as on the web page)")
        for name in (
            "plan",
            "framework",
            "kind",
            "category",
            "agency",
            "status",
            "publication",
            "q",
        ):
            actions.add_argument(f"--{name}", default="")
        actions.add_argument("--overdue", action="store_true")
        actions.add_argument("--json", action="store_true")
        actions.add_argument("--xlsx", type=Path, help="write the list to this Excel file")
        link = sub.add_parser(
            "link",
            help="link an action to items of any framework (or, "
            "with --unlink, remove the links); prints its items",
        )
        link.add_argument("action_id", type=int)
        link.add_argument("items", nargs="*", help='"SLUG:REF", or "REF" in the plan\'s framework')
        link.add_argument("--unlink", action="store_true", help="remove these links instead")
        link.add_argument("--user", required=True, help="who makes the change (username)")
        link.add_argument(
            "--json", action="store_true", help="last line: the action and its items as JSON"
        )
        overdue = sub.add_parser("overdue", help="overdue progress reports by agency")
        overdue.add_argument("--json", action="store_true")
        status = sub.add_parser("status", help="set an action's implementation status")
        status.add_argument("action_id", type=int)
        status.add_argument("status", choices=Implementation.values)
        status.add_argument("--reason", default="")
        status.add_argument("--user", required=True, help="who makes the change (username)")
        reports = sub.add_parser("reports", help="list progress reports")
        reports.add_argument("--agency", default="", help="reporting agency code")
        reports.add_argument("--state", default="", choices=["", *ProgressReport.State.values])
        reports.add_argument("--json", action="store_true")
        review = sub.add_parser("review", help="accept or return a submitted report")
        review.add_argument("report_id", type=int)
        review.add_argument("decision", choices=["accept", "return"])
        review.add_argument("--comment", default="")
        review.add_argument("--user", required=True, help="who reviews (username)")
        clusters = sub.add_parser(
            "from-clusters", help="make one action per review cluster of the framework"
        )
        clusters.add_argument("plan_id", type=int)
        clusters.add_argument("--lead", required=True, help="lead agency code")
        clusters.add_argument(
            "--cluster",
            type=int,
            action="append",
            help="cluster id (repeatable; default: all of the framework)",
        )
        clusters.add_argument("--user", required=True, help="who makes the change (username)")

    def handle(self, *args, action, **options):
        handler = getattr(self, "_" + action.replace("-", "_"))
        try:
            handler(options)
        except PermissionDenied as error:
            raise CommandError(str(error) or _("Not allowed.")) from None
        except (ValidationError, StaleEdit) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            raise CommandError(" ".join(messages)) from None

    def _print(self, rows: list[dict], as_json: bool, columns: list[str]) -> None:
        if as_json:
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        for row in rows:
            self.stdout.write(
                "  ".join(str(row[c] if row[c] is not None else "—") for c in columns)
            )

    def _list(self, options):
        rows = [
            {
                "id": p.pk,
                "framework": p.framework.slug,
                "title": p.title,
                "title_en": p.title_en,
                "decision_number": p.decision_number,
                "approved_on": p.approved_on.isoformat() if p.approved_on else None,
                "actions": p.actions.count(),
            }
            for p in Plan.objects.select_related("framework").order_by("id")
        ]
        self._print(rows, options["json"], ["id", "framework", "approved_on", "actions", "title"])

    def _actions(self, options):
        filters = ActionFilters.from_mapping(
            {**options, "overdue": "1" if options["overdue"] else ""}
        )
        actions = filter_actions(None, filters)  # the console reads every action
        if options["xlsx"]:
            options["xlsx"].write_bytes(actions_workbook(actions, Recommendation.objects.all()))
            self.stdout.write(
                _("%(count)d action(s) written to %(path)s")
                % {"count": actions.count(), "path": options["xlsx"]}
            )
            return
        self._print(
            [_action_row(a) for a in actions],
            options["json"],
            ["id", "reference", "lead_agency", "status", "target_on", "title"],
        )

    def _overdue(self, options):
        today = timezone.localdate()
        rows = []
        for agency in Agency.objects.order_by("code"):
            late = due_dates_to_chase().filter(indicator__agency=agency, due_on__lt=today)
            if late.exists():
                rows.append(
                    {
                        "agency": agency.code,
                        "name": agency.name,
                        "overdue": late.count(),
                        "oldest": late.order_by("due_on").first().due_on.isoformat(),
                    }
                )
        self._print(rows, options["json"], ["agency", "overdue", "oldest", "name"])

    def _user(self, username):
        try:
            return get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            message = _("There is no active user %(name)r.") % {"name": username}
            raise CommandError(message) from None

    def _status(self, options):
        user = self._user(options["user"])
        try:
            action = Action.objects.get(pk=options["action_id"])
        except Action.DoesNotExist:
            message = _("There is no action %(id)d.") % {"id": options["action_id"]}
            raise CommandError(message) from None
        services.set_action_status(
            user, action, options["status"], options["reason"], version=action.version
        )
        self.stdout.write(f"{action.reference}: {action.get_status_display()}")

    def _link(self, options):
        user = self._user(options["user"])
        try:
            action = get_action_for_user(user, options["action_id"])
        except Http404:
            message = _("There is no action %(id)d.") % {"id": options["action_id"]}
            raise CommandError(message) from None
        found = find_items(user, options["items"], default_framework=action.plan.framework)
        if found.unknown:
            raise CommandError(found.error())
        linked = list(visible_recommendations(user).filter(actions=action))
        if options["unlink"]:
            chosen = [item for item in linked if item not in found.items]
        else:
            chosen = list(dict.fromkeys([*linked, *found.items]))
        if options["items"]:
            services.update_action(user, action, {}, version=action.version, recommendations=chosen)
        groups = items_by_framework(user, action)
        rows = [
            {
                "framework": framework.slug,
                "kind": framework.kind,
                "reference": item.reference,
                "level": item.level,
                "implementation": item.implementation or None,
            }
            for framework, items in groups
            for item in items
        ]
        if options["json"]:
            self.stdout.write(json.dumps({"action": action.pk, "items": rows}, ensure_ascii=False))
            return
        self._print(rows, False, ["framework", "reference", "implementation"])

    def _from_clusters(self, options):
        user = self._user(options["user"])
        try:
            plan = Plan.objects.get(pk=options["plan_id"])
            lead = Agency.objects.get(code=options["lead"], archived=False)
        except (Plan.DoesNotExist, Agency.DoesNotExist):
            raise CommandError(_("Unknown plan or lead agency code.")) from None
        clusters = Cluster.objects.filter(framework=plan.framework, archived=False)
        if options["cluster"]:
            clusters = clusters.filter(pk__in=options["cluster"])
        made, skipped = services.actions_from_clusters(user, plan, clusters, lead)
        for action in made:
            self.stdout.write(f"{action.reference}  {action.title}")
        self.stdout.write(
            _("%(made)d action(s) made, %(skipped)d cluster(s) skipped.")
            % {"made": len(made), "skipped": len(skipped)}
        )

    def _reports(self, options):
        reports = ProgressReport.objects.select_related(
            "due_date",
            "due_date__indicator",
            "due_date__indicator__agency",
            "due_date__indicator__action",
        ).order_by("due_date__due_on", "id")
        if options["agency"]:
            reports = reports.filter(due_date__indicator__agency__code=options["agency"])
        if options["state"]:
            reports = reports.filter(state=options["state"])
        rows = [
            {
                "id": r.pk,
                "due_on": r.due_date.due_on.isoformat(),
                "agency": r.due_date.indicator.agency.code,
                "action": r.due_date.indicator.action.reference
                if r.due_date.indicator.action_id
                else None,
                "indicator": r.due_date.indicator.title,
                "state": r.state,
                "status": r.status,
                "version": r.version,
            }
            for r in reports
        ]
        self._print(
            rows,
            options["json"],
            ["id", "due_on", "agency", "action", "state", "status", "indicator"],
        )

    def _review(self, options):
        user = self._user(options["user"])
        report = ProgressReport.objects.filter(pk=options["report_id"]).first()
        if report is None:
            message = _("There is no report %(id)d.") % {"id": options["report_id"]}
            raise CommandError(message)
        review = accept_report if options["decision"] == "accept" else return_report
        review(user, report, version=report.version, comment=options["comment"])
        self.stdout.write(f"{report.pk}: {report.get_state_display()}")
