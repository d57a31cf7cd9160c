"""The agreement and request lists as files (CSV, XLSX, JSON) through camket/exports: the
same scoped, filtered rows as the pages; every cell goes through the shared writers."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from camket.cooperation.filters import AgreementFilters, RequestFilters
from camket.cooperation.scoping import visible_agreements, visible_requests
from camket.exports.tables import Column, Table

FORMATS = ("xlsx", "csv", "json")


def _display(field: str):
    def value(record):
        return getattr(record, f"get_{field}_display")() if getattr(record, field) else ""

    return value


def _partner(record) -> str:
    return record.partner.name if record.partner_id else ""


def _partner_code(record):
    return record.partner.iso3 if record.partner_id else None


def _agency(agency) -> str:
    return (
        (agency.name_en if get_language() == "en" and agency.name_en else agency.name)
        if agency
        else ""
    )


AGREEMENTS = Table(
    "agreements",
    _("Bilateral agreements"),
    (
        Column("partner", _("Partner state"), _partner, _partner_code),
        Column("kind", _("Type"), _display("kind"), lambda a: a.kind),
        Column("title", _("Title"), lambda a: a.label(get_language())),
        Column("status", _("Status"), _display("status"), lambda a: a.status),
        Column("signed_on", _("Signed on"), lambda a: a.signed_on),
        Column("ratified_on", _("Ratified on"), lambda a: a.ratified_on),
        Column("in_force_on", _("In force since"), lambda a: a.in_force_on),
        Column("terminated_on", _("Terminated on"), lambda a: a.terminated_on),
        Column(
            "central_authority",
            _("Central authority"),
            lambda a: _agency(a.central_authority),
            lambda a: a.central_authority.code if a.central_authority else None,
        ),
        Column("note", _("Note"), lambda a: a.note),
    ),
    defaults=(
        "partner",
        "kind",
        "title",
        "status",
        "signed_on",
        "in_force_on",
        "central_authority",
    ),
    formats=FORMATS,
)


def _handlers(record) -> str:
    return "; ".join(_agency(agency) for agency in record.handling_agencies.all())


REQUESTS = Table(
    "cooperation-requests",
    _("Cooperation requests"),
    (
        Column("reference", _("File number"), lambda r: r.reference),
        Column("direction", _("Sent or received"), _display("direction"), lambda r: r.direction),
        Column("kind", _("Type"), _display("kind"), lambda r: r.kind),
        Column("partner", _("Partner state"), _partner, _partner_code),
        Column("dated_on", _("Sent or received on"), lambda r: r.dated_on),
        Column("status", _("Status"), _display("status"), lambda r: r.status),
        Column("closed_on", _("Closed on"), lambda r: r.closed_on),
        Column(
            "agreement",
            _("Agreement"),
            lambda r: r.agreement.label(get_language()) if r.agreement_id else "",
            lambda r: r.agreement_id,
        ),
        Column(
            "instrument", _("Convention"), lambda r: r.instrument.key if r.instrument_id else ""
        ),
        Column("basis_note", _("Other legal basis"), lambda r: r.basis_note),
        Column("subject", _("Subject"), lambda r: r.subject),
        Column(
            "responsible_agency",
            _("Responsible agency"),
            lambda r: _agency(r.responsible_agency),
            lambda r: r.responsible_agency.code,
        ),
        Column(
            "handling_agencies",
            _("Also handled by"),
            _handlers,
            lambda r: [agency.code for agency in r.handling_agencies.all()],
        ),
    ),
    defaults=(
        "reference",
        "direction",
        "kind",
        "partner",
        "dated_on",
        "status",
        "responsible_agency",
    ),
    formats=FORMATS,
)


def agreement_rows(user, query):
    return AgreementFilters.from_mapping(query).apply(
        visible_agreements(user, include_archived=True)
    )


def request_rows(user, query):
    """Only the requests the user's agency handles: the export of a confidential list."""
    return (
        RequestFilters.from_mapping(query)
        .apply(visible_requests(user))
        .prefetch_related("handling_agencies")
    )
