"""camket's URLs plus views that fail, for the error page tests."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.db import DatabaseError
from django.urls import path

from camket.urls import urlpatterns as camket_urlpatterns


def boom(request):
    raise RuntimeError("boom for the test")


def database_down(request):
    raise DatabaseError("the database is down")


def forbidden(request):
    raise PermissionDenied


def bad(request):
    raise BadRequest


urlpatterns = [
    path("test-errors/boom/", boom),
    path("test-errors/database-down/", database_down),
    path("test-errors/forbidden/", forbidden),
    path("test-errors/bad/", bad),
    *camket_urlpatterns,
]
