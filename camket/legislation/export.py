"""The register as a table: the import's own columns, so that an export can be imported
again. Written by `camket.exports.writers`, which neutralises formulas in every cell."""

from camket.exports.writers import csv_table, xlsx_table
from camket.links.models import RegisterLink
from camket.links.registers import LIVE_STATES, visible_register_links

HEADERS = [
    "number",
    "kind",
    "title_vi",
    "title",
    "issuing_body",
    "status",
    "adopted",
    "in_force",
    "repealed",
    "url",
    "instruments",
    "commitments",
]


def _commitments_by_act(user, acts) -> dict[int, list[str]]:
    links = RegisterLink.objects.all() if user is None else visible_register_links(user)
    links = links.filter(
        legal_act__in=acts,
        relation=RegisterLink.Relation.IMPLEMENTED_BY,
        state__in=LIVE_STATES,
        archived=False,
    ).select_related("item__framework")
    found: dict[int, list[str]] = {}
    for link in links.order_by("item__framework__slug", "item__id"):
        found.setdefault(link.legal_act_id, []).append(
            f"{link.item.framework.slug}:{link.item.reference}"
        )
    return found


def rows(user, acts) -> list[list]:
    acts = list(acts.prefetch_related("instruments"))
    commitments = _commitments_by_act(user, acts)
    return [
        [
            act.number,
            act.kind,
            act.title_vi,
            act.title,
            act.issuing_body,
            act.status,
            act.adopted_on,
            act.in_force_on,
            act.repealed_on,
            act.url,
            ";".join(i.key for i in act.instruments.all()),
            ";".join(commitments.get(act.pk, [])),
        ]
        for act in acts
    ]


def register_csv(user, acts) -> bytes:
    return csv_table(HEADERS, rows(user, acts))


def register_xlsx(user, acts, title: str) -> bytes:
    return xlsx_table(title, HEADERS, rows(user, acts))
