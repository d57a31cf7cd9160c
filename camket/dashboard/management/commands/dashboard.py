import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.dashboard import filters, services
from camket.lib.cli import date_option


class Command(BaseCommand):
    help = (
        "Print the dashboard's figures for the whole government (every agency, drafts "
        "included): shares implemented of accepted recommendations and commitments, and "
        "counts by framework, kind of framework, agency, theme, drug and crime subject, "
        "SDG and overdue reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("--framework", default="", help="only this framework (short name)")
        parser.add_argument(
            "--kind",
            default="",
            help="only frameworks of this kind (upr_cycle, programme, "
            "declaration, strategy, convention, treaty_body)",
        )
        parser.add_argument(
            "--category",
            default="",
            help="only items of this category (id, of any taxonomy; its children count too)",
        )
        parser.add_argument(
            "--state",
            default="",
            help="the state under review (ISO3 code) or 'all'; by default the "
            "home state (CAMKET_HOME_STATE), or every state with "
            "--framework",
        )
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")
        parser.add_argument("--date", help="count reports overdue as of this date (YYYY-MM-DD)")

    def handle(self, *args, **options):
        try:
            concerning = filters.concerning_from(options)
            state = filters.state_from(options)
        except filters.UnknownFilter as error:
            raise CommandError(str(error)) from None
        today = date_option(options["date"])
        result = services.figures(
            None,
            concerning.framework,
            today,
            kind=concerning.kind,
            category=concerning.category,
            state=state,
        )
        if options["json"]:
            self.stdout.write(json.dumps(services.as_dict(result), ensure_ascii=False))
            return
        self._print(result)

    def _print(self, result: services.Figures) -> None:
        headline = result.headline
        self.stdout.write(_("Accepted recommendations: %(n)d") % {"n": headline.accepted})
        self.stdout.write(_("Commitments: %(n)d") % {"n": headline.commitments})
        self.stdout.write(
            _("Implemented: %(n)d (%(share).1f%%)")
            % {"n": headline.implemented, "share": headline.implemented_share}
        )
        self.stdout.write(
            _("Partly implemented: %(n)d (%(share).1f%%)")
            % {"n": headline.partly_implemented, "share": headline.partly_implemented_share}
        )
        for segment in headline.segments[2:]:
            self.stdout.write(f"{segment.label}: {segment.count}")
        sections = [
            (_("By framework"), result.by_framework),
            (_("By kind of framework"), result.by_kind),
            (_("Actions by lead agency"), result.by_agency),
            (_("By theme"), result.by_theme),
            (_("By drug and crime subject"), result.by_topic),
            (_("By Sustainable Development Goal"), result.by_sdg),
            (_("Overdue reports by agency"), result.overdue_by_agency),
        ]
        for title, rows in sections:
            self.stdout.write(f"\n{title}")
            for row in rows:
                parts = "  ".join(f"{s.label}: {s.count}" for s in row.segments if s.count)
                self.stdout.write(f"  {row.label[:60]:60} {row.total:6}  {parts}")
