import pytest
from django.contrib.auth import get_user_model

from camket.accounts.models import Agency
from camket.lib.history import attribute_change


@pytest.mark.django_db
def test_the_history_row_names_the_person_and_the_reason():
    person = get_user_model().objects.create_user("editor")
    agency = attribute_change(Agency(code="moj", name="Bộ Tư pháp"), person, "Added by hand")
    agency.save()
    row = agency.history.get()
    assert (row.history_user, row.history_change_reason) == (person, "Added by hand")


@pytest.mark.django_db
def test_the_system_is_no_user_and_no_reason_keeps_the_one_set_before():
    agency = Agency(code="mof", name="Bộ Tài chính")
    agency._change_reason = "Installed"
    attribute_change(agency, None)
    agency.save()
    row = agency.history.get()
    assert (row.history_user, row.history_change_reason) == (None, "Installed")
