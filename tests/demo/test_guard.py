"""`camket demo` refuses a database it did not make (issue 9, item 12)."""

from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from camket.accounts.models import Agency
from camket.demo.guard import NotADemoDatabase
from camket.demo.loader import load_demo
from camket.frameworks.models import Framework
from camket.web.models import DemoDatabase


def test_a_real_database_is_refused_and_left_as_it_was(db):
    Agency.objects.create(code="mofa", name="Bộ Ngoại giao (thật)", is_coordinator=True)
    get_user_model().objects.create_user(username="lan", password="a real secret")
    with pytest.raises(CommandError, match="not made by “camket demo”"):
        call_command("demo", "--skip-upr-info", stdout=StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()
    assert Agency.objects.get(code="mofa").name == "Bộ Ngoại giao (thật)"
    assert Agency.objects.count() == 1 and not DemoDatabase.objects.exists()


def test_a_framework_is_enough_to_refuse(db):
    Framework.objects.create(slug="upr-vn-4", name="UPR Viet Nam cycle 4", kind="upr_cycle")
    with pytest.raises(NotADemoDatabase):
        load_demo(today=date(2025, 6, 1))
    assert not get_user_model().objects.exists() and not Agency.objects.exists()


def test_an_empty_database_is_marked_and_may_be_filled_again(db):
    call_command("demo", "--skip-upr-info", stdout=StringIO())
    assert DemoDatabase.objects.count() == 1
    admin = get_user_model().objects.get(username="admin")
    out = StringIO()
    call_command("demo", "--skip-upr-info", stdout=out)
    assert "Demo ready" in out.getvalue() and DemoDatabase.objects.count() == 1
    assert get_user_model().objects.get(username="admin").pk == admin.pk


def test_a_database_an_earlier_demo_made_without_the_marker_is_still_the_demos(db):
    call_command("demo", "--skip-upr-info", stdout=StringIO())
    DemoDatabase.objects.all().delete()  # as made by camket before the marker existed
    call_command("demo", "--skip-upr-info", stdout=StringIO())
    assert DemoDatabase.objects.count() == 1
    # ...but not once its coordinator has a password of its own.
    DemoDatabase.objects.all().delete()
    coordinator = get_user_model().objects.get(username="coordinator")
    coordinator.set_password("changed for real use")
    coordinator.save()
    with pytest.raises(CommandError):
        call_command("demo", "--skip-upr-info", stdout=StringIO())
