import pytest
from django.contrib.auth import get_user_model

from tests.personas import PASSWORD


@pytest.fixture
def superuser(world):
    return get_user_model().objects.create_superuser(
        username="root", password=PASSWORD, email="root@example.org"
    )


@pytest.fixture
def as_persona(client, world, superuser):
    """A client signed in as the persona named, or anonymous."""

    def sign_in(name: str):
        client.logout()
        if name != "anonymous":
            person = superuser if name == "superuser" else getattr(world, name)
            client.force_login(person)
        return client

    return sign_in
