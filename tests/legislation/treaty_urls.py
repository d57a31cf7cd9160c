"""The site's URLs with and without the treaties pages, to see the act page link to them only
when they exist. `without` (no_treaty_urls.py): the site less any "treaties" namespace;
`urlpatterns`: with a stand-in instrument page."""

from django.http import HttpResponse
from django.urls import include, path

from camket.urls import urlpatterns as site

without = [p for p in site if getattr(p, "namespace", None) != "treaties"]
treaty_pages = ([path("treaties/<str:key>/", lambda request, key: HttpResponse(key),
                      name="instrument")], "treaties")
urlpatterns = [*without, path("", include(treaty_pages))]
