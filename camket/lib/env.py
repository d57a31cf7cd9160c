"""Settings read from the environment through helpers that fail loudly on a bad value.

While settings are read (between `collect_problems()` and `raise_problems()`), a bad value is
noted and its default used, so that start-up ends with one message listing every problem
instead of stopping at the first one.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}

_problems: list[str] | None = None


def collect_problems() -> None:
    """From now on, note bad values instead of raising at the first one."""
    global _problems
    _problems = []


def note_problem(message: str) -> None:
    if _problems is None:
        raise ImproperlyConfigured(message)
    _problems.append(message)


def raise_problems() -> None:
    """Raise one ImproperlyConfigured naming every problem noted; stop collecting."""
    global _problems
    problems, _problems = _problems or [], None
    if problems:
        listed = "\n".join(f"  - {problem}" for problem in problems)
        raise ImproperlyConfigured(
            f"camket cannot start: fix the environment ({len(problems)} problem(s)):\n{listed}"
        )


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    note_problem(f"{name}={raw!r} is not a yes/no value (use 1/0, true/false).")
    return default


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        note_problem(f"{name}={raw!r} is not a whole number.")
        return default


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]
