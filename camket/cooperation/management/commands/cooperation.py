"""`camket cooperation agreements|requests|summary|add-agreement|add-request`.

Without `--user` the command acts as the system: it sees every request and the history names no
one. With it, that person's scope applies: only the requests their agency handles. `--json`
prints, as its last line, the JSON answer."""

import json
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.cooperation import services, summary
from camket.cooperation.exports import AGREEMENTS, REQUESTS
from camket.cooperation.filters import AgreementFilters, RequestFilters
from camket.cooperation.models import Agreement, CooperationKind, CooperationRequest
from camket.cooperation.scoping import visible_agreements, visible_requests
from camket.exports.tables import as_data
from camket.lib.cli import active_user


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("Dates are YYYY-MM-DD, not %(value)r.") % {"value": value}) from None


class Command(BaseCommand):
    help = "Bilateral agreements and cooperation requests: list, summarise, add."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        agreements = sub.add_parser("agreements", help="the bilateral agreements")
        agreements.add_argument("--partner", default="")
        agreements.add_argument("--kind", default="", choices=["", *CooperationKind.values])
        agreements.add_argument("--status", default="", choices=["", *Agreement.Status.values])
        requests = sub.add_parser("requests", help="the cooperation requests one may see")
        requests.add_argument(
            "--direction", default="", choices=["", *CooperationRequest.Direction.values]
        )
        requests.add_argument("--kind", default="", choices=["", *CooperationKind.values])
        requests.add_argument("--partner", default="")
        requests.add_argument(
            "--status", default="", choices=["", *CooperationRequest.Status.values]
        )
        requests.add_argument("--year", type=int)
        summary_ = sub.add_parser(
            "summary",
            help="yearly counts (no details): by type over all "
            "requests; by partner and status over those --user handles",
        )
        summary_.add_argument("--year", type=int)
        summary_.add_argument(
            "--public", action="store_true", help="the portal's face: year × direction × type only"
        )
        add_agreement = sub.add_parser("add-agreement", help="record a bilateral agreement")
        add_agreement.add_argument("--partner", required=True, help="ISO3 code or name")
        add_agreement.add_argument("--kind", required=True, choices=CooperationKind.values)
        add_agreement.add_argument("--status", required=True, choices=Agreement.Status.values)
        add_agreement.add_argument("--title", default="")
        add_agreement.add_argument("--title-vi", default="")
        for name in ("signed-on", "ratified-on", "in-force-on"):
            add_agreement.add_argument(f"--{name}", default="", help="YYYY-MM-DD")
        add_agreement.add_argument("--central-authority", default="", help="an agency's code")
        add_agreement.add_argument("--note", default="")
        add_request = sub.add_parser("add-request", help="record a cooperation request")
        add_request.add_argument(
            "--direction", required=True, choices=CooperationRequest.Direction.values
        )
        add_request.add_argument("--kind", required=True, choices=CooperationKind.values)
        add_request.add_argument("--partner", required=True, help="ISO3 code or name")
        add_request.add_argument("--dated-on", required=True, help="YYYY-MM-DD")
        add_request.add_argument(
            "--status",
            default=CooperationRequest.Status.OPEN,
            choices=CooperationRequest.Status.values,
        )
        add_request.add_argument("--reference", default="")
        add_request.add_argument("--subject", default="")
        add_request.add_argument("--agreement", type=int, help="the agreement's id")
        add_request.add_argument("--responsible-agency", default="", help="an agency's code")
        add_request.add_argument(
            "--handled-by", action="append", default=[], help="an agency's code (repeat for more)"
        )
        for parser_ in sub.choices.values():
            parser_.add_argument("--json", action="store_true")
            parser_.add_argument(
                "--user", default="", help="act as this person (username); default: the system"
            )

    def handle(self, *args, action, **options):
        self.user = active_user(options["user"]) if options.get("user") else None
        try:
            answer = getattr(self, "_" + action.replace("-", "_"))(options)
        except PermissionDenied as error:
            raise CommandError(str(error) or _("Not allowed.")) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if options["json"]:
            self.stdout.write(json.dumps(answer, ensure_ascii=False))

    def _rows(self, table, records, options) -> list[dict]:
        rows = [
            {column.key: column.json_value(record) for column in table.columns}
            for record in records
        ]
        if not options["json"]:
            for row in rows:
                self.stdout.write(
                    " · ".join(str(value) for value in row.values() if value not in ("", None, []))
                )
        return rows

    def _agreements(self, options):
        filters = AgreementFilters.from_mapping(options)
        agreements = filters.apply(visible_agreements(self.user, include_archived=True))
        rows = self._rows(AGREEMENTS, agreements, options)
        for row, agreement in zip(rows, agreements, strict=True):
            row["id"] = agreement.pk
        return rows

    def _requests(self, options):
        query = {**options, "year": str(options["year"] or "")}
        records = (
            RequestFilters.from_mapping(query)
            .apply(visible_requests(self.user))
            .prefetch_related("handling_agencies")
        )
        rows = self._rows(REQUESTS, records, options)
        for row, record in zip(rows, records, strict=True):
            row["id"] = record.pk
        return rows

    def _summary(self, options):
        if options["public"]:
            answer = summary.public_summary(options["year"])
            sections = [("", answer["cells"])]
        else:
            answer = summary.internal_summary(self.user, options["year"])
            scope = answer["breakdowns_note"]
            sections = [
                (_("By year, direction and type (all requests)"), answer["by_type"]),
                (_("By partner state (%(scope)s)") % {"scope": scope}, answer["by_partner"]),
                (_("By type and status (%(scope)s)") % {"scope": scope}, answer["by_status"]),
            ]
        if not options["json"]:
            for title, rows in sections:
                if title:
                    self.stdout.write(title)
                for row in rows:
                    self.stdout.write(" · ".join(str(value) for value in row.values()))
        return answer

    def _add_agreement(self, options):
        values = {
            "partner": services.partner_from(options["partner"]),
            "kind": options["kind"],
            "status": options["status"],
            "title": options["title"],
            "title_vi": options["title_vi"],
            "note": options["note"],
            "signed_on": _date(options["signed_on"]),
            "ratified_on": _date(options["ratified_on"]),
            "in_force_on": _date(options["in_force_on"]),
            "central_authority": (
                services.agency_from(options["central_authority"])
                if options["central_authority"]
                else None
            ),
        }
        agreement = services.create_agreement(self.user, values)
        if not options["json"]:
            self.stdout.write(_("Agreement %(id)s recorded.") % {"id": agreement.pk})
        return {
            "id": agreement.pk,
            "partner": agreement.partner.iso3,
            "kind": agreement.kind,
            "status": agreement.status,
            "signed_on": as_data(agreement.signed_on),
        }

    def _add_request(self, options):
        values = {
            "direction": options["direction"],
            "kind": options["kind"],
            "partner": services.partner_from(options["partner"]),
            "dated_on": _date(options["dated_on"]),
            "status": options["status"],
            "reference": options["reference"],
            "subject": options["subject"],
        }
        if options["agreement"]:
            found = visible_agreements(self.user).filter(pk=options["agreement"]).first()
            if found is None:
                raise CommandError(_("No agreement %(id)s.") % {"id": options["agreement"]})
            values["agreement"] = found
        if options["responsible_agency"]:
            values["responsible_agency"] = services.agency_from(options["responsible_agency"])
        handlers = [services.agency_from(code) for code in options["handled_by"]]
        created = services.create_request(self.user, values, handling_agencies=handlers)
        if not options["json"]:
            self.stdout.write(_("Request %(id)s recorded.") % {"id": created.pk})
        return {
            "id": created.pk,
            "reference": created.reference,
            "responsible_agency": created.responsible_agency.code,
        }
