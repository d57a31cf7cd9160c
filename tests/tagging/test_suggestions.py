"""Suggesting tags, accepting and rejecting them: history kept, rejections remembered."""

import pytest
from django.core.exceptions import PermissionDenied

from camket.frameworks.models import Category
from camket.lib.vocabulary import SDG, UPR_INFO_ISSUES
from camket.tagging import suggestions
from camket.tagging.models import Suggestion
from tests.personas import make_recommendation

TORTURE = "Torture and other CID treatment"


@pytest.fixture
def torture_text(world):
    return make_recommendation(
        world.framework,
        "2.1",
        "Ratify the Convention against Torture and prevent torture in detention.",
    )


def theme(name):
    return Category.objects.get(taxonomy__slug=UPR_INFO_ISSUES, name=name)


def test_suggesting_proposes_themes_sdgs_and_action_with_reasons(torture_text, tiny_tagger):
    outcome = suggestions.suggest([torture_text], tiny_tagger)
    assert outcome.recommendations == 1 and outcome.created >= 3
    made = {s.kind: s for s in torture_text.suggestions.all()}
    torture = torture_text.suggestions.get(category=theme(TORTURE))
    assert 0 < torture.confidence <= 1
    assert {"Torture", "torture"} & set(torture.reasons)
    assert torture.model_version == tiny_tagger.version
    assert made["action_category"].action_category == 5
    assert "Ratify" in made["action_category"].reasons
    sdg = torture_text.suggestions.filter(kind="sdg").values_list("category__code", flat=True)
    assert "16" in sdg
    assert not torture_text.categories.exists()  # nothing applied before a person decides


def test_running_again_refreshes_instead_of_duplicating(torture_text, tiny_tagger):
    suggestions.suggest([torture_text], tiny_tagger)
    count = torture_text.suggestions.count()
    outcome = suggestions.suggest([torture_text], tiny_tagger)
    assert outcome.created == 0 and outcome.updated == count
    assert torture_text.suggestions.count() == count


def test_a_rejected_suggestion_is_not_suggested_again(world, torture_text, tiny_tagger):
    suggestions.suggest([torture_text], tiny_tagger)
    torture = torture_text.suggestions.get(category=theme(TORTURE))
    suggestions.reject(world.coordinator, torture)
    suggestions.suggest([torture_text], tiny_tagger)
    torture.refresh_from_db()
    assert torture.state == "rejected"
    assert torture_text.suggestions.filter(category=theme(TORTURE)).count() == 1
    assert not torture_text.categories.filter(pk=theme(TORTURE).pk).exists()


def test_accepting_tags_the_recommendation_with_history(world, torture_text, tiny_tagger):
    suggestions.suggest([torture_text], tiny_tagger)
    torture = torture_text.suggestions.get(category=theme(TORTURE))
    before = torture_text.history.count()
    suggestions.accept(world.coordinator, torture)
    assert torture_text.categories.filter(pk=theme(TORTURE).pk).exists()
    torture.refresh_from_db()
    assert torture.state == "accepted" and torture.decided_by == world.coordinator
    latest = torture_text.history.first()
    assert torture_text.history.count() == before + 1
    assert latest.history_user == world.coordinator
    assert theme(TORTURE).pk in [c.category_id for c in latest.categories.all()]
    assert torture.history.first().history_user == world.coordinator
    # already tagged: not suggested again
    suggestions.suggest([torture_text], tiny_tagger)
    assert torture_text.suggestions.filter(category=theme(TORTURE)).count() == 1


def test_accepting_the_action_category_sets_it(world, torture_text, tiny_tagger):
    suggestions.suggest([torture_text], tiny_tagger)
    action = torture_text.suggestions.get(kind="action_category")
    suggestions.accept(world.coordinator, action)
    torture_text.refresh_from_db()
    assert torture_text.action_category == 5
    assert torture_text.history.first().action_category == 5


def test_an_action_category_set_meanwhile_is_not_overwritten(world, torture_text, tiny_tagger):
    from django.core.exceptions import ValidationError

    suggestions.suggest([torture_text], tiny_tagger)
    action = torture_text.suggestions.get(kind="action_category")
    type(torture_text).objects.filter(pk=torture_text.pk).update(action_category=3)
    with pytest.raises(ValidationError):
        suggestions.accept(world.coordinator, action)
    torture_text.refresh_from_db()
    action.refresh_from_db()
    assert torture_text.action_category == 3 and action.state == "pending"


def test_accepting_an_sdg_target_also_tags_its_goal(world, torture_text):
    target = Category.objects.get(taxonomy__slug=SDG, code="16.3")
    suggestion = Suggestion.objects.create(
        recommendation=torture_text,
        kind="sdg",
        category=target,
        confidence=0.7,
        key=Suggestion.key_for(category_id=target.pk),
    )
    suggestions.accept(world.coordinator, suggestion)
    codes = set(torture_text.categories.values_list("code", flat=True))
    assert codes == {"16", "16.3"}


