"""Instruments, a state's statuses and recommendations asking it to join, for the tests of
`camket treaties status`, its API and its pages. Statuses here are test values, not facts.

Rows are got or created by the catalogue's keys, so the tests pass with or without the
shipped catalogue and Viet Nam's shipped statuses (which these values overwrite)."""

from dataclasses import dataclass
from datetime import date

from camket.frameworks.models import Framework, Recommendation, State
from camket.frameworks.states import StateResolver
from camket.legislation.models import LegalAct
from camket.links.registers import (
    add_register_link,
    detect_register_link,
    reject_register_link,
    remove_register_link,
)
from camket.treaties.models import Instrument, Participation, Reservation
from tests.personas import World, make_recommendation

ASKS = "asks_to_join"

INSTRUMENTS = {  # key: (name, Vietnamese name, family, position)
    "ICCPR": (
        "International Covenant on Civil and Political Rights",
        "Công ước quốc tế về các quyền dân sự và chính trị",
        "human_rights",
        20,
    ),
    "ICCPR-OP1": (
        "Optional Protocol to the International Covenant on Civil and Political Rights",
        "Nghị định thư không bắt buộc thứ nhất về các quyền dân sự và chính trị",
        "human_rights",
        21,
    ),
    "CAT": (
        "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
        "Công ước chống tra tấn",
        "human_rights",
        60,
    ),
    "OP-CAT": (
        "Optional Protocol to the Convention against Torture",
        "Nghị định thư không bắt buộc của Công ước chống tra tấn",
        "human_rights",
        61,
    ),
    "CED": (
        "International Convention for the Protection of All Persons from Enforced Disappearance",
        "Công ước quốc tế về bảo vệ mọi người khỏi bị cưỡng bức mất tích",
        "human_rights",
        120,
    ),
    "ROME-STATUTE": (
        "Rome Statute of the International Criminal Court",
        "Quy chế Rôm về Tòa án Hình sự Quốc tế",
        "international_criminal_law",
        200,
    ),
    "DRUGS-1988": (
        "United Nations Convention against Illicit Traffic in Narcotic Drugs and "
        "Psychotropic Substances",
        "Công ước của Liên hợp quốc về chống buôn bán "
        "bất hợp pháp các chất ma túy và chất hướng thần",
        "drugs",
        400,
    ),
}


@dataclass
class TreatyWorld:
    world: World
    vnm: State
    lao: State
    instruments: dict[str, Instrument]
    ced_item: Recommendation  # published, asks Viet Nam to join CED (detected)
    lao_item: Recommendation  # published, in Viet Nam's framework but about Lao PDR
    cat_act: LegalAct

    def __getitem__(self, key: str) -> Instrument:
        return self.instruments[key]


def instrument(key: str) -> Instrument:
    name, name_vi, family, position = INSTRUMENTS[key]
    found, _ = Instrument.objects.get_or_create(
        key=key,
        defaults={
            "name": name,
            "name_vi": name_vi,
            "family": family,
            "position": position,
            "treaty_body": "Human Rights Committee" if key.startswith("ICCPR") else "",
        },
    )
    if found.archived:
        Instrument.objects.filter(pk=found.pk).update(archived=False)
        found.archived = False
    return found


def set_status(
    state: State, key: str, *, signed_on=None, action="", action_on=None, in_force_on=None
) -> Participation:
    participation, _ = Participation.objects.update_or_create(
        state=state,
        instrument=instrument(key),
        defaults={
            "signed_on": signed_on,
            "action": action,
            "action_on": action_on,
            "in_force_on": in_force_on,
            "source": "test value",
        },
    )
    return participation


