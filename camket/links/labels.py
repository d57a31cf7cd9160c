"""What a group of links is called, seen from one of its items."""

from django.utils.translation import gettext_lazy as _

from camket.links.models import ItemLink
from camket.links.services import INCOMING, OUTGOING

Relation = ItemLink.Relation

HEADINGS = {
    (Relation.IMPLEMENTS, OUTGOING): _("Implements"),
    (Relation.IMPLEMENTS, INCOMING): _("Implemented by"),
    (Relation.CONTRIBUTES_TO, OUTGOING): _("Contributes to"),
    (Relation.CONTRIBUTES_TO, INCOMING): _("Receives contributions from"),
    (Relation.SAME_SUBJECT, OUTGOING): _("On the same subject"),
    (Relation.SAME_SUBJECT, INCOMING): _("On the same subject"),
    (Relation.SUPERSEDES, OUTGOING): _("Supersedes"),
    (Relation.SUPERSEDES, INCOMING): _("Superseded by"),
}


def heading(relation: str, direction: str) -> str:
    return str(HEADINGS[(relation, direction)])
