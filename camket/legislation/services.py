"""Creating, editing and archiving legal acts, and linking them to the instruments and the
commitments they implement. Every change is kept in the history with who made it; an edit
based on an old version is refused (`StaleEdit`). `user=None` is the system (imports, demo):
no permission check, and the history names no one."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from camket.accounts.permissions import require
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.legislation.models import LegalAct
from camket.legislation.scoping import commitment_links
from camket.lib.concurrency import StaleEdit, claim_version, save_if_current
from camket.lib.history import attribute_change
from camket.lib.text import check_single_line
from camket.links.models import RegisterLink
from camket.links.registers import add_register_link, remove_register_link

ACT_FIELDS = [
    "number",
    "kind",
    "title",
    "title_vi",
    "issuing_body",
    "issuing_body_vi",
    "drafting_agency",
    "status",
    "adopted_on",
    "in_force_on",
    "repealed_on",
    "url",
    "note",
]
ONE_LINE_FIELDS = ["number", "title", "title_vi", "issuing_body", "issuing_body_vi"]
IMPLEMENTED_BY = RegisterLink.Relation.IMPLEMENTED_BY


def check_act(act: LegalAct) -> None:
    """The act's own rules: fields valid, dates in order, a repealed act says when, a number
    used by no other act in the register."""
    for name in ONE_LINE_FIELDS:
        setattr(act, name, (getattr(act, name) or "").strip())
    act.full_clean(exclude=["version", "instruments"], validate_unique=False)
    check_single_line(act, ONE_LINE_FIELDS)
    errors = {}
    if act.adopted_on and act.in_force_on and act.in_force_on < act.adopted_on:
        errors["in_force_on"] = _("An act cannot come into force before it is adopted.")
    if act.status == LegalAct.Status.REPEALED and not act.repealed_on:
        errors["repealed_on"] = _("Say when the act was repealed.")
    if act.repealed_on and act.status != LegalAct.Status.REPEALED:
        errors["repealed_on"] = _("Only a repealed act has a repeal date.")
    start = act.in_force_on or act.adopted_on
    if act.repealed_on and start and act.repealed_on < start:
        errors.setdefault(
            "repealed_on", _("An act cannot be repealed before it is adopted or comes into force.")
        )
    if act.number and not act.archived and number_taken(act.number, exclude=act.pk):
        errors["number"] = _("Another act in the register has the number %(number)s.") % {
            "number": act.number
        }
    if errors:
        raise ValidationError(errors)


def changed_fields(act: LegalAct, values: dict) -> list[str]:
    """The fields of `values` that differ from what `act` holds (texts compared as saved:
    one-line fields trimmed, no text the same as empty text)."""

    def as_saved(name, value):
        if name in ONE_LINE_FIELDS:
            return (value or "").strip()
        return "" if value is None and name in ("url", "note") else value

    return [
        name
        for name in ACT_FIELDS
        if name in values and as_saved(name, values[name]) != as_saved(name, getattr(act, name))
    ]


def number_taken(number: str, *, exclude: int | None = None) -> bool:
    others = LegalAct.objects.filter(number__iexact=number, archived=False)
    return others.exclude(pk=exclude).exists() if exclude else others.exists()


def _check_instruments(instruments) -> list:
    instruments = list(dict.fromkeys(instruments))
    if any(instrument.archived for instrument in instruments):
        raise ValidationError({"instruments": _("An archived instrument cannot be linked.")})
    return instruments


@transaction.atomic
def create_act(user, values: dict, *, instruments=None) -> LegalAct:
    act = LegalAct(**{name: value for name, value in values.items() if name in ACT_FIELDS})
    if user is not None:
        require(user, "legislation.change_legalact", act)
    check_act(act)
    instruments = _check_instruments(instruments or [])
    attribute_change(act, user, gettext_noop("Act added"))
    act.save()
    if instruments:
        act._change_reason = gettext_noop("Instruments linked")
        act.instruments.set(instruments)
    return act


@transaction.atomic
def update_act(
    user, act: LegalAct, values: dict, *, version: int | None, instruments=None
) -> LegalAct:
    """Change the fields given in `values`; `instruments`, when given, replaces the instruments
    the act implements. Refused if someone saved the act since `version`."""
    if user is not None:
        require(user, "legislation.change_legalact", act)
    fields = changed_fields(act, values)
    for name in fields:
        setattr(act, name, values[name])
    if user is not None and "drafting_agency" in fields:
        require(user, "legislation.change_legalact", act)  # not handed to another agency
    check_act(act)
    if instruments is not None:
        instruments = _check_instruments(instruments)
    instruments_change = instruments is not None and set(instruments) != set(act.instruments.all())
    if not fields and not instruments_change:  # nothing to write: no version, no history
        if version is not None and act.version != version:
            raise StaleEdit(act)
        return act
    act._change_reason = gettext_noop("Act changed")
    save_if_current(act, version, [*fields, "modified"], user=user)
    if instruments_change:
        act._change_reason = gettext_noop("Instruments changed")
        act.instruments.set(instruments)
    return act


@transaction.atomic
def archive_act(user, act: LegalAct, *, version: int | None, archived: bool = True) -> LegalAct:
    """Archived acts leave the register's list; their page, links and history stay."""
    if user is not None:
        require(user, "legislation.change_legalact", act)
    if act.archived == archived:
        return act
    act.archived = archived
    if not archived:
        check_act(act)
    act._change_reason = gettext_noop("Act archived") if archived else gettext_noop("Act restored")
    save_if_current(act, version, ["archived", "modified"], user=user)
    return act


