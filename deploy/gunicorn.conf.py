"""gunicorn settings for camket: `gunicorn -c deploy/gunicorn.conf.py camket.wsgi`.

Every number comes from the environment (deploy/camket.env.example), so the unit file needs no
edit. gunicorn reads this file as Python; GUNICORN_* names are read here, not by camket.
"""

import multiprocessing
import os


def _number(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"{name}={raw!r} is not a whole number.") from None


# nginx talks to gunicorn on the loopback only; it terminates TLS.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Django requests mostly wait on the database: 2 processes per core, a few threads each.
workers = _number("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2)
threads = _number("GUNICORN_THREADS", 4)
worker_class = "gthread"
# An import of a large spreadsheet is done in the request: leave it a few minutes.
timeout = _number("GUNICORN_TIMEOUT", 300)
graceful_timeout = _number("GUNICORN_GRACEFUL_TIMEOUT", 60)
# A client that keeps its connection open between pages (a browser, locust) must never send a
# request on it just as gunicorn closes it as idle: that race is a connection reset. nginx
# closes its upstream connections itself; a client straight on gunicorn needs more than its
# longest pause between pages.
keepalive = _number("GUNICORN_KEEPALIVE", 5)
# A worker is replaced after this many requests (and a random few more), so a slow leak in a
# library cannot grow a worker without bound.
max_requests = _number("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10
# The settings (and the check of the environment) are read once, before the workers fork: a
# bad environment stops gunicorn at start with camket's message, not in every worker.
preload_app = True
# Logs to stderr, which systemd's journal keeps (journalctl -u camket-web).
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "1") != "0" else None
# The usual combined format, then the time the request took in milliseconds.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# nginx on the same machine sets X-Forwarded-Proto; trust it from the loopback only.
forwarded_allow_ips = "127.0.0.1,::1"


def when_ready(server):
    """Build every view, the indexes of the lists and the item page once in the master, then
    freeze them out of the garbage collector's sight (`camket/lib/serving.py`): each worker forks
    with them ready, shares those memory pages, and no request pays a full collection of them.

    Django builds its URL resolver (and so imports every app's views and the API) on the first
    request; the TF-IDF index of the "similar items" takes seconds to fit.
    """
    from camket.lib.serving import prepare_to_serve

    prepare_to_serve()
