"""`camket treaties link [--framework SLUG] [--dry-run]`: find links in items already there."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from camket.frameworks.models import Framework, Recommendation
from camket.treaties.linking import link_items
from camket.treaties.models import Instrument


def add_arguments(parser) -> None:
    parser.add_argument("--framework", metavar="SLUG", help="only this framework's items")
    parser.add_argument("--dry-run", action="store_true", help="count, write nothing")


def run(command, options) -> None:
    items = Recommendation.objects.all()
    if options.get("framework"):
        framework = Framework.objects.filter(slug=options["framework"]).first()
        if framework is None:
            raise CommandError(
                _("There is no framework “%(slug)s”.") % {"slug": options["framework"]}
            )
        items = items.filter(framework=framework)
    if not Instrument.objects.filter(archived=False).exists():
        raise CommandError(_("The instrument catalogue is empty: there is nothing to link to."))
    summary = link_items(items, dry_run=options.get("dry_run", False))
    values = {"scanned": summary.scanned, "found": summary.found, "new": summary.created}
    if options.get("dry_run"):
        message = _(
            "%(scanned)d items read: %(found)d links found in the texts, %(new)d would "
            "be added (dry run: nothing written)."
        )
    else:
        message = _("%(scanned)d items read: %(found)d links found in the texts, %(new)d added.")
    command.stdout.write(message % values)
