from django.urls import path

from camket.importers import views

urlpatterns = [
    path("imports/", views.import_view, name="import"),
]
