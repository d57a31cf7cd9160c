"""`camket …` is the project's manage.py under a nicer name."""

import os
import sys


def cli_language() -> str:
    """Messages follow the terminal's locale: Vietnamese for vi_*, English otherwise."""
    for name in ("CAMKET_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "camket.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.utils import translation

    try:
        django.setup()
    except ImproperlyConfigured as error:
        # A bad environment (camket.lib.env): its own clear message, not a traceback.
        sys.exit(str(error))
    translation.activate(cli_language())
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
