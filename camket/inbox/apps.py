from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "camket.inbox"
    label = "inbox"
    verbose_name = _("My work")

    def ready(self):
        from camket.inbox.menu_counts import connect_signals

        connect_signals()
