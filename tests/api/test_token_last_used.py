"""An API token's last use is written at most once a minute, not on every call."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from camket.accounts.models import ApiToken


def test_last_used_is_written_once_a_minute(client, world):
    token, secret = ApiToken.issue(world.coordinator, "test")
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/frameworks", headers=headers).status_code == 200
    first = ApiToken.objects.get(pk=token.pk).last_used
    assert first is not None
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/frameworks", headers=headers).status_code == 200
    assert not [q for q in queries if "UPDATE" in q["sql"] and "apitoken" in q["sql"]]
    assert ApiToken.objects.get(pk=token.pk).last_used == first
    ApiToken.objects.filter(pk=token.pk).update(last_used=first - timedelta(minutes=2))
    client.get("/api/frameworks", headers=headers)
    assert ApiToken.objects.get(pk=token.pk).last_used > first - timedelta(seconds=1)
    assert ApiToken.objects.get(pk=token.pk).last_used <= timezone.now()
