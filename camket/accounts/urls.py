from django.urls import path

from camket.accounts import agency_views, token_views, user_views

urlpatterns = [
    path("manage/", user_views.manage_home, name="manage"),
    path("manage/agencies/", agency_views.agency_list, name="manage-agencies"),
    path("manage/agencies/new/", agency_views.agency_edit, name="manage-agency-create"),
    path("manage/agencies/<int:pk>/", agency_views.agency_detail, name="manage-agency"),
    path("manage/agencies/<int:pk>/edit/", agency_views.agency_edit, name="manage-agency-edit"),
    path(
        "manage/agencies/<int:pk>/archive/",
        agency_views.agency_archive,
        name="manage-agency-archive",
    ),
    path("manage/users/", user_views.user_list, name="manage-users"),
    path("manage/users/new/", user_views.user_edit, name="manage-user-create"),
    path("manage/users/<int:pk>/", user_views.user_detail, name="manage-user"),
    path("manage/users/<int:pk>/edit/", user_views.user_edit, name="manage-user-edit"),
    path("manage/users/<int:pk>/active/", user_views.user_active, name="manage-user-active"),
    path("manage/users/<int:pk>/password/", user_views.user_password, name="manage-user-password"),
    path("manage/users/<int:pk>/tokens/", token_views.token_list, name="manage-user-tokens"),
    path("manage/tokens/", token_views.token_list, name="manage-tokens"),
    path(
        "manage/tokens/<int:token_pk>/revoke/", token_views.token_revoke, name="manage-token-revoke"
    ),
]
