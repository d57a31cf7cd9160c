"""On PostgreSQL the app's connections run without JIT compilation (settings.py): compiling
took longer than running the dashboard's queries."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_connections_run_without_jit():
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
