"""Imports through the service: all or nothing, no duplicates, exact dry runs, history kept."""

import json

import pytest
from django.core.management import CommandError, call_command

from camket.frameworks.models import Framework, Recommendation
from camket.importers.models import ImportRun
from camket.importers.service import import_file

GOOD = (
    "Reference,Text,Recommending states,Response,Issues,SDGs\n"
    "1.1,Continue to combat trafficking in persons.,Philippines; Thailand,Supported,"
    "Trafficking,16.2\n"
    "1.2,Abolish the death penalty.,France,Noted,Death penalty,16\n"
)


@pytest.fixture
def framework(db):
    return Framework.objects.create(slug="upr-vn-4", name="UPR Viet Nam 4", kind="upr_cycle")


def _write(tmp_path, text, name="list.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_creates_recommendations_with_states_themes_and_sdgs(tmp_path, framework):
    summary = import_file(_write(tmp_path, GOOD), framework_slug="upr-vn-4")
    assert (summary.created, summary.updated, summary.unchanged) == (2, 0, 0)
    first = Recommendation.objects.get(framework=framework, reference="1.1")
    assert sorted(s.name for s in first.recommending_states.all()) == ["Philippines", "Thailand"]
    assert {c.name for c in first.categories.all()} >= {"Trafficking"}
    assert first.categories.filter(taxonomy__slug="sdg", code="16.2").exists()
    assert first.response == "supported" and first.status == "draft"
    entry = first.history.first()
    assert entry.history_change_reason == "Imported from list.csv (system import, no user)"
    assert entry.history_user is None


def test_reimporting_the_same_file_creates_no_duplicates(tmp_path, framework):
    path = _write(tmp_path, GOOD)
    import_file(path, framework_slug="upr-vn-4")
    again = import_file(path, framework_slug="upr-vn-4")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert Recommendation.objects.count() == 2


def test_changed_row_is_updated_with_a_new_version_and_history(tmp_path, framework):
    import_file(_write(tmp_path, GOOD), framework_slug="upr-vn-4")
    changed = GOOD.replace(
        "Abolish the death penalty.,France,Noted", "Abolish the death penalty.,France,Supported"
    )
    summary = import_file(_write(tmp_path, changed), framework_slug="upr-vn-4")
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 1)
    recommendation = Recommendation.objects.get(reference="1.2")
    assert recommendation.response == "supported" and recommendation.version == 2
    assert recommendation.history.count() == 2


def test_dry_run_reports_exact_counts_and_writes_nothing(tmp_path, framework):
    summary = import_file(_write(tmp_path, GOOD), framework_slug="upr-vn-4", dry_run=True)
    assert summary.created == 2 and summary.ok
    assert Recommendation.objects.count() == 0
    assert ImportRun.objects.count() == 0


