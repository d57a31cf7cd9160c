from django.urls import path

from camket.translations import bulk_views, views

urlpatterns = [
    path(
        "recommendations/<int:pk>/translation/",
        views.translation_view,
        name="recommendation-translation",
    ),
    path("translations/", bulk_views.bulk_view, name="translations-bulk"),
]
