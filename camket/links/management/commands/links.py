"""`camket links add|list|suggest|confirm|reject|remove`: crosswalk links between items.

Items are named `SLUG:REF` (framework slug, item reference). `--json` prints, as its last line,
the JSON answer. Without `--user` the command acts as the system: it sees every item and the
history names no one; with it, that person's permissions apply and the history names them."""

import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.lib.cli import active_user
from camket.links import services
from camket.links.models import ItemLink
from camket.links.scoping import visible_links
from camket.links.suggest import CONTRIBUTES, PER_ITEM, SAME_SUBJECT, suggest_links


class Command(BaseCommand):
    help = "Links between items of any frameworks: add, list, suggest, confirm, reject, remove."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="link SOURCE to TARGET (confirmed at once)")
        add.add_argument("source", help="SLUG:REF")
        add.add_argument("target", help="SLUG:REF")
        add.add_argument("--relation", required=True, choices=ItemLink.Relation.values)
        add.add_argument("--note", default="")
        listing = sub.add_parser("list", help="the links of an item, from either end")
        listing.add_argument("item", help="SLUG:REF")
        listing.add_argument("--json", action="store_true")
        suggest = sub.add_parser("suggest", help="suggest links between two frameworks' items")
        suggest.add_argument("framework_a", metavar="SLUG")
        suggest.add_argument("framework_b", metavar="SLUG")
        suggest.add_argument("--minimum", type=float, default=CONTRIBUTES)
        suggest.add_argument("--same-subject-at", type=float, default=SAME_SUBJECT)
        suggest.add_argument("--per-item", type=int, default=PER_ITEM)
        suggest.add_argument("--json", action="store_true")
        for name in ("confirm", "reject", "remove"):
            decide = sub.add_parser(name, help=f"{name} a link (its id)")
            decide.add_argument("link_id", type=int)
        for parser_ in (
            add,
            listing,
            suggest,
            *[sub.choices[n] for n in ("confirm", "reject", "remove")],
        ):
            parser_.add_argument(
                "--user", default="", help="act as this person (username); default: the system"
            )

    def handle(self, *args, action, **options):
        self.user = active_user(options["user"]) if options.get("user") else None
        try:
            getattr(self, "_" + action)(options)
        except PermissionDenied as error:
            raise CommandError(str(error) or _("Not allowed.")) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        except services.AlreadyDecided:
            raise CommandError(_("This link is not a pending suggestion.")) from None

    def _items(self):
        if self.user is None:
            return Recommendation.objects.all()
        return visible_recommendations(self.user)

    def _item(self, name: str) -> Recommendation:
        slug, colon, reference = name.partition(":")
        if not colon or not slug or not reference:
            raise CommandError(_("Name an item as SLUG:REF, not %(name)r.") % {"name": name})
        if not Framework.objects.filter(slug=slug).exists():
            raise CommandError(_("no framework %(slug)s") % {"slug": slug})
        item = (
            self._items()
            .select_related("framework")
            .filter(framework__slug=slug, reference=reference)
            .first()
        )
        if item is None:
            raise CommandError(
                _("no item %(reference)s in framework %(slug)s")
                % {"reference": reference, "slug": slug}
            )
        return item

    def _framework(self, slug: str) -> Framework:
        try:
            return Framework.objects.get(slug=slug)
        except Framework.DoesNotExist:
            raise CommandError(_("no framework %(slug)s") % {"slug": slug}) from None

    def _link(self, pk: int) -> ItemLink:
        links = ItemLink.objects.all() if self.user is None else visible_links(self.user)
        link = links.filter(pk=pk).select_related("source__framework", "target__framework").first()
        if link is None:
            raise CommandError(_("no link %(id)d") % {"id": pk})
        return link

    def _add(self, options):
        source, target = self._item(options["source"]), self._item(options["target"])
        link = services.add_link(
            self.user, source, target, options["relation"], note=options["note"]
        )
        self.stdout.write(
            json.dumps(
                {
                    "id": link.pk,
                    "source": options["source"],
                    "target": options["target"],
                    "relation": link.relation,
                    "state": link.state,
                },
                ensure_ascii=False,
            )
        )

    def _list(self, options):
        item = self._item(options["item"])
        rows = services.links_of(self.user, item)
        if options["json"]:
            self.stdout.write(json.dumps([row.as_dict() for row in rows], ensure_ascii=False))
            return
        for row in rows:
            arrow = "→" if row.direction == services.OUTGOING else "←"
            self.stdout.write(
                f"{arrow} {row.link.relation}  {row.item.framework.slug}:"
                f"{row.item.reference}  ({row.link.state})  "
                f"{row.item.text[:100]}"
            )

    def _suggest(self, options):
        outcome = suggest_links(
            self._framework(options["framework_a"]),
            self._framework(options["framework_b"]),
            user=self.user,
            minimum=options["minimum"],
            same_subject_at=options["same_subject_at"],
            per_item=options["per_item"],
        )
        if options["json"]:
            self.stdout.write(json.dumps(outcome.as_dict(), ensure_ascii=False))
            return
        for link in outcome.links:
            self.stdout.write(
                f"{link.source.framework.slug}:{link.source.reference} "
                f"{link.relation} {link.target.framework.slug}:"
                f"{link.target.reference} ({link.similarity:.2f})"
            )
        self.stdout.write(
            _(
                "%(created)d suggested, %(refreshed)d refreshed, %(skipped)d already "
                "linked or decided"
            )
            % outcome.as_dict()
        )

    def _decided(self, link, change):
        change(self.user, link)
        self.stdout.write(
            json.dumps({"id": link.pk, "state": link.state, "archived": link.archived})
        )

    def _confirm(self, options):
        self._decided(self._link(options["link_id"]), services.confirm_link)

    def _reject(self, options):
        self._decided(self._link(options["link_id"]), services.reject_link)

    def _remove(self, options):
        self._decided(self._link(options["link_id"]), services.remove_link)
