"""`camket laws list|show|import|link`: the register of legal acts from the command line.

`--json` prints, as its last line, the JSON answer. Without `--user` the command acts as the
system: it sees every item and the history names no one; with it, that person's permissions
apply and the history names them. An act is named by its id or its number."""

import json
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.legislation import services
from camket.legislation.importing import import_laws
from camket.legislation.listing import ActFilters, filter_acts, with_commitment_counts
from camket.legislation.models import LegalAct
from camket.legislation.scoping import commitment_links, visible_acts
from camket.lib.cli import active_user
from camket.treaties.models import Instrument


def act_dict(act, links=None) -> dict:
    row = {
        "id": act.pk,
        "number": act.number,
        "kind": act.kind,
        "title_vi": act.title_vi,
        "title": act.title,
        "issuing_body": act.issuing_body,
        "status": act.status,
        "adopted_on": _iso(act.adopted_on),
        "in_force_on": _iso(act.in_force_on),
        "repealed_on": _iso(act.repealed_on),
        "url": act.url,
        "archived": act.archived,
        "version": act.version,
        "instruments": [instrument.key for instrument in act.instruments.all()],
        "commitment_count": getattr(act, "commitment_count", None),
    }
    if links is not None:
        row["commitments"] = [f"{link.item.framework.slug}:{link.item.reference}" for link in links]
        row["commitment_count"] = len(links)
    return row


def _iso(value) -> str | None:
    return value.isoformat() if value else None


class Command(BaseCommand):
    help = "The register of legal acts: list, show, import a CSV/XLSX register, link an act."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="the acts, filtered")
        listing.add_argument("--q", default="", help="words, with or without diacritics")
        listing.add_argument("--kind", default="", choices=["", *LegalAct.Kind.values])
        listing.add_argument("--status", default="", choices=["", *LegalAct.Status.values])
        listing.add_argument("--instrument", default="", help="an instrument's key")
        listing.add_argument("--archived", action="store_true", help="archived acts instead")
        show = sub.add_parser("show", help="one act: its fields, instruments and commitments")
        show.add_argument("act", help="the act's id or number")
        importing = sub.add_parser("import", help="import a register from a CSV or XLSX file")
        importing.add_argument("file")
        importing.add_argument(
            "--dry-run", action="store_true", help="check and count, write nothing"
        )
        link = sub.add_parser("link", help="link an act to an instrument or a commitment")
        link.add_argument("act", help="the act's id or number")
        target = link.add_mutually_exclusive_group(required=True)
        target.add_argument("--instrument", help="an instrument's key")
        target.add_argument("--commitment", help="an item, as SLUG:REF")
        link.add_argument("--remove", action="store_true", help="unlink instead")
        for parser_ in (listing, show, importing, link):
            parser_.add_argument(
                "--json", action="store_true", help="print the answer as JSON, on the last line"
            )
            parser_.add_argument(
                "--user", default="", help="act as this person (username); default: the system"
            )

    def handle(self, *args, action, **options):
        self.user = active_user(options["user"]) if options.get("user") else None
        self.json = options["json"]
        try:
            getattr(self, "_" + action)(options)
        except PermissionDenied as error:
            raise CommandError(str(error) or _("Not allowed.")) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None

    def _act(self, name: str) -> LegalAct:
        acts = visible_acts(self.user)
        act = acts.filter(pk=int(name)).first() if name.isdigit() else None
        act = act or acts.filter(number__iexact=name).order_by("archived", "-pk").first()
        if act is None:
            raise CommandError(_("There is no act %(name)s.") % {"name": name})
        return act

    def _print(self, data, lines) -> None:
        if self.json:
            self.stdout.write(json.dumps(data, ensure_ascii=False))
            return
        for line in lines:
            self.stdout.write(line)

    def _list(self, options):
        services.require_member(self.user)
        filters = ActFilters(
            q=options["q"],
            kind=options["kind"],
            status=options["status"],
            instrument=options["instrument"],
            archived=options["archived"],
        )
        acts = (
            with_commitment_counts(self.user, filter_acts(self.user, filters))
            .order_by("-adopted_on", "title_vi")
            .prefetch_related("instruments")
        )
        rows = [act_dict(act) for act in acts]
        self._print(
            rows,
            [
                f"{row['id']:>5}  {row['number'] or '—':<16} {row['status']:<10} "
                f"{row['title_vi']}  [{', '.join(row['instruments'])}]"
                for row in rows
            ],
        )

    def _show(self, options):
        services.require_member(self.user)
        act = self._act(options["act"])
        row = act_dict(act, list(commitment_links(self.user, act)))
        self._print(row, [f"{name}: {value}" for name, value in row.items()])

    def _import(self, options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("There is no file %(path)s.") % {"path": path})
        outcome = import_laws(path, user=self.user, dry_run=options["dry_run"])
        if not self.json:
            for error in outcome.errors:
                self.stderr.write(str(error))
        self._print(
            outcome.as_dict(),
            [
                _(
                    "%(created)d added, %(updated)d updated, %(unchanged)d unchanged, "
                    "%(instrument_links)d instrument links, "
                    "%(commitment_links)d commitment links%(dry)s."
                )
                % {
                    **outcome.as_dict(),
                    "dry": _(" (dry run: nothing written)") if outcome.dry_run else "",
                }
            ]
            if not outcome.errors
            else [],
        )
        if outcome.errors:
            raise CommandError(
                _("%(count)d problem(s): nothing was imported.") % {"count": len(outcome.errors)}
            )

    def _link(self, options):
        act = self._act(options["act"])
        if options["instrument"]:
            instrument = Instrument.objects.filter(key__iexact=options["instrument"]).first()
            if instrument is None:
                raise CommandError(
                    _("No instrument has the key %(key)s.") % {"key": options["instrument"]}
                )
            change = services.unlink_instrument if options["remove"] else services.link_instrument
            change(self.user, act, instrument, version=act.version)
        else:
            item = services.find_commitment(self.user, options["commitment"])
            if options["remove"]:
                services.unlink_commitment(self.user, act, item)
            else:
                services.link_commitment(self.user, act, item)
        act.refresh_from_db()
        row = act_dict(act, list(commitment_links(self.user, act)))
        self._print(
            row,
            [
                _("%(act)s: instruments %(instruments)s; commitments %(items)s")
                % {
                    "act": act,
                    "instruments": ", ".join(row["instruments"]) or "—",
                    "items": ", ".join(row["commitments"]) or "—",
                }
            ],
        )