def make_treaty_world(world: World) -> TreatyWorld:
    """Viet Nam: party to ICCPR (accession) and CAT (ratification, one reservation in force,
    one withdrawn, a law implementing it); signatory of ROME-STATUTE; not party to ICCPR-OP1
    and CED; nothing recorded about OP-CAT nor DRUGS-1988.

    Items asking Viet Nam to join OP-CAT: the published one (detected), the draft (confirmed,
    seen by the coordinator only) and the draft sent to agency A (seen by the coordinator and
    officer A): 3 / 2 / 1 / 1 for coordinator / officer_a / officer_b / viewer. CED: one
    published item (detected); a rejected and a removed link do not count. ICCPR: only a link
    asking to withdraw reservations, which does not count. An item about Lao PDR asks OP-CAT.
    """
    resolver = StateResolver()
    vnm, lao = resolver.resolve("Viet Nam"), resolver.resolve("Lao People's Democratic Republic")
    Framework.objects.filter(pk=world.framework.pk).update(state_under_review=vnm)
    instruments = {key: instrument(key) for key in INSTRUMENTS}
    set_status(
        vnm,
        "ICCPR",
        action="accession",
        action_on=date(1982, 9, 24),
        in_force_on=date(1982, 12, 24),
    )
    cat = set_status(
        vnm,
        "CAT",
        signed_on=date(2013, 11, 7),
        action="ratification",
        action_on=date(2015, 2, 5),
        in_force_on=date(2015, 3, 7),
    )
    cat.reservations.all().delete()
    Reservation.objects.create(
        participation=cat,
        kind="reservation",
        article="30(1)",
        text="Viet Nam does not consider itself bound by article 30(1).",
    )
    Reservation.objects.create(
        participation=cat,
        kind="declaration",
        article="20",
        text="A withdrawn declaration.",
        withdrawn=True,
        withdrawn_on=date(2020, 1, 1),
    )
    set_status(vnm, "ROME-STATUTE", signed_on=date(2000, 12, 1))
    set_status(vnm, "ICCPR-OP1")
    set_status(vnm, "CED")
    Participation.objects.filter(state=vnm, instrument__key__in=["OP-CAT", "DRUGS-1988"]).delete()
    cat_act = LegalAct.objects.create(
        kind="code",
        number="100/2015/QH13",
        title="Criminal Code",
        title_vi="Bộ luật Hình sự",
        status="in_force",
        adopted_on=date(2015, 11, 27),
    )
    cat_act.instruments.add(instruments["CAT"])

    op_cat, ced, coordinator = instruments["OP-CAT"], instruments["CED"], world.coordinator
    detect_register_link(world.published, op_cat, ASKS, matched_text="Optional Protocol")
    add_register_link(coordinator, world.draft, op_cat, ASKS)
    detect_register_link(world.sent_to_a, op_cat, ASKS, matched_text="OP-CAT")
    framework = world.framework
    ced_item = make_recommendation(
        framework,
        "2.1",
        "Ratify the International Convention for the Protection of All "
        "Persons from Enforced Disappearance.",
        states=["France"],
        text_vi="Phê chuẩn Công ước quốc tế về bảo vệ mọi người khỏi bị cưỡng bức mất tích.",
    )
    detect_register_link(ced_item, ced, ASKS, matched_text="Enforced Disappearance")
    rejected = make_recommendation(
        framework,
        "2.2",
        "Cooperate with the Committee on Enforced Disappearances.",
        states=["Chile"],
    )
    reject_register_link(coordinator, detect_register_link(rejected, ced, ASKS))
    removed = make_recommendation(
        framework, "2.3", "Consider acceding to CED.", states=["Argentina"]
    )
    remove_register_link(coordinator, detect_register_link(removed, ced, ASKS))
    withdraw = make_recommendation(
        framework, "2.4", "Withdraw reservations to the ICCPR.", states=["Sweden"]
    )
    detect_register_link(withdraw, instruments["ICCPR"], "asks_to_withdraw_reservations")
    lao_item = make_recommendation(
        framework, "2.5", "Ratify OP-CAT (Lao PDR).", states=["Thailand"]
    )
    Recommendation.objects.filter(pk=lao_item.pk).update(state_under_review=lao)
    detect_register_link(lao_item, op_cat, ASKS, matched_text="OP-CAT")
    world.framework.refresh_from_db()
    return TreatyWorld(
        world=world,
        vnm=vnm,
        lao=lao,
        instruments=instruments,
        ced_item=ced_item,
        lao_item=lao_item,
        cat_act=cat_act,
    )
