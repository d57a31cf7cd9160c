"""What every signed-in page pays: the person is loaded with their membership and agency in
one query, and the menu asks no database permission tables."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from camket.accounts.backends import MemberBackend


@pytest.mark.parametrize("persona", ["coordinator", "officer_a", "viewer", "superuser"])
def test_a_signed_in_page_reads_no_permission_tables_and_the_membership_once(as_persona, persona):
    client = as_persona(persona)
    client.get("/manage/tokens/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/manage/tokens/")

    assert response.status_code == 200
    tables = [query["sql"] for query in queries.captured_queries]
    assert not [sql for sql in tables if "auth_permission" in sql]
    assert not [sql for sql in tables if sql.lstrip().startswith('SELECT "accounts_membership"')]
    assert not [sql for sql in tables if sql.lstrip().startswith('SELECT "accounts_agency"')]


def test_the_backend_loads_membership_and_agency_with_the_user(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = MemberBackend().get_user(world.officer_a.pk)
        assert user.membership.agency == world.agency_a


def test_the_backend_loads_a_person_without_membership_and_refuses_an_inactive_one(db):
    users = get_user_model().objects
    loner = users.create_user(username="loner", password="x")
    gone = users.create_user(username="gone", password="x", is_active=False)

    assert MemberBackend().get_user(loner.pk) == loner
    assert MemberBackend().get_user(gone.pk) is None
    assert MemberBackend().get_user(10**9) is None
