"""The LOGGING setting (camket/settings.py reads the environment and calls this)."""

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def logging_config(level: str, log_file: str = "") -> dict:
    """Everything at `level` and above to stderr, and to `log_file` too when given (reopened
    when logrotate moves it). Server errors reach it through `django.request`, which
    propagates to the root logger, with their traceback."""
    handlers: dict[str, dict] = {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}}
    if log_file:
        handlers["file"] = {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": log_file,
            "formatter": "plain",
            "encoding": "utf-8",
        }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": handlers,
        # Other libraries' messages from WARNING up; camket's own (imports, reminders, e-mails,
        # tagging runs, jobs) from `level` up.
        "root": {"handlers": list(handlers), "level": "WARNING"},
        "loggers": {"camket": {"level": level}},
    }
