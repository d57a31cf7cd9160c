"""What an item's page shows of its links to registers (`{% register_links recommendation %}`)."""

from django.utils.translation import gettext as _

from camket.links.models import RegisterLink
from camket.links.registers import register_links_of


def entry_kind(link: RegisterLink) -> str:
    if link.instrument_id:
        return _("Instrument")
    return _("Legal act") if link.legal_act_id else _("Bilateral agreement")


def entry_label(link: RegisterLink, language: str) -> str:
    entry = link.entry
    if link.instrument_id:
        short = entry.short_label(language)
        name = entry.label(language)
        return name if short == name else f"{short} — {name}"
    return entry.label(language)


def instrument_choices(language: str) -> list[tuple[str, str]]:
    from camket.treaties.models import Instrument

    return [
        (i.key, f"{i.key} — {i.label(language)}") for i in Instrument.objects.filter(archived=False)
    ]


def register_links_context(user, item, language: str) -> dict:
    """Nothing for whoever may not read the item's register links (the public, other agencies'
    items): the card is then not shown at all."""
    if not user.has_perm("links.view_registerlink", RegisterLink(item=item)):
        return {"show": False}
    may_change = user.has_perm("links.change_registerlink", RegisterLink(item=item))
    entries = []
    for link in register_links_of(user, item):
        entries.append(
            {
                "link": link,
                "kind": entry_kind(link),
                "label": entry_label(link, language),
                "relation": link.get_relation_display(),
                "detected": link.state == RegisterLink.State.DETECTED,
            }
        )
    return {
        "show": True,
        "item": item,
        "entries": entries,
        "may_change": may_change,
        "relations": RegisterLink.Relation.choices,
        "instruments": instrument_choices(language) if may_change else [],
    }
