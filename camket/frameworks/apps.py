from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_builtin_taxonomies(sender, **kwargs):
    from camket.frameworks.taxonomies import ensure_builtin_taxonomies

    ensure_builtin_taxonomies()


class FrameworksConfig(AppConfig):
    name = "camket.frameworks"
    label = "frameworks"
    verbose_name = _("Frameworks and recommendations")

    def ready(self):
        post_migrate.connect(_install_builtin_taxonomies, sender=self)
        from camket.frameworks.relevance import create_scores_table

        connection_created.connect(create_scores_table)
        from camket.frameworks.item_index import watch_items

        watch_items()
