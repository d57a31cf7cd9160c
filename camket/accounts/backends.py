"""Django's ModelBackend, loading the signed-in person with their membership and agency.

Every signed-in page asks the person's role and agency (the menu, scoping): loaded with the
user, they cost no extra query each."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class MemberBackend(ModelBackend):
    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("membership__agency").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