def test_two_people_deciding_the_same_suggestion(world, torture_text, tiny_tagger):
    suggestions.suggest([torture_text], tiny_tagger)
    torture = torture_text.suggestions.get(category=theme(TORTURE))
    stale_copy = Suggestion.objects.get(pk=torture.pk)
    suggestions.reject(world.coordinator, torture)
    with pytest.raises(suggestions.AlreadyDecided):
        suggestions.accept(world.coordinator, stale_copy)
    assert not torture_text.categories.filter(pk=theme(TORTURE).pk).exists()


def test_only_the_coordinator_decides(world, torture_text, tiny_tagger):
    suggestions.suggest([torture_text], tiny_tagger)
    suggestion = torture_text.suggestions.first()
    for person in (world.officer_a, world.viewer, world.anonymous):
        with pytest.raises(PermissionDenied):
            suggestions.accept(person, suggestion)
        with pytest.raises(PermissionDenied):
            suggestions.reject(person, suggestion)
    suggestion.refresh_from_db()
    assert suggestion.state == "pending"


def test_bulk_accepts_only_above_the_threshold(world, torture_text, tiny_tagger):
    suggestions.suggest([torture_text], tiny_tagger)
    pending = Suggestion.objects.filter(recommendation=torture_text)
    confidences = sorted(pending.values_list("confidence", flat=True))
    threshold = confidences[len(confidences) // 2]
    above = pending.filter(confidence__gte=threshold).count()
    decided, skipped = suggestions.decide_many(
        world.coordinator, pending.filter(confidence__gte=threshold), accepting=True
    )
    assert (decided, skipped) == (above, 0)
    assert pending.filter(state="accepted").count() == above
    assert not pending.filter(state="accepted", confidence__lt=threshold).exists()
    assert pending.filter(state="pending").count() == len(confidences) - above


def test_a_newer_model_withdraws_pending_suggestions_it_no_longer_makes(
    world, torture_text, tiny_tagger
):
    women = theme("Women's rights")
    old = Suggestion.objects.create(
        recommendation=torture_text,
        kind="theme",
        category=women,
        confidence=0.6,
        key=Suggestion.key_for(category_id=women.pk),
    )
    decided = Suggestion.objects.create(
        recommendation=torture_text,
        kind="theme",
        category=theme("Right to education"),
        confidence=0.6,
        state="rejected",
        key=Suggestion.key_for(category_id=theme("Right to education").pk),
    )
    outcome = suggestions.suggest([torture_text], tiny_tagger)
    assert outcome.removed == 1
    assert not Suggestion.objects.filter(pk=old.pk).exists()
    assert Suggestion.objects.filter(pk=decided.pk, state="rejected").exists()


def test_confirmed_sdgs_of_similar_recommendations_are_followed_without_naming_them(
    world, tiny_tagger
):
    from camket.lib.vocabulary import CONFIRMED_SDG_REASON

    text = "Ratify the protocol on trafficking in persons and protect victims of trafficking."
    confirmed = make_recommendation(world.framework, "3.1", text, status="draft")
    confirmed.categories.add(Category.objects.get(taxonomy__slug=SDG, code="8"))
    new = make_recommendation(world.framework, "3.2", text)
    suggestions.suggest([new, confirmed], tiny_tagger)
    goals = {s.category.code: s for s in new.suggestions.filter(kind="sdg")}
    assert set(goals) == {"8"} or set(goals) <= {"8", "8.7"}
    assert goals["8"].reasons[0] == CONFIRMED_SDG_REASON
    assert not any("3.1" in reason for s in new.suggestions.all() for reason in s.reasons)
    # the confirmed recommendation is not its own evidence
    own = confirmed.suggestions.filter(kind="sdg", category__code="8")
    assert not own.exists()


def test_texts_without_words_get_no_suggestions(world, tiny_tagger):
    blank = make_recommendation(world.framework, "3.3", "—")
    outcome = suggestions.suggest([blank], tiny_tagger)
    assert outcome.skipped == 1 and not blank.suggestions.exists()


def test_an_archived_recommendation_cannot_take_a_tag(world, torture_text, tiny_tagger):
    from django.core.exceptions import ValidationError

    suggestions.suggest([torture_text], tiny_tagger)
    suggestion = torture_text.suggestions.filter(kind="theme").first()
    torture_text.status = "archived"
    torture_text.save()
    with pytest.raises(ValidationError):
        suggestions.accept(world.coordinator, suggestion)
    assert not torture_text.categories.exists()
