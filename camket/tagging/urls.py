from django.urls import path

from camket.tagging import views

urlpatterns = [
    path("suggestions/", views.suggestion_list, name="suggestion-list"),
    path(
        "suggestions/<int:pk>/accept/",
        views.suggestion_decide,
        {"decision": "accept"},
        name="suggestion-accept",
    ),
    path(
        "suggestions/<int:pk>/reject/",
        views.suggestion_decide,
        {"decision": "reject"},
        name="suggestion-reject",
    ),
    path("suggestions/bulk/", views.suggestion_bulk, name="suggestion-bulk"),
    path("suggestions/runs/", views.tagging_run_start, name="tagging-run-start"),
    path("review/duplicates/", views.near_duplicates, name="near-duplicates"),
]
