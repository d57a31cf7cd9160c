from django.urls import path

from camket.frameworks import framework_views, mapping_views, views

urlpatterns = [
    path("frameworks/", framework_views.framework_list_view, name="framework-list"),
    path("frameworks/new/", framework_views.framework_edit_view, name="framework-create"),
    path(
        "frameworks/<slug:slug>/edit/", framework_views.framework_edit_view, name="framework-edit"
    ),
    path(
        "frameworks/<slug:slug>/archive/",
        framework_views.framework_archive_view,
        name="framework-archive",
    ),
    path("recommendations/", views.recommendation_list, name="recommendation-list"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation-detail"),
    path("frameworks/<slug:slug>/tree/", views.framework_tree, name="framework-tree"),
    path("taxonomies/unmapped/", mapping_views.unmapped_list, name="taxonomy-unmapped"),
    path(
        "taxonomies/unmapped/<int:pk>/",
        mapping_views.unmapped_resolve,
        name="taxonomy-unmapped-resolve",
    ),
]
