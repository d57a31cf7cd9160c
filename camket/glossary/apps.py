from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_shipped_glossary(sender, **kwargs):
    from camket.glossary.shipped import install_glossary

    install_glossary()


class GlossaryConfig(AppConfig):
    name = "camket.glossary"
    label = "glossary"
    verbose_name = _("Glossary")

    def ready(self):
        post_migrate.connect(_install_shipped_glossary, sender=self)
        from camket.glossary.expansion import watch_vocabulary

        watch_vocabulary()
