"""The tagging classifier, trained on a few hundred real UPR Info rows (fast, a few seconds)."""

import csv

import pytest
from django.core.management import CommandError, call_command

from camket.tagging.model import TaggingModel, load_model, saved_versions
from camket.tagging.sdgs import sdgs_for_issues
from camket.tagging.training import training_set_from_exports
from tests.conftest import SHARED_DATA

ROWS_PER_FILE = 200
TORTURE = "Ratify the Convention against Torture and its Optional Protocol"


@pytest.fixture(scope="module")
def trained_model():
    files = sorted((SHARED_DATA / "upr-info").glob("*.csv"))
    if not files:
        pytest.skip(f"real data folder {SHARED_DATA} is absent: skipping the real-file test")
    data = training_set_from_exports(files, limit_per_file=ROWS_PER_FILE)
    return TaggingModel(n_jobs=1).fit(data)


@pytest.fixture
def saved_model(trained_model, settings, tmp_path):
    settings.MODELS_DIR = tmp_path / "models"
    trained_model.save()
    return trained_model


def write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_training_reads_the_upr_info_export(shared_data):
    files = sorted((shared_data / "upr-info").glob("*.csv"))[:1]
    data = training_set_from_exports(files, limit_per_file=50)
    assert len(data) == 50
    assert all(data.issues) and all(isinstance(a, int) for a in data.actions)
    assert data.sources == [files[0].name]


def test_obvious_texts_get_the_obvious_tags(trained_model):
    torture, continuing = trained_model.predict(
        [TORTURE, "Continue its efforts to improve access to education for all children"]
    )
    assert torture.action_category == 5
    assert any("Torture" in issue for issue in torture.issues)
    assert continuing.action_category == 2
    assert len(torture.issue_confidences) == len(torture.issues)
    assert all(0 <= c <= 1 for c in torture.issue_confidences)


def test_save_and_load_round_trip(trained_model, tmp_path):
    folder = trained_model.save(tmp_path)
    metadata = (folder / "metadata.json").read_text()
    for key in ("version", "trained_on", "issue_names", "sizes"):
        assert f'"{key}"' in metadata
    loaded = load_model(tmp_path)
    assert loaded.issue_names == trained_model.issue_names
    assert loaded.predict([TORTURE]) == trained_model.predict([TORTURE])
    assert saved_versions(tmp_path) == [folder]


def test_newest_version_is_loaded(trained_model, tmp_path):
    for version in ("20250101-000000", "20260101-000000"):
        trained_model.metadata["version"] = version
        trained_model.save(tmp_path)
    assert load_model(tmp_path).metadata["version"] == "20260101-000000"
    assert load_model(tmp_path, "20250101-000000").metadata["version"] == "20250101-000000"


def test_predict_command_writes_the_contract(saved_model, tmp_path):
    source = write_csv(
        tmp_path / "in.csv",
        [("id", "text"), ("r1", TORTURE), ("r2", "Consider abolishing the death penalty")],
    )
    out = tmp_path / "out.csv"
    call_command("classify", "predict", str(source), "--out", str(out))
    rows = read_csv(out)
    assert list(rows[0])[:4] == ["id", "issues", "action_category", "sdgs"]
    assert [row["id"] for row in rows] == ["r1", "r2"]
    names = set(saved_model.issue_names)
    for row in rows:
        assert row["issues"] and set(row["issues"].split(";")) <= names
        assert row["action_category"] in {"1", "2", "3", "4", "5"}
        assert all(1 <= int(goal) <= 17 for goal in filter(None, row["sdgs"].split(";")))
    assert rows[0]["action_category"] == "5"


def test_predict_without_model_says_to_train(settings, tmp_path):
    settings.MODELS_DIR = tmp_path / "nothing-here"
    source = write_csv(tmp_path / "in.csv", [("id", "text"), ("1", TORTURE)])
    with pytest.raises(CommandError, match="classify train"):
        call_command("classify", "predict", str(source), "--out", str(tmp_path / "out.csv"))


def test_predict_names_the_missing_column(saved_model, tmp_path):
    source = write_csv(tmp_path / "in.csv", [("id", "recommendation"), ("1", TORTURE)])
    with pytest.raises(CommandError, match="“text”"):
        call_command("classify", "predict", str(source), "--out", str(tmp_path / "out.csv"))


def test_train_command_saves_a_version(shared_data, settings, tmp_path):
    settings.MODELS_DIR = tmp_path / "models"
    export = sorted((shared_data / "upr-info").glob("*.csv"))[0]
    lines = export.read_bytes().split(b"\r")[:301]
    small = tmp_path / "small.csv"
    small.write_bytes(b"\r".join(lines) + b"\r")
    call_command("classify", "train", str(small))
    (version,) = saved_versions()
    assert load_model().metadata["trained_on"] == ["small.csv"]
    assert version.name == load_model().metadata["version"]


def test_issue_to_sdg_mapping():
    assert sdgs_for_issues(["Women's rights", "Right to education"]) == [4, 5]
    assert sdgs_for_issues(["UPR process"]) == []
