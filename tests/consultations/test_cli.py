"""`camket consultation`: the same services and scoping as the pages."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from camket.consultations import services
from camket.consultations.models import Comment

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("consultation", *args, stdout=out)
    return out.getvalue()


def test_the_coordinator_lists_moderates_and_exports(world, consultation, tmp_path):
    comment = services.submit_comment(consultation, text="Một ý kiến", sender="s" * 64)
    listed = json.loads(run("list", "--user", "coordinator", "--json"))
    assert [(c["id"], c["pending"]) for c in listed] == [(consultation.pk, 1)]
    moderated = json.loads(
        run(
            "moderate",
            str(comment.pk),
            "--state",
            "published",
            "--response",
            "Cảm ơn",
            "--user",
            "coordinator",
            "--json",
        )
    )
    assert moderated[0]["state"] == "published" and moderated[0]["response"] == "Cảm ơn"
    comment.refresh_from_db()
    assert comment.history.first().history_user == world.coordinator
    run("export", str(consultation.pk), "--out", str(tmp_path / "c.csv"), "--user", "coordinator")
    assert "Một ý kiến" in (tmp_path / "c.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("persona", ["officer_a", "viewer", "mps_coordinator"])
def test_others_see_and_change_nothing(world, consultation, persona):
    comment = services.submit_comment(consultation, text="Một ý kiến", sender="s" * 64)
    assert json.loads(run("list", "--user", persona, "--json")) == []
    with pytest.raises(CommandError):
        run("comments", str(consultation.pk), "--user", persona)
    with pytest.raises(CommandError):
        run("moderate", str(comment.pk), "--state", "published", "--user", persona)
    assert Comment.objects.get().state == "pending"
