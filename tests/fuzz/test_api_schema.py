"""Schemathesis against the API's own OpenAPI schema, in-process (WSGI, no server): as a
coordinator with an API token, and anonymously. No answer may be a server error, and every
answer whose status the schema documents must match it. Bounded: a few examples per
operation (tests/fuzz/conftest.py), all operations in one test so the database is set up once.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import given
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import response_schema_conformance

from camket.accounts.models import ApiToken
from tests.fuzz.conftest import fuzz_settings

CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def api_schema(db):
    """The schema, its operations called in-process. Like Django's test client, keep the
    connection open between requests: closing it at a request's end would drop the test's
    transaction (PostgreSQL then answers every later request with "connection is closed")."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def failures_of(schema, headers: dict, examples: int) -> list[str]:
    """Every operation, `examples` cases each; the failures found, one line per operation."""
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @fuzz_settings(examples)
        def check(case):
            case.validate_response(case.call(headers=headers), checks=CHECKS)

        try:
            check()
        except (FailureGroup, Exception) as error:  # check failures, or a crash in a check
            found = getattr(error, "exceptions", [error])
            failures.append(f"{operation.label}: " + " | ".join(str(e)[:800] for e in found))
    return failures


def test_the_api_answers_a_coordinator_without_server_errors_and_as_documented(world, api_schema):
    _, secret = ApiToken.issue(world.coordinator, "fuzz")
    schema = api_schema
    assert len(list(schema.get_all_operations())) > 50  # the whole API, not an empty schema
    failures = failures_of(schema, {"Authorization": f"Bearer {secret}"}, examples=3)
    assert failures == [], "\n\n".join(failures)


def test_the_api_answers_anonymous_callers_without_server_errors(world, api_schema):
    failures = failures_of(api_schema, {}, examples=1)
    assert failures == [], "\n\n".join(failures)
