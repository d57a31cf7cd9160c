from django.urls import path

from camket.exports import views
from camket.exports.opendata import SCHEMA_FILE

urlpatterns = [
    path(
        "exports/recommendations.<str:fmt>",
        views.recommendation_export_view,
        name="recommendation-export",
    ),
    path(
        "exports/recommendations",
        views.recommendation_export_view,
        name="recommendation-export-chosen",
    ),  # the format chosen in the form (?format=)
    path(
        "exports/actions.<str:fmt>",
        views.list_export_view,
        {"name": "actions"},
        name="actions-export",
    ),
    path("exports/<slug:name>.<str:fmt>", views.list_export_view, name="list-export"),
    path(
        "exports/<slug:name>", views.list_export_view, name="list-export-chosen"
    ),  # the format chosen in the form (?format=)
    path(f"open-data/schema/{SCHEMA_FILE}", views.schema_view, name="export-schema"),
    path("public/data/<slug:slug>.<str:format>", views.public_export_view, name="public-export"),
    path(
        "public/data/<slug:slug>/actions.<str:format>",
        views.public_actions_export_view,
        name="public-actions-export",
    ),
]
