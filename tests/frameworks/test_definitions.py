"""Framework definition files: a programme loaded whole, loaded twice with no change, and each
wrong file refused naming its key, with nothing written."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from camket.frameworks import definitions
from camket.frameworks.models import Framework, Recommendation

PROGRAMME = """
slug: unodc-vn-test
name: UNODC country programme (test)
name_vi: Chương trình quốc gia UNODC (thử)
kind: programme
levels: [Sub-programme, Outcome, Output]
taxonomies: [sdg]
starts_on: 2012-01-01
ends_on: "2017-12-31"
items:
  - {reference: "1", text: Organized crime and trafficking}
  - {reference: "1.1", parent: "1", text: Border control strengthened, level: outcome}
  - {reference: "1.1.1", parent: "1.1", text: Border liaison offices trained,
     text_vi: Văn phòng liên lạc biên giới được tập huấn}
  - {reference: "2", text: Anti-corruption}
"""


def _write(tmp_path: Path, text: str, name: str = "definition.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _counts() -> tuple:
    history = Framework.history.model.objects.count()
    item_history = Recommendation.history.model.objects.count()
    return (Framework.objects.count(), Recommendation.objects.count(), history, item_history)


def test_a_programme_from_a_definition_file(world, tmp_path):
    # A foreign-ministry coordinator creates it for the Ministry of Public Security
    result = definitions.load(
        _write(tmp_path, PROGRAMME + "coordinating_agency: mps\n"), user=world.coordinator
    )
    assert result.created and result.items.as_dict() == {"created": 4, "updated": 0, "unchanged": 0}
    framework = Framework.objects.get(slug="unodc-vn-test")
    assert [level.name for level in framework.level_list()] == [
        "Sub-programme",
        "Outcome",
        "Output",
    ]
    # Names the kinds know get their Vietnamese name
    assert framework.level_label(2, "vi") == "Đầu ra"
    assert framework.item_label("en") == "Output"
    # Which fields apply come from the kind: a programme's items get no response
    assert (
        framework.has_response,
        framework.has_recommending_states,
        framework.has_indicators,
    ) == (False, False, True)
    assert framework.coordinating_agency == world.agency_a
    assert list(framework.taxonomies.values_list("slug", flat=True)) == ["sdg"]
    assert str(framework.starts_on) == "2012-01-01" and str(framework.ends_on) == "2017-12-31"
    output = framework.recommendations.get(reference="1.1.1")
    assert (output.parent.reference, output.level, output.status) == ("1.1", 2, "published")
    assert output.text_vi.startswith("Văn phòng")
    record = framework.history.latest()
    assert record.history_user == world.coordinator and record.history_type == "+"
    assert [t.taxonomy.slug for t in record.taxonomies.all()] == ["sdg"]
    assert output.history.latest().history_user == world.coordinator


def test_loading_twice_changes_nothing(world, tmp_path):
    path = _write(tmp_path, PROGRAMME)
    definitions.load(path, user=world.coordinator)
    before = _counts()
    version = Framework.objects.get(slug="unodc-vn-test").version
    again = definitions.load(path, user=world.coordinator)
    assert not again.created and again.changed == []
    assert again.items.as_dict() == {"created": 0, "updated": 0, "unchanged": 4}
    assert _counts() == before
    assert Framework.objects.get(slug="unodc-vn-test").version == version


def test_a_changed_file_updates_with_history(world, tmp_path):
    definitions.load(_write(tmp_path, PROGRAMME), user=world.coordinator)
    changed = PROGRAMME.replace("Anti-corruption", "Anti-corruption and money laundering")
    changed = changed.replace("taxonomies: [sdg]", "taxonomies: []")
    result = definitions.load(_write(tmp_path, changed), user=world.coordinator)
    assert result.changed == ["taxonomies"]
    assert result.items.as_dict() == {"created": 0, "updated": 1, "unchanged": 3}
    framework = Framework.objects.get(slug="unodc-vn-test")
    assert not framework.taxonomies.exists()
    assert framework.history.count() == 2
    item = framework.recommendations.get(reference="2")
    assert item.text.endswith("money laundering") and item.history.count() == 2


def test_a_json_file_by_its_extension_and_a_kind_s_own_levels(world, tmp_path):
    data = {
        "slug": "decl-2019",
        "name": "Ministerial Declaration 2019",
        "kind": "declaration",
        "levels": [{"key": "commitment", "name": "Commitment", "name_vi": "Cam kết"}],
        "has_indicators": False,
        "state_under_review": "VNM",
    }
    definitions.load(_write(tmp_path, json.dumps(data), "d.json"))
    framework = Framework.objects.get(slug="decl-2019")
    assert framework.has_indicators is False and framework.has_response is False
    assert framework.state_under_review.iso3 == "VNM"
    assert framework.history.latest().history_user is None  # a system load


BAD = [
    ("colour: blue\n", "colour: unknown key"),
    ("kind: fishery\n", "kind: 'fishery' is not one of"),
    ("levels: Output\n", "levels: a list of level names"),
    ("levels: [Sub-programme, Outcome, {name: Output, name_vi: 3}]\n", "levels[2].name_vi:"),
    ("levels: [Output, output]\n", "levels: Two levels have the same name"),
    ("coordinating_agency: nobody\n", "coordinating_agency: no agency has the code"),
    ("taxonomies: [sdg, drugs-nowhere]\n", "taxonomies[1]: no taxonomy has the slug"),
    ("starts_on: 2017-01-01\nends_on: 2012-01-01\n", "ends_on: The end date is before"),
    ("starts_on: next year\n", "starts_on: 'next year' is not a date"),
    ("state_under_review: Atlantis\n", "state_under_review: 'Atlantis' is not a known state"),
    ("has_response: perhaps\n", "has_response: true or false"),
    ("slug: not a slug\n", "slug: only letters"),
    ("items:\n  - {reference: 1.10, text: x}\n", "items[0].reference: write 1.1 in quotes"),
    ("items:\n  - {reference: a, text: x, colour: red}\n", "items[0].colour: unknown key"),
    ("items:\n  - {reference: a}\n", "items[0].text: required"),
    (
        "items:\n  - {reference: a, text: x}\n  - {reference: a, text: y}\n",
        "items[1]: The reference “a” is already used in items[0].",
    ),
    (
        "items:\n  - {reference: a, text: x, parent: z}\n",
        "items[0]: The parent “z” is neither in the file nor in the framework.",
    ),
    (
        "items:\n  - {reference: a, text: x, parent: b}\n  - {reference: b, text: y, parent: a}\n",
        "The parents form a cycle: a → b → a.",
    ),
    (
        "items:\n  - {reference: a, text: x, level: output}\n",
        "items[0]: An item without a parent is at the top level, 1 “Sub-programme”, not 3 “Output”.",
    ),
    (
        "items:\n  - {reference: a, text: x}\n  - {reference: b, text: y, parent: a}\n"
        "  - {reference: c, text: z, parent: b}\n  - {reference: d, text: w, parent: c}\n",
        "items[3]: This item would be at level 4, below the framework's last level",
    ),
    (
        "items:\n  - {reference: a, text: x, level: chapter}\n",
        "items[0].level: 'chapter' is not one of the levels",
    ),
]
VALID_BASE = {
    "slug": "bad-one",
    "name": "Bad",
    "kind": "programme",
    "levels": ["Sub-programme", "Outcome", "Output"],
}


@pytest.mark.parametrize(("change", "message"), BAD)
def test_each_wrong_file_is_refused_naming_its_key_and_nothing_is_written(
    world, tmp_path, change, message
):
    import yaml

    data = {**VALID_BASE, **yaml.safe_load(change)}
    before = _counts()
    with pytest.raises(definitions.DefinitionError) as refused:
        definitions.load_data(data, user=world.coordinator)
    assert any(message in line for line in refused.value.messages), refused.value.messages
    assert _counts() == before


@pytest.mark.parametrize("missing", ["slug", "name", "kind", "levels"])
def test_required_keys(world, missing):
    data = {k: v for k, v in VALID_BASE.items() if k != missing}
    with pytest.raises(definitions.DefinitionError) as refused:
        definitions.load_data(data)
    assert f"{missing}: required." in refused.value.messages


def test_broken_yaml_and_json_name_the_line(tmp_path):
    with pytest.raises(definitions.DefinitionError) as refused:
        definitions.load(_write(tmp_path, "slug: a\nlevels: [a, b\n"))
    assert "Not valid YAML (line" in refused.value.messages[0]
    with pytest.raises(definitions.DefinitionError) as refused:
        definitions.load(_write(tmp_path, '{"slug": "a",\n}', "x.json"))
    assert "Not valid JSON (line 2" in refused.value.messages[0]


def test_levels_cannot_drop_below_existing_items(world, tmp_path):
    definitions.load(_write(tmp_path, PROGRAMME))
    fewer = PROGRAMME.replace("[Sub-programme, Outcome, Output]", "[Sub-programme, Outcome]")
    fewer = fewer[: fewer.index("items:")]
    with pytest.raises(definitions.DefinitionError) as refused:
        definitions.load(_write(tmp_path, fewer))
    assert refused.value.messages[0].startswith("levels: Items of this framework sit 2 levels")


def test_moving_an_item_that_has_children_must_keep_them_fitting(world, tmp_path):
    definitions.load(_write(tmp_path, PROGRAMME))
    moved = VALID_BASE | {
        "slug": "unodc-vn-test",
        "name": "UNODC country programme (test)",
        "items": [{"reference": "1.1", "parent": "2", "text": "Border"}],
    }
    definitions.load_data(moved)  # 1.1 under 2: same depth, its child still fits
    assert (
        Recommendation.objects.get(
            reference="1.1", framework__slug="unodc-vn-test"
        ).parent.reference
        == "2"
    )
    deeper = moved | {"items": [{"reference": "2", "parent": "1", "text": "Anti-corruption"}]}
    with pytest.raises(definitions.DefinitionError) as refused:
        definitions.load_data(deeper)
    assert any(
        "“1.1”, already in the framework under this item" in message
        for message in refused.value.messages
    ), refused.value.messages


def _run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("framework", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_show_json_contract(world, tmp_path):
    _run("load", str(_write(tmp_path, PROGRAMME)))
    out, _err = _run("show", "unodc-vn-test", "--json")
    shown = json.loads(out.strip().splitlines()[-1])
    assert shown["slug"] == "unodc-vn-test" and shown["kind"] == "programme"
    assert shown["levels"] == ["Sub-programme", "Outcome", "Output"]
    assert [(i["reference"], i["parent"], i["level"]) for i in shown["items"]] == [
        ("1", None, "Sub-programme"),
        ("1.1", "1", "Outcome"),
        ("1.1.1", "1.1", "Output"),
        ("2", None, "Sub-programme"),
    ]
    assert shown["items"][0]["text"] == "Organized crime and trafficking"
    human, _err = _run("show", "unodc-vn-test")
    assert "    1.1.1  [Output]  Border liaison offices trained" in human


def test_load_json_summary_user_and_refusals(world, tmp_path):
    path = _write(tmp_path, PROGRAMME)
    out, _err = _run("load", str(path), "--json", "--user", "coordinator")
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["created"] is True and summary["items"]["created"] == 4
    out, _err = _run("load", str(path), "--json")
    assert json.loads(out.strip().splitlines()[-1])["items"]["unchanged"] == 4
    with pytest.raises(CommandError):
        _run("load", str(path), "--json", "--user", "officer_a")
    with pytest.raises(CommandError):
        _run("load", str(_write(tmp_path, "slug: x\n", "bad.yaml")))


def test_a_coordinator_of_another_agency_cannot_load_over_a_framework(world, tmp_path):
    """The UPR belongs to the foreign ministry: a public-security coordinator cannot change
    it by a file, while loading the drug programme it coordinates works."""

    mps_coordinator = world.mps_coordinator
    upr = VALID_BASE | {
        "slug": world.framework.slug,
        "name": "Renamed",
        "kind": "upr_cycle",
        "levels": ["Recommendation"],
    }
    with pytest.raises(definitions.DefinitionError) as refused:
        definitions.load_data(upr, user=mps_coordinator)
    assert "may not change the framework upr-vn-4" in refused.value.messages[0]
    world.framework.refresh_from_db()
    assert world.framework.name == "UPR Viet Nam cycle 4"
    own = PROGRAMME + "coordinating_agency: mps\n"
    definitions.load(_write(tmp_path, own), user=mps_coordinator)
    definitions.load(_write(tmp_path, own.replace("(test)", "(v2)")), user=mps_coordinator)
    with pytest.raises(definitions.DefinitionError):  # now it is not the foreign ministry's
        definitions.load(_write(tmp_path, own), user=world.coordinator)
    assert Framework.objects.get(slug="unodc-vn-test").name.endswith("(v2)")


def test_list(world):
    out, _err = _run("list", "--json")
    rows = json.loads(out.strip().splitlines()[-1])
    assert rows == [
        {
            "slug": "upr-vn-4",
            "kind": "upr_cycle",
            "name": "UPR Viet Nam cycle 4",
            "name_vi": "",
            "coordinating_agency": None,
            "items": 3,
            "archived": False,
        }
    ]
