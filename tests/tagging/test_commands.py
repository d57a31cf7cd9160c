"""`camket classify suggest|duplicates|train --from-database`, and runs done by the worker."""

import json

import pytest
from django.core.management import CommandError, call_command

from camket.frameworks.models import Category
from camket.lib.vocabulary import UPR_INFO_ISSUES
from camket.tagging.models import Suggestion, TaggingRun
from camket.tagging.tagger import load_tagger
from camket.tagging.tasks import carry_out_run
from tests.personas import make_recommendation
from tests.tagging_texts import training_texts


@pytest.fixture
def saved_tagger(tiny_tagger, settings, tmp_path):
    settings.MODELS_DIR = tmp_path / "models"
    tiny_tagger.save()
    return tiny_tagger


@pytest.fixture
def labelled(world):
    """The hand-written training texts as recommendations tagged by people."""
    data = training_texts()
    names = {c.name: c for c in Category.objects.filter(taxonomy__slug=UPR_INFO_ISSUES)}
    for number, (text, issues, action) in enumerate(
        zip(data.texts, data.issues, data.actions, strict=True)
    ):
        recommendation = make_recommendation(world.framework, f"9.{number}", text)
        recommendation.action_category = action
        recommendation.save()
        recommendation.categories.set([names[name] for name in issues])
    return data


def test_suggest_tags_the_recommendations_of_a_framework(world, saved_tagger, capsys):
    call_command("classify", "suggest", "--framework", world.framework.slug)
    out = capsys.readouterr().out
    assert "3 recommendation(s) tagged" in out
    assert Suggestion.objects.filter(recommendation=world.published).exists()
    run = TaggingRun.objects.get()
    assert run.state == "done" and run.summary in out


def test_suggest_without_a_model_says_what_to_do(world, settings, tmp_path):
    settings.MODELS_DIR = tmp_path / "nothing"
    with pytest.raises(CommandError, match="classify train"):
        call_command("classify", "suggest")


def test_suggest_names_an_unknown_framework(world, saved_tagger):
    with pytest.raises(CommandError, match="No framework “nope”"):
        call_command("classify", "suggest", "--framework", "nope")


def test_enqueued_suggestions_are_done_by_the_worker(world, saved_tagger, capsys):
    call_command("classify", "suggest", "--enqueue")
    run = TaggingRun.objects.get()
    assert run.state == "queued" and f"run {run.pk}" in capsys.readouterr().out
    carry_out_run.call(run.pk)
    run.refresh_from_db()
    assert run.state == "done" and run.finished_at is not None
    assert Suggestion.objects.filter(recommendation=world.draft).exists()


def test_a_failed_run_says_why(world, settings, tmp_path):
    settings.MODELS_DIR = tmp_path / "models"
    run = TaggingRun.objects.create(job="retrain")
    with pytest.raises(Exception, match="too few to train"):
        carry_out_run.call(run.pk)
    run.refresh_from_db()
    assert run.state == "failed" and "too few to train" in run.summary


def test_retraining_learns_from_the_tags_in_the_database(labelled, settings, tmp_path):
    settings.MODELS_DIR = tmp_path / "models"
    run = TaggingRun.objects.create(job="retrain")
    carry_out_run.call(run.pk)
    tagger = load_tagger()
    assert tagger.model.metadata["trained_on"] == ["database"]
    assert tagger.model.metadata["sizes"]["recommendations"] == len(labelled)
    (tags,) = tagger.tag(["Ratify the protocol on trafficking in persons."])
    assert tags.prediction.issues[0] == "Trafficking"
    assert tags.prediction.action_category == 5


def test_train_needs_files_or_the_database(db):
    with pytest.raises(CommandError, match="--from-database"):
        call_command("classify", "train")


def test_train_from_database_command(labelled, settings, tmp_path, capsys):
    settings.MODELS_DIR = tmp_path / "models"
    call_command("classify", "train", "--from-database")
    assert f"Training on {len(labelled)} recommendations" in capsys.readouterr().out
    metadata = load_tagger().model.metadata
    assert metadata["trained_on"] == ["database"]
    assert metadata["sizes"]["recommendations"] == len(labelled)


def test_duplicates_as_json(world, capsys):
    twin = make_recommendation(world.framework, "1.9", world.published.text)
    call_command("classify", "duplicates", "--framework", world.framework.slug, "--json")
    groups = json.loads(capsys.readouterr().out)
    assert [[item["id"] for item in group] for group in groups] == [[world.published.pk, twin.pk]]
    call_command("classify", "duplicates", "--framework", world.framework.slug)
    assert "1. 1.1, 1.9" in capsys.readouterr().out
