"""What of the register a user reads: every act, for any member (laws are public facts); the
commitments an act implements only as far as the user may see those items."""

from django.http import Http404

from camket.accounts import roles
from camket.legislation.models import LegalAct
from camket.links.models import RegisterLink
from camket.links.registers import LIVE_STATES, visible_register_links


def visible_acts(user):
    if user is not None and not roles.can_read(user):
        return LegalAct.objects.none()
    return LegalAct.objects.all()


def get_act_for_user(user, pk) -> LegalAct:
    act = visible_acts(user).select_related("drafting_agency").filter(pk=pk).first()
    if act is None:
        raise Http404("No such legal act.")
    return act


def commitment_links(user, act: LegalAct):
    """The live links saying an item is implemented by `act`, of items the user may see
    (`user=None`: the system, every item)."""
    links = RegisterLink.objects.all() if user is None else visible_register_links(user)
    return (
        links.filter(
            legal_act=act,
            relation=RegisterLink.Relation.IMPLEMENTED_BY,
            state__in=LIVE_STATES,
            archived=False,
        )
        .select_related("item__framework", "created_by", "decided_by")
        .order_by("item__framework__name", "item__id")
    )
