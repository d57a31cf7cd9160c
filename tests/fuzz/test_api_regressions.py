"""What the API fuzzing found, each kept fixed by a plain test."""

import jsonschema

from camket.accounts.models import ApiToken

JSON = "application/json"


def _openapi(client) -> dict:
    return client.get("/api/openapi.json").json()


def test_json_exports_are_documented_as_the_json_objects_they_answer(world, client):
    # The schema said "string, binary" for every format, so a JSON answer broke clients that
    # validate answers (schemathesis: "Response violates schema").
    _, secret = ApiToken.issue(world.coordinator, "regression")
    paths = _openapi(client)["paths"]
    exports = [path for path in paths if path.startswith("/api/exports/")]
    assert len(exports) >= 5
    for path in exports:
        documented = paths[path]["get"]["responses"]["200"]["content"][JSON]["schema"]
        response = client.get(
            path, {"format": "json"}, headers={"Authorization": f"Bearer {secret}"}
        )
        if response.status_code == 200:
            jsonschema.validate(response.json(), documented)
        assert documented == {"type": "object"}, path
