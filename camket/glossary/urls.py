from django.urls import path

from camket.glossary import views

app_name = "glossary"
urlpatterns = [
    path("glossary/", views.term_list, name="list"),
    path("glossary/export.csv", views.term_export, name="export"),
    path("glossary/add/", views.term_create, name="create"),
    path("glossary/<int:pk>/", views.term_edit, name="edit"),
    path("glossary/<int:pk>/archive/", views.term_archive, name="archive"),
]
