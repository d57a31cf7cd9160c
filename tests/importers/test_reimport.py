"""Re-importing a file keeps what people did in camket, unless they choose to overwrite it."""

import pytest

from camket.frameworks.history import entries_for
from camket.frameworks.models import Category, Framework, Recommendation, State
from camket.importers.service import import_file
from camket.review.services import decide

FILE = (
    "Reference,Text,Recommending states,Response,Issues,Action category\n"
    "7.1,Continue to combat trafficking in persons.,Philippines; Thailand,Supported,"
    "Trafficking,2\n"
    "7.2,Abolish the death penalty.,France,Supported,Death penalty,5\n"
)


@pytest.fixture
def imported(world, tmp_path):
    """FILE imported into the world's framework by the coordinator."""
    path = tmp_path / "matrix.csv"
    path.write_text(FILE, encoding="utf-8")
    summary = import_file(path, framework_slug="upr-vn-4", user=world.coordinator)
    assert summary.ok and summary.created == 2, summary.errors
    return path


def _again(world, path, text=None, **options):
    if text is not None:
        path.write_text(text, encoding="utf-8")
    return import_file(path, framework_slug="upr-vn-4", user=world.coordinator, **options)


def _rec(reference):
    return Recommendation.objects.get(framework__slug="upr-vn-4", reference=reference)


def test_reimport_keeps_a_decision_made_in_camket(world, imported):
    decide(
        world.coordinator,
        _rec("7.2"),
        response="noted",
        reason="Against the Penal Code.",
        decided_on=None,
        version=_rec("7.2").version,
    )
    summary = _again(world, imported)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2)
    kept = _rec("7.2")
    assert (kept.response, kept.response_reason) == ("noted", "Against the Penal Code.")
    assert kept.decided_by == world.coordinator


def test_a_changed_source_does_not_overturn_a_decision_but_the_preview_says_so(world, imported):
    decide(
        world.coordinator,
        _rec("7.2"),
        response="noted",
        reason="Against the Penal Code.",
        decided_on=None,
        version=_rec("7.2").version,
    )
    changed = FILE.replace("France,Supported", "France,Supported in part")
    summary = _again(world, imported, changed, dry_run=True)
    (report,) = summary.changes
    assert report.reference == "7.2" and report.changes == []
    assert ("response", "Noted", "Supported in part") in report.kept
    assert _again(world, imported).updated == 0
    assert _rec("7.2").response == "noted"


def test_overwrite_replaces_the_decision_and_says_who_no_longer_decided(world, imported):
    decide(
        world.coordinator,
        _rec("7.2"),
        response="noted",
        reason="Against the Penal Code.",
        decided_on=None,
        version=_rec("7.2").version,
    )
    preview = _again(world, imported, overwrite=True, dry_run=True)
    (report,) = preview.changes
    assert ("response", "Noted", "Supported") in report.changes
    assert ("reason for the response", "Against the Penal Code.", "—") in report.changes
    summary = _again(world, imported, overwrite=True)
    assert summary.updated == 1
    replaced = _rec("7.2")
    assert (replaced.response, replaced.response_reason) == ("supported", "")
    assert replaced.decided_by is None and replaced.decided_on is None


def test_a_field_edited_in_camket_is_kept_and_one_changed_only_in_the_source_is_updated(
    world, imported
):
    Recommendation.objects.filter(pk=_rec("7.1").pk).update(action_category=4)
    changed = FILE.replace("Trafficking,2", "Trafficking,3").replace(
        "Abolish the death penalty.", "Abolish the death penalty for all crimes."
    )
    summary = _again(world, imported, changed)
    assert (summary.updated, summary.unchanged) == (1, 1)
    assert _rec("7.1").action_category == 4
    assert _rec("7.2").text == "Abolish the death penalty for all crimes."
    by_reference = {c.reference: c for c in summary.changes}
    assert by_reference["7.2"].changes == [
        ("text", "Abolish the death penalty.", "Abolish the death penalty for all crimes.")
    ]
    assert by_reference["7.1"].kept[0][0] == "action category"


def test_links_made_in_camket_are_kept_and_removed_ones_not_brought_back(world, imported):
    first = _rec("7.1")
    japan = State.objects.get(name="Japan")  # made by the world
    first.recommending_states.add(japan)
    first.recommending_states.remove(State.objects.get(name="Thailand"))
    tag = (
        Category.objects.filter(taxonomy__slug="upr-info-issues")
        .exclude(name="Trafficking")
        .first()
    )
    first.categories.add(tag)
    first.categories.remove(Category.objects.get(name="Trafficking"))
    summary = _again(world, imported)
    assert summary.updated == 0
    assert sorted(s.name for s in first.recommending_states.all()) == ["Japan", "Philippines"]
    assert set(first.categories.all()) == {tag}
    _again(world, imported, overwrite=True)
    assert sorted(s.name for s in first.recommending_states.all()) == ["Philippines", "Thailand"]
    assert {c.name for c in first.categories.all()} == {tag.name, "Trafficking"}


def test_a_state_the_source_no_longer_lists_is_removed(world, imported):
    summary = _again(world, imported, FILE.replace("Philippines; Thailand", "Philippines"))
    assert summary.updated == 1
    assert [s.name for s in _rec("7.1").recommending_states.all()] == ["Philippines"]
    (report,) = summary.changes
    assert report.changes == [("recommending states", "Philippines, Thailand", "Philippines")]


def test_history_shows_no_phantom_removal_of_states_or_categories(world, imported):
    first = _rec("7.1")
    first.categories.add(Category.objects.get(taxonomy__slug="sdg", code="16.2"))
    _again(world, imported, FILE.replace("combat trafficking", "end trafficking"))
    newest = entries_for(_rec("7.1"))[0]
    assert newest.reason == "Imported from matrix.csv"
    assert [label for label, _old, _new in newest.changes] == ["text"]
    added = entries_for(_rec("7.1"))[1]
    assert [label for label, _old, _new in added.changes] == ["categories"]


def test_a_record_decided_between_planning_and_writing_is_not_overwritten(
    world, imported, monkeypatch
):
    from camket.importers import apply

    original = apply._stale

    def decided_meanwhile(plan):
        recommendation = _rec("7.2")
        if recommendation.decided_by_id is None:
            decide(
                world.coordinator,
                recommendation,
                response="noted",
                reason="Meanwhile.",
                decided_on=None,
                version=recommendation.version,
            )
        return original(plan)

    monkeypatch.setattr(apply, "_stale", decided_meanwhile)
    summary = _again(world, imported, FILE.replace("France,Supported", "France,Supported in part"))
    assert summary.ok and summary.updated == 0
    assert (_rec("7.2").response, _rec("7.2").response_reason) == ("noted", "Meanwhile.")


def test_new_framework_and_states_are_written_only_by_a_real_import(db, tmp_path):
    path = tmp_path / "new.csv"
    path.write_text(FILE.replace("France", "Atlantis"), encoding="utf-8")
    Framework.objects.create(slug="other", name="Other", kind="programme")
    preview = import_file(path, framework_slug="other", dry_run=True)
    assert preview.created == 2 and not State.objects.filter(name="Atlantis").exists()
    summary = import_file(path, framework_slug="other")
    assert summary.created == 2
    assert [s.name for s in _rec_in("other", "7.2").recommending_states.all()] == ["Atlantis"]


def _rec_in(slug, reference):
    return Recommendation.objects.get(framework__slug=slug, reference=reference)
