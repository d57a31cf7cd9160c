"""Recording bilateral agreements, their documents, and cooperation requests.

Every change is an optimistic-locked save (`version`) kept in history with the person's name.
`user=None` is the system (demo, commands without --user): no permission check."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from camket.accounts.models import Agency
from camket.cooperation import rules
from camket.cooperation.models import Agreement, AgreementDocument, CooperationRequest
from camket.frameworks.models import State
from camket.frameworks.states import StateResolver, iso3_for
from camket.lib.concurrency import claim_version, save_if_current
from camket.lib.history import attribute_change
from camket.links.registers import add_register_link
from camket.reports.files import check_evidence

AGREEMENT_FIELDS = (
    "partner",
    "kind",
    "title",
    "title_vi",
    "status",
    "signed_on",
    "ratified_on",
    "in_force_on",
    "terminated_on",
    "central_authority",
    "note",
)
REQUEST_FIELDS = (
    "direction",
    "kind",
    "partner",
    "agreement",
    "instrument",
    "basis_note",
    "reference",
    "subject",
    "dated_on",
    "status",
    "closed_on",
)


def _allow(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def partner_from(text: str) -> State:
    """A state named by ISO3 code or name (any usual spelling); unknown names are refused
    rather than creating a state."""
    text = (text or "").strip()
    state = State.objects.filter(iso3=text.upper()).first() if len(text) == 3 else None
    if state is None and iso3_for(text):
        state = StateResolver().resolve(text)
    if state is None:
        state = State.objects.filter(name__iexact=text).first()
    if state is None:
        raise ValidationError(
            _("Unknown partner state %(name)r: give its ISO3 code or name.") % {"name": text}
        )
    return state


def agency_from(code: str) -> Agency:
    agency = Agency.objects.filter(code=(code or "").strip(), archived=False).first()
    if agency is None:
        raise ValidationError(_("Unknown agency %(code)r.") % {"code": code})
    return agency


def _check_dates(record, pairs) -> None:
    for earlier, later in pairs:
        first, second = getattr(record, earlier), getattr(record, later)
        if first and second and second < first:
            field = record._meta.get_field(later)
            raise ValidationError(
                {
                    later: _("%(field)s cannot be before %(other)s.")
                    % {
                        "field": field.verbose_name,
                        "other": record._meta.get_field(earlier).verbose_name,
                    }
                }
            )


@contextmanager
def _changing(record, values: dict, fields) -> Iterator[list[str]]:
    """Apply `values` to the record and yield the fields that changed; when the change is
    refused (stale, invalid, not allowed), the record gets back its stored values, so that the
    caller may try again with the same object."""
    changed = [key for key in fields if key in values and getattr(record, key) != values[key]]
    before = {key: getattr(record, key) for key in (*changed, "version")}
    for key in changed:
        setattr(record, key, values[key])
    try:
        yield changed
    except Exception:
        for key, value in before.items():
            setattr(record, key, value)
        raise


def _clean(record, exclude=()) -> None:
    record.full_clean(exclude=["version", *exclude], validate_unique=False)


# --- agreements ------------------------------------------------------------------------------


@transaction.atomic
def create_agreement(user, values: dict) -> Agreement:
    agreement = Agreement(**{key: values[key] for key in AGREEMENT_FIELDS if key in values})
    if user is not None:
        _allow(
            rules.edits_agreements(user, agreement),
            _(
                "Only the coordinating ministry or the agreement's central authority can "
                "record agreements."
            ),
        )
    _clean(agreement)
    _check_dates(agreement, [("signed_on", "ratified_on"), ("signed_on", "in_force_on")])
    attribute_change(agreement, user)
    agreement.save()
    return agreement


@transaction.atomic
def update_agreement(user, agreement: Agreement, values: dict, *, version: int | None) -> Agreement:
    if user is not None:
        _allow(rules.edits_agreements(user, agreement), _("You cannot change this agreement."))
    expected = agreement.version if version is None else version
    with _changing(agreement, values, AGREEMENT_FIELDS) as changed:
        if user is not None:  # an officer cannot hand the agreement to another agency
            _allow(rules.edits_agreements(user, agreement), _("You cannot change this agreement."))
        _clean(agreement)
        _check_dates(agreement, [("signed_on", "ratified_on"), ("signed_on", "in_force_on")])
        if changed:
            save_if_current(agreement, expected, [*changed, "modified"], user=user)
    return agreement


@transaction.atomic
def archive_agreement(
    user, agreement: Agreement, *, archived: bool = True, version: int | None = None
) -> Agreement:
    if user is not None:
        _allow(rules.edits_agreements(user, agreement), _("You cannot change this agreement."))
    if agreement.archived != archived:
        agreement.archived = archived
        save_if_current(
            agreement,
            agreement.version if version is None else version,
            ["archived", "modified"],
            user=user,
        )
    return agreement


@transaction.atomic
def add_agreement_document(
    user, agreement: Agreement, title: str, name: str, data: bytes
) -> AgreementDocument:
    """A checked file (the evidence rules: size, kind, content matching the extension)."""
    if user is not None:
        _allow(rules.edits_agreements(user, agreement), _("You cannot change this agreement."))
    checked = check_evidence(name, data)
    document = AgreementDocument(
        agreement=agreement, title=(title or checked.name)[:300], uploaded_by=user
    )
    attribute_change(document, user)
    document.file.save(checked.name, ContentFile(data), save=False)
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    return document


def link_commitment(user, agreement: Agreement, item):
    """An item of any framework implemented by this agreement (the register links)."""
    return add_register_link(user, item, agreement, "implemented_by")


# --- requests --------------------------------------------------------------------------------


def _check_request(request: CooperationRequest) -> None:
    _clean(request, exclude=["responsible_agency"] if not request.responsible_agency_id else ())
    if request.agreement_id and request.agreement.partner_id != request.partner_id:
        raise ValidationError({"agreement": _("The agreement is with another partner state.")})
    _check_dates(request, [("dated_on", "closed_on")])


@transaction.atomic
def create_request(user, values: dict, *, handling_agencies=()) -> CooperationRequest:
    """The creator's agency is responsible, unless a coordinator (or the system) names one."""
    request = CooperationRequest(**{key: values[key] for key in REQUEST_FIELDS if key in values})
    chosen = values.get("responsible_agency")
    if user is not None:
        _allow(
            rules.creates_requests(user),
            _("Only a member of an agency can record a cooperation request."),
        )
        if chosen is None or not rules.picks_responsible_agency(user):
            chosen = user.membership.agency
    if chosen is None:
        raise ValidationError({"responsible_agency": _("Name the responsible agency.")})
    request.responsible_agency = chosen
    _check_request(request)
    attribute_change(request, user)
    request.save()
    if handling_agencies:
        request.handling_agencies.set(handling_agencies)
    return request


@transaction.atomic
def update_request(
    user, request: CooperationRequest, values: dict, *, version: int | None, handling_agencies=None
) -> CooperationRequest:
    """Members of the responsible or handling agencies change it; only a coordinator (or the
    system) hands it to another responsible agency."""
    if user is not None:
        _allow(rules.edits_request(user, request), _("You cannot change this request."))
    fields = list(REQUEST_FIELDS)
    if user is None or rules.picks_responsible_agency(user):
        fields.append("responsible_agency")
    expected = request.version if version is None else version
    new_handlers = None
    if handling_agencies is not None:
        new_handlers = {agency.pk for agency in handling_agencies}
        if new_handlers == set(request.handling_agencies.values_list("pk", flat=True)):
            new_handlers = None
    with _changing(request, values, fields) as changed:
        _check_request(request)
        if not changed and new_handlers is None:
            return request
        claim_version(request, expected, user=user)
        if new_handlers is not None:
            request.handling_agencies.set(list(handling_agencies))
        request.save(update_fields=[*changed, "version", "modified"])
    return request
