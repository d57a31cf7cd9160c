from django.urls import path

from camket.public import views

# Fixed words first: a framework whose short name is "evidence" or "language" would be hidden.
urlpatterns = [
    path("", views.portal_home, name="public-home"),
    path("evidence/<int:pk>/", views.evidence_download, name="public-evidence"),
    path("language/<str:code>/", views.switch_language, name="public-language"),
    path("<slug:slug>/", views.framework_page, name="public-framework"),
    path("<slug:slug>/actions/", views.actions_page, name="public-actions"),
    path("<slug:slug>/actions/<int:pk>/", views.action_page, name="public-action"),
    # References may hold dots and slashes (A/HRC/41/7, 115.12): the rest of the path is one.
    path("<slug:slug>/items/<path:reference>/", views.item_page, name="public-item"),
]
