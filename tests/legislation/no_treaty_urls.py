"""The site's URLs less any "treaties" pages (see treaty_urls.py)."""

from tests.legislation.treaty_urls import without as urlpatterns  # noqa: F401
