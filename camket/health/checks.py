"""`camket check --deploy` also reports what camket needs to run in production."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Warning, register

from camket.lib import deploy_checks


@register(deploy=True)
def production_checks(app_configs, **kwargs):
    messages = []
    if not settings.CAMKET_PRODUCTION:
        messages.append(
            Warning(
                "CAMKET_PRODUCTION is off: the environment is not checked at start.",
                hint="Set CAMKET_PRODUCTION=1 on a production server (docs/deployment.md).",
                id="camket.W001",
            )
        )
    if "LocMemCache" in settings.CACHES["default"]["BACKEND"]:
        messages.append(
            Warning(
                "The cache is kept in each process's memory: with several gunicorn workers the "
                "portal shows a change late in the others and comment limits multiply.",
                hint="Set CAMKET_CACHE_DIR (or CAMKET_PRODUCTION=1, which uses the data "
                "directory's cache folder).",
                id="camket.W002",
            )
        )
    for problem in deploy_checks.data_dir_problems(Path(settings.DATA_DIR)):
        messages.append(Error(problem, id="camket.E001"))
    return messages
