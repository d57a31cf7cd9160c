from django.urls import path

from camket.cooperation import public_views

urlpatterns = [
    path("", public_views.public_summary, name="public-cooperation"),
]
