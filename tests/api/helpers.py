"""Small helpers shared by the API permission tests."""

from camket.review import services


def save_as_officer(user, assessment, *, comment, submit=False, response="supported"):
    """Save (or submit) an assessment through the service, as the agency officer would."""
    assessment.refresh_from_db()
    services.save_assessment(
        user,
        assessment,
        {"comment": comment, "proposed_response": response},
        version=assessment.version,
        submit=submit,
    )
    assessment.refresh_from_db()
    return assessment


def ids_of(response) -> set[int]:
    body = response.json()
    items = body["items"] if isinstance(body, dict) else body
    return {item["id"] for item in items}
