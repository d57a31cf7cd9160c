"""camket's WSGI application with every view imported before gunicorn forks its workers
(`--preload`): Django otherwise imports the URLconf, and with it openpyxl, scikit-learn and
the rest, on each worker's first request, which on a busy two-core machine took over 30 s and
had the first requests time out."""

from django.urls import get_resolver

from camket.wsgi import application

get_resolver().url_patterns  # noqa: B018 — imports every view module now

__all__ = ["application"]
