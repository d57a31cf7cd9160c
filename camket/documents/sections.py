"""Sections other apps add to every report draft, when they are installed.

Consultation comments come from `camket.consultations` (built separately): its
`reporting.consultation_section(framework, kind, language)` returns None or an object with
`title`, `opens_on`, `closes_on`, `summary` and `comments` (each with `item_reference`,
`author`, `organisation`, `text`, `response`). Without that app, reports have no such section.
"""

import importlib

from django.apps import apps


def consultation_section(framework, kind: str, language: str):
    if not apps.is_installed("camket.consultations"):
        return None
    reporting = importlib.import_module("camket.consultations.reporting")
    return reporting.consultation_section(framework, kind, language)
