"""The glossary: shipped data, pages, API and command, with each persona's permissions."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from camket.glossary.importing import import_glossary
from camket.glossary.models import GlossaryTerm
from camket.glossary.shipped import GLOSSARY_FILE, glossary_rows, install_glossary
from camket.lib.history import attribute_change
from tests.api.conftest import ApiClient


@pytest.mark.django_db
def test_the_shipped_glossary_is_installed_by_migrate():
    rows = glossary_rows()
    assert len(rows) >= 250
    assert {row["domain"] for row in rows} == {"human_rights", "drugs", "crime", "general"}
    assert GlossaryTerm.objects.filter(shipped_key__gt="").count() == len(rows)
    torture = GlossaryTerm.objects.get(term_vi="tra tấn")
    assert torture.folded_vi == "tra tan"
    assert torture.english_phrases() == ["torture", "tortured", "torturing", "tortures"]


@pytest.mark.django_db
def test_reinstalling_keeps_peoples_edits_and_restores_nothing_deleted(tmp_path, world):
    term = GlossaryTerm.objects.get(term_vi="tra tấn", term_en="torture")
    term.variants_en = "tortured; waterboarding"
    term.archived = True
    attribute_change(term, world.coordinator)
    term.save()
    renamed = GlossaryTerm.objects.get(term_vi="tử hình", term_en="death penalty")
    renamed.term_en = "capital punishment"
    renamed.save()
    counts = install_glossary()
    assert counts["created"] == 0
    term.refresh_from_db()
    assert (term.variants_en, term.archived) == ("tortured; waterboarding", True)
    renamed.refresh_from_db()
    assert renamed.term_en == "capital punishment"
    assert not GlossaryTerm.objects.filter(term_vi="tử hình", term_en="death penalty").exists()
    # A new version of the file updates what nobody changed, and leaves the rest.
    newer = tmp_path / "glossary.csv"
    text = GLOSSARY_FILE.read_text(encoding="utf-8")
    newer.write_text(
        text.replace("tortured; torturing; tortures", "tortured; torturing").replace(
            "ethnic minority; ethnic groups;", "ethnic minority;"
        ),
        encoding="utf-8",
    )
    install_glossary(newer)
    term.refresh_from_db()
    assert term.variants_en == "tortured; waterboarding"
    minorities = GlossaryTerm.objects.get(term_vi="dân tộc thiểu số")
    assert minorities.variants_en.startswith("ethnic minority; minorities")


def test_everyone_signed_in_reads_the_glossary_page(client, world):
    url = reverse("glossary:list")
    assert client.get(url).status_code == 302  # to the login page
    for user in (world.viewer, world.officer_a, world.coordinator):
        client.force_login(user)
        page = client.get(url, {"q": "tra tan"})
        assert page.status_code == 200
        assert "torture" in page.content.decode()
        assert ("Add a term" in page.content.decode()) == (user == world.coordinator)


def test_only_coordinators_add_edit_and_archive(client, world):
    term = GlossaryTerm.objects.get(term_vi="tra tấn", term_en="torture")
    data = {
        "term_vi": "trấn nước",
        "term_en": "waterboarding",
        "variants_en": "",
        "domain": "human_rights",
        "note": "",
    }
    for user in (world.viewer, world.officer_a, world.officer_b):
        client.force_login(user)
        assert client.post(reverse("glossary:create"), data).status_code == 403
        assert client.get(reverse("glossary:edit", args=[term.pk])).status_code == 403
        assert (
            client.post(reverse("glossary:archive", args=[term.pk]), {"archived": "1"}).status_code
            == 403
        )
    client.logout()
    assert client.post(reverse("glossary:create"), data).status_code == 302
    assert not GlossaryTerm.objects.filter(term_vi="trấn nước").exists()
    client.force_login(world.coordinator)
    assert client.post(reverse("glossary:create"), data).status_code == 302
    added = GlossaryTerm.objects.get(term_vi="trấn nước")
    assert added.history.get().history_user == world.coordinator
    client.post(reverse("glossary:archive", args=[added.pk]), {"archived": "1"})
    added.refresh_from_db()
    assert added.archived
    page = client.get(reverse("glossary:edit", args=[added.pk])).content.decode()
    assert "waterboarding" in page and "Restore" in page


def test_user_text_is_escaped(client, world):
    GlossaryTerm.objects.create(term_vi="<script>alert(1)</script>", term_en="x")
    client.force_login(world.viewer)
    page = client.get(reverse("glossary:list"), {"q": "script"}).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_api_lists_terms_to_members_only(client, world):
    assert ApiClient(client, None).get("/glossary").status_code == 401
    rows = ApiClient(client, world.viewer).get("/glossary", {"q": "quyen tre em"}).json()
    terms = {(row["term_vi"], row["term_en"]) for row in rows["items"]}
    assert ("quyền trẻ em", "rights of the child") in terms
    child = next(row for row in rows["items"] if row["term_en"] == "rights of the child")
    assert "child rights" in child["variants_en"]


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_import_is_all_or_nothing_with_row_and_column(tmp_path, world):
    bad = _write(
        tmp_path / "bad.csv",
        "term_vi,term_en,domain,archived\n"
        "trấn nước,waterboarding,human_rights,no\n"
        ",,drugs,maybe\n"
        "cưỡng hôn,forced marriage,family,no\n",
    )
    result = import_glossary(bad, world.coordinator)
    messages = [str(error) for error in result.errors]
    assert len(messages) == 4
    assert any("row 3" in m and "term_vi" in m for m in messages)
    assert any("row 3" in m and "archived" in m for m in messages)
    assert any("row 4" in m and "domain" in m for m in messages)
    assert not GlossaryTerm.objects.filter(term_vi="trấn nước").exists()


def test_import_adds_updates_and_keeps_missing_columns(tmp_path, world):
    good = _write(
        tmp_path / "good.csv",
        "Vietnamese term,English term,Domain\n"
        "trấn nước,waterboarding,human rights\n"
        "TRA TẤN,Torture,human_rights\n",
    )
    with pytest.raises(Exception, match="coordinators"):
        import_glossary(good, world.officer_a)
    result = import_glossary(good, world.coordinator)
    assert (result.created, result.updated, result.errors) == (1, 1, [])
    torture = GlossaryTerm.objects.get(term_en="Torture")
    assert torture.variants_en == "tortured; torturing; tortures"  # no variants column


def test_command_lists_exports_and_imports_back(tmp_path, world):
    out = StringIO()
    call_command("glossary", "list", "ma tuy", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    assert {"ma túy", "mua bán ma túy"} <= {row["term_vi"] for row in rows}
    exported = tmp_path / "glossary.csv"
    call_command("glossary", "export", "--output", str(exported))
    out = StringIO()
    call_command("glossary", "import", str(exported), "--json", stdout=out)
    counts = json.loads(out.getvalue())
    assert counts["created"] == counts["updated"] == 0
    assert counts["unchanged"] == GlossaryTerm.objects.count()
    bad = _write(tmp_path / "bad.csv", "term_vi\nkhông có tiếng Anh\n")
    with pytest.raises(CommandError):
        call_command("glossary", "import", str(bad), stderr=StringIO())
    with pytest.raises(CommandError):
        call_command("glossary", "import", str(exported), "--user", "officer_a")
