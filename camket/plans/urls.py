from django.urls import path

from camket.plans import indicator_views, views

urlpatterns = [
    path("plans/", views.plan_list_view, name="plan-list"),
    path("plans/new/", views.plan_edit_view, name="plan-create"),
    path("plans/<int:pk>/", views.plan_detail_view, name="plan-detail"),
    path("plans/<int:pk>/edit/", views.plan_edit_view, name="plan-edit"),
    path("plans/<int:pk>/from-clusters/", views.plan_from_clusters_view, name="plan-from-clusters"),
    path("plans/<int:plan_pk>/actions/new/", views.action_edit_view, name="action-create"),
    path("actions/", views.action_list_view, name="action-list"),
    path("actions/export.xlsx", views.action_export_view, name="action-export"),
    path("actions/publication/", views.action_publication_view, name="action-publication"),
    path("actions/<int:pk>/", views.action_detail_view, name="action-detail"),
    path("actions/<int:pk>/edit/", views.action_edit_view, name="action-edit"),
    path("actions/<int:pk>/status/", views.action_status_view, name="action-status"),
    path(
        "actions/<int:pk>/indicators/new/",
        indicator_views.action_indicator_create_view,
        name="action-indicator-create",
    ),
    path(
        "recommendations/<int:pk>/indicators/new/",
        indicator_views.recommendation_indicator_create_view,
        name="recommendation-indicator-create",
    ),
    path("indicators/<int:pk>/", indicator_views.indicator_detail_view, name="indicator-detail"),
    path("indicators/<int:pk>/edit/", indicator_views.indicator_edit_view, name="indicator-edit"),
]