def test_one_bad_row_means_nothing_is_written(tmp_path, framework):
    bad = GOOD + "1.3,,Japan,Supported,,\n"
    summary = import_file(_write(tmp_path, bad), framework_slug="upr-vn-4")
    assert [(e.row, e.column) for e in summary.errors] == [(4, "Text")]
    assert Recommendation.objects.count() == 0


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.csv", b"", "empty"),
        ("notes.pdf", b"%PDF-1.4 ...", "cannot be imported"),
        ("fake.xlsx", b"Reference,Text\n1,x\n", "not an Excel workbook"),
        ("fake.docx", b"Reference,Text\n1,x\n", "not a Word document"),
        ("binary.csv", b"\x00\x01\x02\x03" * 100, "not a text"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(tmp_path, framework, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    summary = import_file(path, framework_slug="upr-vn-4")
    assert not summary.ok and message in summary.errors[0].message
    assert Recommendation.objects.count() == 0


def test_oversized_upload_is_refused_before_parsing(tmp_path, framework, settings):
    settings.CAMKET_MAX_IMPORT_BYTES = 200
    summary = import_file(_write(tmp_path, GOOD * 3), framework_slug="upr-vn-4")
    assert "are refused" in summary.errors[0].message


def test_unknown_framework_lists_the_known_ones(tmp_path, framework):
    summary = import_file(_write(tmp_path, GOOD), framework_slug="nope")
    assert "upr-vn-4" in summary.errors[0].message


def test_file_without_framework_information_asks_for_one(tmp_path, db):
    summary = import_file(_write(tmp_path, GOOD))
    assert "choose one" in summary.errors[0].message


def test_cli_json_summary_is_the_last_line(tmp_path, framework, capsys):
    call_command("import", str(_write(tmp_path, GOOD)), "--framework", "upr-vn-4", "--json")
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert json.loads(last) == {"created": 2, "updated": 0, "unchanged": 0, "errors": []}


def test_cli_with_errors_prints_json_and_fails(tmp_path, framework, capsys):
    with pytest.raises(CommandError):
        call_command(
            "import",
            str(_write(tmp_path, "Reference,Text\n1,\n")),
            "--framework",
            "upr-vn-4",
            "--json",
        )
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["created"] == 0 and last["errors"][0]["row"] == 2


@pytest.mark.shared_data
def test_the_whole_upr_info_export_imports_and_reimports_unchanged(shared_data, db):
    files = sorted((shared_data / "upr-info").glob("*.csv"))
    created = sum(import_file(path).created for path in files)
    assert created == 33082
    assert Recommendation.objects.count() == 33082
    assert set(Framework.objects.values_list("slug", flat=True)) == {"upr-cycle-1", "upr-cycle-2"}
    viet_nam = Recommendation.objects.filter(state_under_review__iso3="VNM", session=5)
    assert viet_nam.count() == 172
    assert Recommendation.objects.filter(categories__isnull=False).distinct().count() == 33082
    again = import_file(files[0])
    assert (again.created, again.updated) == (0, 0) and again.unchanged == 6094


@pytest.mark.shared_data
@pytest.mark.parametrize(
    "name, count, slug",
    [
        ("slovenia-cycle2-upr20.docx", 163, "upr-slovenia-cycle-2"),
        ("egypt-cycle2-upr20.docx", 300, "upr-egypt-cycle-2"),
        ("slovenia-cycle4-upr48.docx", 254, "upr-slovenia-cycle-4"),
    ],
)
def test_ohchr_matrices_import_with_states_responses_and_themes(shared_data, db, name, count, slug):
    summary = import_file(shared_data / "ohchr-thematic-lists" / name)
    assert summary.ok, summary.errors[:3]
    assert summary.created == count and summary.frameworks == [slug]
    recommendations = Recommendation.objects.filter(framework__slug=slug)
    assert recommendations.count() == count
    assert not recommendations.filter(recommending_states__isnull=True).exists()
    assert not recommendations.filter(response="").exists()
    themed = recommendations.filter(categories__taxonomy__slug="uhri-themes").distinct()
    assert themed.count() == count
    framework = Framework.objects.get(slug=slug)
    assert framework.state_under_review.name in ("Slovenia", "Egypt")
    if name.startswith("slovenia-cycle4"):
        with_sdgs = recommendations.filter(categories__taxonomy__slug="sdg").distinct()
        assert with_sdgs.count() == count
    assert import_file(shared_data / "ohchr-thematic-lists" / name).unchanged == count


def test_a_long_file_name_is_kept_whole_in_the_history(tmp_path, framework):
    name = "Bao-cao-tong-hop-khuyen-nghi-UPR-chu-ky-IV-" * 4 + "ban-cuoi.csv"
    import_file(_write(tmp_path, GOOD, name=name), framework_slug="upr-vn-4")
    entry = Recommendation.objects.get(framework=framework, reference="1.1").history.first()
    assert len(entry.history_change_reason) > 100
    assert entry.history_change_reason == f"Imported from {name} (system import, no user)"
