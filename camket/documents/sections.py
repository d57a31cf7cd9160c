"""Sections other apps add to every report draft.

A consultation's summary and its published comments, with the coordinator's responses, end
each draft (see `camket.consultations.reporting`).
"""

from camket.consultations.reporting import consultation_section

__all__ = ["consultation_section"]
