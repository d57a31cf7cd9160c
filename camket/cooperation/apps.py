from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "camket.cooperation"
    label = "cooperation"
    verbose_name = _("International cooperation")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from camket.cooperation.models import CooperationRequest
        from camket.public.cache import portal_changed

        # the portal's yearly counts are cached like its other pages: a new count, a new page
        post_save.connect(
            portal_changed, sender=CooperationRequest, dispatch_uid="public-save-CooperationRequest"
        )
        post_delete.connect(
            portal_changed,
            sender=CooperationRequest,
            dispatch_uid="public-delete-CooperationRequest",
        )
        m2m_changed.connect(
            portal_changed,
            sender=CooperationRequest.handling_agencies.through,
            dispatch_uid="public-m2m-CooperationRequest",
        )
