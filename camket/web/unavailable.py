"""The database cannot be reached: a 503 that says so, instead of a 500 or a crash.

Django turns any exception a view or a middleware raises into the 500 handler's response, so
this handler is where a lost database is noticed wherever it happens (the session, the user,
a view, the API). The page is rendered without the request, as Django's own 500 page is: no
context processor runs, so nothing touches the database again. Django opens a new connection
for the next request (CONN_HEALTH_CHECKS drops a broken persistent one), so the site works as
soon as the database is back: nothing to restart, no loop.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults

RETRY_AFTER_SECONDS = 60
API_PREFIX = "/api/"


def database_unreachable(error: BaseException | None) -> bool:
    """OperationalError covers a refused connection, a server restarting and SQLite's
    "database is locked" beyond its timeout; InterfaceError a connection already closed."""
    return isinstance(error, OperationalError | InterfaceError)


def unavailable_response(request) -> HttpResponse:
    message = _("The database cannot be reached at the moment; try again in a minute.")
    response: HttpResponse
    if request.path.startswith(API_PREFIX):
        response = JsonResponse({"detail": message}, status=503)
    else:
        page = loader.get_template("503.html").render({"message": message})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: a 503 when the database is the cause, Django's 500 page otherwise.

    Django logs the response once, with the traceback ("Service Unavailable: /path")."""
    if database_unreachable(sys.exc_info()[1]):
        return unavailable_response(request)
    return defaults.server_error(request, template_name)
