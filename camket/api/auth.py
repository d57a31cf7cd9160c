from ninja.security import HttpBearer, django_auth

from camket.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer ck_…`; the request then acts as the token's user."""

    def authenticate(self, request, token):
        found = (
            ApiToken.objects.select_related("user", "user__membership")
            .filter(digest=ApiToken.hash_secret(token), revoked=False)
            .first()
        )
        if found is None or not found.user.is_active:
            return None
        found.mark_used()
        request.user = found.user
        return found.user


AUTH = [TokenAuth(), django_auth]
