from django.urls import path

from camket.treaties import import_views

urlpatterns = [
    path("treaties/import/", import_views.status_import, name="treaty-import"),
    path(
        "treaties/import/template-status.csv",
        import_views.import_template,
        {"kind": "status"},
        name="treaty-import-template",
    ),
    path(
        "treaties/import/template-reservations.csv",
        import_views.import_template,
        {"kind": "reservations"},
        name="treaty-import-template-reservations",
    ),
]