@transaction.atomic
def link_instrument(user, act: LegalAct, instrument, *, version: int | None) -> LegalAct:
    if user is not None:
        require(user, "legislation.change_legalact", act)
    _check_instruments([instrument])
    if act.instruments.filter(pk=instrument.pk).exists():
        return act
    claim_version(act, version, user=user)
    act._change_reason = gettext_noop("Instrument linked")
    act.instruments.add(instrument)
    return act


@transaction.atomic
def unlink_instrument(user, act: LegalAct, instrument, *, version: int | None) -> LegalAct:
    if user is not None:
        require(user, "legislation.change_legalact", act)
    if not act.instruments.filter(pk=instrument.pk).exists():
        return act
    claim_version(act, version, user=user)
    act._change_reason = gettext_noop("Instrument unlinked")
    act.instruments.remove(instrument)
    return act


def link_commitment(user, act: LegalAct, item: Recommendation, *, note: str = "") -> RegisterLink:
    """`item` (of any framework) is implemented by `act`: a coordinator of the item's
    framework links it (`links.change_registerlink`)."""
    if act.archived:
        raise ValidationError(_("An archived act cannot be linked."))
    return add_register_link(user, item, act, IMPLEMENTED_BY, note=note)


def unlink_commitment(user, act: LegalAct, item: Recommendation) -> RegisterLink:
    link = commitment_links(user, act).filter(item=item).first()
    if link is None:
        raise ValidationError(_("This item is not linked to this act."))
    return remove_register_link(user, link)


def items_for(user):
    """The items a user may name (`user=None`: every item)."""
    return Recommendation.objects.all() if user is None else visible_recommendations(user)


def find_commitment(user, name: str) -> Recommendation:
    """The item named `SLUG:REF`, if the user may see it; else ValidationError (an item the
    user may not see is "not found", as if it did not exist)."""
    slug, colon, reference = (name or "").strip().partition(":")
    if not colon or not slug or not reference:
        raise ValidationError(_("Name an item as SLUG:REF, not %(name)r.") % {"name": name})
    if not Framework.objects.filter(slug=slug).exists():
        raise ValidationError(_("There is no framework %(slug)s.") % {"slug": slug})
    item = items_for(user).filter(framework__slug=slug, reference=reference).first()
    if item is None:
        raise ValidationError(
            _("There is no item %(reference)s in framework %(slug)s.")
            % {"reference": reference, "slug": slug}
        )
    return item


def may_edit(user, act: LegalAct) -> bool:
    return user is None or user.has_perm("legislation.change_legalact", act)


def require_member(user) -> None:
    if user is not None and not user.has_perm("legislation.view_legalact"):
        raise PermissionDenied(_("You are not allowed to do this."))
