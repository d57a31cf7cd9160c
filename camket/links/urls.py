from django.urls import path

from camket.links import register_views, views

urlpatterns = [
    path("recommendations/<int:pk>/links/", views.link_add, name="link-add"),
    path(
        "links/<int:pk>/confirm/", views.link_decide, {"decision": "confirm"}, name="link-confirm"
    ),
    path("links/<int:pk>/reject/", views.link_decide, {"decision": "reject"}, name="link-reject"),
    path("links/<int:pk>/remove/", views.link_decide, {"decision": "remove"}, name="link-remove"),
    path("links/suggestions/", views.suggestion_list, name="link-suggestions"),
    path("links/suggestions/run/", views.suggestion_run, name="link-suggestion-run"),
]

urlpatterns += [
    path(
        "recommendations/<int:pk>/register-links/",
        register_views.register_link_add,
        name="register-link-add",
    ),
    path(
        "register-links/<int:pk>/confirm/",
        register_views.register_link_decide,
        {"decision": "confirm"},
        name="register-link-confirm",
    ),
    path(
        "register-links/<int:pk>/reject/",
        register_views.register_link_decide,
        {"decision": "reject"},
        name="register-link-reject",
    ),
    path(
        "register-links/<int:pk>/remove/",
        register_views.register_link_decide,
        {"decision": "remove"},
        name="register-link-remove",
    ),
]
